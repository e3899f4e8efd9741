//! Facts of Chile's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn chile(c: &Corpus) -> &harmonia::corpus::Country {
    c.country(&CountryCode::parse("CL").unwrap()).unwrap()
}

#[test]
fn chile_reservations_on_articles_4_6_9_22_29() {
    // CoE Octopus country wiki "Chile": reservations on Arts. 4, 6, 9, 22 and 29; Treaty Office
    // reservations page (Chile) for the wording of 4(2), 6(3) and the existence of 9(4).
    let c = shipped();
    let t = budapest(&c, "CL");
    for p in ["bc-4", "bc-6", "bc-9", "bc-22", "bc-29"] {
        assert!(
            t.reservation(&ProvisionId::parse(p).unwrap()).is_some(),
            "no reservation on {p}"
        );
    }
    // Art. 29(4) can only keep dual criminality as a condition.
    assert_eq!(reserved(t, "bc-29"), ["no-dual-criminality"]);
    // Art. 4(2) is a qualifier (serious harm), not an exemption of elements.
    let r4 = t.reservation(&ProvisionId::parse("bc-4").unwrap()).unwrap();
    assert!(!r4.is_whole());
    assert_eq!(r4.options, ["serious-harm"]);
    // With the reservations recorded, the jurisdiction elements they may reach are reported as
    // reserved rather than missing, and child-abuse material is reported as reserved.
    let bc = c.framework("bc").unwrap();
    let cov = gap::coverage(&c, bc, chile(&c), d("2026-11-01"));
    let bc22 = cov
        .provision(&ProvisionId::parse("bc-22").unwrap())
        .unwrap();
    assert_eq!(bc22.reserved, ["ships", "aircraft", "nationals"]);
    let bc9 = cov.provision(&ProvisionId::parse("bc-9").unwrap()).unwrap();
    assert_eq!(bc9.status, Status::Reserved);
}

#[test]
fn chile_corporate_liability_does_not_end_in_2024() {
    // Ley 21.459 art. 21 and third transitory article: computer offences in the Ley 20.393
    // catalogue from 20 Dec 2022 (pumarino.cl, bcp.cl). Ley 21.595 (in force 1 Sep 2024) widened
    // corporate liability (BCN Historia de la Ley 21.595); no source shows a repeal.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let bc12 = ProvisionId::parse("bc-12").unwrap();
    for date in ["2023-01-01", "2024-09-01", "2026-11-01"] {
        let cov = gap::coverage(&c, bc, chile(&c), d(date));
        assert!(cov.provision(&bc12).unwrap().is_implemented(), "{date}");
    }
    let before = gap::coverage(&c, bc, chile(&c), d("2022-12-19"));
    assert!(!before.provision(&bc12).unwrap().is_implemented());
    let law = c.statutes.iter().find(|s| s.id == "cl-ley-20393").unwrap();
    assert_eq!(law.repealed, None);
}

#[test]
fn chile_system_interference_carries_up_to_five_years() {
    // Ley 21.459 art. 1: presidio menor en sus grados medio a máximo (541 days to 5 years),
    // LeyChile text of 20 June 2022.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let cov = gap::coverage(&c, bc, chile(&c), d("2026-11-01"));
    let bc5 = cov.provision(&ProvisionId::parse("bc-5").unwrap()).unwrap();
    assert_eq!(bc5.max_prison_months, Some(60.0));
}

#[test]
fn chile_promulgation_decree_published_28_august_2017() {
    // Decreto 83 of 27 Apr 2017 (Ministry of Foreign Affairs), Diario Oficial 28 Aug 2017
    // (vLex Legislación Oficial copy of the Diario Oficial text).
    let c = shipped();
    let decree = c
        .statutes
        .iter()
        .find(|s| s.id == "cl-decreto-83-2017")
        .expect("Decreto 83 in the corpus");
    assert_eq!(decree.in_force, Some(d("2017-08-28")));
    assert_eq!(decree.enacted, Some(d("2017-04-27")));
}

#[test]
fn chile_traffic_data_defined_by_ley_21577() {
    // CPP art. 218 ter, added by Ley 21.577 (Diario Oficial 15 Jun 2023): iura.cl/cpp/218-ter.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let bc1d = ProvisionId::parse("bc-1d").unwrap();
    let after = gap::coverage(&c, bc, chile(&c), d("2023-06-15"));
    assert_eq!(after.provision(&bc1d).unwrap().status, Status::Full);
    let before = gap::coverage(&c, bc, chile(&c), d("2023-06-14"));
    assert!(!before.provision(&bc1d).unwrap().is_implemented());
}

#[test]
fn chile_designations_and_domestic_effect() {
    // WIPO Lex CL/952, declarations 3 to 5: Art. 24(7) Ministry of Foreign Affairs, Art.
    // 27(2)(a) Public Prosecutor's international cooperation unit, Art. 35 a 24/7 point of
    // contact. Decreto 83 published in the Diario Oficial on 28 Aug 2017 (vLex copy).
    let c = shipped();
    let t = budapest(&c, "CL");
    let designated: Vec<&str> = t
        .designations
        .iter()
        .map(|x| x.provision.as_str())
        .collect();
    assert_eq!(designated, ["bc-24", "bc-27", "bc-35"]);
    assert!(t.designations[0]
        .authority
        .as_deref()
        .unwrap()
        .contains("Relaciones Exteriores"));
    assert_eq!(t.domestic_effect.as_ref().unwrap().date, d("2017-08-28"));
    // With them, the 24/7 network is implemented (not missing) and at most one provision
    // stays unexamined (Art. 17).
    let bc = c.framework("bc").unwrap();
    let cov = gap::coverage(&c, bc, chile(&c), d("2026-11-01"));
    let bc35 = cov
        .provision(&ProvisionId::parse("bc-35").unwrap())
        .unwrap();
    assert!(bc35.is_implemented());
    assert!(cov.scores.examined >= 0.9, "{}", cov.scores.examined);
}

#[test]
fn chile_preservation_interception_and_extradition_from_the_cpp_text() {
    // Código Procesal Penal, consolidated LeyChile text (copy in ConceLabs/biblioanf,
    // data/codigoProcesalPenal.ts): art. 218 bis, 90 days renewable once (180 at most) with a
    // secrecy duty; art. 222, company staff keep the interception secret; art. 485, the passive
    // extradition procedure applies to requests received from 16 June 2005.
    let c = shipped();
    let cpp = c
        .statutes
        .iter()
        .find(|s| s.id == "cl-codigo-procesal-penal")
        .unwrap();
    assert_eq!(cpp.review, Review::Verified);
    assert_eq!(cpp.enacted, Some(d("2000-09-29")));
    let preservation = cpp
        .section("cpp-218-bis")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap();
    let bc16 = preservation
        .implements
        .iter()
        .find(|i| i.provision.as_str() == "bc-16")
        .unwrap();
    for e in ["preservation-order", "up-to-90-days", "confidentiality"] {
        assert!(bc16.elements.iter().any(|x| x == e), "{e}");
    }
    assert!(!bc16.elements.iter().any(|x| x == "traffic-data"));
    // Ley 21.459, second transitory article (LeyChile copy in Clemente-H/legalize-cl,
    // cl/CL-1177743.md): art. 18, which adds art. 218 bis, applies six months after the
    // publication of the regulation (Decreto 20, dated 6 Feb 2023), not from 20 Jun 2022.
    assert_eq!(preservation.in_force, Some(d("2023-08-06")));
    let extradition = cpp.section("cpp-440").unwrap().mapping.as_ref().unwrap();
    assert_eq!(extradition.in_force, Some(d("2005-06-16")));
    let bc = c.framework("bc").unwrap();
    let now = gap::coverage(&c, bc, chile(&c), d("2026-12-03"));
    let bc21 = ProvisionId::parse("bc-21").unwrap();
    assert_eq!(now.provision(&bc21).unwrap().status, Status::Full);
}

#[test]
fn chile_older_computer_and_copyright_offences_from_leychile() {
    // LeyChile copies in Clemente-H/legalize-cl: Ley 19.223 (cl/CL-30590.md) art. 2, presidio
    // menor en sus grados mínimo a medio (61 days to 3 years), promulgated 28 May 1993; Ley
    // 17.336 (cl/CL-28933.md) art. 81, reclusión menor en sus grados medio a máximo (up to 5
    // years) for profit-making manufacture or import of unlawful copies.
    let c = shipped();
    let find = |id: &str| c.statutes.iter().find(|s| s.id == id).unwrap();
    let old = find("cl-ley-19223");
    assert_eq!(old.enacted, Some(d("1993-05-28")));
    let access = old.section("art-2").unwrap().mapping.as_ref().unwrap();
    let prison = access.penalty.as_ref().unwrap().prison.as_ref().unwrap();
    assert_eq!(prison.max_months(), Some(36.0));
    let copyright = find("cl-ley-17336");
    assert_eq!(copyright.review, Review::Verified);
    let pen = copyright
        .section("art-79-81")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap()
        .penalty
        .as_ref()
        .unwrap();
    assert_eq!(
        pen.aggravated[0].prison.as_ref().unwrap().max_months(),
        Some(60.0)
    );
}
