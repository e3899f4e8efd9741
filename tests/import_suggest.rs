//! `harmonia import` and `harmonia suggest` on fixture sources written for these tests (never
//! copied from real law): golden outputs of each importer, located errors for bad input,
//! suggestions on fixture statutes in es, pt, en, fr and de worded unlike the model law,
//! `--apply` and its review markers, and the evaluation.

mod common;

use std::path::Path;

use common::{fixture, golden, harmonia, json, stdout, tempdir};
use predicates::prelude::*;

fn import_golden(source: &str, country: &str, golden_name: &str) -> String {
    let out = stdout(harmonia().current_dir(common::root()).args([
        "import",
        &format!("tests/fixtures/import/{source}"),
        "--country",
        country,
    ]));
    golden(&format!("import/{golden_name}"), &out);
    out
}

/// A corpus folder holding one country (`cc`) with `files`, borrowing the built-in frameworks.
fn corpus_with(cc: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempdir();
    let folder = dir.path().join("statutes").join(cc);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("country.yaml"),
        format!("code: {}\nname: Testland {cc}\n", cc.to_uppercase()),
    )
    .unwrap();
    for (name, text) in files {
        std::fs::write(folder.join(name), text).unwrap();
    }
    dir
}

/// `text`, written as `statutes/<cc>/<name>` of a corpus, passes `harmonia check`.
fn passes_check(cc: &str, name: &str, text: &str) {
    let dir = corpus_with(cc, &[(name, text)]);
    harmonia()
        .args(["check", "--corpus"])
        .arg(dir.path())
        .assert()
        .success();
}

#[test]
fn markdown_code_imports_with_ids_from_numbers() {
    let out = import_golden("code.md", "de", "code.md");
    assert!(out.contains("id: de-mrg\n"), "short title gives the id");
    assert!(out.contains("enacted: 2019-03-14\n") && out.contains("in_force: 2019-07-01\n"));
    assert!(
        out.contains("{#p-3a}") && out.contains("{#p-3a-2}"),
        "duplicates told apart"
    );
    assert!(out.contains("repealed: the source shows a placeholder"));
    assert!(
        !out.contains("```harmonia\nthis block"),
        "a source block never becomes a mapping"
    );
    passes_check("de", "mrg.md", &out);
}

#[test]
fn akoma_ntoso_act_imports_with_frbr_metadata() {
    let out = import_golden("act.xml", "gb", "act.md");
    assert!(out.contains("id: gb-sample-computer-harm-act-2020\n"));
    assert!(out.contains("language: en\n"));
    assert!(out.contains("enacted: 2020-05-02\n") && out.contains("in_force: 2020-09-01\n"));
    assert!(out.contains("## Section 1 Entering a computer without leave {#s-1}"));
    assert!(
        out.contains("(2) A person guilty"),
        "numbers stay with their text"
    );
    assert!(
        !out.contains("editorial note"),
        "authorial notes are left out"
    );
    passes_check("gb", "act.md", &out);
}

#[test]
fn plain_text_in_spanish_and_french() {
    let es = import_golden("ley.txt", "xs", "ley.md");
    assert!(es.contains("{#art-1}") && es.contains("{#art-2-bis}") && es.contains("{#art-3}"));
    assert!(es.contains("# TÍTULO I - Disposiciones generales"));
    assert!(es.contains("language: es\n"));
    // The source states no date: the front matter leaves it out and check says so.
    let dir = corpus_with("xs", &[("ley.md", &es)]);
    harmonia()
        .args(["check", "--corpus"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "has neither `enacted` nor `in_force`",
        ));
    let fr = import_golden("loi.txt", "xf", "loi.md");
    assert!(fr.contains("language: fr\n"));
    assert!(
        fr.contains("Section 1 : Définitions"),
        "a French section is a division"
    );
    assert!(fr.contains("{#art-2}") && fr.contains("repealed: the source"));
}

#[test]
fn bad_xml_is_located_and_nothing_is_written() {
    let dir = tempdir();
    let out = dir.path().join("out.md");
    harmonia()
        .current_dir(common::root())
        .args([
            "import",
            "tests/fixtures/import/not-xml.xml",
            "--country",
            "gb",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: not well-formed XML"))
        .stderr(predicate::str::contains(
            "--> tests/fixtures/import/not-xml.xml:5:",
        ))
        .stderr(predicate::str::contains("nothing was written"));
    assert!(!out.exists());
}

#[test]
fn unknown_akn_elements_are_all_reported() {
    harmonia()
        .current_dir(common::root())
        .args([
            "import",
            "tests/fixtures/import/unknown-element.xml",
            "--country",
            "gb",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown Akoma Ntoso element <articel> in <body>",
        ))
        .stderr(predicate::str::contains("unknown-element.xml:6:7"))
        .stderr(predicate::str::contains(
            "unknown Akoma Ntoso element <banana>",
        ))
        .stderr(predicate::str::contains("unknown-element.xml:7:7"))
        .stdout(predicate::str::is_empty());
}

#[test]
fn text_without_article_headings_is_refused() {
    harmonia()
        .current_dir(common::root())
        .args([
            "import",
            "tests/fixtures/import/no-articles.txt",
            "--country",
            "xs",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: no article headings found"))
        .stderr(predicate::str::contains("no-articles.txt:1:1"))
        .stderr(predicate::str::contains("hint:"));
}

#[test]
fn bad_arguments_are_usage_errors() {
    harmonia()
        .current_dir(common::root())
        .args([
            "import",
            "tests/fixtures/import/ley.txt",
            "--country",
            "xs",
            "--id",
            "ar-x",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("must start with `xs-`"));
    harmonia()
        .args(["import", "no/such/file.txt", "--country", "xs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no/such/file.txt"));
}

fn suggestions(lang: &str) -> serde_json::Value {
    json(harmonia().current_dir(common::root()).args([
        "suggest",
        &format!("tests/fixtures/suggest/{lang}.md"),
        "--format",
        "json",
    ]))
}

fn section<'a>(v: &'a serde_json::Value, local: &str) -> &'a serde_json::Value {
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["section"]
                .as_str()
                .unwrap()
                .ends_with(&format!("#{local}"))
        })
        .unwrap_or_else(|| panic!("no section {local} in {v}"))
}

fn suggested(s: &serde_json::Value) -> Vec<&str> {
    s["suggested"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

fn prison(s: &serde_json::Value) -> (Option<f64>, Option<f64>, bool) {
    let p = &s["penalty"]["prison"];
    (
        p["min_months"].as_f64(),
        p["max_months"].as_f64(),
        p["life"].as_bool().unwrap(),
    )
}

/// Each fixture: an access offence, a data offence (fraud in es, child abuse material in pt),
/// an unrelated offence and a commencement clause, each offence with at most one of the model
/// law's terms for its provision. The cases below are the ones the suggester gets right
/// (docs/suggest.md lists the three it does not: pt art. 1, en s. 2 and de § 1). No golden
/// file: the answer moves with every change to the shipped corpus the model learns from.
#[test]
fn suggestions_in_five_languages_worded_unlike_the_model_law() {
    let right = [
        ("es", "art-1", "bc-2"),
        ("es", "art-2", "bc-8"),
        ("pt", "art-2", "bc-9"),
        ("en", "s-1", "bc-2"),
        ("fr", "art-1", "bc-2"),
        ("fr", "art-2", "bc-4"),
        ("de", "p-2", "bc-4"),
    ];
    let quiet = [
        ("es", ["art-3", "art-4"]),
        ("pt", ["art-3", "art-4"]),
        ("en", ["s-3", "s-4"]),
        ("fr", ["art-3", "art-4"]),
        ("de", ["p-3", "p-4"]),
    ];
    for (lang, sections) in quiet {
        let v = suggestions(lang);
        for local in sections {
            let s = section(&v, local);
            assert!(
                suggested(s).is_empty(),
                "{lang} {local} should get no suggestion: {s}"
            );
        }
        assert!(
            section(&v, sections[1])["penalty"].is_null(),
            "{lang}: no term to read"
        );
        for (l, local, provision) in right.iter().filter(|(l, _, _)| *l == lang) {
            let s = section(&v, local);
            assert_eq!(
                s["candidates"][0]["provision"], *provision,
                "{l} {local}: {s}"
            );
            let confident = s["candidates"][0]["confidence"].as_f64().unwrap() >= 0.5;
            assert_eq!(
                suggested(s).contains(provision),
                confident,
                "{l} {local}: {s}"
            );
        }
    }
}

#[test]
fn penalties_are_read_in_every_fixture_language() {
    let v = suggestions("es");
    assert_eq!(prison(section(&v, "art-1")), (Some(6.0), Some(24.0), false));
    assert_eq!(
        prison(section(&v, "art-2")),
        (Some(24.0), Some(72.0), false)
    );
    let v = suggestions("pt");
    assert_eq!(
        prison(section(&v, "art-1")),
        (Some(12.0), Some(48.0), false)
    );
    let v = suggestions("en");
    assert_eq!(prison(section(&v, "s-1")), (None, Some(24.0), false));
    assert_eq!(prison(section(&v, "s-2")), (None, Some(60.0), false));
    let v = suggestions("fr");
    assert_eq!(prison(section(&v, "art-1")), (None, Some(24.0), false));
    let v = suggestions("de");
    assert_eq!(prison(section(&v, "p-1")), (None, Some(36.0), false));
    // The aggravated variant raises the maximum and sets the lowest minimum stated.
    assert_eq!(prison(section(&v, "p-2")), (Some(6.0), Some(120.0), false));
}

#[test]
fn json_follows_the_contract() {
    let v = suggestions("en");
    let keys = |o: &serde_json::Value| {
        let mut k: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["sections", "statute"]);
    assert_eq!(v["statute"], "xe-example-act");
    let s = section(&v, "s-1");
    assert_eq!(s["section"], "xe-example-act#s-1");
    assert_eq!(
        keys(s),
        ["candidates", "heading", "penalty", "section", "suggested"]
    );
    assert_eq!(
        keys(&s["candidates"][0]),
        ["confidence", "elements", "provision"]
    );
    assert_eq!(keys(&s["penalty"]), ["prison"]);
    assert_eq!(
        keys(&s["penalty"]["prison"]),
        ["life", "max_months", "min_months"]
    );
    let c: Vec<f64> = s["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["confidence"].as_f64().unwrap())
        .collect();
    assert!(c.windows(2).all(|w| w[0] >= w[1]), "best first: {c:?}");
}

#[test]
fn apply_marks_suggestions_and_never_touches_a_person_s_block() {
    let text = std::fs::read_to_string(fixture("suggest/es.md")).unwrap();
    // A person already mapped article 3 (wrongly, on purpose): it must stay as written.
    let person = "\n```harmonia\nimplements:\n  - provision: bc-5\n    elements: [intent]\n```\n";
    let text = text.replace(
        "castigado con prisión de uno a cinco años.\n",
        &format!("castigado con prisión de uno a cinco años.\n{person}"),
    );
    let dir = corpus_with("xs", &[("ley.md", &text)]);
    let file = dir.path().join("statutes/xs/ley.md");
    harmonia()
        .args(["suggest", "--apply", "--corpus"])
        .arg(dir.path())
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 annotated section(s) left alone",
        ));
    let applied = std::fs::read_to_string(&file).unwrap();
    assert!(applied.contains(person), "the person's block is unchanged");
    assert!(applied.contains("  - provision: bc-8\n"));
    assert!(applied.contains("    suggested: true\n"));
    assert!(applied.contains("  prison: [2 years, 6 years]\n"));
    assert!(!section_block(&applied, "## Artículo 4").contains("implements"));
    // check counts what awaits review, as warnings located at the marker.
    harmonia()
        .args(["check", "--corpus"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "suggested mapping(s) await review: bc-8",
        ))
        .stderr(predicate::str::contains("statutes/xs/ley.md:"))
        .stderr(predicate::str::contains(
            "suggested mapping(s) await review\n",
        ));
    // A suggested mapping is never evidence: bc-2 is not covered.
    let gaps = json(
        harmonia()
            .args(["gaps", "XS", "--format", "json", "--corpus"])
            .arg(dir.path()),
    );
    let bc2 = gaps["provisions"]
        .as_array()
        .or_else(|| gaps["coverage"].as_array())
        .unwrap_or_else(|| panic!("no provisions in {gaps}"))
        .iter()
        .find(|p| p["provision"] == "bc-8")
        .unwrap()
        .clone();
    assert_ne!(bc2["status"], "full", "{bc2}");
    assert_ne!(bc2["status"], "partial", "{bc2}");
    // A second run finds every section annotated and writes nothing new.
    harmonia()
        .args(["suggest", "--apply", "--corpus"])
        .arg(dir.path())
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("0 block(s) written"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), applied);
}

fn section_block<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text.find(heading).unwrap();
    let rest = &text[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn import_then_suggest_apply_then_check() {
    let dir = corpus_with("de", &[]);
    let file = dir.path().join("statutes/de/mrg.md");
    harmonia()
        .current_dir(common::root())
        .args([
            "import",
            "tests/fixtures/import/code.md",
            "--country",
            "de",
            "--out",
        ])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "imported de-mrg (markdown): 5 article(s), 1 repealed placeholder(s)",
        ));
    harmonia()
        .args(["suggest", "--apply", "--corpus"])
        .arg(dir.path())
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        section_block(&text, "## § 3a Eindringen in fremde Rechner {#p-3a}")
            .contains("provision: bc-2")
    );
    harmonia()
        .args(["check", "--corpus"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("await review"));
}

#[test]
fn suggest_reports_a_broken_statute_with_its_location() {
    let dir = tempdir();
    let file = dir.path().join("broken.md");
    std::fs::write(
        &file,
        "---\nid: xs-broken\ncountry: XS\ntitle: T\nlanguage: es\nkind: act\nenacted: 2020-01-01\n---\n\n## A {#a}\n\nTexto.\n\n```harmonia\nimplements:\n  - provision: bc-99\n```\n",
    )
    .unwrap();
    let display = file.display().to_string();
    harmonia()
        .args(["suggest"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bc-99"))
        .stderr(predicate::str::contains(format!("{display}:16:")));
    assert!(Path::new(&display).exists());
}

#[test]
fn evaluation_runs_both_models_on_the_shipped_corpus() {
    let v = json(harmonia().args(["suggest", "--evaluate", "--format", "json"]));
    let runs = v.as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["model"], "lexical");
    assert_eq!(runs[1]["model"], "corpus");
    let all = |r: &serde_json::Value| r["rows"].as_array().unwrap().last().unwrap().clone();
    let (lex, cor) = (all(&runs[0]), all(&runs[1]));
    assert_eq!(lex["language"], "all");
    let top1 = |r: &serde_json::Value| r["top1"].as_f64().unwrap() / r["mapped"].as_f64().unwrap();
    assert!(cor["mapped"].as_u64().unwrap() > 200);
    // The heavier model is only the default because it beats the baseline.
    assert!(
        top1(&cor) > top1(&lex),
        "corpus {} vs lexical {}",
        top1(&cor),
        top1(&lex)
    );
    assert!(top1(&cor) >= 0.8, "top-1 {}", top1(&cor));
}
