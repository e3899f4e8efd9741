//! Facts of Argentina's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

#[test]
fn forgery_offences_reach_electronic_documents_from_ley_26388() {
    // Código Penal arts. 292 and 77 as consolidated on argentina.gob.ar (Infoleg): 1 to 6 years
    // for a public instrument, 6 months to 2 years for a private one, 3 to 8 years for identity
    // documents; "documento" covers any medium since Ley 26.388 (in force 4 July 2008).
    let c = shipped();
    let cp = statute_of(&c, "ar-codigo-penal");
    let mapping = cp.section("cp-292").unwrap().mapping.as_ref().unwrap();
    assert!(mapping
        .implements
        .iter()
        .any(|i| i.provision.as_str() == "bc-7"));
    let penalty = mapping.penalty.as_ref().unwrap();
    let prison = penalty.prison.as_ref().unwrap();
    assert_eq!(prison.min_months, Some(6.0));
    assert_eq!(prison.max_months(), Some(72.0));
    let aggravated = penalty.aggravated[0].prison.as_ref().unwrap();
    assert_eq!(aggravated.max_months(), Some(96.0));
    assert_eq!(mapping.in_force, Some(d("2008-07-04")));
    assert_ne!(status_on(&c, "AR", "bc-7", "2026-11-01"), Status::Unknown);
    assert_ne!(status_on(&c, "AR", "bc-7", "2026-11-01"), Status::Missing);
}

#[test]
fn copyright_offences_carry_the_estafa_penalty() {
    // Ley 11.723 art. 71 refers to Código Penal art. 172: one month to six years (aprendiendoderechotuc
    // reproduction of arts. 71-72 bis; art. 172 on argentina.gob.ar).
    let c = shipped();
    let law = statute_of(&c, "ar-ley-11723");
    let prison = law
        .section("arts-71-72")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap()
        .penalty
        .as_ref()
        .unwrap()
        .prison
        .clone()
        .unwrap();
    assert_eq!(prison.min_months, Some(1.0));
    assert_eq!(prison.max_months(), Some(72.0));
    assert_ne!(status_on(&c, "AR", "bc-10", "2026-11-01"), Status::Unknown);
}

#[test]
fn the_24_7_point_is_the_ministry_of_justice() {
    // argentina.gob.ar, "Asistencia jurídica internacional en materia penal": the Dirección Nacional
    // de Asuntos Internacionales of the Ministry of Justice is central authority for the Budapest
    // 24/7 network; WIPO Lex AR/952 lists declarations under Arts. 24(7), 27 and 35.
    let c = shipped();
    let t = budapest(&c, "AR");
    let contact = t
        .designations
        .iter()
        .find(|x| x.provision.as_str() == "bc-35")
        .expect("bc-35 designation");
    assert_eq!(contact.elements, ["contact-point"]);
    assert!(contact.authority.as_deref().unwrap().contains("Justicia"));
    for p in ["bc-24", "bc-27"] {
        assert!(
            t.designations.iter().any(|x| x.provision.as_str() == p),
            "{p}"
        );
    }
    // Monist: the approved treaty is domestic law from its entry into force (1 Oct 2018).
    assert_eq!(t.domestic_effect.as_ref().unwrap().date, d("2018-10-01"));
    assert_ne!(status_on(&c, "AR", "bc-35", "2026-11-01"), Status::Unknown);
}

#[test]
fn argentina_is_examined_except_real_time_traffic_data() {
    // Review claim of 2026-12-03 (statutes/ar/country.yaml): every provision but bc-20.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let ar = c.country(&CountryCode::parse("AR").unwrap()).unwrap();
    let cov = gap::coverage(&c, bc, ar, d("2026-11-01"));
    let unknown = unknown_in(&cov);
    assert!(unknown.len() <= 3, "{unknown:?}");
    assert!(cov.scores.examined >= 0.9, "{}", cov.scores.examined);
    // Corporate liability: Ley 27.401 covers corruption offences only.
    assert_eq!(status_on(&c, "AR", "bc-12", "2026-11-01"), Status::Missing);
}

#[test]
fn cooperation_law_checked_against_the_infoleg_text() {
    // Ley 24.767 (Infoleg norma 41442, copy in legalize-dev/legalize-ar, ar/LEY-24767.md):
    // sanctioned 18 Dec 1996; art. 6 sets the extradition threshold on the average of the minimum
    // and maximum penalty; art. 68 requires dual criminality only for coercive measures such as
    // searches, seizures and interception.
    let c = shipped();
    let law = c
        .statutes
        .iter()
        .find(|s| s.id == "ar-ley-24767")
        .expect("ar-ley-24767");
    assert_eq!(law.enacted, Some(d("1996-12-18")));
    assert_eq!(law.review, Review::Verified);
    let assistance = law.section("arts-67-68").unwrap();
    assert!(assistance
        .implementations()
        .iter()
        .any(|i| i.provision.as_str() == "bc-34"));
}

#[test]
fn phonogram_offence_of_art_72_bis_checked_against_ley_23741() {
    // Ley 23.741 (Infoleg norma 142, B.O. 25 Oct 1989; copy in legalize-dev/legalize-ar,
    // ar/LEY-23741.md), art. 2: adds art. 72 bis to Ley 11.723, prison of one month to six years
    // for reproducing phonograms for profit without the producer's written authorisation.
    // Ley 11.723 itself: sanctioned 26 Sep 1933 (Infoleg norma 42755).
    let c = shipped();
    let law = statute_of(&c, "ar-ley-11723");
    assert_eq!(law.review, Review::Verified);
    assert_eq!(law.enacted, Some(d("1933-09-26")));
    assert!(law.sources.iter().any(|s| s.contains("LEY-23741")));
    let mapping = law.section("arts-71-72").unwrap().mapping.as_ref().unwrap();
    let bc10 = mapping
        .implements
        .iter()
        .find(|i| i.provision.as_str() == "bc-10")
        .unwrap();
    assert!(bc10.elements.iter().any(|e| e.as_str() == "related-rights"));
    let prison = mapping.penalty.as_ref().unwrap().prison.as_ref().unwrap();
    assert_eq!(prison.max_months(), Some(72.0));
}
