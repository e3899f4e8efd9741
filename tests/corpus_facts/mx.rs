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

#[test]
fn mexico_preservation_order_of_up_to_ninety_days_since_june_2016() {
    // CNPP art. 303, last paragraph (reform published in the DOF on 17 June 2016, in force the
    // next day): the prosecution may require providers to preserve data held in networks or
    // computer systems at once for up to ninety days (Cámara de Diputados compilation, last
    // amended DOF 28-11-2025).
    let c = shipped();
    let id = ProvisionId::parse("bc-16").unwrap();
    let cov = mexico_coverage(&c, "2026-11-01");
    let bc16 = cov.provision(&id).unwrap();
    assert_eq!(bc16.status, Status::Partial);
    assert!(bc16.covered.iter().any(|e| e == "up-to-90-days"));
    assert!(bc16.missing.iter().any(|e| e == "confidentiality"));
    let before = mexico_coverage(&c, "2016-06-17");
    assert!(!before.provision(&id).unwrap().is_implemented());
}

#[test]
fn mexico_corporate_liability_needs_a_lack_of_due_control_and_a_listed_offence() {
    // CNPP art. 421 (amended DOF 17 June 2016): liability of legal persons only with a failure
    // of due control; CPF art. 11 bis lists art. 424 bis (copyright) and LIC art. 112 quater
    // but not CPF arts. 211 bis 1 to 7 (Cámara de Diputados compilation).
    let c = shipped();
    let cov = mexico_coverage(&c, "2026-11-01");
    let bc12 = cov
        .provision(&ProvisionId::parse("bc-12").unwrap())
        .unwrap();
    assert_eq!(bc12.status, Status::Partial);
    assert_eq!(bc12.missing, ["leading-person"]);
}

#[test]
fn mexico_every_provision_examined_against_federal_law() {
    // Not a Party: cooperation judged against CNPP Title XI (arts. 433 to 455, read in full).
    // No rule on spontaneous information (Art. 26) and no 24/7 point (Art. 35): missing under
    // the federal review in country.yaml; nothing is left unexamined.
    let c = shipped();
    let cov = mexico_coverage(&c, "2026-11-01");
    for p in ["bc-26", "bc-35"] {
        let id = ProvisionId::parse(p).unwrap();
        assert_eq!(cov.provision(&id).unwrap().status, Status::Missing, "{p}");
    }
    let unknown = unknown_in(&cov);
    assert!(unknown.is_empty(), "unexamined: {unknown:?}");
}

#[test]
fn mexico_document_forgery_and_bank_system_fraud_penalties() {
    // CPF art. 243: public documents 4 to 8 years, private 6 months to 5 years, up to one half
    // more for public servants; LIC art. 112 quater (added DOF 26 June 2008): 3 to 9 years, up
    // to one half more for bank insiders (art. 112 quintus). Cámara de Diputados compilations.
    let c = shipped();
    let cov = mexico_coverage(&c, "2026-11-01");
    let bc7 = cov.provision(&ProvisionId::parse("bc-7").unwrap()).unwrap();
    assert_eq!(bc7.min_prison_months, Some(6.0));
    assert_eq!(bc7.max_prison_months, Some(96.0));
    assert_eq!(bc7.aggravated_max_prison_months, Some(144.0));
    assert!(bc7.missing.iter().any(|e| e == "data-manipulation"));
    let bc8 = cov.provision(&ProvisionId::parse("bc-8").unwrap()).unwrap();
    assert_eq!(bc8.max_prison_months, Some(108.0));
    assert_eq!(bc8.aggravated_max_prison_months, Some(162.0));
    let before = mexico_coverage(&c, "2008-06-26");
    assert!(!before
        .provision(&ProvisionId::parse("bc-8").unwrap())
        .unwrap()
        .is_implemented());
}
