//! The fuzz targets, shared by the libFuzzer binaries (`fuzz/fuzz_targets/*.rs`, run by
//! `scripts/fuzz.sh`) and the stable smoke run in `cargo test` (`tests/fuzz_smoke.rs`).
//! Each takes arbitrary bytes and must return without panicking, whatever they hold; every
//! problem must come back as a diagnostic or an error. They use only harmonia's public API.
//!
//! - [`statute`]: the bytes are a statute file (`statutes/xa/fuzzed.md`) read against the gap
//!   fixture's frameworks; when it reads cleanly, coverage, penalties and every table writer
//!   run on it;
//! - [`country`]: the bytes are `statutes/xa/country.yaml`, read with the frameworks (and
//!   used the same way when clean);
//! - [`framework`]: the bytes are the provisions file `offences.md` of the fixture framework;
//! - [`query`]: the bytes are a search query against an index of the gap fixture;
//! - [`import`]: the bytes are a published statute given to `harmonia import` in each of its
//!   formats (Markdown, Akoma Ntoso, plain text); what it writes is read back as a statute
//!   file, as `check` would.

#![allow(dead_code)]

use std::borrow::Cow;
use std::sync::OnceLock;

use harmonia::corpus::load::load_files;
use harmonia::corpus::source::SourceFile;
use harmonia::output::{self, Cell};

/// The gap fixture corpus, compiled in: `(path, text)`.
const FIXTURE: &[(&str, &str)] = &[
    (
        "model-law/testlaw/framework.yaml",
        include_str!("../tests/fixtures/gap/model-law/testlaw/framework.yaml"),
    ),
    (
        "model-law/testlaw/definitions.md",
        include_str!("../tests/fixtures/gap/model-law/testlaw/definitions.md"),
    ),
    (
        "model-law/testlaw/offences.md",
        include_str!("../tests/fixtures/gap/model-law/testlaw/offences.md"),
    ),
    (
        "model-law/testlaw/powers.md",
        include_str!("../tests/fixtures/gap/model-law/testlaw/powers.md"),
    ),
    (
        "model-law/testlaw/cooperation.md",
        include_str!("../tests/fixtures/gap/model-law/testlaw/cooperation.md"),
    ),
    (
        "statutes/xa/country.yaml",
        include_str!("../tests/fixtures/gap/statutes/xa/country.yaml"),
    ),
    (
        "statutes/xa/penal-code.md",
        include_str!("../tests/fixtures/gap/statutes/xa/penal-code.md"),
    ),
    (
        "statutes/xa/cyber-act.md",
        include_str!("../tests/fixtures/gap/statutes/xa/cyber-act.md"),
    ),
    (
        "statutes/xb/country.yaml",
        include_str!("../tests/fixtures/gap/statutes/xb/country.yaml"),
    ),
    (
        "statutes/xb/code.md",
        include_str!("../tests/fixtures/gap/statutes/xb/code.md"),
    ),
];

fn file(path: &str, bytes: Vec<u8>) -> SourceFile {
    SourceFile {
        path: path.to_string(),
        bytes: Cow::Owned(bytes),
        built_in: false,
        too_large: None,
    }
}

/// The fixture's framework files (and its country records when `countries`), less `skip`:
/// the smallest corpus a target's file can be read against.
fn base(skip: &str, countries: bool) -> Vec<SourceFile> {
    FIXTURE
        .iter()
        .filter(|(p, _)| *p != skip)
        .filter(|(p, _)| p.starts_with("model-law/") || (countries && p.ends_with("country.yaml")))
        .map(|(p, t)| file(p, t.as_bytes().to_vec()))
        .collect()
}

/// Renders every diagnostic (the renderer quotes the offending line: fuzz it too).
fn render_all(d: &harmonia::diagnostic::Diagnostics) {
    for x in d.sorted() {
        let _ = x.render(false);
    }
}

/// Runs the gap engine and the table writers on `corpus` (when it loaded without errors),
/// so what the reader lets through is exercised downstream too.
fn use_corpus(corpus: &harmonia::corpus::Corpus) {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");
    for framework in &corpus.frameworks {
        for country in &corpus.countries {
            let cov = harmonia::gap::coverage(corpus, framework, country, date);
            let rows: Vec<Vec<Cell>> = cov
                .provisions
                .iter()
                .map(|c| {
                    vec![
                        Cell::from(c.title.clone()),
                        Cell::from(c.status.to_string()),
                        Cell::from(
                            c.sections
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ]
                })
                .collect();
            let _ = output::table(&["title", "status", "sections"], &rows);
            let _ = output::md_table(&["title", "status", "sections"], &rows);
            let _ = output::csv(&["title", "status", "sections"], &rows);
        }
        let countries: Vec<_> = corpus.countries.iter().collect();
        for p in framework.provisions.iter().take(3) {
            let _ = harmonia::gap::penalties::penalties(corpus, framework, p, &countries, date);
        }
    }
}

/// The fixture's frameworks and countries, loaded once.
fn skeleton() -> &'static harmonia::corpus::Corpus {
    static SKELETON: OnceLock<harmonia::corpus::Corpus> = OnceLock::new();
    SKELETON.get_or_init(|| load_files(&base("", true), "fuzz".into()).corpus)
}

/// A statute file, read against the fixture's frameworks; when it reads without errors,
/// the gap engine runs on it.
pub fn statute(data: &[u8]) {
    let skeleton = skeleton();
    let f = file("statutes/xa/fuzzed.md", data.to_vec());
    let (statute, diagnostics) =
        harmonia::corpus::load::read_statute_file(&skeleton.frameworks, &f);
    render_all(&diagnostics);
    if let (Some(statute), 0) = (statute, diagnostics.error_count()) {
        let mut corpus = skeleton.clone();
        corpus.statutes.push(statute);
        use_corpus(&corpus);
    }
}

/// A country record, read with the fixture's frameworks.
pub fn country(data: &[u8]) {
    let mut files = base("", false);
    files.push(file("statutes/xa/country.yaml", data.to_vec()));
    let loaded = load_files(&files, "fuzz".into());
    render_all(&loaded.diagnostics);
    if loaded.diagnostics.error_count() == 0 {
        use_corpus(&loaded.corpus);
    }
}

/// A framework's provisions file, with the fixture's framework record beside it.
pub fn framework(data: &[u8]) {
    let mut files = base("model-law/testlaw/offences.md", false);
    files.retain(|f| f.path.ends_with("framework.yaml"));
    files.push(file("model-law/testlaw/offences.md", data.to_vec()));
    let loaded = load_files(&files, "fuzz".into());
    render_all(&loaded.diagnostics);
}

struct QueryIndex {
    _dir: tempfile::TempDir,
    index: harmonia::index::SearchIndex,
}

fn query_index() -> &'static QueryIndex {
    static INDEX: OnceLock<QueryIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let corpus = dir.path().join("corpus");
        for (path, text) in FIXTURE {
            let p = corpus.join(path);
            std::fs::create_dir_all(p.parent().expect("a folder")).expect("create");
            std::fs::write(&p, text).expect("write");
        }
        let source = harmonia::corpus::CorpusSource::Dir(corpus);
        let mut problems = harmonia::diagnostic::Diagnostics::new();
        let refreshed = harmonia::index::build::refresh(
            &source,
            &dir.path().join("index"),
            &harmonia::index::build::Options::default(),
            &mut problems,
        )
        .expect("the fixture indexes");
        let index =
            harmonia::index::SearchIndex::open(&refreshed.generation).expect("the index opens");
        QueryIndex { _dir: dir, index }
    })
}

/// A search query (UTF-8 only: the command line gives nothing else).
pub fn query(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let q = query_index();
    let _ = q.index.parse(text);
    let request = harmonia::index::SearchRequest {
        query: Some(text.to_string()),
        date: harmonia::index::query::DateFilter::All,
        ..harmonia::index::SearchRequest::default()
    };
    if let Ok(results) = q.index.search(&request) {
        for hit in &results.hits {
            let _ = hit.snippet.to_markdown();
            let _ = hit.snippet.to_html();
        }
    }
}

/// A fuzz target: bytes in, nothing out, never a panic.
pub type Target = fn(&[u8]);

/// Every target by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("statute", statute),
    ("country", country),
    ("framework", framework),
    ("query", query),
    ("import", import),
];

/// A published statute in every source format `harmonia import` reads; each import that
/// succeeds is read back as a statute file of the corpus.
pub fn import(data: &[u8]) {
    use harmonia::import::{self, ImportOptions, SourceFormat};
    let text = String::from_utf8_lossy(data);
    let Ok(country) = harmonia::id::CountryCode::parse("XA") else {
        return;
    };
    let opts = ImportOptions {
        country,
        id: None,
        language: None,
        source_name: "fuzzed".to_string(),
    };
    for format in [
        SourceFormat::Markdown,
        SourceFormat::Akn,
        SourceFormat::Text,
    ] {
        match import::import(&text, format, &opts) {
            Ok(imported) => {
                let f = file(
                    "statutes/xa/imported.md",
                    imported.markdown.clone().into_bytes(),
                );
                let (_, diagnostics) =
                    harmonia::corpus::load::read_statute_file(&skeleton().frameworks, &f);
                render_all(&diagnostics);
            }
            Err(problems) => {
                let mut d = harmonia::diagnostic::Diagnostics::new();
                for x in problems {
                    d.push(x);
                }
                render_all(&d);
            }
        }
    }
}
