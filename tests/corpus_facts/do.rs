//! Facts of the Dominican Republic's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn do_coverage(c: &Corpus) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let country = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    gap::coverage(c, bc, country, d("2026-12-03"))
}

fn provision<'a>(cov: &'a gap::CountryCoverage, id: &str) -> &'a gap::Coverage {
    cov.provision(&ProvisionId::parse(id).unwrap())
        .unwrap_or_else(|| panic!("{id} not in coverage"))
}

#[test]
fn illegal_access_carries_three_months_to_one_year() {
    // Ley 53-07 art. 6: three months to one year and 1-200 minimum wages; one to three years
    // under its first paragraph (verbatim quotation in blogdegermandiaz.blogspot.com, 2012).
    let c = shipped();
    let cov = do_coverage(&c);
    let bc2 = provision(&cov, "bc-2");
    assert_eq!(bc2.min_prison_months, Some(3.0));
    assert_eq!(bc2.max_prison_months, Some(12.0));
}

#[test]
fn child_pornography_production_carries_two_to_four_years() {
    // Ley 53-07 art. 24: production and trade, two to four years; acquisition and possession
    // three months to one year (horabuena.com, December 2020, quoting arts. 23 and 24).
    let c = shipped();
    let cov = do_coverage(&c);
    assert_eq!(provision(&cov, "bc-9").max_prison_months, Some(48.0));
}

#[test]
fn forgery_of_electronic_documents_is_mapped_without_a_penalty() {
    // Ley 53-07 art. 18 (falsedad de documentos y firmas): conduct from secondary summaries,
    // penalty not confirmed (review 2026-12, finding on bc-7 for DO).
    let c = shipped();
    let cov = do_coverage(&c);
    let bc7 = provision(&cov, "bc-7");
    assert_ne!(bc7.status, Status::Missing);
    assert_eq!(bc7.max_prison_months, None);
}
