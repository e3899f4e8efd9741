//! Properties of the gap engine over random corpora and dates (a seeded generator, so a
//! failure reproduces; `HARMONIA_PROPERTY_CASES=N` runs more cases). For every country,
//! provision and date:
//!
//! - no element is both covered and missing (or reserved), and every listed element is one
//!   of the provision's;
//! - `missing` is a verdict on examined law only: an `unknown` provision is never counted as
//!   missing, has no score, and was not examined; a `missing` one was examined and has no
//!   evidence;
//! - every score and examined share is in [0, 1]; the counts add up to the provisions.

use std::borrow::Cow;
use std::collections::BTreeSet;

use harmonia::corpus::load::load_files;
use harmonia::corpus::source::SourceFile;
use harmonia::gap::{self, Status};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const ELEMENTS: &[&str] = &["a", "b", "c", "d"];
const AREAS: &[&str] = &["substantive", "procedural"];

fn date(rng: &mut Rng) -> String {
    format!("{}-{:02}-01", 2000 + rng.below(25), 1 + rng.below(12))
}

fn subset(rng: &mut Rng, of: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = of
        .iter()
        .filter(|_| rng.chance(50))
        .map(|s| s.to_string())
        .collect();
    if out.is_empty() {
        out.push(of[rng.below(of.len() as u64) as usize].to_string());
    }
    out
}

fn file(path: &str, text: String) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: Cow::Owned(text.into_bytes()),
        built_in: false,
        too_large: None,
    }
}

/// A random corpus: a framework of 2-8 provisions, 1-4 countries with random reservations
/// and reviews, statutes whose sections implement random elements with random dates and
/// penalties.
fn corpus(rng: &mut Rng) -> Vec<SourceFile> {
    let mut files = vec![file(
        "model-law/pf/framework.yaml",
        "id: pf\ntitle: Property framework\nreference: test\nareas: [substantive, procedural]\n"
            .into(),
    )];
    let n = 2 + rng.below(7) as usize;
    let mut md = String::from("# Provisions\n\n");
    for i in 1..=n {
        let area = AREAS[rng.below(2) as usize];
        md.push_str(&format!(
            "## Provision {i} {{#pf-{i}}}\n\n```harmonia\nprovision: pf-{i}\narticle: \"{i}\"\narea: {area}\nelements:\n"
        ));
        for e in ELEMENTS {
            md.push_str(&format!("  - id: {e}\n    label: element {e}\n"));
        }
        md.push_str("```\n\nText.\n\n");
    }
    files.push(file("model-law/pf/provisions.md", md));
    let countries = 1 + rng.below(4);
    for c in 0..countries {
        let code = format!("Q{}", (b'A' + c as u8) as char);
        let folder = code.to_lowercase();
        let mut yaml = format!("code: {code}\nname: Country {code}\nregion: R\nlanguages: [en]\n");
        if rng.chance(80) {
            yaml.push_str("treaties:\n  - framework: pf\n    status: party\n");
            if rng.chance(70) {
                yaml.push_str(&format!("    in_force: {}\n", date(rng)));
            }
            if rng.chance(60) {
                yaml.push_str("    reservations:\n");
                for i in 1..=n {
                    if rng.chance(25) {
                        yaml.push_str(&format!("      - provision: pf-{i}\n"));
                        if rng.chance(60) {
                            yaml.push_str(&format!(
                                "        elements: [{}]\n",
                                subset(rng, ELEMENTS).join(", ")
                            ));
                        }
                    }
                }
            }
        }
        if rng.chance(70) {
            yaml.push_str("reviews:\n  - framework: pf\n");
            match rng.below(3) {
                0 => yaml.push_str("    provisions: all\n"),
                1 => yaml.push_str(&format!("    areas: [{}]\n", AREAS[rng.below(2) as usize])),
                _ => yaml.push_str(&format!(
                    "    provisions: [pf-{}]\n",
                    1 + rng.below(n as u64)
                )),
            }
            if rng.chance(50) {
                yaml.push_str(&format!("    since: {}\n", date(rng)));
            }
            yaml.push_str("    checked: 2024-01-01\n    sources: [https://example.org/r]\n");
        }
        files.push(file(&format!("statutes/{folder}/country.yaml"), yaml));
        let mut st = format!(
            "---\nid: {folder}-code\ncountry: {code}\ntitle: Code\nlanguage: en\nkind: code\nin_force: {}\nsources: [https://example.org/c]\nreview: verified\n---\n\n",
            date(rng)
        );
        for s in 1..=rng.below(8) {
            st.push_str(&format!(
                "## Art. {s} {{#art-{s}}}\n\nText.\n\n```harmonia\nimplements:\n"
            ));
            let p = 1 + rng.below(n as u64);
            st.push_str(&format!(
                "  - provision: pf-{p}\n    elements: [{}]\n",
                subset(rng, ELEMENTS).join(", ")
            ));
            if rng.chance(60) {
                let lo = rng.below(3);
                st.push_str(&format!(
                    "penalty:\n  prison: [{lo} years, {} years]\n",
                    lo + 1 + rng.below(10)
                ));
            }
            if rng.chance(30) {
                st.push_str(&format!("in_force: {}\n", date(rng)));
            }
            if rng.chance(20) {
                st.push_str(&format!("repealed: {}\n", date(rng)));
            }
            st.push_str("```\n\n");
        }
        files.push(file(&format!("statutes/{folder}/code.md"), st));
    }
    files
}

#[test]
fn gap_verdicts_obey_the_documented_rules() {
    let cases: u64 = std::env::var("HARMONIA_PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut checked = 0;
    let mut statuses = BTreeSet::new();
    for case in 0..cases {
        let files = corpus(&mut rng);
        let loaded = load_files(&files, format!("case {case}"));
        // Random dates can be inconsistent (a repeal before entry into force): such
        // corpora are refused with errors, which is the reader's job, not the engine's.
        if loaded.diagnostics.error_count() > 0 {
            continue;
        }
        let corpus = &loaded.corpus;
        let framework = corpus.framework("pf").expect("the framework");
        for _ in 0..4 {
            let day = chrono::NaiveDate::parse_from_str(&date(&mut rng), "%Y-%m-%d").unwrap();
            for country in &corpus.countries {
                let cov = gap::coverage(corpus, framework, country, day);
                let ctx = format!("case {case}, {} on {day}", country.code);
                for c in &cov.provisions {
                    statuses.insert(c.status);
                    let covered: BTreeSet<_> = c.covered.iter().collect();
                    let missing: BTreeSet<_> = c.missing.iter().collect();
                    let reserved: BTreeSet<_> = c.reserved.iter().collect();
                    assert!(covered.is_disjoint(&missing), "{ctx}: {c:?}");
                    assert!(covered.is_disjoint(&reserved), "{ctx}: {c:?}");
                    assert!(missing.is_disjoint(&reserved), "{ctx}: {c:?}");
                    for e in covered.iter().chain(&missing).chain(&reserved) {
                        assert!(ELEMENTS.contains(&e.as_str()), "{ctx}: {e}");
                    }
                    match c.status {
                        Status::Unknown => {
                            assert!(c.score.is_none(), "{ctx}: {c:?}");
                            assert!(!c.examined, "{ctx}: unknown but examined: {c:?}");
                            assert!(!c.is_implemented(), "{ctx}: {c:?}");
                        }
                        Status::Missing => {
                            assert!(c.examined, "{ctx}: missing but never examined: {c:?}");
                            assert!(!c.is_implemented(), "{ctx}: {c:?}");
                            assert_eq!(c.score, Some(0.0), "{ctx}");
                        }
                        Status::Full => assert!(missing.is_empty() && reserved.is_empty()),
                        _ => {}
                    }
                    if let Some(s) = c.score {
                        assert!((0.0..=1.0).contains(&s), "{ctx}: score {s}");
                    }
                }
                let s = &cov.scores;
                let count = |st: Status| cov.provisions.iter().filter(|c| c.status == st).count();
                assert_eq!(
                    s.counts.get(&Status::Missing).copied().unwrap_or(0),
                    count(Status::Missing),
                    "{ctx}: unknown counted as missing?"
                );
                assert_eq!(
                    s.counts.values().sum::<usize>(),
                    cov.provisions.len(),
                    "{ctx}"
                );
                for v in s.overall.iter().chain(s.areas.values().flatten()) {
                    assert!((0.0..=1.0).contains(v), "{ctx}: {v}");
                }
                assert!((0.0..=1.0).contains(&s.examined), "{ctx}");
                for v in s.areas_examined.values() {
                    assert!((0.0..=1.0).contains(v), "{ctx}");
                }
                assert_eq!(
                    s.overall.is_none(),
                    count(Status::Unknown) == cov.provisions.len(),
                    "{ctx}: a score needs a verdict"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > cases, "too few corpora loaded: {checked}");
    for st in [
        Status::Full,
        Status::Partial,
        Status::Missing,
        Status::Unknown,
        Status::Reserved,
    ] {
        assert!(statuses.contains(&st), "no case produced {st:?}");
    }
}
