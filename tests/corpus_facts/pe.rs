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
fn peru_child_abuse_material_penalty_is_unrecorded_not_absent() {
    // CP art. 183-A carries multi-year terms (aggravated 12 to 15 years in the Ley 30096
    // wording); its current basic range was not confirmed, so no penalty is recorded for it
    // (review 2026-12, item B10): the corpus must not state a zero or sub-year maximum.
    let c = shipped();
    let cov = peru_coverage(&c, "2026-11-01");
    let bc9 = cov.provision(&ProvisionId::parse("bc-9").unwrap()).unwrap();
    assert!(bc9.is_implemented());
    assert!(bc9.max_prison_months.is_none_or(|m| m >= 12.0));
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
