//! Facts of Canada's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn ca_coverage(c: &Corpus) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let ca = c.country(&CountryCode::parse("CA").unwrap()).unwrap();
    gap::coverage(c, bc, ca, d("2026-12-03"))
}

fn max_months(cov: &gap::CountryCoverage, provision: &str) -> Option<f64> {
    cov.provision(&ProvisionId::parse(provision).unwrap())
        .unwrap_or_else(|| panic!("{provision} not in coverage"))
        .max_prison_months
}

#[test]
fn copyright_offences_carry_five_years_on_indictment() {
    // Copyright Act s. 42(2.1)(a): fine up to $1,000,000 and/or up to five years
    // (laws-lois.justice.gc.ca, consolidated text read 2026-12-03).
    let c = shipped();
    let cov = ca_coverage(&c);
    assert_eq!(max_months(&cov, "bc-10"), Some(60.0));
}

#[test]
fn unauthorised_use_of_computer_carries_ten_years() {
    // Criminal Code s. 342.1(2): indictable, up to ten years; s. 184(1) interception up to
    // five (laws-lois.justice.gc.ca). The higher of the two is the bc-3 maximum.
    let c = shipped();
    let cov = ca_coverage(&c);
    assert_eq!(max_months(&cov, "bc-2"), Some(120.0));
    assert_eq!(max_months(&cov, "bc-3"), Some(120.0));
}

#[test]
fn mutual_legal_assistance_act_dates_from_its_1988_assent() {
    // MLACMA: S.C. 1988, c. 37, assented to 28 July 1988 (laws-lois.justice.gc.ca, page 1).
    // Extradition Act: S.C. 1999, c. 18, assented to 17 June 1999 (same source).
    let c = shipped();
    let statute = |id: &str| {
        c.statutes
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    assert_eq!(statute("ca-mlacma").enacted, Some(d("1988-07-28")));
    assert_eq!(statute("ca-extradition-act").enacted, Some(d("1999-06-17")));
}

#[test]
fn privacy_act_lets_federal_bodies_share_information_with_foreign_states() {
    // Privacy Act, R.S.C. 1985, c. P-21, s. 8(2)(f): disclosure under an agreement or arrangement
    // with a foreign state's government for enforcing a law or a lawful investigation
    // (Department of Justice consolidated text via XYOca/laws-lois-markdown, P-21-privacy-act.md);
    // in force 1983 (Office of the Privacy Commissioner's guide; the day from secondary sources).
    let c = shipped();
    let act = statute_of(&c, "ca-privacy-act");
    assert_eq!(act.in_force, Some(d("1983-07-01")));
    assert_eq!(act.review, Review::Verified);
    let s8 = act.section("s-8").unwrap().mapping.as_ref().unwrap();
    let bc26 = s8
        .implements
        .iter()
        .find(|i| i.provision.as_str() == "bc-26")
        .unwrap();
    assert_eq!(bc26.elements, ["spontaneous-information"]);
    assert_eq!(status_on(&c, "CA", "bc-26", "2026-12-03"), Status::Partial);
}
