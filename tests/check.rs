//! `harmonia check` on fixture corpora: a valid corpus with its own framework, and one
//! broken corpus per kind of bad input, each asserting the exit code, the file, the line and
//! column, and the message (with its hint where one helps). No input may panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// A copy of `tests/fixtures/valid` in a temporary folder, to break one file at a time.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid"),
            dir.path(),
        );
        Fixture { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Fixture {
        let p = self.dir.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
        self
    }

    /// Replaces `from` by `to` in file `rel` (which must contain it).
    fn edit(&self, rel: &str, from: &str, to: &str) -> &Fixture {
        let p = self.dir.path().join(rel);
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        fs::write(p, text.replacen(from, to, 1)).unwrap();
        self
    }

    /// Runs `harmonia check` on the fixture: (exit code, stderr).
    fn check(&self) -> (i32, String) {
        let out = harmonia()
            .args(["check", "--corpus"])
            .arg(self.path())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

fn harmonia() -> Command {
    let mut c = Command::cargo_bin("harmonia").unwrap();
    c.env_remove("HARMONIA_CORPUS").env("NO_COLOR", "1");
    c
}

/// Asserts one error at `file:line:col` whose message contains `message`.
#[track_caller]
fn assert_error(out: &(i32, String), location: &str, message: &str) {
    assert_eq!(out.0, 1, "exit code; stderr:\n{}", out.1);
    let block = out
        .1
        .split("\nerror: ")
        .map(|b| b.trim_start_matches("error: "))
        .find(|b| b.contains(&format!("--> {location}\n")))
        .unwrap_or_else(|| panic!("no error at {location}; stderr:\n{}", out.1));
    assert!(
        block.contains(message),
        "error at {location} lacks {message:?}:\n{block}"
    );
}

const ACT: &str = "statutes/xa/computer-act.md";
const OFFENCES: &str = "model-law/eu-directive/offences.md";

#[test]
fn the_valid_fixture_with_its_own_framework_checks_clean() {
    let f = Fixture::new();
    let (code, err) = f.check();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("check ok: 0 error(s)"), "{err}");
    assert!(
        err.contains("1 framework(s), 3 provision(s); 2 countries, 2 statute(s)"),
        "{err}"
    );
}

#[test]
fn the_shipped_corpus_checks_clean() {
    let out = harmonia().arg("check").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("check ok: 0 error(s)"), "{err}");
}

#[test]
fn yaml_syntax_error_in_front_matter_is_located_in_the_file() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "title: Computer Act 2015 (test statute)",
        "title: \"Computer Act 2015",
    );
    assert_error(
        &f.check(),
        &format!("{ACT}:5:1"),
        "invalid indentation in multiline quoted scalar",
    );
}

#[test]
fn yaml_syntax_error_in_a_block_uses_file_lines() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "    elements: [intent, without-right, hindering]",
        "    elements: [intent, without-right, hindering]]",
    );
    // The block starts at line 37 of the file; the error is on its line 3.
    assert_error(&f.check(), &format!("{ACT}:39:49"), "misplaced bracket");
}

#[test]
fn unknown_key_in_a_block_suggests_the_right_one() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "    elements: [intent, without-right, hindering]",
        "    elemnts: [intent, without-right, hindering]",
    );
    let out = f.check();
    assert_error(&out, &format!("{ACT}:39:5"), "unknown field `elemnts`");
    assert!(
        out.1.contains("hint: did you mean `elements`?"),
        "{}",
        out.1
    );
}

#[test]
fn unknown_key_in_front_matter_suggests_the_right_one() {
    let f = Fixture::new();
    f.edit(ACT, "language: en", "langauge: en");
    let out = f.check();
    assert_error(&out, &format!("{ACT}:5:1"), "unknown field `langauge`");
    assert!(out.1.contains("did you mean `language`?"), "{}", out.1);
}

#[test]
fn missing_required_key_is_named() {
    let f = Fixture::new();
    f.edit(ACT, "kind: act\n", "");
    assert_error(&f.check(), &format!("{ACT}:2:1"), "missing field `kind`");
}

#[test]
fn unknown_provision_suggests_the_nearest() {
    let f = Fixture::new();
    f.edit(ACT, "  - provision: eud-4\n", "  - provision: eud-44\n");
    let out = f.check();
    assert_error(&out, &format!("{ACT}:38:16"), "unknown provision `eud-44`");
    assert!(out.1.contains("id: xa-computer-act#s-2"), "{}", out.1);
    assert!(out.1.contains("did you mean `eud-4`?"), "{}", out.1);
}

#[test]
fn unknown_element_suggests_the_nearest_and_shows_a_caret() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "[intent, without-right, hindering]",
        "[intnt, without-right, hindering]",
    );
    let out = f.check();
    assert_error(
        &out,
        &format!("{ACT}:39:16"),
        "unknown element `intnt` of provision `eud-4`",
    );
    assert!(
        out.1
            .contains("39 |     elements: [intnt, without-right, hindering]"),
        "{}",
        out.1
    );
    assert!(out.1.contains("   |                ^^^^^"), "{}", out.1);
    assert!(out.1.contains("did you mean `intent`?"), "{}", out.1);
}

#[test]
fn unknown_option_and_an_element_listed_as_option() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "    elements: [intent, without-right, access, security-measure]",
        "    elements: [intent, without-right, access]\n    options: [not-minr, security-measure]",
    );
    let out = f.check();
    assert_error(&out, &format!("{ACT}:27:15"), "unknown option `not-minr`");
    assert!(out.1.contains("did you mean `not-minor`?"), "{}", out.1);
    assert_error(
        &out,
        &format!("{ACT}:27:25"),
        "unknown option `security-measure`",
    );
    assert!(
        out.1
            .contains("`security-measure` is an element of `eud-3`; list it under `elements`"),
        "{}",
        out.1
    );
}

#[test]
fn duplicate_statute_ids_across_files() {
    let f = Fixture::new();
    let text = fs::read_to_string(f.path().join(ACT)).unwrap();
    f.write("statutes/xa/copy.md", text);
    let out = f.check();
    assert_error(
        &out,
        "statutes/xa/copy.md:2:1",
        "duplicate statute id `xa-computer-act`",
    );
    assert!(
        out.1
            .contains("`statutes/xa/computer-act.md` already uses this id"),
        "{}",
        out.1
    );
}

#[test]
fn duplicate_section_ids() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "## Section 2: Interference {#s-2}",
        "## Section 2: Interference {#s-1}",
    );
    assert_error(
        &f.check(),
        &format!("{ACT}:32:1"),
        "duplicate section id `s-1` in statute `xa-computer-act`",
    );
}

#[test]
fn duplicate_provision_ids() {
    let f = Fixture::new();
    f.edit(OFFENCES, "provision: eud-4\n", "provision: eud-3\n");
    assert_error(
        &f.check(),
        &format!("{OFFENCES}:33:12"),
        "duplicate provision id `eud-3`",
    );
}

#[test]
fn statute_id_must_start_with_its_country_code() {
    let f = Fixture::new();
    f.edit(ACT, "id: xa-computer-act", "id: computer-act");
    assert_error(
        &f.check(),
        &format!("{ACT}:2:5"),
        "statute id `computer-act` does not start with its country code `xa-`",
    );
}

#[test]
fn country_code_must_match_its_folder() {
    let f = Fixture::new();
    f.edit("statutes/xb/country.yaml", "code: XB", "code: XC");
    assert_error(
        &f.check(),
        "statutes/xb/country.yaml:1:7",
        "country code `XC` differs from its folder `statutes/xb`",
    );
}

#[test]
fn invalid_dates() {
    let f = Fixture::new();
    f.edit(ACT, "in_force: 2015-09-04", "in_force: 2015-02-30");
    assert_error(
        &f.check(),
        &format!("{ACT}:8:11"),
        "invalid date in `in_force`: `2015-02-30` is not a valid date",
    );
}

#[test]
fn unknown_penalty_units() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "prison: [6 months, 5 years]",
        "prison: [6 months, 5 fortnights]",
    );
    assert_error(
        &f.check(),
        &format!("{ACT}:41:22"),
        "unknown penalty unit `fortnights`",
    );
}

#[test]
fn minimum_above_maximum() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "prison: [6 months, 5 years]",
        "prison: [6 years, 5 years]",
    );
    assert_error(
        &f.check(),
        &format!("{ACT}:41:21"),
        "prison minimum `6 years` is above the maximum `5 years`",
    );
}

#[test]
fn an_area_the_framework_lacks() {
    let f = Fixture::new();
    f.edit(OFFENCES, "area: cooperation", "area: coperation");
    let out = f.check();
    assert_error(
        &out,
        &format!("{OFFENCES}:56:7"),
        "area `coperation` is not one of the framework's areas",
    );
    assert!(out.1.contains("did you mean `cooperation`?"), "{}", out.1);
}

#[test]
fn a_reservation_on_an_unknown_provision() {
    let f = Fixture::new();
    f.edit(
        "statutes/xa/country.yaml",
        "provision: eud-13",
        "provision: eud-31",
    );
    assert_error(
        &f.check(),
        "statutes/xa/country.yaml:11:20",
        "unknown provision `eud-31`",
    );
}

#[test]
fn a_framework_without_an_id() {
    let f = Fixture::new();
    f.edit("model-law/eu-directive/framework.yaml", "id: eud\n", "");
    let out = f.check();
    assert_error(
        &out,
        "model-law/eu-directive/framework.yaml:1:1",
        "framework has no `id`",
    );
    assert!(out.1.contains("hint: add `id:"), "{}", out.1);
}

#[test]
fn a_statute_with_no_front_matter() {
    let f = Fixture::new();
    f.write("statutes/xa/bare.md", "## Section 1\n\nText.\n");
    assert_error(
        &f.check(),
        "statutes/xa/bare.md:1:1",
        "statute has no front matter",
    );
}

#[test]
fn an_empty_file() {
    let f = Fixture::new();
    f.write("statutes/xa/empty.md", "");
    let (code, err) = f.check();
    assert_eq!(code, 1);
    assert!(
        err.contains("error: empty file\n --> statutes/xa/empty.md\n"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_located() {
    let f = Fixture::new();
    f.write(
        "statutes/xa/latin1.md",
        b"---\nid: xa-latin1\ntitle: C\xf3digo\n---\n".as_slice(),
    );
    assert_error(
        &f.check(),
        "statutes/xa/latin1.md:3:9",
        "file is not valid UTF-8",
    );
}

#[test]
fn hostile_yaml_fails_fast() {
    let f = Fixture::new();
    // An alias bomb in a block.
    let mut bomb = String::from("implements: []\nnote: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        bomb.push_str(&format!(
            "n{i}: &a{i} [*a{}, *a{0}, *a{0}, *a{0}, *a{0}, *a{0}, *a{0}, *a{0}, *a{0}, *a{0}]\n",
            i - 1
        ));
    }
    f.write("statutes/xa/bomb.md", format!("---\nid: xa-bomb\ncountry: XA\ntitle: B\nlanguage: en\nkind: act\nenacted: 2020-01-01\n---\n\n## S\n\n```harmonia\n{bomb}```\n"));
    // 200 KB of nested flow mappings in front matter.
    let deep = format!(
        "---\nid: {}{}\n---\n",
        "{a: ".repeat(50_000),
        "}".repeat(50_000)
    );
    f.write("statutes/xa/deep.md", deep);
    // Deep block nesting.
    let mut block = String::from("---\nid: xa-deeper\n");
    for i in 0..200 {
        block.push_str(&format!("{}k{i}:\n", "  ".repeat(i + 1)));
    }
    block.push_str("---\n");
    f.write("statutes/xa/deeper.md", block);
    let start = Instant::now();
    let out = f.check();
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "hostile YAML took {:?}",
        start.elapsed()
    );
    assert_eq!(out.0, 1);
    assert!(out.1.contains("--> statutes/xa/bomb.md:"), "{}", out.1);
    assert_error(
        &out,
        "statutes/xa/deep.md:2:101",
        "YAML nested deeper than 24 levels",
    );
    assert!(out.1.contains("--> statutes/xa/deeper.md:"), "{}", out.1);
}

#[test]
fn a_20_mb_statute_is_processed() {
    let f = Fixture::new();
    let mut text = String::from("---\nid: xa-big\ncountry: XA\ntitle: Big\nlanguage: en\nkind: act\nenacted: 2020-01-01\nreview: unverified\nsources: [https://example.org]\n---\n\n");
    let para = "Text of a very long statute, repeated to make the file large. ".repeat(20);
    let mut n = 0;
    while text.len() < 20 * 1024 * 1024 {
        n += 1;
        text.push_str(&format!("## Section {n}\n\n{para}\n\n"));
    }
    f.write("statutes/xa/big.md", text);
    let (code, err) = f.check();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_a_message() {
    let f = Fixture::new();
    let p = f.path().join("statutes/xa/huge.md");
    fs::File::create(&p)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let (code, err) = f.check();
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "error: file is 65.0 MiB, larger than the limit of 64 MiB\n --> statutes/xa/huge.md"
        ),
        "{err}"
    );
}

#[test]
fn every_error_of_a_run_is_reported_together() {
    let f = Fixture::new();
    f.edit(ACT, "language: en", "langauge: en");
    f.edit(
        "statutes/xb/codigo.md",
        "elements: [intent, access]",
        "elements: [intent, acces]",
    );
    f.edit(
        "statutes/xa/country.yaml",
        "status: party",
        "status: partie",
    );
    let (code, err) = f.check();
    assert_eq!(code, 1);
    assert!(err.contains("check FAILED: 3 error(s)"), "{err}");
    for file in [ACT, "statutes/xb/codigo.md", "statutes/xa/country.yaml"] {
        assert!(
            err.contains(&format!("--> {file}:")),
            "{file} missing:\n{err}"
        );
    }
}

#[test]
fn json_output_lists_diagnostics() {
    let f = Fixture::new();
    f.edit(ACT, "language: en", "langauge: en");
    let out = harmonia()
        .args(["check", "--format", "json", "--corpus"])
        .arg(f.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["diagnostics"][0]["file"], ACT);
    assert_eq!(v["diagnostics"][0]["line"], 5);
    assert_eq!(v["diagnostics"][0]["hint"], "did you mean `language`?");
}

#[test]
fn a_missing_corpus_folder_is_an_io_error() {
    let out = harmonia()
        .args(["check", "--corpus", "/nonexistent/harmonia-corpus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/harmonia-corpus")
    );
}

#[test]
fn the_corpus_can_come_from_the_environment() {
    let f = Fixture::new();
    let out = harmonia()
        .arg("check")
        .env("HARMONIA_CORPUS", f.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 provision(s)"));
}

#[test]
fn a_folder_without_model_law_uses_the_built_in_frameworks() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("statutes/xa")).unwrap();
    fs::write(
        dir.path().join("statutes/xa/country.yaml"),
        "code: XA\nname: Testland A\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("statutes/xa/act.md"),
        "---\nid: xa-act\ncountry: XA\ntitle: Act\nlanguage: en\nkind: act\nenacted: 2020-01-01\nreview: unverified\nsources: [https://example.org]\n---\n\n## S1\n\nText.\n\n```harmonia\nimplements:\n  - provision: bc-2\n    elements: [intent, access]\n```\n",
    )
    .unwrap();
    let out = harmonia()
        .args(["check", "--corpus"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("38 provision(s)"), "{err}");
}

#[test]
fn list_provisions_json_has_the_38_budapest_provisions() {
    let out = harmonia()
        .args([
            "list",
            "provisions",
            "--framework",
            "bc",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v["provisions"].as_array().unwrap();
    assert_eq!(list.len(), 38);
    let ids: Vec<&str> = list.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..5], ["bc-1a", "bc-1b", "bc-1c", "bc-1d", "bc-2"]);
    assert_eq!(ids[37], "bc-35");
    for p in list {
        for key in ["id", "article", "area", "title", "elements", "options"] {
            assert!(!p[key].is_null(), "{key} missing in {p}");
        }
    }
    let bc2 = list.iter().find(|p| p["id"] == "bc-2").unwrap();
    assert_eq!(
        bc2["elements"][0],
        serde_json::json!({"id": "intent", "label": bc2["elements"][0]["label"]})
    );
}

#[test]
fn list_filters_are_checked_and_ids_shown_whole() {
    let run = |args: &[&str]| harmonia().args(args).output().unwrap();
    for (args, message) in [
        (
            &["list", "provisions", "--area", "substantiv"][..],
            "unknown area `substantiv`; did you mean `substantive`?",
        ),
        (
            &["list", "statutes", "--country", "XX"][..],
            "unknown country `XX`",
        ),
        (
            &["list", "provisions", "--framework", "bd"][..],
            "unknown framework `bd`",
        ),
    ] {
        let out = run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    // Countries by name, areas in any case.
    let out = run(&[
        "list",
        "statutes",
        "--country",
        "argentina",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let statutes = v["statutes"].as_array().unwrap();
    assert!(!statutes.is_empty());
    assert!(statutes.iter().all(|s| s["country"] == "AR"), "{v}");
    // The table keeps element and option ids whole (people copy them into reservations).
    let out = run(&["list", "provisions", "--area", "Procedural"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("judicial-supervision, grounds, scope-duration, third-parties"),
        "{table}"
    );
}

#[test]
fn list_commands_on_a_fixture() {
    let f = Fixture::new();
    let out = harmonia()
        .args(["list", "countries", "--format", "json", "--corpus"])
        .arg(f.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["countries"][0]["code"], "XA");
    assert_eq!(
        v["countries"][0]["treaties"][0]["reservations"][0]["provision"],
        "eud-13"
    );
    let out = harmonia()
        .args(["list", "statutes", "--format", "json", "--corpus"])
        .arg(f.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let st = &v["statutes"][0];
    for key in [
        "id", "country", "title", "language", "kind", "enacted", "in_force", "repealed", "sources",
        "review", "sections",
    ] {
        assert!(st.get(key).is_some(), "{key} missing");
    }
    assert_eq!(st["sections"][0]["id"], "xa-computer-act#s-1");
    let table = harmonia()
        .args(["list", "frameworks", "--corpus"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("eud  Attacks against information systems")
    );
}

#[test]
fn a_corpus_with_errors_stops_other_commands_with_exit_1() {
    let f = Fixture::new();
    f.edit(ACT, "language: en", "langauge: en");
    let out = harmonia()
        .args(["list", "statutes", "--corpus"])
        .arg(f.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field `langauge`"));
}

#[test]
fn usage_errors_exit_2() {
    let out = harmonia().args(["list", "nothing"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = harmonia()
        .args(["list", "provisions", "--framework", "zz"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown framework `zz`"));
}

// ---------------------------------------------------------------------------------------
// Format v2: evidence keys, life and aggravated penalties, dates.

const COUNTRY: &str = "statutes/xa/country.yaml";

/// The warnings of a run (exit code 0), as text.
fn warnings(out: &(i32, String)) -> &str {
    assert_eq!(out.0, 0, "warnings only; stderr:\n{}", out.1);
    &out.1
}

#[test]
fn v2_evidence_keys_are_read_and_checked() {
    let f = Fixture::new();
    f.edit(
        COUNTRY,
        "        note: a test reservation\n",
        "        note: a test reservation\n    designations:\n      - provision: eud-13\n        authority: National contact point\n        date: 2015-10-01\n        sources: [https://example.org/depositary]\n    domestic_effect: {date: 2015-09-04, sources: [https://example.org/decree]}\nreviews:\n  - framework: eud\n    areas: [substantive]\n    checked: 2026-11-30\n    sources: [https://example.org/xa/gazette]\nextradites_nationals: {rule: conditional, sources: [https://example.org/xa/constitution]}\n",
    );
    let out = f.check();
    assert_eq!(out.0, 0, "{}", out.1);
    assert!(!out.1.contains("warning: `"), "{}", out.1);
}

#[test]
fn a_review_of_an_unknown_provision_or_area() {
    let f = Fixture::new();
    f.write(
        COUNTRY,
        "code: XA\nname: Testland A\nreviews:\n  - framework: eud\n    provisions: [eud-33]\n    sources: [https://example.org/a]\n  - framework: eud\n    areas: [substantiv]\n    sources: [https://example.org/a]\n",
    );
    let out = f.check();
    assert_error(
        &out,
        &format!("{COUNTRY}:5:17"),
        "unknown provision `eud-33` in a review of `eud`",
    );
    assert_error(
        &out,
        &format!("{COUNTRY}:8:12"),
        "unknown area `substantiv` in a review of `eud`",
    );
    assert!(out.1.contains("did you mean `substantive`?"), "{}", out.1);
}

#[test]
fn claims_without_sources_are_warnings() {
    let f = Fixture::new();
    f.edit(
        COUNTRY,
        "        note: a test reservation\n",
        "        note: a test reservation\n    designations:\n      - provision: eud-13\n        date: 2015-10-01\n    domestic_effect: 2015-09-04\nreviews:\n  - framework: eud\n    provisions: all\n",
    );
    let out = f.check();
    let w = warnings(&out);
    assert!(
        w.contains("designation under `eud-13` cites no sources"),
        "{w}"
    );
    assert!(
        w.contains("`domestic_effect` of XA / eud cites no sources"),
        "{w}"
    );
    assert!(w.contains("review cites no sources"), "{w}");
    assert!(
        w.contains(&format!("--> {COUNTRY}:19:16")),
        "the review is located: {w}"
    );
}

#[test]
fn life_is_only_a_maximum_and_terms_are_bounded() {
    let f = Fixture::new();
    f.edit(ACT, "prison: [6 months, 5 years]", "prison: [life, life]");
    assert_error(
        &f.check(),
        &format!("{ACT}:41:12"),
        "`life` can only be a maximum",
    );
    let f = Fixture::new();
    f.edit(
        ACT,
        "prison: [6 months, 5 years]",
        "prison: [1 year, 99999999999999999999 years]",
    );
    assert_error(
        &f.check(),
        &format!("{ACT}:41:20"),
        "is longer than 200 years; write `life` for life imprisonment",
    );
    let f = Fixture::new();
    f.edit(
        ACT,
        "prison: [6 months, 5 years]",
        "prison: [6 months, life]",
    );
    assert_eq!(f.check().0, 0, "life as a maximum is valid");
}

#[test]
fn aggravated_ranges_and_per_mapping_penalties_are_validated() {
    let f = Fixture::new();
    f.edit(
        ACT,
        "prison: [6 months, 5 years]",
        "prison: [6 months, 5 years]\n  aggravated:\n    - prison: [2 years, 1 year]\n      when: against critical infrastructure",
    );
    assert_error(
        &f.check(),
        &format!("{ACT}:43:25"),
        "prison minimum `2 years` is above the maximum `1 year`",
    );
}

#[test]
fn years_outside_1000_to_9999_are_refused() {
    let f = Fixture::new();
    f.edit(ACT, "in_force: 2015-09-04", "in_force: -0001-09-04");
    assert_error(
        &f.check(),
        &format!("{ACT}:8:11"),
        "`-0001-09-04` is not a valid date",
    );
    let f = Fixture::new();
    f.edit(ACT, "in_force: 2015-09-04", "in_force: 0999-09-04");
    assert_error(
        &f.check(),
        &format!("{ACT}:8:11"),
        "years before 1000 are not accepted",
    );
}

#[test]
fn in_force_before_enacted_is_a_warning() {
    let f = Fixture::new();
    f.edit(ACT, "in_force: 2015-09-04", "in_force: 2015-01-04");
    let out = f.check();
    let w = warnings(&out);
    assert!(
        w.contains(
            "statute `xa-computer-act` is in force (2015-01-04) before it is enacted (2015-06-01)"
        ),
        "{w}"
    );
}

#[test]
fn a_code_with_undated_mapped_sections_is_a_warning() {
    let f = Fixture::new();
    f.edit(ACT, "kind: act", "kind: code");
    let out = f.check();
    let w = warnings(&out);
    assert!(w.contains("code `xa-computer-act` has"), "{w}");
    assert!(
        w.contains("mapped section(s) without dates of their own"),
        "{w}"
    );
}
