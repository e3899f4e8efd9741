//! Facts of Mexico's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn mexico_coverage(c: &Corpus, date: &str) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let mx = c.country(&CountryCode::parse("MX").unwrap()).unwrap();
    gap::coverage(c, bc, mx, d(date))
}

#[test]
fn mexico_copying_protected_information_carries_three_months_to_one_year() {
    // CPF art. 211 bis 1, second paragraph: 3 months to 1 year and 50 to 150 días multa
    // (text of the article quoted on ciberprevencion.blogspot.mx; scribd dogmatic table).
    let c = shipped();
    let cov = mexico_coverage(&c, "2026-11-01");
    let bc2 = cov.provision(&ProvisionId::parse("bc-2").unwrap()).unwrap();
    assert_eq!(bc2.min_prison_months, Some(3.0));
}

#[test]
fn mexico_copyright_piracy_carries_three_to_ten_years() {
    // CPF art. 424 bis: 3 to 10 years and 2,000 to 20,000 días multa (vLex doctrina reproduction
    // of Title 26; jorgeleon.mx quotation).
    let c = shipped();
    let cov = mexico_coverage(&c, "2026-11-01");
    let bc10 = cov
        .provision(&ProvisionId::parse("bc-10").unwrap())
        .unwrap();
    assert_eq!(bc10.max_prison_months, Some(120.0));
}

#[test]
fn mexico_has_no_federal_misuse_of_devices_offence() {
    // CPF Title Nine, Chapter II (arts. 211 bis 1 to 7) covers access, copying and alteration
    // only (ciberprevencion.blogspot.mx text); review 2026-12 item A17 found no federal offence.
    let c = shipped();
    let cov = mexico_coverage(&c, "2026-11-01");
    let bc6 = cov.provision(&ProvisionId::parse("bc-6").unwrap()).unwrap();
    assert!(!bc6.is_implemented());
}

#[test]
fn mexico_misuse_of_devices_examined_and_absent_at_federal_level() {
    // The federal review (country.yaml) covers Art. 6: no federal offence (review 2026-12, A17).
    let c = shipped();
    let cov = mexico_coverage(&c, "2026-11-01");
    let bc6 = cov.provision(&ProvisionId::parse("bc-6").unwrap()).unwrap();
    assert_eq!(bc6.status, Status::Missing);
    // CPF 211 bis 2: penalties doubled where justice is obstructed are an aggravated range, not
    // the basic maximum (public-security systems 4 to 10 years; ciberprevencion text).
    let bc2 = cov.provision(&ProvisionId::parse("bc-2").unwrap()).unwrap();
    assert_eq!(bc2.max_prison_months, Some(120.0));
    assert_eq!(bc2.aggravated_max_prison_months, Some(240.0));
}
