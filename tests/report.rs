//! `harmonia report`: golden reports (HTML and Markdown, one country and a region) on a
//! fixture corpus with its own framework, a hostile corpus whose strings must never come
//! alive, template overrides, the fuel limit, refused template names, and the atomic write
//! of --out.

mod common;

use common::{assert_nothing_live, golden, read, root, tempdir};
use predicates::prelude::*;

/// `harmonia` run from the crate root, so the fixture paths in outputs are stable.
fn harmonia() -> assert_cmd::Command {
    let mut cmd = common::harmonia();
    cmd.current_dir(root());
    cmd
}

const BASIC: &str = "tests/fixtures/report-basic";
const HOSTILE: &str = "tests/fixtures/hostile";
const AS_OF: &str = "2024-01-01";

/// Runs a report and returns the file written.
fn report(corpus: &str, scope: &[&str], format: &str) -> String {
    let dir = tempdir();
    let out = dir.path().join(format!("report.{format}"));
    harmonia()
        .args([
            "report", "--corpus", corpus, "--as-of", AS_OF, "--format", format,
        ])
        .args(["--framework", if corpus == HOSTILE { "hf" } else { "tf" }])
        .args(scope)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    read(&out)
}

#[test]
fn country_report_html_matches_golden() {
    let html = report(BASIC, &["XA"], "html");
    assert_nothing_live(&html);
    golden("render/report-xa.html", &html);
}

#[test]
fn country_report_markdown_matches_golden() {
    golden("render/report-xa.md", &report(BASIC, &["XA"], "md"));
}

#[test]
fn region_report_html_matches_golden() {
    let html = report(BASIC, &["--region", "testland"], "html");
    assert_nothing_live(&html);
    golden("render/report-testland.html", &html);
}

#[test]
fn region_report_markdown_matches_golden() {
    golden(
        "render/report-testland.md",
        &report(BASIC, &["--region", "Testland"], "md"),
    );
}

#[test]
fn html_report_is_self_contained_and_has_every_part() {
    let html = report(BASIC, &["XA"], "html");
    for part in [
        "Executive summary",
        "<svg",
        "class=\"heatmap\"",
        "<title>",
        "class=\"range-chart\"",
        "class=\"line-chart\"",
        "Dual criminality",
        "Appendix: drafts",
        "Provenance",
        "@media print",
    ] {
        assert!(html.contains(part), "missing {part}");
    }
    // Nothing is fetched: no external stylesheet, script, image or font.
    for tag in common::tags(&html) {
        assert!(
            !tag.attrs.iter().any(|(n, _)| n == "src"),
            "a source is fetched: {tag:?}"
        );
    }
    assert!(!html.contains("@import") && !html.contains("url("));
    // Sources are links only when http(s).
    assert!(html.contains("<a href=\"https://example.org/xa/codigo-penal\">"));
    assert!(html.contains("Boletín Oficial, 2 de mayo de 2018"));
    assert!(!html.contains("href=\"Boletín"));
}

#[test]
fn hostile_corpus_strings_never_come_alive_in_html() {
    for scope in [&["HA"][..], &["--region", "Hostland"][..]] {
        let html = report(HOSTILE, scope, "html");
        assert_nothing_live(&html);
        // Corpus text is a value, never a template: it prints as written.
        assert!(html.contains("{{ 7*7 }}"), "{scope:?}");
        assert!(html.contains("{% for %}"), "{scope:?}");
        assert!(
            !html.contains("Hostile 49") && !html.contains(" 49 {%"),
            "{scope:?}"
        );
        // Not even as plain substrings.
        assert!(!html.to_ascii_lowercase().contains("<script"), "{scope:?}");
        assert!(!html.contains("onerror="), "{scope:?}");
        // The hostile tags are there, escaped.
        assert!(html.contains("&lt;script&gt;alert(1)"), "{scope:?}");
        assert!(
            html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;"),
            "{scope:?}"
        );
        // Unsafe links in corpus Markdown became fragments; safe ones survive.
        assert!(html.contains("<a href=\"#\">"), "{scope:?}");
    }
    let html = report(HOSTILE, &["HA"], "html");
    assert!(html.contains("href=\"https://example.org/ok\""));
    // The model text's drafting (es) and the country name are in the report, escaped.
    assert!(html.contains("Hostile drafting es"));
    assert!(html.contains("Hostile country &lt;script&gt;"));
    assert!(html.contains("Hostile fine &lt;script&gt;"));
}

#[test]
fn hostile_corpus_strings_are_defused_in_markdown() {
    for scope in [&["HA"][..], &["--region", "Hostland"][..]] {
        let md = report(HOSTILE, scope, "md");
        assert!(!md.contains("<script"), "raw script tag");
        assert!(!md.contains("<img"), "raw img tag");
        assert!(!md.contains("Hostile 49"));
        // Rendered by a Markdown renderer that lets raw HTML and any link through, the
        // report still holds nothing live.
        let mut html = String::new();
        let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all());
        pulldown_cmark::html::push_html(&mut html, parser);
        assert_nothing_live(&html);
        assert!(html.contains("{{ 7*7 }}"), "{scope:?}");
    }
}

#[test]
fn templates_override_the_built_in_ones_by_name() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("partials")).unwrap();
    std::fs::write(
        dir.path().join("partials/heatmap.svg.j2"),
        "<p id=\"custom-heatmap\">{{ heatmap.rows | length }} rows</p>",
    )
    .unwrap();
    let out = dir.path().join("r.html");
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(&out)
        .arg("--templates")
        .arg(dir.path())
        .assert()
        .success();
    let html = read(&out);
    assert!(html.contains("<p id=\"custom-heatmap\">4 rows</p>"));
    assert!(
        html.contains("Executive summary"),
        "the rest stays built in"
    );
    assert!(
        html.contains("templates from"),
        "provenance names the override"
    );

    // A whole report template, still HTML-escaped whatever its name.
    std::fs::write(
        dir.path().join("report.html.j2"),
        "T={{ title }} {{ country.name }}\n",
    )
    .unwrap();
    let hostile_out = dir.path().join("h.html");
    harmonia()
        .args([
            "report",
            "HA",
            "--corpus",
            HOSTILE,
            "--framework",
            "hf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(&hostile_out)
        .arg("--templates")
        .arg(dir.path())
        .assert()
        .success();
    let text = read(&hostile_out);
    assert!(text.starts_with("T=Harmonization report: Hostile country &lt;script&gt;"));
}

#[test]
fn a_runaway_template_stops_on_fuel_with_exit_2() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("report.html.j2"),
        "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}",
    )
    .unwrap();
    let out = dir.path().join("r.html");
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(&out)
        .arg("--templates")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ran out of fuel"))
        .stderr(predicate::str::contains("report.html.j2"));
    assert!(!out.exists(), "nothing is written when rendering fails");
}

#[test]
fn template_names_leaving_the_folder_are_refused() {
    let dir = tempdir();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "SECRET").unwrap();
    std::fs::write(
        templates.join("report.html.j2"),
        "{% include \"../secret.txt\" %}",
    )
    .unwrap();
    let out = dir.path().join("r.html");
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(&out)
        .arg("--templates")
        .arg(&templates)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`..` is not allowed"))
        .stderr(predicate::str::contains("SECRET").not());
    std::fs::write(
        templates.join("report.html.j2"),
        "{% include \"/etc/passwd\" %}",
    )
    .unwrap();
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(&out)
        .arg("--templates")
        .arg(&templates)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("absolute paths are not allowed"));
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_templates_folder_is_refused() {
    let dir = tempdir();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(dir.path().join("secret.j2"), "SECRET").unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("secret.j2"),
        templates.join("report.html.j2"),
    )
    .unwrap();
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(dir.path().join("r.html"))
        .arg("--templates")
        .arg(&templates)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("leads outside"));
}

#[test]
fn an_existing_out_file_is_replaced_whole() {
    let dir = tempdir();
    let out = dir.path().join("report.html");
    std::fs::write(&out, "OLD CONTENT ".repeat(200_000)).unwrap();
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let html = read(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(!html.contains("OLD CONTENT"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.html"], "no temporary file is left behind");
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let dir = tempdir();
    let out = dir.path().join("r.html");
    harmonia()
        .args([
            "report",
            "ZZ",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown country `ZZ`"));
    harmonia()
        .args([
            "report",
            "--region",
            "Atlantis",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown region `Atlantis` (known: Elsewhere, Testland)",
        ));
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            "2024-02-30",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid date"));
    harmonia()
        .args([
            "report",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--templates",
            "/nonexistent-folder",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(2);
    assert!(!out.exists());
}

#[test]
fn the_live_check_catches_live_html() {
    for live in [
        "<p>x</p><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=' JaVaScRiPt:alert(1)'>x</a>",
        "<a href=\"java&#x2f;script:x\" onclick=\"x\">x</a>",
        "<svg><a xlink:href=\"data:text/html,x\">x</a></svg>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_nothing_live(live)).is_err();
        assert!(caught, "not caught: {live}");
    }
    // Escaped text and attribute values holding escaped text are not live.
    assert_nothing_live(
        "<p title=\"&lt;img src=x onerror=alert(1)&gt;\">&lt;script&gt; onerror=x</p>",
    );
}

#[test]
fn matrix_html_uses_the_report_heat_map() {
    let out = harmonia()
        .args([
            "matrix",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--format",
            "html",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("class=\"heatmap\""));
    assert_nothing_live(&html);
    golden("render/matrix.html", &html);
    // Hostile corpus: still nothing live.
    let out = harmonia()
        .args([
            "matrix",
            "--corpus",
            HOSTILE,
            "--framework",
            "hf",
            "--as-of",
            AS_OF,
            "--format",
            "html",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).unwrap();
    assert_nothing_live(&html);
    assert!(html.contains("{{ 7*7 }}"));
}
