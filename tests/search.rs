//! `harmonia index` and `harmonia search` on fixture corpora: stemming, cross-language and
//! concept queries, every filter, dates, snippets in each format, the JSON shape, incremental
//! refresh, recovery from interrupted builds and stale locks, malformed queries, and the
//! shipped corpus in each of its languages. Indexes always live in temporary folders.

mod common;

use common::sections;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/search-multilang";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

fn harmonia() -> Command {
    let mut c = Command::cargo_bin("harmonia").unwrap();
    c.env_remove("HARMONIA_CORPUS")
        .env_remove("HARMONIA_INDEX")
        .env("NO_COLOR", "1");
    c
}

/// A folder under Cargo's scratch space, emptied once per test run and shared by the tests
/// that only read (they also exercise concurrent first builds under the build lock).
fn shared_index(name: &str) -> PathBuf {
    static CLEANED: OnceLock<()> = OnceLock::new();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("search-tests");
    CLEANED.get_or_init(|| {
        let _ = fs::remove_dir_all(&root);
    });
    root.join(name)
}

/// Runs `harmonia search` on the fixture (shared index) with `args`.
fn search(args: &[&str]) -> Output {
    harmonia()
        .arg("search")
        .arg("--corpus")
        .arg(fixture())
        .arg("--index")
        .arg(shared_index("fixture"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs a fixture search with `--format json` and returns the answer.
#[track_caller]
fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = search(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn countries(v: &Value) -> Vec<String> {
    let mut c: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["country"].as_str().unwrap().to_string())
        .collect();
    c.sort();
    c.dedup();
    c
}

fn hit<'a>(v: &'a Value, section: &str) -> &'a Value {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["section"] == section)
        .unwrap_or_else(|| panic!("no hit {section} in {v:#}"))
}

/// Exit code and stderr of a failing fixture search.
#[track_caller]
fn fails(args: &[&str]) -> (i32, String) {
    let out = search(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// ---------------------------------------------------------------------------------------
// Language analysis

#[test]
fn words_are_stemmed_lower_cased_and_accent_folded() {
    // The text says "Los delitos informáticos".
    assert_eq!(
        sections(&json(&["delito informático"])),
        ["xa-codigo-penal#art-10"]
    );
    assert!(
        sections(&json(&["DELITOS INFORMATICOS"])).contains(&"xa-codigo-penal#art-10".to_string())
    );
    // German: "verändert" in the text, "veränderte" asked.
    assert_eq!(
        sections(&json(&["veränderte", "--language", "de"])),
        ["xd-stgb#p-303a"]
    );
    // English: "intending" in the text.
    assert!(sections(&json(&["intends"])).contains(&"xc-misuse-act#s-1".to_string()));
}

#[test]
fn a_spanish_query_finds_portuguese_cognates() {
    let v = json(&["sistemas informáticos", "--language", "pt"]);
    assert_eq!(sections(&v), ["xb-lei-12#art-154-a"]);
    let snippet = hit(&v, "xb-lei-12#art-154-a")["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("<mark>sistemas</mark> <mark>informáticos</mark>"),
        "{snippet}"
    );
}

#[test]
fn languages_without_a_stemmer_are_folded() {
    let v = json(&["ACCESSO", "--country", "xe"]);
    assert_eq!(sections(&v), ["xe-codice-penale#art-615-ter"]);
    assert_eq!(hit(&v, "xe-codice-penale#art-615-ter")["language"], "it");
}

#[test]
fn an_english_provision_name_finds_sections_in_every_language() {
    // None of these sections says "illegal access": they are annotated as implementing mm-1.
    let v = json(&["illegal access"]);
    assert_eq!(countries(&v), ["XA", "XB", "XC", "XD", "XE"]);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["provisions"] == serde_json::json!(["mm-1"])));
}

#[test]
fn a_concept_term_in_one_language_finds_the_others() {
    let v = json(&["Datenveränderung"]);
    assert_eq!(
        sorted(sections(&v)),
        [
            "xa-codigo-penal#art-11",
            "xb-lei-12#art-155",
            "xc-misuse-act#s-3",
            "xd-stgb#p-303a"
        ]
    );
    let v = json(&["registro y secuestro"]);
    assert_eq!(sections(&v), ["xd-stgb#p-102"]);
}

#[test]
fn concept_phrases_and_fields_match_whole_provisions() {
    // A label of mm-1 as a phrase finds every section implementing mm-1, in each language,
    // and nothing else; the same words out of order find nothing.
    let mm1 = sorted(sections(&json(&["provision:mm-1", "--all-dates"])));
    assert_eq!(mm1.len(), 5);
    let v = json(&["\"entry into a computer system\"", "--all-dates"]);
    assert_eq!(sorted(sections(&v)), mm1);
    assert!(json(&["\"system computer entry\"", "--all-dates"])["hits"]
        .as_array()
        .unwrap()
        .is_empty());
    // A concept field named in the query.
    let mm2 = sorted(sections(&json(&["provision:mm-2", "--all-dates"])));
    let v = json(&["concept_en:deleting", "--all-dates"]);
    assert_eq!(sorted(sections(&v)), mm2);
    assert_eq!(
        sections(&json(&["concept_de:Durchsuchung"])),
        ["xd-stgb#p-102"]
    );
    // Field filters in the query still apply to sections found through a provision.
    assert_eq!(
        sections(&json(&["country:xb entry", "--all-dates"])),
        ["xb-lei-12#art-154-a"]
    );
    let v = json(&["entry NOT country:xb", "--all-dates"]);
    let expected: Vec<String> = mm1
        .iter()
        .filter(|s| !s.starts_with("xb-"))
        .cloned()
        .collect();
    assert_eq!(sorted(sections(&v)), expected);
}

// ---------------------------------------------------------------------------------------
// Query syntax

#[test]
fn phrases_operators_and_fields_work() {
    assert_eq!(
        sections(&json(&["\"sistema o dato\""])),
        ["xa-codigo-penal#art-10"]
    );
    assert!(json(&["\"dato o sistema\""])["hits"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        sorted(sections(&json(&["löscht OR apaga"]))),
        ["xb-lei-12#art-155", "xd-stgb#p-303a"]
    );
    let v = json(&["datos NOT reservados", "--country", "xa"]);
    assert!(!sections(&v).contains(&"xa-codigo-penal#art-30".to_string()));
    assert_eq!(
        sections(&json(&["heading:allanamiento"])),
        ["xa-codigo-penal#art-30"]
    );
    assert_eq!(
        sorted(sections(&json(&["country:xb"]))),
        ["xb-lei-12#art-154-a", "xb-lei-12#art-155"]
    );
    assert_eq!(sections(&json(&["provision:mm-3"])), ["xd-stgb#p-102"]);
}

#[test]
fn malformed_queries_get_a_message_and_exit_2() {
    for (query, message) in [
        ("\"unclosed", "a quote or parenthesis is not closed"),
        ("(datos OR", "a quote or parenthesis is not closed"),
        ("AND", "stands without a word"),
        ("nosuchfield:x", "names the field `nosuchfield:`"),
        ("-datos", "only excludes words"),
    ] {
        let (code, err) = fails(&["--", query]);
        assert_eq!(code, 2, "{query}: {err}");
        assert!(err.contains(message), "{query}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn odd_queries_never_panic() {
    for query in [
        "***", "\\", "+", "a^", "[a TO", "title:", "\"\"", "é", "-", ":", "((((", "x\ty", "🙂",
    ] {
        let out = search(&["--", query]);
        let code = out.status.code().unwrap_or(-1);
        assert!(
            code == 0 || code == 2,
            "{query:?} exited {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Filters

#[test]
fn every_filter_narrows_the_answer() {
    assert_eq!(
        countries(&json(&["informático", "--country", "xb"])),
        ["XB"]
    );
    assert_eq!(
        countries(&json(&["informático", "--country", "XA,xb"])),
        ["XA", "XB"]
    );
    assert_eq!(
        countries(&json(&["illegal access", "--region", "europe"])),
        ["XC", "XD", "XE"]
    );
    assert_eq!(
        sections(&json(&["--area", "procedural"])),
        ["xd-stgb#p-102"]
    );
    assert_eq!(
        countries(&json(&["illegal access", "--language", "de,pt"])),
        ["XB", "XD"]
    );
    assert_eq!(
        sections(&json(&["--provision", "mm-2"])),
        [
            "xa-codigo-penal#art-11",
            "xb-lei-12#art-155",
            "xc-misuse-act#s-3",
            "xd-stgb#p-303a"
        ],
        "a filter-only listing is sorted by section"
    );
    assert_eq!(
        sections(&json(&["--provision", "MM-1", "--country", "xd"])),
        ["xd-stgb#p-202a"]
    );
    // A country may be named as in the other commands.
    assert_eq!(
        sections(&json(&["--provision", "mm-1", "--country", "Testland D"])),
        ["xd-stgb#p-202a"]
    );
}

#[test]
fn filters_naming_nothing_known_are_usage_errors() {
    for (args, message) in [
        (&["--country", "zz"][..], "unknown country `ZZ`"),
        (&["--country", "xyz"][..], "unknown country `xyz`"),
        (&["--provision", "mm-9"][..], "unknown provision `mm-9`"),
        (&["--provision", "nonsense"][..], "is not a provision id"),
        (&["--region", "Atlantis"][..], "unknown region `Atlantis`"),
        (&["--area", "substantiv"][..], "did you mean `substantive`"),
        (&["--language", "deu"][..], "is not a language code"),
        (&["--as-of", "2020-13-01"][..], "--as-of"),
        (
            &["--as-of", "2020-01-01", "--all-dates"][..],
            "cannot be used with",
        ),
    ] {
        let (code, err) = fails(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

#[test]
fn dates_choose_the_version_in_force() {
    assert_eq!(sections(&json(&["sabotaje"])), ["xa-codigo-penal#art-11"]);
    assert_eq!(
        sections(&json(&["sabotaje", "--as-of", "2010-01-01"])),
        ["xa-codigo-penal#art-11-2005"]
    );
    assert_eq!(
        sections(&json(&["sabotaje", "--as-of", "2015-12-31"])),
        ["xa-codigo-penal#art-11-2005"]
    );
    assert_eq!(
        sections(&json(&["sabotaje", "--as-of", "2016-01-01"])),
        ["xa-codigo-penal#art-11"]
    );
    assert_eq!(
        sorted(sections(&json(&["sabotaje", "--all-dates"]))),
        ["xa-codigo-penal#art-11", "xa-codigo-penal#art-11-2005"]
    );
    // Before the code was in force, nothing; a bill is never in force.
    assert!(sections(&json(&["sabotaje", "--as-of", "2004-12-31"])).is_empty());
    assert!(sections(&json(&["drone"])).is_empty());
    assert_eq!(
        sections(&json(&["drone", "--all-dates"])),
        ["xc-drones-bill#cl-1"]
    );
    let v = json(&["sabotaje", "--as-of", "2010-01-01"]);
    assert_eq!(v["as_of"], "2010-01-01");
    assert_eq!(v["hits"][0]["repealed"], "2015-12-31");
    assert_eq!(json(&["drone", "--all-dates"])["as_of"], Value::Null);
}

// ---------------------------------------------------------------------------------------
// Output

#[test]
fn json_has_the_documented_shape() {
    let out = search(&["illegal access", "--format", "json", "--limit", "2"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["as_of", "facets", "hits", "index", "query", "total"],
        "serde_json sorts keys when reading"
    );
    // Written in the documented order.
    let order = ["\"query\"", "\"total\"", "\"hits\"", "\"facets\""].map(|k| text.find(k).unwrap());
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert_eq!(v["query"], "illegal access");
    assert_eq!(v["total"], 5);
    assert_eq!(v["hits"].as_array().unwrap().len(), 2);
    let h = &v["hits"][0];
    for key in [
        "section",
        "statute",
        "country",
        "heading",
        "language",
        "provisions",
        "score",
        "snippet",
    ] {
        assert!(!h[key].is_null(), "hit lacks {key}: {h:#}");
    }
    assert!(h["score"].as_f64().unwrap() > 0.0);
    assert_eq!(
        v["facets"]["country"],
        serde_json::json!({"XA": 1, "XB": 1, "XC": 1, "XD": 1, "XE": 1})
    );
    assert_eq!(v["facets"]["provision"], serde_json::json!({"mm-1": 5}));
}

#[test]
fn snippets_mark_matches_in_each_format() {
    let v = json(&["reservados"]);
    let snippet = v["hits"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>reservados</mark>"), "{snippet}");
    assert!(
        snippet.contains("5 &lt; 6 &amp; 7"),
        "the rest is escaped as HTML: {snippet}"
    );

    let md = String::from_utf8(search(&["reservados", "--format", "md"]).stdout).unwrap();
    assert!(md.contains("| `xa-codigo-penal#art-30` |"), "{md}");
    assert!(md.contains("**reservados**"), "{md}");

    let table = String::from_utf8(search(&["reservados"]).stdout).unwrap();
    assert!(table.contains("1 section matches `reservados`"), "{table}");
    assert!(table.contains("xa-codigo-penal#art-30"), "{table}");
    assert!(table.contains("datos reservados (arts."), "{table}");
    assert!(
        !table.contains('\u{1b}'),
        "no ANSI codes when piped: {table:?}"
    );
}

#[test]
fn concept_only_hits_show_the_opening_of_the_text() {
    let v = json(&["Datenveränderung", "--country", "xb"]);
    let snippet = v["hits"][0]["snippet"].as_str().unwrap();
    assert!(snippet.starts_with("Pune quem apaga"), "{snippet}");
    assert!(!snippet.contains("<mark>"), "{snippet}");
}

// ---------------------------------------------------------------------------------------
// Building, refreshing, recovering

/// A copy of the fixture and an index folder, both temporary, for tests that change files.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture(), &dir.path().join("corpus"));
        Scratch { dir }
    }

    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let p = self.corpus().join(rel);
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} lacks {from:?}");
        fs::write(p, text.replacen(from, to, 1)).unwrap();
    }

    fn run(&self, command: &str, args: &[&str]) -> Output {
        harmonia()
            .arg(command)
            .arg("--corpus")
            .arg(self.corpus())
            .arg("--index")
            .arg(self.index())
            .args(args)
            .output()
            .unwrap()
    }

    /// `harmonia search --format json`: (answer, stderr).
    #[track_caller]
    fn search(&self, args: &[&str]) -> (Value, String) {
        let mut all = vec!["--format", "json", "--all-dates"];
        all.extend_from_slice(args);
        let out = self.run("search", &all);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{err}");
        (serde_json::from_slice(&out.stdout).unwrap(), err)
    }

    #[track_caller]
    fn index_json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let out = self.run("index", &all);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn generations(&self) -> Vec<String> {
        let mut g: Vec<String> = fs::read_dir(self.index())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("gen-"))
            .collect();
        g.sort();
        g
    }

    fn live(&self) -> PathBuf {
        self.index().join(
            fs::read_to_string(self.index().join("CURRENT"))
                .unwrap()
                .trim(),
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

#[test]
fn index_builds_then_reports_up_to_date() {
    let s = Scratch::new();
    let v = s.index_json(&[]);
    assert_eq!(v["action"], "rebuilt");
    assert_eq!(v["files_indexed"], 6);
    assert_eq!(v["sections"], 13);
    let v = s.index_json(&[]);
    assert_eq!(v["action"], "fresh");
    assert_eq!(v["files_indexed"], 0);
    let v = s.index_json(&["--rebuild"]);
    assert_eq!(v["action"], "rebuilt");
    assert_eq!(s.generations().len(), 1, "the old generation is deleted");
    // A small build ends as one segment, and the segments merged into it are deleted.
    let segments = fs::read_dir(s.live())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "idx")
        })
        .count();
    assert_eq!(segments, 1);
    let out = s.run("index", &[]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("index is up to date"));
}

#[test]
fn a_search_without_an_index_builds_it() {
    let s = Scratch::new();
    let (v, err) = s.search(&["apaga"]);
    assert_eq!(sections(&v), ["xb-lei-12#art-155"]);
    assert!(
        err.contains("built the index: 6 files, 13 sections"),
        "{err}"
    );
    assert_eq!(v["index"]["action"], "rebuilt");
}

#[test]
fn only_changed_files_are_reindexed() {
    let s = Scratch::new();
    s.index_json(&[]);

    s.edit("statutes/xb/lei.md", "Pune quem apaga", "Pune quem suprime");
    let (v, err) = s.search(&["suprime"]);
    assert_eq!(sections(&v), ["xb-lei-12#art-155"], "the new text is found");
    assert!(
        err.contains("reindexed 1 file, removed 0 files (2 sections"),
        "{err}"
    );
    assert_eq!(
        v["index"],
        serde_json::json!({"action": "updated", "reindexed": 1, "removed": 0})
    );
    let (v, err) = s.search(&["apaga"]);
    assert!(sections(&v).is_empty(), "the old text is gone: {v:#}");
    assert!(err.is_empty(), "nothing to redo: {err}");
    assert_eq!(v["index"]["action"], "fresh");

    // Rewriting a file with the same content (a newer time) reindexes nothing.
    let lei = s.corpus().join("statutes/xb/lei.md");
    fs::write(&lei, fs::read(&lei).unwrap()).unwrap();
    assert_eq!(s.search(&["suprime"]).0["index"]["action"], "fresh");

    // Deleting and adding files.
    fs::remove_file(s.corpus().join("statutes/xc/bill.md")).unwrap();
    let (v, err) = s.search(&["drone"]);
    assert!(sections(&v).is_empty());
    assert!(err.contains("reindexed 0 files, removed 1 file"), "{err}");
    fs::write(
        s.corpus().join("statutes/xc/bill.md"),
        "---\nid: xc-kites-bill\ncountry: XC\ntitle: Kites Bill\nlanguage: en\nkind: bill\n---\n\n## Clause 1 Kites {#cl-1}\n\nFlying kites near airports.\n",
    )
    .unwrap();
    let (v, err) = s.search(&["kites"]);
    assert_eq!(sections(&v), ["xc-kites-bill#cl-1"]);
    assert!(err.contains("reindexed 1 file, removed 0 files"), "{err}");

    // A country record change redoes that country's statutes (their region is indexed).
    s.edit(
        "statutes/xd/country.yaml",
        "region: Europe",
        "region: Oceania",
    );
    let (v, err) = s.search(&["--region", "oceania"]);
    assert_eq!(countries(&v), ["XD"]);
    assert!(err.contains("reindexed 1 file"), "{err}");
}

/// One open index answering several dates in a row (the in-force sets of each segment are
/// kept per date), across several segments (an update adds some), gives what a fresh index
/// gives.
#[test]
fn one_open_index_answers_each_date_like_a_fresh_one() {
    use harmonia::corpus::CorpusSource;
    use harmonia::diagnostic::Diagnostics;
    use harmonia::index::build::{self, Options};
    use harmonia::index::query::{DateFilter, SearchIndex, SearchRequest};

    let s = Scratch::new();
    let source = CorpusSource::new(Some(s.corpus()));
    let refresh = || {
        build::refresh(
            &source,
            &s.index(),
            &Options::default(),
            &mut Diagnostics::new(),
        )
        .unwrap()
        .generation
    };
    refresh();
    s.edit("statutes/xb/lei.md", "Pune quem apaga", "Pune quem suprime");
    let generation = refresh();
    let open = SearchIndex::open(&generation).unwrap();
    assert!(open.index().searchable_segment_ids().unwrap().len() >= 2);
    let date = |d: &str| DateFilter::AsOf(harmonia::corpus::parse_date(d).unwrap());
    let ask = |index: &SearchIndex, query: &str, date: DateFilter| {
        let request = SearchRequest {
            query: Some(query.into()),
            date,
            limit: 50,
            ..SearchRequest::default()
        };
        let r = index.search(&request).unwrap();
        let mut hits: Vec<String> = r.hits.into_iter().map(|h| h.section).collect();
        hits.sort();
        (r.total, hits, r.facets.country, r.facets.provision)
    };
    let dates = [
        "2010-01-01",
        "2016-01-01",
        "2010-01-01",
        "2004-12-31",
        "2015-12-31",
        "2026-01-01",
    ];
    for query in ["sabotaje", "suprime", "datos", "illegal access"] {
        for d in dates {
            let fresh = SearchIndex::open(&generation).unwrap();
            assert_eq!(
                ask(&open, query, date(d)),
                ask(&fresh, query, date(d)),
                "{query} {d}"
            );
        }
        let fresh = SearchIndex::open(&generation).unwrap();
        assert_eq!(
            ask(&open, query, DateFilter::All),
            ask(&fresh, query, DateFilter::All)
        );
    }
    assert_eq!(
        ask(&open, "sabotaje", date("2010-01-01")).1,
        ["xa-codigo-penal#art-11-2005"]
    );
    assert_eq!(
        ask(&open, "sabotaje", date("2016-01-01")).1,
        ["xa-codigo-penal#art-11"]
    );
    assert_eq!(ask(&open, "suprime", date("2026-01-01")).0, 1);
    assert_eq!(ask(&open, "sabotaje", date("2004-12-31")).0, 0);
}

#[test]
fn a_model_law_change_rebuilds_everything() {
    let s = Scratch::new();
    s.index_json(&[]);
    s.edit(
        "model-law/mini/provisions.md",
        "en: [illegal access, computer system]",
        "en: [illegal access, computer system, hacking]",
    );
    let (v, err) = s.search(&["hacking"]);
    assert_eq!(countries(&v), ["XA", "XB", "XC", "XD", "XE"]);
    assert!(err.contains("built the index"), "{err}");
}

#[test]
fn a_corpus_with_errors_is_not_indexed_and_the_old_index_stays() {
    let s = Scratch::new();
    s.index_json(&[]);
    let before = s.live();
    s.edit("statutes/xb/lei.md", "provision: mm-2", "provision: mm-22");
    let out = s.run("search", &["apaga"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown provision `mm-22`"), "{err}");
    assert!(err.contains("statutes/xb/lei.md"), "{err}");
    assert_eq!(s.live(), before);
    s.edit("statutes/xb/lei.md", "provision: mm-22", "provision: mm-2");
    assert_eq!(sections(&s.search(&["apaga"]).0), ["xb-lei-12#art-155"]);

    // Cross-file errors too: two files with one statute id.
    fs::write(
        s.corpus().join("statutes/xb/copy.md"),
        fs::read(s.corpus().join("statutes/xb/lei.md")).unwrap(),
    )
    .unwrap();
    let out = s.run("search", &["apaga"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("duplicate statute id `xb-lei-12`"));
}

#[test]
fn stale_locks_and_half_built_generations_do_not_block() {
    let s = Scratch::new();
    s.index_json(&[]);
    // What a build killed with SIGKILL leaves: lock files (their OS locks died with the
    // process), a half-written generation, a temporary file.
    fs::write(s.index().join("build.lock"), "pid 99999").unwrap();
    fs::write(s.live().join(".tantivy-writer.lock"), "").unwrap();
    let dead = s.index().join("gen-00000000deadbeef");
    fs::create_dir(&dead).unwrap();
    fs::write(dead.join("meta.json"), "{ half").unwrap();
    fs::write(dead.join("0123.idx"), vec![0u8; 1000]).unwrap();
    fs::write(s.index().join(".harmonia-x.tmp"), "partial CURRENT").unwrap();

    s.edit("statutes/xb/lei.md", "Pune quem apaga", "Pune quem suprime");
    let (v, err) = s.search(&["suprime"]);
    assert_eq!(sections(&v), ["xb-lei-12#art-155"]);
    assert!(err.contains("reindexed 1 file"), "{err}");
    assert!(!dead.exists(), "the half-built generation is deleted");
    assert!(!s.index().join(".harmonia-x.tmp").exists());
    assert_eq!(s.generations().len(), 1);
}

#[test]
fn a_manifest_that_does_not_match_the_index_means_a_rebuild() {
    let s = Scratch::new();
    s.index_json(&[]);
    // A build killed between tantivy's commit and the manifest write.
    let manifest = s.live().join("harmonia-manifest.json");
    let text = fs::read_to_string(&manifest).unwrap();
    let mut m: Value = serde_json::from_str(&text).unwrap();
    m["commit"] = "0000000000000000".into();
    fs::write(&manifest, m.to_string()).unwrap();
    let (v, _) = s.search(&["apaga"]);
    assert_eq!(v["index"]["action"], "rebuilt");
    assert_eq!(sections(&v), ["xb-lei-12#art-155"]);

    // A missing or unreadable manifest, or CURRENT naming nothing, likewise.
    fs::write(s.live().join("harmonia-manifest.json"), "not json").unwrap();
    assert_eq!(s.search(&["apaga"]).0["index"]["action"], "rebuilt");
    fs::write(s.index().join("CURRENT"), "gen-missing").unwrap();
    assert_eq!(s.search(&["apaga"]).0["index"]["action"], "rebuilt");
    assert_eq!(s.generations().len(), 1);
}

#[test]
fn a_foreign_index_folder_is_refused() {
    let s = Scratch::new();
    fs::create_dir_all(s.index()).unwrap();
    fs::write(s.index().join("thesis.docx"), "mine").unwrap();
    let out = s.run("search", &["apaga"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a harmonia index folder"));
    assert!(s.index().join("thesis.docx").exists());
}

/// Writes a corpus of `files` statutes of about 60 KB each; every file has one section
/// with the word `Kennwort` (so a search for it must find `files` sections).
fn big_corpus(dir: &Path, files: usize) {
    copy_dir(&fixture().join("model-law"), &dir.join("model-law"));
    let xd = dir.join("statutes/xd");
    fs::create_dir_all(&xd).unwrap();
    fs::copy(
        fixture().join("statutes/xd/country.yaml"),
        xd.join("country.yaml"),
    )
    .unwrap();
    let filler =
        "Wer sich unbefugt Zugang zu Daten verschafft wird bestraft und die Tat wird verfolgt. ";
    for i in 0..files {
        let mut text = format!("---\nid: xd-gesetz-{i}\ncountry: XD\ntitle: Gesetz {i}\nlanguage: de\nkind: act\nin_force: 2000-01-01\n---\n\n");
        text.push_str(&format!(
            "## § 1 Kennwort {{#p-1}}\n\nDas Kennwort {i} ist geheim.\n\n"
        ));
        for p in 2..120 {
            text.push_str(&format!(
                "## § {p} Vorschrift {{#p-{p}}}\n\n{}\n\n",
                filler.repeat(6)
            ));
        }
        fs::write(xd.join(format!("gesetz-{i}.md")), text).unwrap();
    }
}

#[test]
fn builds_killed_at_any_point_leave_a_usable_index() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let index = dir.path().join("index");
    big_corpus(&corpus, 40);
    let bin = assert_cmd::cargo::cargo_bin("harmonia");
    let kennwort = || {
        let out = harmonia()
            .args([
                "search", "Kennwort", "--format", "json", "--limit", "1", "--corpus",
            ])
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["total"].as_u64().unwrap()
    };
    // Kill the very first build, then rebuilds, at several moments.
    let mut first = true;
    for delay_ms in [30u64, 150, 400, 900, 30, 150, 400, 900] {
        let mut child = std::process::Command::new(&bin)
            .args(["index", "--rebuild", "--corpus"])
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .env_remove("HARMONIA_CORPUS")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix: no clean-up code runs
        let _ = child.wait();
        assert_eq!(
            kennwort(),
            40,
            "after a kill at {delay_ms} ms (first build: {first})"
        );
        first = false;
        let gens = fs::read_dir(&index)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with("gen-")
            })
            .count();
        assert_eq!(
            gens, 1,
            "leftovers are cleaned after a kill at {delay_ms} ms"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The shipped corpus

fn builtin(args: &[&str]) -> Value {
    let out = harmonia()
        .args(["search", "--format", "json", "--limit", "50", "--index"])
        .arg(shared_index("builtin"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn languages(v: &Value) -> Vec<String> {
    let mut l: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["language"].as_str().unwrap().to_string())
        .collect();
    l.sort();
    l.dedup();
    l
}

#[test]
fn the_shipped_corpus_answers_in_each_of_its_languages() {
    assert!(languages(&builtin(&["acceso ilícito", "--language", "es"])) == ["es"]);
    assert!(
        builtin(&["acceso ilícito", "--language", "es"])["total"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(
        builtin(&["dispositivo informático", "--language", "pt"])["total"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(
        builtin(&["unauthorised access", "--language", "en"])["total"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(
        builtin(&["Daten", "--language", "de"])["total"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[test]
fn the_shipped_corpus_answers_by_provision_in_every_language() {
    let v = builtin(&["--provision", "bc-2"]);
    assert_eq!(languages(&v), ["de", "en", "es", "pt"]);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["provisions"].as_array().unwrap().contains(&"bc-2".into())));
    // And by the provision's name, in English, across languages.
    let v = builtin(&["illegal access"]);
    assert!(languages(&v).len() >= 3, "{:?}", languages(&v));
}

/// An excluded phrase (`-a-a` is the phrase "a a") whose words occur in one field only made
/// tantivy 0.27's phrase scorer assert in debug builds (found by the query fuzz target;
/// fuzz/regressions/query-exclusion-phrase.bin): excluded clauses are now only sought forward
/// (src/index/exclusion.rs), also inside boosted groups, and still exclude exactly.
#[test]
fn excluded_phrases_exclude_without_panicking() {
    let gap = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gap");
    let index = shared_index("gap-fixture");
    let total = |q: &str| -> u64 {
        let out = harmonia()
            .args(["search", "--format", "json", "--all-dates", "--corpus"])
            .arg(&gap)
            .arg("--index")
            .arg(&index)
            .args(["--", q])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{q}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["total"].as_u64().unwrap()
    };
    // Each query against the same words without the exclusion, less those holding the
    // phrase. (A boosted word reaches no provision's concept text, so boosted queries
    // compare with boosted words: `a^2` matches fewer sections than `a`.)
    let cases = [
        // The fuzzer's case: the phrase's words are in one field, the phrase nowhere.
        ("a -a-a", "a", "a \"a a\""),
        ("(a -a-a)^2", "a^2", "a^2 \"a a\""),
        ("((a -a-a)^2)^3", "a^6", "a^6 \"a a\""),
        // A boosted group that only excludes matches every section but the excluded
        // ones, as tantivy's parser reads it (`*` added); it was matching none.
        ("a (-a-a)^2", "a *", "a * \"a a\""),
        // A phrase that does occur.
        (
            "punished -\"computer system\"",
            "punished",
            "punished \"computer system\"",
        ),
        (
            "(punished -\"computer system\")^2",
            "punished^2",
            "punished^2 \"computer system\"",
        ),
    ];
    for (q, base, with) in cases {
        let (base, with) = (total(base), total(with));
        assert!(base > 0, "{q}");
        assert_eq!(total(q), base - with, "{q}");
    }
    assert!(total("punished \"computer system\"") > 0);
}
