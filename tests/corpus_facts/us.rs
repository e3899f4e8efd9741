//! Facts of the United States's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

use harmonia::corpus::Section;

fn section<'a>(c: &'a Corpus, statute: &str, local: &str) -> &'a Section {
    c.statutes
        .iter()
        .find(|s| s.id == statute)
        .unwrap_or_else(|| panic!("{statute} missing"))
        .section(local)
        .unwrap_or_else(|| panic!("{statute}#{local} missing"))
}

fn max_months(s: &Section) -> Option<f64> {
    s.mapping
        .as_ref()
        .and_then(|m| m.penalty.as_ref())
        .and_then(|p| p.prison.as_ref())
        .unwrap_or_else(|| panic!("{}: no prison term", s.id))
        .max_months()
}

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

fn status(cc: &str, provision: &str) -> Status {
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let country = c.country(&CountryCode::parse(cc).unwrap()).unwrap();
    gap::coverage(&c, bc, country, d("2026-12-03"))
        .provision(&ProvisionId::parse(provision).unwrap())
        .unwrap()
        .status
}

fn unknown_count(cc: &str) -> usize {
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let country = c.country(&CountryCode::parse(cc).unwrap()).unwrap();
    gap::coverage(&c, bc, country, d("2026-12-03"))
        .provisions
        .iter()
        .filter(|p| p.status == Status::Unknown)
        .count()
}

fn maps(s: &Section, provision: &str, element: &str) -> bool {
    s.implementations()
        .iter()
        .any(|i| i.provision.as_str() == provision && i.elements.iter().any(|e| e == element))
}

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
