//! Facts of the United States's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

#[test]
fn united_states_declarations_and_the_article_10_reservation() {
    // WIPO Lex US/952 and eli.gov.pl Dz.U. 2015 poz. 729: declarations under Arts. 2, 6(1)(b), 7
    // and 27(9)(e). Council of Europe treaty office (reservations of the United States): a
    // reservation under Arts. 10 and 42, which is partial (rental rights), not a whole exemption.
    let c = shipped();
    let t = budapest(&c, "US");
    assert_eq!(t.ratified, Some(d("2006-09-29")));
    let declared: Vec<&str> = t
        .declarations
        .iter()
        .map(|x| x.provision.as_str())
        .collect();
    assert_eq!(declared, ["bc-2", "bc-6", "bc-7", "bc-27"]);
    let r10 = t
        .reservation(&ProvisionId::parse("bc-10").unwrap())
        .expect("Art. 10(3) reservation");
    assert!(!r10.is_whole());
}

#[test]
fn computer_fraud_and_abuse_act_basic_maxima() {
    // 18 U.S.C. 1030(c) (uscode.house.gov; CRS Report 97-1025): (a)(2) one year, five or ten only
    // when aggravated or repeated; (a)(5)(A) with a harm factor ten years, twenty for serious
    // bodily injury, life where death results.
    let c = shipped();
    assert_eq!(max_months(section(&c, "us-18-usc-1030", "a-2")), Some(12.0));
    assert_eq!(
        max_months(section(&c, "us-18-usc-1030", "a-5")),
        Some(120.0)
    );
}

#[test]
fn copyright_and_wire_fraud_offences() {
    // 18 U.S.C. 2319(b)(1) (DOJ Criminal Resource Manual 1852): up to five years for at least ten
    // copies worth more than $2,500 in 180 days. 18 U.S.C. 1343 (govinfo, U.S. Code 2014):
    // up to twenty years.
    let c = shipped();
    let s506 = section(&c, "us-17-usc-506", "s-506-2319");
    assert!(maps(s506, "bc-10", "copyright"));
    assert_eq!(max_months(s506), Some(60.0));
    let wire = section(&c, "us-18-usc-1343", "s-1343");
    assert!(maps(wire, "bc-7", "inauthentic-data"));
    assert_eq!(max_months(wire), Some(240.0));
}

#[test]
fn damage_causing_death_carries_life() {
    // 18 U.S.C. 1030(c)(4)(F) (uscode.house.gov; CRS Report 97-1025): any term of years or life
    // where the offender knowingly or recklessly causes or attempts to cause death.
    let c = shipped();
    assert!(aggravated_life(section(&c, "us-18-usc-1030", "a-5")));
}

#[test]
fn united_states_central_authority_and_review() {
    // WIPO Lex US/952, declaration 6: central authority for mutual assistance (Office of
    // International Affairs, Department of Justice); declaration 5: no authority under Art. 24(7).
    // 18 U.S.C. 3512(a)(2) (Code text): no Title III interception for foreign requests, so Art. 34
    // is examined and absent; Art. 7 is met through 18 U.S.C. 1343 with the intent-to-defraud
    // declaration.
    let c = shipped();
    let t = budapest(&c, "US");
    let provisions: Vec<&str> = t
        .designations
        .iter()
        .map(|x| x.provision.as_str())
        .collect();
    assert_eq!(provisions, ["bc-27"]);
    assert!(t.domestic_effect.is_none());
    assert_eq!(status("US", "bc-34"), Status::Missing);
    assert_eq!(status("US", "bc-7"), Status::Full);
    assert_eq!(status("US", "bc-10"), Status::Full);
    assert!(unknown_count("US") <= 3);
}

fn aggravated_max_months(s: &Section) -> Vec<Option<f64>> {
    s.mapping
        .as_ref()
        .and_then(|m| m.penalty.as_ref())
        .map(|p| {
            p.aggravated
                .iter()
                .map(|a| a.prison.as_ref().and_then(|t| t.max_months()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn access_device_fraud_penalty_tiers() {
    // 18 U.S.C. 1029(c)(1) (uscode.house.gov text, copy in codexstanford/markdonw-chunck-of-the-
    // usa-code, title 18 chunk 636): 10 or 15 years by paragraph, 20 after a prior conviction.
    // Pub. L. 98-473, sec. 1602(a), 12 October 1984 (98 Stat. 2183) added the section.
    let c = shipped();
    let statute = c
        .statutes
        .iter()
        .find(|s| s.id == "us-18-usc-1029")
        .unwrap();
    assert_eq!(statute.review, Review::Verified);
    let a = section(&c, "us-18-usc-1029", "a");
    assert_eq!(max_months(a), Some(180.0));
    assert_eq!(aggravated_max_months(a), [Some(240.0)]);
}

#[test]
fn child_abuse_material_basic_and_repeat_ranges() {
    // 18 U.S.C. 2251(e), 2252(b), 2252A(b) (uscode.house.gov text, copy in codexstanford/
    // markdonw-chunck-of-the-usa-code, title 18 chunks 1162, 1166, 1168): distribution 5-20 years,
    // 15-40 after a qualifying prior conviction (an aggravated range, not the basic maximum);
    // production 15-30 years, 35 to life after two or more prior convictions.
    let c = shipped();
    for local in ["s-2252", "s-2252a"] {
        let s = section(&c, "us-18-usc-2252", local);
        assert_eq!(max_months(s), Some(240.0), "{local}");
        assert!(aggravated_max_months(s).contains(&Some(480.0)), "{local}");
    }
    let production = section(&c, "us-18-usc-2252", "s-2251");
    assert_eq!(max_months(production), Some(360.0));
    assert!(aggravated_life(production));
}
