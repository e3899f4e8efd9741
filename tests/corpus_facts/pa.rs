//! Facts of Panama's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn pa_coverage(c: &Corpus) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let pa = c.country(&CountryCode::parse("PA").unwrap()).unwrap();
    gap::coverage(c, bc, pa, d("2026-12-03"))
}

fn provision<'a>(cov: &'a gap::CountryCoverage, id: &str) -> &'a gap::Coverage {
    cov.provision(&ProvisionId::parse(id).unwrap())
        .unwrap_or_else(|| panic!("{id} not in coverage"))
}

#[test]
fn ley_478_took_effect_on_its_publication() {
    // Sanctioned 4 August 2025, published in Gaceta Oficial 30,337 of 5 August 2025
    // (TVN, 5 August 2025; sucre.net).
    let c = shipped();
    let law = c
        .statutes
        .iter()
        .find(|s| s.id == "pa-ley-478-2025")
        .unwrap();
    assert_eq!(law.enacted, Some(d("2025-08-04")));
    assert_eq!(law.in_force, Some(d("2025-08-05")));
}

#[test]
fn child_sexual_abuse_material_offences_are_mapped() {
    // CP art. 184: production and dissemination, ten to fifteen years (La Estrella de Panamá,
    // March 2024, quoting the article); possession up to ten years after Ley 478 (Panamá América,
    // August 2025).
    let c = shipped();
    let cov = pa_coverage(&c);
    let bc9 = provision(&cov, "bc-9");
    assert_ne!(bc9.status, Status::Missing);
    assert_eq!(bc9.max_prison_months, Some(180.0));
}

#[test]
fn computer_offences_carry_two_to_four_years() {
    // CP arts. 289 and 290: two to four years (informaticaforense.com.co, quoting the articles).
    let c = shipped();
    let cov = pa_coverage(&c);
    assert_eq!(provision(&cov, "bc-2").max_prison_months, Some(48.0));
    assert_eq!(provision(&cov, "bc-2").min_prison_months, Some(24.0));
}

#[test]
fn spontaneous_information_is_provided_for_by_ley_11_of_2015() {
    // Ley 11 of 2015 art. 12-A, added by Ley 478 of 2025 (juridicapanama.com reproduction).
    let c = shipped();
    let cov = pa_coverage(&c);
    assert_eq!(provision(&cov, "bc-26").status, Status::Full);
}
