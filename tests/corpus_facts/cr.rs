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

#[test]
fn accession_registered_2017_09_22_with_two_interpretative_declarations_and_no_reservation() {
    // Council of Europe treaty office, declarations for treaty 185, Costa Rica (status at
    // 25 February 2018): the declarations on Arts. 10 and 24 were contained in the instrument of
    // accession registered on 22 September 2017 and take effect from 1 January 2018. They are
    // interpretations, not Art. 42 reservations, so none is recorded as a reservation.
    let c = shipped();
    let t = budapest(&c, "CR");
    assert_eq!(t.ratified, Some(d("2017-09-22")));
    assert_eq!(t.in_force, Some(d("2018-01-01")));
    assert!(t.reservations.is_empty());
    assert!(t.note.as_deref().unwrap_or("").contains("Art. 24"));
}

#[test]
fn computer_forgery_reaches_electronic_documents_through_ley_8454() {
    // Ley 8454 art. 3: electronic documents are legally equivalent to physical ones, including
    // wherever a norm refers to documents (La República, 23 April 2020). The forgery offences'
    // penalties were not read, so none is recorded; before the source date nothing is claimed.
    let c = shipped();
    let cov = cr_coverage(&c);
    let bc7 = provision(&cov, "bc-7");
    assert_eq!(bc7.status, Status::Partial);
    assert_eq!(bc7.covered, ["inauthentic-data"]);
    assert_eq!(bc7.max_prison_months, None);
    let bc = c.framework("bc").unwrap();
    let cr = c.country(&CountryCode::parse("CR").unwrap()).unwrap();
    let before = gap::coverage(&c, bc, cr, d("2019-01-01"));
    assert_eq!(provision(&before, "bc-7").status, Status::Unknown);
}

#[test]
fn interception_under_ley_7425_reaches_traffic_data_only_for_listed_offences() {
    // Ley 7425 art. 9 (as reformed by Ley 8200; SCIJ): courts may authorise the interception of
    // communications, digital telecommunications included, only for a closed list of serious
    // offences; read, as for DO CPP art. 192 and PA CPP art. 311, as real-time collection of the
    // traffic data of those communications.
    let c = shipped();
    let cov = cr_coverage(&c);
    assert_eq!(provision(&cov, "bc-20").covered, ["collection"]);
    assert_eq!(provision(&cov, "bc-21").options, ["serious-offences"]);
}

#[test]
fn oatri_is_the_central_authority_from_2018() {
    // Ministerio Público press release of 22 May 2018 (lavozdelpueblo1.blogspot.com): an
    // executive decree designated the Oficina de Asesoría Técnica y Relaciones Internacionales
    // (OATRI) central authority for the Convention. bc-27 is then full together with the domestic
    // effect of the Convention (from 1 January 2018).
    let c = shipped();
    let t = budapest(&c, "CR");
    let oatri = t
        .designations
        .iter()
        .find(|g| g.authority.as_deref().unwrap_or("").contains("OATRI"))
        .expect("OATRI designation");
    assert_eq!(oatri.date, Some(d("2018-05-22")));
    let cov = cr_coverage(&c);
    assert_eq!(provision(&cov, "bc-27").status, Status::Full);
}
