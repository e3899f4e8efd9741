//! Facts of Uruguay's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

#[test]
fn ley_20327_takes_effect_ten_days_after_publication() {
    // IMPO original text: published in the Diario Oficial on 25 Sep 2024; promulgated 23 Aug 2024.
    // Código Civil art. 1 (Parliament's text): ten days after the promulgation is made known.
    let c = shipped();
    let law = statute_of(&c, "uy-ley-20327");
    assert_eq!(law.enacted, Some(d("2024-08-23")));
    assert_eq!(law.in_force, Some(d("2024-10-05")));
    let bc = c.framework("bc").unwrap();
    let uy = c.country(&CountryCode::parse("UY").unwrap()).unwrap();
    let bc2 = ProvisionId::parse("bc-2").unwrap();
    let before = gap::coverage(&c, bc, uy, d("2024-09-30"));
    assert!(!before.provision(&bc2).unwrap().is_implemented());
    let after = gap::coverage(&c, bc, uy, d("2024-10-05"));
    assert!(after.provision(&bc2).unwrap().is_implemented());
}

#[test]
fn copyright_and_access_penalties() {
    // Ley 9.739 art. 46 as given by Ley 17.616 (cudisco.org reproduction): 3 months of prisión to
    // 3 years of penitenciaría. CP art. 297-BIS (IMPO): 6 to 24 months of prisión.
    let c = shipped();
    let copyright = statute_of(&c, "uy-ley-9739")
        .section("art-46")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap()
        .penalty
        .clone()
        .unwrap()
        .prison
        .unwrap();
    assert_eq!(copyright.min_months, Some(3.0));
    assert_eq!(copyright.max_months(), Some(36.0));
    let access = statute_of(&c, "uy-ley-20327")
        .section("cp-297-bis")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap()
        .penalty
        .clone()
        .unwrap()
        .prison
        .unwrap();
    assert_eq!(access.max_months(), Some(24.0));
}

#[test]
fn uruguay_is_invited_with_no_treaty_effect() {
    // MRREE / montevideo.com.uy: invited to accede, not a Party; so no designations and no
    // domestic effect, and the cooperation provisions need domestic law.
    let c = shipped();
    let t = budapest(&c, "UY");
    assert_eq!(t.status, TreatyStatus::Invited);
    assert!(t.designations.is_empty());
    assert!(t.domestic_effect.is_none());
    let bc = c.framework("bc").unwrap();
    let uy = c.country(&CountryCode::parse("UY").unwrap()).unwrap();
    let cov = gap::coverage(&c, bc, uy, d("2026-11-01"));
    // Attempt (CP art. 5) and complicity (CP art. 62, quoted by arancoasociados.com): full.
    let bc11 = cov
        .provision(&ProvisionId::parse("bc-11").unwrap())
        .unwrap();
    assert_eq!(bc11.status, Status::Full);
    // The MEC's Autoridad Central (Decreto 407/985, recited in Decreto 392/986 on IMPO) implements
    // the central-authority element of Art. 27.
    let bc27 = cov
        .provision(&ProvisionId::parse("bc-27").unwrap())
        .unwrap();
    assert_eq!(bc27.status, Status::Partial);
    // Ley 19.574 arts. 68-77 (IMPO text, copy in legalize-dev/legalize-uy, uy/UY-ley-19574.md)
    // govern foreign requests for laundering and its predicate offences, computer fraud among
    // them: Art. 25 is partly implemented (no rule on expedited means). Spontaneous information,
    // confidentiality and interception assistance rest on treaties whose texts were not read.
    let bc25 = cov
        .provision(&ProvisionId::parse("bc-25").unwrap())
        .unwrap();
    assert_eq!(bc25.status, Status::Partial);
    assert_eq!(bc25.missing, ["urgent-communications"]);
    let unknown = unknown_in(&cov);
    assert_eq!(unknown, ["bc-26", "bc-28", "bc-34"]);
}

#[test]
fn ley_17060_dates_and_cooperation_limited_to_its_own_offences() {
    // Ley 17.060 promulgated 23 Dec 1998, Diario Oficial 8 Jan 1999 (IMPO text, copy in
    // legalize-dev/legalize-uy, uy/UY-ley-17060.md); in force ten days later under Código Civil
    // art. 1. Art. 34 covers requests about the offences of Ley 17.060 only, so the article is
    // plain text and maps no Budapest provision.
    let c = shipped();
    let law = statute_of(&c, "uy-ley-17060");
    assert_eq!(law.enacted, Some(d("1998-12-23")));
    assert_eq!(law.in_force, Some(d("1999-01-18")));
    assert_eq!(law.review, harmonia::corpus::Review::Verified);
    assert!(law.section("art-34").unwrap().mapping.is_none());
    let bc = c.framework("bc").unwrap();
    let uy = c.country(&CountryCode::parse("UY").unwrap()).unwrap();
    let bc23 = ProvisionId::parse("bc-23").unwrap();
    let now = gap::coverage(&c, bc, uy, d("2026-11-01"));
    // Art. 23 is implemented by Ley 19.574 (2017), never by Ley 17.060.
    let sections = &now.provision(&bc23).unwrap().sections;
    assert!(!sections.is_empty());
    assert!(sections.iter().all(|s| s.statute() != "uy-ley-17060"));
}

#[test]
fn ley_19574_cooperation_chapter_dates_and_reach() {
    // Ley 19.574 (IMPO text, copy in legalize-dev/legalize-uy, uy/UY-ley-19574.md): promulgated
    // 20 Dec 2017, Diario Oficial 10 Jan 2018, in force ten days later under Código Civil art. 1.
    // Art. 71: dual criminality judged on the conduct; art. 73: refusal only on grave public
    // order, security or essential-interest grounds; art. 72: searches, seizure and handing over
    // of objects and documents on request, with no expedited rule.
    let c = shipped();
    let law = statute_of(&c, "uy-ley-19574");
    assert_eq!(law.enacted, Some(d("2017-12-20")));
    assert_eq!(law.in_force, Some(d("2018-01-20")));
    assert_eq!(law.review, harmonia::corpus::Review::Verified);
    let arts = law.section("arts-71-77").unwrap().implementations();
    let bc25 = arts
        .iter()
        .find(|i| i.provision.as_str() == "bc-25")
        .unwrap();
    assert!(bc25
        .elements
        .iter()
        .any(|e| e.as_str() == "dual-criminality-conduct"));
    let bc = c.framework("bc").unwrap();
    let uy = c.country(&CountryCode::parse("UY").unwrap()).unwrap();
    let bc31 = ProvisionId::parse("bc-31").unwrap();
    let before = gap::coverage(&c, bc, uy, d("2018-01-19"));
    assert_eq!(before.provision(&bc31).unwrap().status, Status::Unknown);
    let after = gap::coverage(&c, bc, uy, d("2018-01-20"));
    let p31 = after.provision(&bc31).unwrap();
    assert_eq!(p31.status, Status::Partial);
    assert_eq!(p31.missing, ["expedited"]);
    // Art. 68: the MEC's Dirección de Cooperación Jurídica Internacional receives the requests;
    // with art. 73's refusal grounds, two elements of Art. 27 are covered.
    let bc27 = after
        .provision(&ProvisionId::parse("bc-27").unwrap())
        .unwrap();
    assert!(bc27.covered.iter().any(|e| e == "refusal-grounds"));
    assert!(bc27.covered.iter().any(|e| e == "central-authority"));
}

#[test]
fn treaty_approval_laws_are_recorded_but_map_nothing() {
    // IMPO texts (copies in legalize-dev/legalize-uy): Ley 18.810 approved the Inter-American
    // Convention on Mutual Assistance in Criminal Matters (promulgated 23 Sep 2011); Ley 20.004
    // approved the Ibero-American convention on evidence in cybercrime matters (25 Nov 2021).
    // The treaty texts were not read, so no section is mapped.
    let c = shipped();
    let law = statute_of(&c, "uy-tratados-cooperacion-penal");
    assert_eq!(law.review, harmonia::corpus::Review::Verified);
    assert!(law
        .section("ley-18810")
        .unwrap()
        .text
        .contains("23 de septiembre de 2011"));
    assert!(law
        .section("ley-20004")
        .unwrap()
        .text
        .contains("25 de noviembre de 2021"));
    assert!(law.sections.iter().all(|s| s.mapping.is_none()));
}

#[test]
fn ley_18600_brings_electronic_documents_under_forgery() {
    // Ley 18.600 art. 4 (IMPO text, copy in legalize-dev/legalize-uy, uy/UY-ley-18600.md):
    // altering or destroying an electronic document falls under CP arts. 236-245; promulgated
    // 21 Sep 2009, Diario Oficial 5 Nov 2009.
    let c = shipped();
    let law = statute_of(&c, "uy-ley-18600");
    assert_eq!(law.enacted, Some(d("2009-09-21")));
    assert_eq!(law.review, harmonia::corpus::Review::Verified);
    let art4 = law.section("art-4").unwrap();
    assert!(art4
        .implementations()
        .iter()
        .any(|i| i.provision.as_str() == "bc-7"));
}

#[test]
fn copyright_offence_in_the_wording_of_ley_17616() {
    // Ley 9.739 art. 46 A (IMPO consolidated text, copy in legalize-dev/legalize-uy,
    // uy/UY-ley-9739.md): three months' prison to three years' penitentiary; wording from Ley
    // 17.616, Diario Oficial 17 Jan 2003 (uy/UY-ley-17616.md).
    let c = shipped();
    let law = statute_of(&c, "uy-ley-9739");
    assert_eq!(law.enacted, Some(d("1937-12-17")));
    assert_eq!(law.review, harmonia::corpus::Review::Verified);
    let art46 = law.section("art-46").unwrap().mapping.as_ref().unwrap();
    assert_eq!(art46.in_force, Some(d("2003-01-17")));
    let prison = art46.penalty.as_ref().unwrap().prison.as_ref().unwrap();
    assert_eq!(prison.max_months(), Some(36.0));
}
