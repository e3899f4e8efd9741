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

#[test]
fn ley_478_added_preservation_and_permanent_networks_to_ley_11_of_2015() {
    // Procuraduría de la Administración, infojuridica record of Ley 11 of 31 March 2015 (Gaceta
    // Oficial 27752 of 1 April 2015): Ley 478 of 4 August 2025 (Gaceta 30337 of 5 August 2025)
    // added arts. 12-C (conservación rápida) and 12-J (redes permanentes), among others. Mapped
    // from their headings only, so only the first element of each is covered, and only from
    // Ley 478's entry into force.
    let c = shipped();
    let cov = pa_coverage(&c);
    assert_eq!(provision(&cov, "bc-29").covered, ["preservation-request"]);
    assert_eq!(provision(&cov, "bc-35").covered, ["contact-point"]);
    let bc = c.framework("bc").unwrap();
    let pa = c.country(&CountryCode::parse("PA").unwrap()).unwrap();
    let before = gap::coverage(&c, bc, pa, d("2025-08-04"));
    assert_eq!(provision(&before, "bc-29").status, Status::Unknown);
    assert_eq!(provision(&before, "bc-35").status, Status::Unknown);
}

#[test]
fn treaty_offences_fall_under_panamanian_law_by_penal_code_art_21() {
    // CP art. 21: Panamanian criminal law applies, whatever the place and the nationality, to
    // offences provided for in treaties in force for Panama that give it jurisdiction
    // (juridicapanama.com, Book I page 2). The territorial rules (arts. 18-20) were not read.
    let c = shipped();
    let cov = pa_coverage(&c);
    let bc22 = provision(&cov, "bc-22");
    assert_eq!(bc22.status, Status::Partial);
    assert!(bc22.missing.iter().any(|e| e == "territory"));
}

#[test]
fn ley_51_of_2009_sends_subscriber_and_retained_traffic_data_to_the_ministerio_publico() {
    // Ley 51 of 18 September 2009, Gaceta Oficial 26374 of 23 September 2009
    // (informatica-juridica.com): providers keep subscriber registration data; retained data go
    // only to the Ministerio Público or a court investigating an offence (Procurador de la
    // Administración, reported by destinopanama.com.pa, May 2020). Before the law nothing is
    // claimed for partial disclosure.
    let c = shipped();
    let law = c
        .statutes
        .iter()
        .find(|s| s.id == "pa-ley-51-2009")
        .unwrap();
    assert_eq!(law.in_force, Some(d("2009-09-23")));
    let cov = pa_coverage(&c);
    assert!(provision(&cov, "bc-18")
        .covered
        .iter()
        .any(|e| e == "subscriber-information"));
    assert_eq!(provision(&cov, "bc-17").covered, ["partial-disclosure"]);
    let bc = c.framework("bc").unwrap();
    let pa = c.country(&CountryCode::parse("PA").unwrap()).unwrap();
    let before = gap::coverage(&c, bc, pa, d("2009-01-01"));
    assert_eq!(provision(&before, "bc-17").status, Status::Unknown);
}

#[test]
fn altering_computer_data_is_punished_by_penal_code_art_290() {
    // CP art. 290: whoever without right ("indebidamente") seizes, copies, uses or modifies data
    // in transit or held in a database or computer system, or interferes with their transmission,
    // two to four years (informaticaforense.com.co, quoting the Code). Mapped to Art. 7 for its
    // conduct only (corpus3, 2026-12-03): no document-forgery article of the Code was read, so
    // the inauthentic result and the legal-purposes intent stay missing.
    let c = shipped();
    let cov = pa_coverage(&c);
    let bc7 = provision(&cov, "bc-7");
    assert_eq!(bc7.status, Status::Partial);
    assert_eq!(
        bc7.covered,
        ["intent", "without-right", "data-manipulation"]
    );
    assert!(bc7.missing.iter().any(|e| e == "inauthentic-data"));
    assert!(bc7.missing.iter().any(|e| e == "legal-purposes"));
    assert_eq!(bc7.min_prison_months, Some(24.0));
    assert_eq!(bc7.max_prison_months, Some(48.0));
}

#[test]
fn only_three_cooperation_articles_of_ley_11_remain_unexamined() {
    // Ley 11 of 2015 arts. 12-D ("conservación de datos") and 12-E ("datos sobre tráfico"), added
    // by Ley 478 of 2025, are known only by their headings (Procuraduría de la Administración,
    // infojuridica record), and nothing was read on assistance in interception; Panama is at the
    // cap of three unknown provisions since corpus3 (2026-12-03).
    let c = shipped();
    let cov = pa_coverage(&c);
    let unknown = unknown_in(&cov);
    assert_eq!(unknown, ["bc-30", "bc-33", "bc-34"]);
}
