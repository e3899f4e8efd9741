//! Facts of Paraguay's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn py_coverage(c: &Corpus, date: &str) -> harmonia::gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let py = c.country(&CountryCode::parse("PY").unwrap()).unwrap();
    gap::coverage(c, bc, py, d(date))
}

#[test]
fn access_interception_and_devices_carry_the_penalties_of_ley_4439() {
    // BACN record 3777 (Ley 4439/2011, art. 1), read in the Ansvar-Systems/Paraguayan-law-mcp
    // mirror (commit ae17ff5): art. 146 b up to 3 years or a fine, 146 c up to 2 years, 146 d up
    // to 1 year, 174 b up to 3 years. Earlier sessions mapped them with no penalty (none read).
    let c = shipped();
    let law = statute_of(&c, "py-ley-4439");
    assert_eq!(law.review, Review::Verified);
    for (section, provision, months) in [
        ("cp-146b", "bc-2", 36.0),
        ("cp-146c", "bc-3", 24.0),
        ("cp-146d", "bc-6", 12.0),
        ("cp-174b", "bc-2", 36.0),
    ] {
        let s = law.section(section).unwrap();
        assert!(maps(s, provision, "intent"), "{section}");
        assert_eq!(max_months(s), Some(months), "{section}");
    }
    let cov = py_coverage(&c, "2026-11-01");
    let bc3 = cov.provision(&ProvisionId::parse("bc-3").unwrap()).unwrap();
    assert_eq!(bc3.max_prison_months, Some(24.0));
    // The six articles Ley 4439 added include 175 b (instancia), not 249.
    assert!(law.section("cp-175b").unwrap().mapping.is_none());
}

#[test]
fn sabotage_and_computer_fraud_have_their_2011_wording() {
    // BACN record 3777: art. 175 no longer limited to processing "of vital importance", up to 5
    // years or a fine, attempt punishable; art. 188 up to 5 years, and through art. 187, incs. 2-4
    // (BACN record 3497), attempt punishable and up to 8 years in especially serious cases.
    let c = shipped();
    let law = statute_of(&c, "py-ley-4439");
    let sabotage = law.section("cp-175").unwrap();
    assert_eq!(max_months(sabotage), Some(60.0));
    assert!(maps(sabotage, "bc-11", "attempt"));
    let fraud = law.section("cp-188").unwrap();
    assert!(maps(fraud, "bc-11", "attempt"));
    let penalty = fraud.mapping.as_ref().unwrap().penalty.clone().unwrap();
    assert_eq!(
        penalty.aggravated[0].prison.as_ref().unwrap().max_months(),
        Some(96.0)
    );
}

#[test]
fn data_forgery_carries_five_years_and_ten_when_especially_serious() {
    // Código Penal art. 248 (1997 text, BACN record 3497): up to 5 years or a fine; especially
    // serious cases up to 10 years (art. 246, inc. 4). The code took effect one year after its
    // promulgation of 26 November 1997 (art. 325).
    let c = shipped();
    let cp = statute_of(&c, "py-codigo-penal");
    let penalty = cp
        .section("cp-248")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap()
        .penalty
        .clone()
        .unwrap();
    let prison = penalty.prison.unwrap();
    assert_eq!(prison.min_months, None);
    assert_eq!(prison.max_months(), Some(60.0));
    assert_eq!(
        penalty.aggravated[0].prison.as_ref().unwrap().max_months(),
        Some(120.0)
    );
    assert_eq!(cp.enacted, Some(d("1997-11-26")));
    assert_eq!(cp.in_force, Some(d("1998-11-26")));
    assert_eq!(cp.review, Review::Verified);
}

#[test]
fn ley_3440_copyright_offence_and_aut_dedere() {
    // BACN record 3485 (Ley 3440/2008): art. 184 a, up to 5 years or a fine, two to eight years in
    // especially serious cases, phonograms and performances equated to works; in force one year
    // after promulgation (16 July 2008, art. 3). BACN record 11358 (Ley 7062/2023): art. 8 no. 8,
    // offences a ratified treaty obliges Paraguay to prosecute, once the offender is in Paraguay.
    let c = shipped();
    let copyright = section(&c, "py-codigo-penal", "cp-184");
    assert!(maps(copyright, "bc-10", "related-rights"));
    assert_eq!(max_months(copyright), Some(60.0));
    assert_eq!(
        copyright.mapping.as_ref().unwrap().in_force,
        Some(d("2009-07-16"))
    );
    assert_eq!(status_on(&c, "PY", "bc-10", "2026-11-01"), Status::Full);
    let treaty_offences = section(&c, "py-codigo-penal", "cp-8");
    assert!(maps(treaty_offences, "bc-22", "aut-dedere"));
    assert_eq!(status_on(&c, "PY", "bc-22", "2026-11-01"), Status::Full);
}

#[test]
fn criminal_procedure_code_fully_in_force_from_march_2000() {
    // BACN record 203 (Ley 1286/98, promulgated 8 July 1998) and record 1592 (Ley 1444/99, art.
    // 3: the code fully in force from 1 March 2000).
    let c = shipped();
    let cpp = statute_of(&c, "py-codigo-procesal-penal");
    assert_eq!(cpp.enacted, Some(d("1998-07-08")));
    assert_eq!(cpp.in_force, Some(d("2000-03-01")));
    assert_eq!(cpp.review, Review::Verified);
    assert_ne!(status_on(&c, "PY", "bc-21", "2000-03-01"), Status::Unknown);
}

#[test]
fn ley_5994_approved_the_convention() {
    // BACN record 9900: Ley 5994 of 7 Dec 2017, published 20 Dec 2017; ILO NATLEX: in force 21 Dec
    // 2017. Constitution art. 141: approved and deposited treaties are part of domestic law.
    let c = shipped();
    let law = statute_of(&c, "py-ley-5994");
    assert_eq!(law.enacted, Some(d("2017-12-07")));
    assert_eq!(law.in_force, Some(d("2017-12-21")));
    assert!(budapest(&c, "PY").domestic_effect.is_some());
}

#[test]
fn only_the_24_7_point_is_unexamined() {
    // Review claim of 2026-12-03 (statutes/py/country.yaml): Paraguay's designation not found.
    let c = shipped();
    let cov = py_coverage(&c, "2026-11-01");
    let unknown = unknown_in(&cov);
    assert_eq!(unknown, ["bc-35"]);
    let bc12 = cov
        .provision(&ProvisionId::parse("bc-12").unwrap())
        .unwrap();
    assert_eq!(bc12.status, Status::Missing);
}
