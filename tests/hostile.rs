//! Hostile corpus strings through every output channel: a fixture corpus
//! (`tests/fixtures/hostile-output`) whose country names, titles, headings, fines and
//! section texts hold HTML, links, link reference definitions, formula prefixes, escape
//! sequences (ESC, OSC, CSI, the 8-bit CSI U+009B) and bidirectional controls, printed by
//! `gaps`, `matrix`, `penalties`, `compare`, `history` (Markdown, CSV, table), `report`
//! (Markdown and HTML files) and `search`. Nothing may come alive in any of them.

mod common;

use common::{fixture, harmonia, stdout, tempdir};

const FRAMEWORK: &str = "ho";
const AS_OF: &str = "2024-01-01";

fn run(args: &[&str], format: &str) -> String {
    stdout(
        harmonia()
            .args(args)
            .arg("--corpus")
            .arg(fixture("hostile-output"))
            .args(["--framework", FRAMEWORK, "--format", format]),
    )
}

/// Commands and their arguments, each run in Markdown, CSV and table form.
const COMMANDS: &[&[&str]] = &[
    &["gaps", "HC", "--as-of", AS_OF],
    &["matrix", "--as-of", AS_OF],
    &["penalties", "--as-of", AS_OF],
    &["compare", "HC", "HD", "--as-of", AS_OF],
    &["history", "HC", "--as-of", AS_OF],
];

/// No control character a terminal or a viewer would act on.
fn assert_no_controls(text: &str, what: &str) {
    for c in ['\u{1b}', '\u{9b}', '\u{7}', '\u{202E}', '\u{2066}'] {
        assert!(!text.contains(c), "{what}: holds {c:?}:\n{text}");
    }
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
        "{what}: holds a control character"
    );
}

/// Markdown rendered by a renderer that lets raw HTML and any link through.
fn render(md: &str) -> String {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

fn assert_inert_markdown(md: &str, what: &str) {
    assert_no_controls(md, what);
    let html = render(md);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{what}: a live script:\n{html}");
    assert!(!lower.contains("<img"), "{what}: a live image:\n{html}");
    assert!(
        !lower.contains("href=\"javascript"),
        "{what}: a live link:\n{html}"
    );
    // `onerror=` may stand in text (`&lt;img ... onerror=...&gt;`), never in a tag.
    for tag in lower.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        assert!(!tag.contains("onerror"), "{what}: <{tag}>");
    }
}

#[test]
fn markdown_outputs_hold_nothing_live() {
    for args in COMMANDS {
        let md = run(args, "md");
        assert_inert_markdown(&md, &args.join(" "));
        // The hostile text is there, shown as text.
        assert!(md.contains("&lt;script&gt;"), "{}: {md}", args.join(" "));
    }
    // Our own markup is kept.
    assert!(run(COMMANDS[0], "md").contains("| **overall** |"));
}

#[test]
fn csv_outputs_start_no_formula() {
    for args in COMMANDS {
        let text = run(args, "csv");
        assert_no_controls(&text, &args.join(" "));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut cells = 0;
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                cells += 1;
                // harmonia's own "none" marker: a lone `-` is no formula.
                if cell == "-" {
                    continue;
                }
                let first = cell.trim_start_matches(' ').chars().next();
                assert!(
                    !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                    "{}: formula cell {cell:?}",
                    args.join(" ")
                );
            }
        }
        assert!(cells > 0);
    }
    // The values are kept, behind the quote.
    let penalties = run(COMMANDS[2], "csv");
    assert!(penalties.contains(",'=cmd|"), "{penalties}");
    assert!(penalties.contains(",'@SUM(1+1)"), "{penalties}");
    assert!(penalties.contains(",'=1+1,"), "{penalties}");
    assert!(penalties.contains(",'-2+3 "), "{penalties}");
    let gaps = run(COMMANDS[0], "csv");
    assert!(gaps.contains(",'=Entering a system"), "{gaps}");
    assert!(gaps.contains(",'-Damaging data @x,"), "{gaps}");
}

#[test]
fn terminal_outputs_carry_no_escape_sequences() {
    for args in COMMANDS {
        let text = run(args, "table");
        assert_no_controls(&text, &args.join(" "));
    }
    assert!(run(COMMANDS[2], "table").contains("=cmd|' /C calc'!A0 <script>"));
}

#[test]
fn report_files_hold_nothing_live() {
    let dir = tempdir();
    for format in ["md", "html"] {
        let out = dir.path().join(format!("r.{format}"));
        harmonia()
            .args(["report", "HC", "--corpus"])
            .arg(fixture("hostile-output"))
            .args([
                "--framework",
                FRAMEWORK,
                "--as-of",
                AS_OF,
                "--format",
                format,
            ])
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        let text = std::fs::read_to_string(&out).unwrap();
        assert_no_controls(&text, &format!("report {format}"));
        if format == "md" {
            assert_inert_markdown(&text, "report md");
            // A reference in one section and a `javascript:` definition in another.
            assert!(text.contains("See [click][r] here."), "{text}");
            assert!(!text.contains("javascript:"), "{text}");
            let html = render(&text);
            for href in html.split("href=\"").skip(1) {
                assert!(href.starts_with("https://example.org/"), "{href}");
            }
        } else {
            assert!(!text.to_ascii_lowercase().contains("<script>alert"));
        }
    }
}

#[test]
fn search_results_carry_no_escape_sequences() {
    let dir = tempdir();
    for format in ["table", "md", "json"] {
        let out = harmonia()
            .args(["search", "access", "--corpus"])
            .arg(fixture("hostile-output"))
            .arg("--index")
            .arg(dir.path().join("index"))
            .args(["--format", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("hc-code#s-1"), "{format}: {text}");
        assert_no_controls(&text, &format!("search {format}"));
        if format == "md" {
            assert_inert_markdown(&text, "search md");
        }
    }
}

/// A copy of the hostile-output corpus with `edit` applied to one of its files.
fn edited_corpus(file: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempdir();
    copy_dir(&fixture("hostile-output"), dir.path());
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
    dir
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn check(corpus: &std::path::Path) -> (bool, String) {
    let out = harmonia()
        .args(["check", "--corpus"])
        .arg(corpus)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_unclosed_comment_that_hides_mappings_is_a_located_warning() {
    let corpus = edited_corpus("statutes/hc/code.md", |t| {
        t.replace(
            "See [click][r] here.",
            "See [click][r] here.\n\n<!-- reviewer note",
        )
    });
    let (_, stderr) = check(corpus.path());
    assert!(
        stderr.contains("warning: HTML comment `<!--` is never closed"),
        "{stderr}"
    );
    assert!(stderr.contains("statutes/hc/code.md:16:1"), "{stderr}");
    assert!(stderr.contains("2 harmonia block(s) not read"), "{stderr}");
}

#[test]
fn yaml_messages_speak_plain_words() {
    for (edit, wanted) in [
        (
            ("name: \"@SUM", "name:\nx: \"@SUM"),
            "this key has no value",
        ),
        (
            ("region: Outland", "region: Outland\nregion: Other"),
            "key `region` is written twice",
        ),
    ] {
        let corpus = edited_corpus("statutes/hd/country.yaml", |t| {
            t.replacen(edit.0, edit.1, 1)
        });
        let (ok, stderr) = check(corpus.path());
        assert!(!ok);
        assert!(stderr.contains(wanted), "{stderr}");
        assert!(stderr.contains("statutes/hd/country.yaml:"), "{stderr}");
        for leak in ["Option<", "DuplicateKeyPolicy", "Options"] {
            assert!(!stderr.contains(leak), "{leak}: {stderr}");
        }
    }
}

#[test]
fn years_outside_0001_to_9999_are_located_errors() {
    for year in ["-0001", "0000", "10000"] {
        let corpus = edited_corpus("statutes/hd/code.md", |t| {
            t.replace("in_force: 2011-01-01", &format!("in_force: {year}-01-01"))
        });
        let (ok, stderr) = check(corpus.path());
        assert!(!ok, "{year} accepted");
        assert!(stderr.contains("invalid date in `in_force`"), "{stderr}");
        assert!(stderr.contains("statutes/hd/code.md:7:"), "{stderr}");
    }
}

/// Builds an index of the gap fixture in a fresh folder; returns the folder and the live
/// generation's segment files with extension `ext`.
fn built_index(ext: &str) -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let dir = tempdir();
    harmonia()
        .args(["index", "--corpus"])
        .arg(fixture("gap"))
        .arg("--index")
        .arg(dir.path().join("idx"))
        .assert()
        .success();
    let current = std::fs::read_to_string(dir.path().join("idx/CURRENT")).unwrap();
    let generation = dir.path().join("idx").join(current.trim());
    let files = std::fs::read_dir(&generation)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    (dir, files)
}

fn flip_middle_byte(path: &std::path::Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let i = bytes.len() / 2;
    bytes[i] ^= 0xff;
    std::fs::write(path, bytes).unwrap();
}

fn index_cmd(dir: &std::path::Path, extra: &[&str]) -> (String, String) {
    let out = harmonia()
        .args(["index", "--corpus"])
        .arg(fixture("gap"))
        .arg("--index")
        .arg(dir.join("idx"))
        .args(extra)
        .assert()
        .success()
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn index_finds_a_corrupted_segment_instead_of_saying_up_to_date() {
    for ext in ["term", "store", "idx", "pos", "fast", "fieldnorm"] {
        let (dir, files) = built_index(ext);
        assert!(!files.is_empty(), "{ext}");
        flip_middle_byte(&files[0]);
        let (stdout, stderr) = index_cmd(dir.path(), &[]);
        assert!(!stdout.contains("up to date"), "{ext}: {stdout}");
        assert!(stdout.contains("built the index"), "{ext}: {stdout}");
        assert!(
            stderr.contains("the index was damaged") && stderr.contains("fails its checksum"),
            "{ext}: {stderr}"
        );
        // Repaired: the next run finds it whole.
        let (stdout, stderr) = index_cmd(dir.path(), &[]);
        assert!(stdout.contains("index is up to date"), "{stdout}");
        assert!(stderr.is_empty(), "{stderr}");
    }
}

#[test]
fn search_rebuilds_a_damaged_index_and_answers() {
    type Edit = fn(&std::path::Path);
    let damage: [(&str, Edit); 3] = [
        ("store", |p| std::fs::write(p, b"").unwrap()),
        ("term", |p| {
            let b = std::fs::read(p).unwrap();
            std::fs::write(p, &b[..b.len() / 2]).unwrap();
        }),
        ("idx", |p| std::fs::remove_file(p).unwrap()),
    ];
    for (ext, edit) in damage {
        let (dir, files) = built_index(ext);
        edit(&files[0]);
        let out = harmonia()
            .args(["search", "access", "--format", "json", "--corpus"])
            .arg(fixture("gap"))
            .arg("--index")
            .arg(dir.path().join("idx"))
            .assert()
            .success()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("the index was damaged: segment file") && stderr.contains("rebuilt it"),
            "{ext}: {stderr}"
        );
        assert!(!stderr.contains("IoError"), "plain words: {stderr}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!v["hits"].as_array().unwrap().is_empty(), "{ext}: {v}");
    }
}
