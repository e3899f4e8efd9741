//! Facts of Colombia's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn colombia_coverage(c: &Corpus, date: &str) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let co = c.country(&CountryCode::parse("CO").unwrap()).unwrap();
    gap::coverage(c, bc, co, d(date))
}

#[test]
fn colombia_abusive_access_carries_48_to_96_months() {
    // CP art. 269A (Ley 1273 de 2009, Diario Oficial 47.223 of 5 Jan 2009): 48 to 96 months
    // (secretariasenado.gov.co text; Posada Maya 2013 on doctrina.vlex.com.co).
    let c = shipped();
    let cov = colombia_coverage(&c, "2026-11-01");
    let bc2 = cov.provision(&ProvisionId::parse("bc-2").unwrap()).unwrap();
    assert_eq!(bc2.min_prison_months, Some(48.0));
    assert_eq!(bc2.max_prison_months, Some(96.0));
    let law = c
        .statutes
        .iter()
        .find(|s| s.id == "co-ley-1273-2009")
        .unwrap();
    assert_eq!(law.in_force, Some(d("2009-01-05")));
    // Before the law there was no access offence in the corpus.
    let before = colombia_coverage(&c, "2008-12-31");
    assert!(!before
        .provision(&ProvisionId::parse("bc-2").unwrap())
        .unwrap()
        .is_implemented());
}

#[test]
fn colombia_party_since_july_2020_with_a_reservation_under_article_14() {
    // In force 1 Jul 2020 (Dutch Verdragenbank list of parties); CoE Octopus country wiki
    // "Colombia": reservations regarding Articles 14, 20 and 21 (Art. 14(3) qualifier).
    let c = shipped();
    let t = budapest(&c, "CO");
    assert_eq!(t.in_force, Some(d("2020-07-01")));
    let r = t
        .reservation(&ProvisionId::parse("bc-14").unwrap())
        .expect("Art. 14(3) reservation recorded");
    assert!(!r.is_whole());
    assert_eq!(r.options, ["serious-offences-only"]);
}

#[test]
fn colombia_has_no_liability_of_legal_persons_for_computer_offences() {
    // Ley 2195 de 2022 (art. 34 Ley 1474 de 2011): administrative liability for offences against
    // the public administration, environment, economic and social order, terrorist financing
    // and public assets only (Prias Cadavid; Sintura Martínez); no criminal liability of legal
    // persons. Examined, so reported as missing rather than unknown.
    let c = shipped();
    let cov = colombia_coverage(&c, "2026-11-01");
    let bc12 = cov
        .provision(&ProvisionId::parse("bc-12").unwrap())
        .unwrap();
    assert_eq!(bc12.status, Status::Missing);
    // The Convention is domestic law from its entry into force (Ley 7 de 1944; Ley 1928 de 2018).
    let t = budapest(&c, "CO");
    assert_eq!(t.domestic_effect.as_ref().unwrap().date, d("2020-07-01"));
}

#[test]
fn colombia_forgery_of_documents_reaches_computer_forgery() {
    // CP art. 286 as amended by Ley 890 de 2004 art. 14: 64 to 144 months (Corte Suprema de
    // Justicia, Sala Penal, 15 May 2024, rad. 63799, quoted in a November 2024 commentary);
    // art. 289 covers material and ideological falsity (Corte Constitucional C-637/09); art. 294
    // defines document by its evidential content on any medium.
    let c = shipped();
    let cov = colombia_coverage(&c, "2026-11-01");
    let bc7 = cov.provision(&ProvisionId::parse("bc-7").unwrap()).unwrap();
    assert!(bc7.is_implemented());
    assert_eq!(bc7.min_prison_months, Some(64.0));
    assert_eq!(bc7.max_prison_months, Some(144.0));
}
