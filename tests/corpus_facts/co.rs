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
    // CP art. 286 (64 to 144 months) and art. 289 (16 to 108 months, if the private document is
    // used), both as increased by Ley 890 de 2004 art. 14 (Función Pública gestor normativo,
    // norma i=6388; the 286 range also in Corte Suprema de Justicia, Sala Penal, 15 May 2024,
    // rad. 63799); art. 289 covers material and ideological falsity (Corte Constitucional
    // C-637/09); art. 294 defines document by its evidential content on any medium.
    let c = shipped();
    let cov = colombia_coverage(&c, "2026-11-01");
    let bc7 = cov.provision(&ProvisionId::parse("bc-7").unwrap()).unwrap();
    assert!(bc7.is_implemented());
    assert_eq!(bc7.min_prison_months, Some(16.0));
    assert_eq!(bc7.max_prison_months, Some(144.0));
}

#[test]
fn colombia_copyright_offence_carries_four_to_eight_years() {
    // CP art. 271: 4 to 8 years and 26.66 to 1,000 SMLMV (Función Pública gestor normativo,
    // norma i=6388, penalties as increased by Ley 890 de 2004); reproduction by computer means
    // needs an economic-benefit purpose or commercial scale (para. 2, Ley 1915 de 2018 art. 36).
    let c = shipped();
    let cov = colombia_coverage(&c, "2026-11-01");
    let bc10 = cov
        .provision(&ProvisionId::parse("bc-10").unwrap())
        .unwrap();
    assert_eq!(bc10.status, Status::Full);
    assert_eq!(bc10.min_prison_months, Some(48.0));
    assert_eq!(bc10.max_prison_months, Some(96.0));
}

#[test]
fn colombia_has_no_preservation_order_but_waives_dual_criminality() {
    // Ley 906 de 2004 read in full (Función Pública gestor normativo, norma i=14787): no order to
    // preserve specified stored data (Arts. 16, 17) and no expedited disclosure for foreign
    // requests (Art. 30), so these are examined and missing; art. 489 lets assistance be given
    // even where the conduct is no offence in Colombia (Art. 29, no-dual-criminality).
    let c = shipped();
    let cov = colombia_coverage(&c, "2026-11-01");
    for id in ["bc-16", "bc-17", "bc-30"] {
        let p = cov.provision(&ProvisionId::parse(id).unwrap()).unwrap();
        assert_eq!(p.status, Status::Missing, "{id}");
        assert!(p.examined, "{id}");
    }
    let bc29 = cov
        .provision(&ProvisionId::parse("bc-29").unwrap())
        .unwrap();
    assert_eq!(bc29.status, Status::Partial);
    assert_eq!(bc29.covered, ["no-dual-criminality"]);
    // At most three provisions remain unexamined (bc-1c, bc-1d, bc-35).
    let unknown = unknown_in(&cov).len();
    assert!(unknown <= 3, "{unknown} unknown");
}

#[test]
fn colombia_statutes_are_mostly_verified() {
    // Código Penal, Ley 906 and Ley 527 checked against the Función Pública gestor normativo
    // (norma i=6388, i=14787, i=4276); Ley 1273 against the Diario Oficial text; Decreto 1704 de
    // 2012 against its compilation in Decreto 1078 de 2015 (norma i=77888).
    let c = shipped();
    let co: Vec<_> = c
        .statutes
        .iter()
        .filter(|s| s.country.as_str() == "CO")
        .collect();
    let verified = co.iter().filter(|s| s.review == Review::Verified).count();
    assert!(verified * 5 >= co.len() * 4, "{verified} of {}", co.len());
}

#[test]
fn interception_decree_is_verified_in_its_compilation_in_decreto_1078() {
    // Decreto 1078 de 2015 (Función Pública gestor normativo, norma i=77888; repository copy
    // Ansvar-Systems/Colombian-law-mcp, commit 282c529): arts. 2.2.2.6.1 to 2.2.2.6.7 compile
    // arts. 1 to 7 of Decreto 1704 de 2012; art. 2.2.2.6.2 obliges providers to give access
    // points for capturing traffic, art. 2.2.2.6.4 to hand over subscriber data at once and keep
    // it for five years.
    let c = shipped();
    let decree = statute_of(c, "co-decreto-1704-2012");
    assert_eq!(decree.review, Review::Verified);
    assert_eq!(decree.in_force, Some(d("2012-08-15")));
    assert!(maps(
        section(c, "co-decreto-1704-2012", "art-2"),
        "bc-21",
        "provider-compelled"
    ));
    assert!(maps(
        section(c, "co-decreto-1704-2012", "art-4"),
        "bc-18",
        "subscriber-information"
    ));
    // Art. 1 (the definition of lawful interception) is plain text.
    assert!(section(c, "co-decreto-1704-2012", "art-1")
        .mapping
        .is_none());
    let co: Vec<_> = c
        .statutes
        .iter()
        .filter(|s| s.country.as_str() == "CO")
        .collect();
    assert!(co.iter().all(|s| s.review == Review::Verified));
    // Definitions of service provider and traffic data, and the 24/7 point, stay unexamined.
    for id in ["bc-1c", "bc-1d", "bc-35"] {
        assert_eq!(
            status_on(c, "CO", id, "2026-12-03"),
            Status::Unknown,
            "{id}"
        );
    }
}
