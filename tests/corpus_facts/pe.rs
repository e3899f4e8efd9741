//! Facts of Peru's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn peru_coverage(c: &Corpus, date: &str) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let pe = c.country(&CountryCode::parse("PE").unwrap()).unwrap();
    gap::coverage(c, bc, pe, d(date))
}

#[test]
fn peru_misuse_of_devices_carries_one_to_four_years() {
    // Ley 30096 art. 10 (as amended by Ley 30171): 1 to 4 years and 30 to 90 días-multa
    // (Ley 30171 summary on slideshare; El Peruano, 10 Mar 2014).
    let c = shipped();
    let cov = peru_coverage(&c, "2026-11-01");
    let bc6 = cov.provision(&ProvisionId::parse("bc-6").unwrap()).unwrap();
    assert_eq!(bc6.min_prison_months, Some(12.0));
    assert_eq!(bc6.max_prison_months, Some(48.0));
    // Published in El Peruano on 22 Oct 2013, in force the next day.
    let law = c.statutes.iter().find(|s| s.id == "pe-ley-30096").unwrap();
    assert_eq!(law.in_force, Some(d("2013-10-23")));
}

#[test]
fn peru_reservations_of_ds_010_2019_re() {
    // DS 010-2019-RE (El Peruano) and WIPO Lex PE/952: reservations under Arts. 6(3), 9(4)
    // (9(2)(b) and (c)) and 29(4); declaration under Art. 27(9)(e).
    let c = shipped();
    let t = budapest(&c, "PE");
    assert_eq!(reserved(t, "bc-6"), ["possession"]);
    assert_eq!(reserved(t, "bc-9"), ["appearing-minor", "realistic-images"]);
    assert_eq!(reserved(t, "bc-29"), ["no-dual-criminality"]);
    assert!(t
        .declarations
        .iter()
        .any(|x| x.provision.as_str() == "bc-27"));
}

#[test]
fn peru_child_abuse_material_penalty_after_ley_32314() {
    // CP art. 183-A was renumbered 129-M by Ley 31146 (El Peruano, 30 Mar 2021); Ley 32314 (El
    // Peruano, 29 Apr 2025) set its first paragraph at 6 to 10 years and 120 to 365 días-multa.
    // Before that rewording the basic range stays unrecorded (review 2026-12, item B10): the
    // corpus must not state a zero or sub-year maximum.
    let c = shipped();
    let cov = peru_coverage(&c, "2026-11-01");
    let bc9 = cov.provision(&ProvisionId::parse("bc-9").unwrap()).unwrap();
    assert!(bc9.is_implemented());
    assert_eq!(bc9.min_prison_months, Some(72.0));
    assert_eq!(bc9.max_prison_months, Some(120.0));
    let before = peru_coverage(&c, "2024-11-01");
    let bc9 = before
        .provision(&ProvisionId::parse("bc-9").unwrap())
        .unwrap();
    assert!(bc9.is_implemented());
    assert!(bc9.max_prison_months.is_none_or(|m| m >= 12.0));
}

#[test]
fn peru_access_and_fraud_as_rewritten_by_dl_1614() {
    // DL 1614 (El Peruano, 21 Dec 2023): art. 2 basic access 1 to 4 years without any security
    // measure requirement, 3 to 6 years when security measures are breached; art. 8 fraud 4 to
    // 8 years (3 to 8 before). In force the next day (Constitution art. 109).
    let c = shipped();
    let now = peru_coverage(&c, "2026-11-01");
    let bc2 = now.provision(&ProvisionId::parse("bc-2").unwrap()).unwrap();
    assert_eq!(bc2.status, Status::Full);
    assert!(bc2.options.is_empty(), "{:?}", bc2.options);
    assert_eq!(bc2.max_prison_months, Some(48.0));
    assert_eq!(bc2.aggravated_max_prison_months, Some(72.0));
    let bc8 = now.provision(&ProvisionId::parse("bc-8").unwrap()).unwrap();
    assert_eq!(bc8.min_prison_months, Some(48.0));
    let before = peru_coverage(&c, "2020-01-01");
    let bc2 = before
        .provision(&ProvisionId::parse("bc-2").unwrap())
        .unwrap();
    assert_eq!(bc2.options, ["security-measures"]);
    let bc8 = before
        .provision(&ProvisionId::parse("bc-8").unwrap())
        .unwrap();
    assert_eq!(bc8.min_prison_months, Some(36.0));
}

#[test]
fn peru_adopts_the_convention_definitions_of_system_and_data() {
    // Ley 30096, ninth final complementary provision (text after Ley 30171, in force 11 Mar
    // 2014): computer system and computer data as defined in Art. 1 of the Convention.
    let c = shipped();
    let cov = peru_coverage(&c, "2026-11-01");
    for id in ["bc-1a", "bc-1b"] {
        let p = cov.provision(&ProvisionId::parse(id).unwrap()).unwrap();
        assert_eq!(p.status, Status::Full, "{id}");
    }
    let cov = peru_coverage(&c, "2014-01-01");
    let bc1a = cov
        .provision(&ProvisionId::parse("bc-1a").unwrap())
        .unwrap();
    assert!(!bc1a.is_implemented());
}

#[test]
fn peru_copyright_penalty_after_ley_32314() {
    // CP art. 217 as rewritten by Ley 32314 (El Peruano, 29 Apr 2025): 2 to 6 years and 30 to 90
    // días-multa; art. 218 aggravated forms 4 to 8 years.
    let c = shipped();
    let cov = peru_coverage(&c, "2026-11-01");
    let bc10 = cov
        .provision(&ProvisionId::parse("bc-10").unwrap())
        .unwrap();
    assert_eq!(bc10.min_prison_months, Some(24.0));
    assert_eq!(bc10.max_prison_months, Some(72.0));
    assert_eq!(bc10.aggravated_max_prison_months, Some(96.0));
}

#[test]
fn peru_fraud_basic_range_apart_from_the_aggravated_one() {
    // Ley 30096 art. 8: 3 to 8 years (Ley 30171 summary, El Peruano); the 5 to 10 years for
    // State welfare assets is an aggravated form, not the basic maximum.
    let c = shipped();
    let cov = peru_coverage(&c, "2026-11-01");
    let bc8 = cov.provision(&ProvisionId::parse("bc-8").unwrap()).unwrap();
    assert_eq!(bc8.max_prison_months, Some(96.0));
    assert_eq!(bc8.aggravated_max_prison_months, Some(120.0));
    // Constitution art. 55; in force 1 Dec 2019 (El Peruano, 22 Sep 2019).
    let t = budapest(&c, "PE");
    assert_eq!(t.domestic_effect.as_ref().unwrap().date, d("2019-12-01"));
}

#[test]
fn peru_document_forgery_carries_two_to_ten_years() {
    // CP art. 427: 2 to 10 years for public documents, 2 to 4 for private ones (commentary
    // quoting the article; bill text citing DL 635 of 3 Apr 1991); art. 428, 3 to 6 years
    // (Paredes Infanzón, Normas Legales). Peru's Art. 7 declaration (DS 010-2019-RE) is the
    // dishonest-intent qualifier.
    let c = shipped();
    let cov = peru_coverage(&c, "2026-11-01");
    let bc7 = cov.provision(&ProvisionId::parse("bc-7").unwrap()).unwrap();
    assert!(bc7.is_implemented());
    assert_eq!(bc7.min_prison_months, Some(24.0));
    assert_eq!(bc7.max_prison_months, Some(120.0));
}

#[test]
fn peru_device_review_in_flagrancy_from_dl_1698() {
    // Decreto Legislativo 1698 (El Peruano, 20 Jan 2026, NL 2478560-2) adds CPP art. 230-A: in
    // flagrancy for extortion, sicariato or kidnapping the police may review the devices found
    // on the detainee with the prosecutor's prior authorisation, confirmed later by a judge. No
    // date of its own: in force the next day (Constitution art. 109).
    let c = shipped();
    let cpp = c
        .statutes
        .iter()
        .find(|s| s.id == "pe-dleg-957-cpp")
        .unwrap();
    let mapping = cpp.section("art-230-a").unwrap().mapping.as_ref().unwrap();
    assert_eq!(mapping.in_force, Some(d("2026-01-21")));
    let bc19 = mapping
        .implements
        .iter()
        .find(|i| i.provision.as_str() == "bc-19")
        .unwrap();
    assert!(bc19.elements.iter().any(|e| e.as_str() == "search"));
    let before = peru_coverage(&c, "2026-01-20");
    let after = peru_coverage(&c, "2026-01-21");
    let sections = |cov: &gap::CountryCoverage| {
        cov.provision(&ProvisionId::parse("bc-19").unwrap())
            .unwrap()
            .sections
            .len()
    };
    assert_eq!(sections(&after), sections(&before) + 1);
}

#[test]
fn peru_defines_internet_service_providers_in_dl_1724() {
    // Decreto Legislativo 1724 (El Peruano, 7 Feb 2026, NL 2484948-7; copy of the official viewer
    // in Ansvar-Systems/Peruvian-law-mcp): new art. 2 num. 55 of the copyright law (DL 822),
    // Internet access providers and providers of caching, hosting and search services. Only the
    // storage part of Art. 1(c) is claimed; in force the day after publication (Constitution art.
    // 109).
    let c = shipped();
    let law = statute_of(&c, "pe-dleg-1724");
    assert_eq!(law.review, Review::Verified);
    assert_eq!(law.in_force, Some(d("2026-02-08")));
    let cov = peru_coverage(&c, "2026-11-01");
    let bc1c = cov
        .provision(&ProvisionId::parse("bc-1c").unwrap())
        .unwrap();
    assert_eq!(bc1c.status, Status::Partial);
    assert_eq!(bc1c.covered, ["storage-for-service"]);
    assert_eq!(bc1c.missing, ["communication-service"]);
    assert_eq!(status_on(&c, "PE", "bc-1c", "2026-02-07"), Status::Unknown);
}

/// `ids` are examined and absent under the review claim of `since` 9 Feb 2026: missing after
/// that day, unknown before it.
fn examined_absent_from_9_february_2026(c: &Corpus, ids: &[&str]) {
    for id in ids {
        assert_eq!(
            status_on(c, "PE", id, "2026-11-01"),
            Status::Missing,
            "{id}"
        );
        assert_eq!(
            status_on(c, "PE", id, "2026-02-08"),
            Status::Unknown,
            "{id}"
        );
    }
}

#[test]
fn peru_has_no_expedited_preservation_order() {
    // Código Procesal Penal arts. 202 to 241 (LP Derecho copy in lokix94/peru-ai, revised to
    // January 2026 and captured on 9 February) and the El Peruano amendments DL 1605, DL 1698,
    // Leyes 31284 and 32303: no order to preserve specified stored data or traffic data; DL
    // 1182's carrier retention is not one. Review claim of 3 Dec 2026, `since` 9 Feb 2026.
    let c = shipped();
    examined_absent_from_9_february_2026(&c, &["bc-16", "bc-17"]);
    let cov = peru_coverage(&c, "2026-11-01");
    let unknown = unknown_in(&cov);
    assert_eq!(unknown, ["bc-1d", "bc-35"]);
}

#[test]
fn peru_has_no_preservation_on_foreign_request() {
    // CPP art. 511(1) (2004 text, quoted by the ICRC customary IHL database, practice relating to
    // rule 161): thirteen cooperation acts, none a preservation of data; foreign requests are
    // executed with domestic measures, and the domestic preservation order is absent (claim
    // above). Review claim of 3 Dec 2026 (corpus3), `since` 9 Feb 2026.
    let c = shipped();
    examined_absent_from_9_february_2026(&c, &["bc-29", "bc-30"]);
    let cov = peru_coverage(&c, "2026-11-01");
    let bc29 = cov
        .provision(&ProvisionId::parse("bc-29").unwrap())
        .unwrap();
    let review = bc29.review.as_ref().unwrap();
    assert_eq!(review.since, Some(d("2026-02-09")));
    assert!(review
        .sources
        .iter()
        .any(|s| s.contains("ihl-databases.icrc.org")));
    // The Art. 29(4) reservation of Resolución Legislativa 30913 (El Peruano, 13 Feb 2019) is
    // still reported beside the verdict.
    assert_eq!(bc29.reserved, ["no-dual-criminality"]);
}

#[test]
fn peru_fines_legal_persons_under_cp_105() {
    // CP art. 105 num. 5: a fine of 5 to 500 UIT on the legal person (SPIJ extract in
    // FabrizioBussalleu/SPIJ-SCRAPER, data/vigencia_articulos.csv; LP Derecho consolidation lists
    // DL 982 of 2007, DL 1351 of 7 Jan 2017 and Ley 32054 as amendments). Dated conservatively
    // from the day after DL 1351's publication.
    let c = shipped();
    let cp = statute_of(&c, "pe-dleg-635-codigo-penal");
    let fine = cp.section("cp-105-multa").unwrap();
    assert_eq!(
        fine.mapping.as_ref().unwrap().in_force,
        Some(d("2017-01-08"))
    );
    assert_eq!(status_on(&c, "PE", "bc-13", "2026-11-01"), Status::Full);
    let before = peru_coverage(&c, "2017-01-07");
    let bc13 = before
        .provision(&ProvisionId::parse("bc-13").unwrap())
        .unwrap();
    assert!(!bc13.covered.iter().any(|e| e == "corporate-monetary"));
}
