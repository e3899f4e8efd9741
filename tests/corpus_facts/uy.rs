//! Facts of Uruguay's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn uy_statute<'a>(c: &'a Corpus, id: &str) -> &'a harmonia::corpus::Statute {
    c.statutes
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

#[test]
fn ley_20327_takes_effect_ten_days_after_publication() {
    // IMPO original text: published in the Diario Oficial on 25 Sep 2024; promulgated 23 Aug 2024.
    // Código Civil art. 1 (Parliament's text): ten days after the promulgation is made known.
    let c = shipped();
    let law = uy_statute(&c, "uy-ley-20327");
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
    let copyright = uy_statute(&c, "uy-ley-9739")
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
    let access = uy_statute(&c, "uy-ley-20327")
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
    // Attempt is general (CP art. 5); aiding and abetting was not read, so partial.
    let bc11 = cov
        .provision(&ProvisionId::parse("bc-11").unwrap())
        .unwrap();
    assert_eq!(bc11.status, Status::Partial);
    // The general mutual-assistance provisions rest on treaties not brought in: unknown. The MEC's
    // Autoridad Central (Decreto 407/985, recited in Decreto 392/986 on IMPO) implements the
    // central-authority element of Art. 27.
    let bc27 = cov
        .provision(&ProvisionId::parse("bc-27").unwrap())
        .unwrap();
    assert_eq!(bc27.status, Status::Partial);
    let unknown: Vec<&str> = cov
        .provisions
        .iter()
        .filter(|p| p.status == Status::Unknown)
        .map(|p| p.provision.as_str())
        .collect();
    assert_eq!(
        unknown,
        ["bc-23", "bc-25", "bc-26", "bc-28", "bc-31", "bc-34"]
    );
}
