//! The shipped corpus: key facts asserted against their sources (named beside each
//! assertion), provenance on every statute, history where the law changed, and a clean
//! `check`. A change to the corpus that contradicts a cited fact fails here.

use chrono::NaiveDate;
use harmonia::corpus::{self, Corpus, CorpusSource, Review, Treaty, TreatyStatus};
use harmonia::gap::{self, Status};
use harmonia::id::{CountryCode, ProvisionId};

fn shipped() -> Corpus {
    let loaded = corpus::load(&CorpusSource::BuiltIn).unwrap();
    assert!(
        !loaded.diagnostics.has_errors(),
        "{}",
        loaded.diagnostics.render(false)
    );
    loaded.corpus
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
    assert!(!before.provision(&bc7).unwrap().is_implemented());
    assert!(after.provision(&bc7).unwrap().is_implemented());
    assert!(matches!(
        after.provision(&bc7).unwrap().status,
        Status::Full | Status::Partial
    ));
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
