//! The shipped corpus: key facts asserted against their sources (named beside each
//! assertion), provenance on every statute, history where the law changed, and a clean
//! `check`. A change to the corpus that contradicts a cited fact fails here.

// `shipped()` hands out one corpus loaded once (`&'static`); the fact tests borrow it the way
// they would an owned one (`&c`), which is harmless.
#![allow(clippy::needless_borrow)]

use chrono::NaiveDate;
use harmonia::corpus::{self, Corpus, CorpusSource, Review, Section, Treaty, TreatyStatus};
use harmonia::gap::{self, Status};
use harmonia::id::{CountryCode, ProvisionId};

/// The built-in corpus, loaded once for every test of this binary.
fn shipped() -> &'static Corpus {
    static SHIPPED: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| {
        let loaded = corpus::load(&CorpusSource::BuiltIn).unwrap();
        assert!(
            !loaded.diagnostics.has_errors(),
            "{}",
            loaded.diagnostics.render(false)
        );
        loaded.corpus
    })
}

// Lookups the country fact files share (tests/corpus_facts/<cc>.rs).

/// Shared by the country fact files.
fn section<'a>(c: &'a Corpus, statute: &str, local: &str) -> &'a Section {
    c.statutes
        .iter()
        .find(|s| s.id == statute)
        .unwrap_or_else(|| panic!("{statute} missing"))
        .section(local)
        .unwrap_or_else(|| panic!("{statute}#{local} missing"))
}

/// Shared by the country fact files.
fn max_months(s: &Section) -> Option<f64> {
    s.mapping
        .as_ref()
        .and_then(|m| m.penalty.as_ref())
        .and_then(|p| p.prison.as_ref())
        .unwrap_or_else(|| panic!("{}: no prison term", s.id))
        .max_months()
}

/// Shared by the country fact files.
fn aggravated_life(s: &Section) -> bool {
    s.mapping
        .as_ref()
        .and_then(|m| m.penalty.as_ref())
        .is_some_and(|p| {
            p.aggravated
                .iter()
                .any(|a| a.prison.as_ref().is_some_and(|t| t.max.is_life()))
        })
}

/// Shared by the country fact files.
fn status(cc: &str, provision: &str) -> Status {
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let country = c.country(&CountryCode::parse(cc).unwrap()).unwrap();
    gap::coverage(&c, bc, country, d("2026-12-03"))
        .provision(&ProvisionId::parse(provision).unwrap())
        .unwrap()
        .status
}

/// Shared by the country fact files.
fn unknown_count(cc: &str) -> usize {
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let country = c.country(&CountryCode::parse(cc).unwrap()).unwrap();
    unknown_in(&gap::coverage(c, bc, country, d("2026-12-03"))).len()
}

/// The provisions of a coverage nobody examined, in framework order.
fn unknown_in(cov: &gap::CountryCoverage) -> Vec<&str> {
    cov.provisions
        .iter()
        .filter(|p| p.status == Status::Unknown)
        .map(|p| p.provision.as_str())
        .collect()
}

/// Shared by the country fact files.
fn maps(s: &Section, provision: &str, element: &str) -> bool {
    s.implementations()
        .iter()
        .any(|i| i.provision.as_str() == provision && i.elements.iter().any(|e| e == element))
}

/// A statute of the corpus by id.
fn statute_of<'a>(c: &'a Corpus, id: &str) -> &'a harmonia::corpus::Statute {
    c.statutes
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

/// A provision's status in a country on a date.
fn status_on(c: &Corpus, cc: &str, provision: &str, date: &str) -> Status {
    let bc = c.framework("bc").unwrap();
    let country = c.country(&CountryCode::parse(cc).unwrap()).unwrap();
    gap::coverage(c, bc, country, d(date))
        .provision(&ProvisionId::parse(provision).unwrap())
        .unwrap()
        .status
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn budapest<'a>(c: &'a Corpus, cc: &str) -> &'a Treaty {
    let code = CountryCode::parse(cc).unwrap();
    c.country(&code)
        .unwrap_or_else(|| panic!("{cc} missing"))
        .treaty("bc")
        .unwrap_or_else(|| panic!("{cc}: no bc record"))
}

fn reserved(t: &Treaty, provision: &str) -> Vec<String> {
    t.reservation(&ProvisionId::parse(provision).unwrap())
        .unwrap_or_else(|| panic!("no reservation on {provision}"))
        .elements
        .clone()
}

#[test]
fn covers_at_least_fifteen_countries_each_with_statutes() {
    let c = shipped();
    assert!(c.countries.len() >= 15, "{} countries", c.countries.len());
    for country in &c.countries {
        assert!(
            c.statutes_of(&country.code).count() > 0,
            "{} has no statutes",
            country.code
        );
    }
}

#[test]
fn argentina_party_since_2018_with_its_reservations() {
    // Dutch Verdragenbank (in force 1 Oct 2018); WIPO Lex AR/952 (reservations).
    let c = shipped();
    let t = budapest(&c, "AR");
    assert_eq!(t.status, TreatyStatus::Party);
    assert_eq!(t.in_force, Some(d("2018-10-01")));
    assert_eq!(reserved(t, "bc-6"), ["possession"]); // art. 6(1)(b)
    assert_eq!(
        reserved(t, "bc-9"),
        ["procuring", "appearing-minor", "realistic-images"]
    ); // 9(1)(d), 9(2)(b)(c)
    assert_eq!(reserved(t, "bc-22"), ["nationals"]); // 22(1)(d)
    assert_eq!(reserved(t, "bc-29"), ["no-dual-criminality"]); // 29(4)
}

#[test]
fn mexico_is_not_a_party() {
    // Invited 31 Jan 2007 (nacion.com); not a party.
    let c = shipped();
    let t = budapest(&c, "MX");
    assert_ne!(t.status, TreatyStatus::Party);
    assert_eq!(t.in_force, None);
}

#[test]
fn entry_into_force_dates_match_their_sources() {
    // Council of Europe treaty office / Verdragenbank dates, as in the reference file.
    let c = shipped();
    for (cc, date) in [
        ("BR", "2023-03-01"),
        ("CA", "2015-11-01"),
        ("CL", "2017-08-01"),
        ("CO", "2020-07-01"),
        ("CR", "2018-01-01"),
        ("DE", "2009-07-01"),
        ("DO", "2013-06-01"),
        ("GB", "2011-09-01"),
        ("PE", "2019-12-01"),
        ("US", "2007-01-01"),
    ] {
        let t = budapest(&c, cc);
        assert_eq!(t.status, TreatyStatus::Party, "{cc}");
        assert_eq!(t.in_force, Some(d(date)), "{cc}");
    }
    // Brazil deposited its accession on 30 Nov 2022 (Decreto 11.491/2023).
    assert_eq!(budapest(&c, "BR").ratified, Some(d("2022-11-30")));
    // Canada ratified 8 Jul 2015 (WIPO Lex CA/952).
    assert_eq!(budapest(&c, "CA").ratified, Some(d("2015-07-08")));
}

#[test]
fn reservations_and_declarations_of_the_sample() {
    let c = shipped();
    // Chile: art. 6(3) reservation; declarations on arts 2, 3, 7 (WIPO Lex CL/952).
    let cl = budapest(&c, "CL");
    assert!(reserved(cl, "bc-6").contains(&"possession".to_string()));
    let declared: Vec<&str> = cl
        .declarations
        .iter()
        .map(|x| x.provision.as_str())
        .collect();
    assert_eq!(declared, ["bc-2", "bc-3", "bc-7"]);
    // Canada: 10(3) whole, 22(2) (WIPO Lex CA/952).
    let ca = budapest(&c, "CA");
    assert!(ca
        .reservation(&ProvisionId::parse("bc-10").unwrap())
        .unwrap()
        .is_whole());
    assert_eq!(reserved(ca, "bc-22"), ["nationals"]);
    // Peru: 6(1)(b) reserved (WIPO Lex PE/952).
    assert_eq!(reserved(budapest(&c, "PE"), "bc-6"), ["possession"]);
    // United States: art. 4(2) serious harm is a qualifier that exempts no element.
    let us = budapest(&c, "US");
    let r4 = us
        .reservation(&ProvisionId::parse("bc-4").unwrap())
        .unwrap();
    assert!(!r4.is_whole());
    assert_eq!(r4.options, ["serious-harm"]);
}

#[test]
fn every_statute_has_sources_and_a_review_status_and_is_a_summary() {
    let c = shipped();
    for s in &c.statutes {
        assert!(!s.sources.is_empty(), "{} has no sources", s.id);
        for src in &s.sources {
            assert!(
                src.starts_with("https://") || src.starts_with("http://"),
                "{}: source {src} is not a URL",
                s.id
            );
        }
        assert_eq!(
            s.text.as_deref(),
            Some("summary"),
            "{}: text must be a summary in our own words",
            s.id
        );
    }
    assert!(c.statutes.iter().any(|s| s.review == Review::Verified));
}

#[test]
fn every_country_maps_the_offences_its_law_has() {
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let today = d("2026-11-01");
    for country in &c.countries {
        let cov = gap::coverage(&c, bc, country, today);
        let offences = cov
            .provisions
            .iter()
            .filter(|p| p.area == "substantive" && p.is_implemented())
            .count();
        assert!(
            offences >= 2,
            "{} maps only {offences} substantive provisions",
            country.code
        );
    }
}

#[test]
fn chile_history_follows_the_2022_reform() {
    // Ley 19.223 (1993) repealed by Ley 21.459, in force 20 Jun 2022.
    let c = shipped();
    let old = c
        .statutes
        .iter()
        .find(|s| s.id.contains("19223"))
        .expect("Ley 19.223 in the corpus");
    assert_eq!(old.repealed, Some(d("2022-06-19")));
    let bc = c.framework("bc").unwrap();
    let cl = c.country(&CountryCode::parse("CL").unwrap()).unwrap();
    let before = gap::coverage(&c, bc, cl, d("2021-01-01"));
    let after = gap::coverage(&c, bc, cl, d("2023-01-01"));
    assert!(after.scores.overall > before.scores.overall);
    let bc7 = ProvisionId::parse("bc-7").unwrap();
    // Ley 19.223 had no computer-forgery offence; whether other law covered Art. 7 before 2022
    // was not examined, so only "not implemented in the corpus" is asserted for 2021.
    assert!(!before.provision(&bc7).unwrap().is_implemented());
    assert!(after.provision(&bc7).unwrap().is_implemented());
}

#[test]
fn brazil_article_154a_has_two_versions() {
    // Lei 12.737/2012, then Lei 14.155/2021 (in force 28 May 2021).
    let c = shipped();
    let versions: Vec<_> = c
        .sections()
        .filter(|(st, s)| st.country.as_str() == "BR" && s.id.local().starts_with("cp-154-a"))
        .collect();
    assert!(versions.len() >= 2, "{versions:?}");
    let bc = c.framework("bc").unwrap();
    let br = c.country(&CountryCode::parse("BR").unwrap()).unwrap();
    let bc2 = ProvisionId::parse("bc-2").unwrap();
    let max = |date: &str| {
        gap::coverage(&c, bc, br, d(date))
            .provision(&bc2)
            .unwrap()
            .max_prison_months
    };
    // The 2021 law raised the penalty.
    assert!(
        max("2022-01-01") > max("2020-01-01"),
        "{:?} vs {:?}",
        max("2022-01-01"),
        max("2020-01-01")
    );
}

// Facts of each country, checked against the source named beside each assertion.
#[path = "corpus_facts/ar.rs"]
mod ar;
#[path = "corpus_facts/br.rs"]
mod br;
#[path = "corpus_facts/ca.rs"]
mod ca;
#[path = "corpus_facts/cl.rs"]
mod cl;
#[path = "corpus_facts/co.rs"]
mod co;
#[path = "corpus_facts/cr.rs"]
mod cr;
#[path = "corpus_facts/de.rs"]
mod de;
#[path = "corpus_facts/do.rs"]
mod r#do;
#[path = "corpus_facts/gb.rs"]
mod gb;
#[path = "corpus_facts/mx.rs"]
mod mx;
#[path = "corpus_facts/pa.rs"]
mod pa;
#[path = "corpus_facts/pe.rs"]
mod pe;
#[path = "corpus_facts/py.rs"]
mod py;
#[path = "corpus_facts/us.rs"]
mod us;
#[path = "corpus_facts/uy.rs"]
mod uy;

/// Countries still above the 10% cap of unknown provisions, with the most they may have:
/// the list may only shrink, and each bound only fall, as their law is brought in (issue
/// "examine every cell"; docs/corpus-review/<cc>.md says what was tried).
/// UY left the list again on 2026-12-03 (corpus2-uy): Ley 19.574's cooperation chapter now
/// implements Arts. 23, 25 and 31 in place of Ley 17.060 art. 34, withdrawn by corpus-r4b.
/// PA left the list on 2026-12-03 (corpus3-pa): CP art. 290 mapped to Art. 7 for its conduct.
/// PE left it on 2026-12-03 (corpus3-pe): Arts. 29 and 30 examined against CPP art. 511(1).
/// DO rose from 12 to 16 on 2026-12-03 (corpus3-do), the one exception to "only fall": Ley 76-02,
/// the procedure code behind Arts. 14, 19, 20 and 21, was repealed by Ley 97-25 on 9 December
/// 2025, whose own rules on those powers were not read (docs/corpus-review/do.md).
const UNKNOWN_ABOVE_CAP: [(&str, usize); 1] = [("DO", 16)];

#[test]
fn no_country_has_more_than_a_tenth_of_its_provisions_unexamined() {
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let cap = bc.provisions.len() / 10;
    let today = chrono::Local::now().date_naive();
    for country in &c.countries {
        let cov = gap::coverage(&c, bc, country, today);
        let unknown = cov.scores.counts[&Status::Unknown];
        let allowed = UNKNOWN_ABOVE_CAP
            .iter()
            .find(|(cc, _)| *cc == country.code.as_str())
            .map_or(cap, |(_, n)| *n);
        assert!(
            unknown <= allowed,
            "{}: {unknown} unknown provisions, at most {allowed} allowed",
            country.code
        );
        if allowed > cap {
            assert!(
                unknown > cap,
                "{} is back under the cap ({unknown}): remove it from UNKNOWN_ABOVE_CAP",
                country.code
            );
        }
    }
}

#[test]
fn every_claim_of_evidence_cites_a_source() {
    let c = shipped();
    let url = |s: &String| s.starts_with("https://") || s.starts_with("http://");
    for country in &c.countries {
        for r in &country.reviews {
            assert!(
                !r.sources.is_empty() && r.sources.iter().all(url),
                "{}: a review without sources",
                country.code
            );
            assert!(
                r.checked.is_some(),
                "{}: a review without `checked`",
                country.code
            );
        }
        for t in &country.treaties {
            for d in &t.designations {
                assert!(
                    !d.sources.is_empty() && d.sources.iter().all(url),
                    "{}: designation under {} without sources a reader can open",
                    country.code,
                    d.provision
                );
            }
            if let Some(de) = &t.domestic_effect {
                assert!(
                    !de.sources.is_empty() && de.sources.iter().all(url),
                    "{}: domestic effect without sources a reader can open",
                    country.code
                );
            }
        }
    }
}

#[test]
fn no_shipped_verdict_is_missing_without_a_review() {
    // The evidence model's promise on the real corpus: `missing` only where examined.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let today = chrono::Local::now().date_naive();
    for country in &c.countries {
        for p in gap::coverage(&c, bc, country, today).provisions {
            if p.status == Status::Missing {
                assert!(
                    p.examined && p.review.is_some(),
                    "{} {}",
                    country.code,
                    p.provision
                );
            }
        }
    }
}
