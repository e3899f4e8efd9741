//! Facts of Costa Rica's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn cr_coverage(c: &Corpus) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let cr = c.country(&CountryCode::parse("CR").unwrap()).unwrap();
    gap::coverage(c, bc, cr, d("2026-12-03"))
}

fn provision<'a>(cov: &'a gap::CountryCoverage, id: &str) -> &'a gap::Coverage {
    cov.provision(&ProvisionId::parse(id).unwrap())
        .unwrap_or_else(|| panic!("{id} not in coverage"))
}

#[test]
fn computer_fraud_is_mapped_by_its_conduct_with_the_penalty_unrecorded() {
    // CP art. 217 bis (estafa informática, Ley 8148 of 2001 as reformed by Ley 9048): the
    // offence exists (ticoblogger.com, 11 July 2012; review 2026-12 item A4); its current
    // penalty was not confirmed, so none is recorded.
    let c = shipped();
    let cov = cr_coverage(&c);
    let bc8 = provision(&cov, "bc-8");
    assert_ne!(bc8.status, Status::Missing);
    assert_eq!(bc8.max_prison_months, None);
}

#[test]
fn child_pornography_production_carries_four_to_eight_years() {
    // CP art. 173: production of pornographic material with minors, 4 to 8 years
    // (teletica.com, 17 February 2020, quoting the Fiscalía).
    let c = shipped();
    let cov = cr_coverage(&c);
    let bc9 = provision(&cov, "bc-9");
    assert_ne!(bc9.status, Status::Missing);
    assert_eq!(bc9.max_prison_months, Some(96.0));
}

#[test]
fn violation_of_communications_carries_one_to_three_years() {
    // CP arts. 196 and 196 bis: one to three years, two to four aggravated (acoso.online,
    // quoting the text in force). The aggravated range is not the basic maximum.
    let c = shipped();
    let cov = cr_coverage(&c);
    assert_eq!(provision(&cov, "bc-3").max_prison_months, Some(36.0));
}

#[test]
fn ley_9048_keeps_its_signature_date_and_no_invented_entry_into_force() {
    // Signed by the President on 10 July 2012 (ticoblogger.com, 11 July 2012); the La Gaceta
    // publication was not found, so no in-force date is recorded.
    let c = shipped();
    let law = c.statutes.iter().find(|s| s.id == "cr-ley-9048").unwrap();
    assert_eq!(law.enacted, Some(d("2012-07-10")));
    assert_eq!(law.in_force, None);
}
