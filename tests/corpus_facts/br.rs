//! Facts of Brazil's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn br_statute<'a>(c: &'a Corpus, id: &str) -> &'a harmonia::corpus::Statute {
    c.statutes
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn br_status(c: &Corpus, provision: &str, date: &str) -> Status {
    let bc = c.framework("bc").unwrap();
    let br = c.country(&CountryCode::parse("BR").unwrap()).unwrap();
    gap::coverage(c, bc, br, d(date))
        .provision(&ProvisionId::parse(provision).unwrap())
        .unwrap()
        .status
}

#[test]
fn article_266_interrupting_telematic_services_is_system_interference() {
    // CP art. 266 caput: detenção 1 to 3 years and a fine; § 1 (Lei 12.737/2012, in force
    // 2 Apr 2013) extends it to telematic services; § 2 doubles it in a public calamity
    // (reproductions of the Planalto text, e.g. trabalhosfeitos commentary on Lei 12.737).
    let c = shipped();
    let law = br_statute(&c, "br-lei-12737");
    let mapping = law.section("cp-266").unwrap().mapping.as_ref().unwrap();
    assert!(mapping
        .implements
        .iter()
        .any(|i| i.provision.as_str() == "bc-5"));
    let penalty = mapping.penalty.as_ref().unwrap();
    assert_eq!(penalty.prison.as_ref().unwrap().max_months(), Some(36.0));
    assert_eq!(
        penalty.aggravated[0].prison.as_ref().unwrap().max_months(),
        Some(72.0)
    );
    let st = br_status(&c, "bc-5", "2026-11-01");
    assert!(st == Status::Partial || st == Status::Full, "{st:?}");
}

#[test]
fn decreto_11491_made_the_convention_domestic_law() {
    // Decreto 11.491 of 12 Apr 2023, in force on publication (art. 3) in the DOU of 13 Apr 2023
    // (DOU Seção 1 No. 71; legjur reproduction of the decree).
    let c = shipped();
    let decree = br_statute(&c, "br-decreto-11491");
    assert_eq!(decree.enacted, Some(d("2023-04-12")));
    assert_eq!(decree.in_force, Some(d("2023-04-13")));
    let t = budapest(&c, "BR");
    assert_eq!(t.domestic_effect.as_ref().unwrap().date, d("2023-04-13"));
    // Cooperation principles are implemented by the Convention itself once it is domestic law.
    assert_ne!(br_status(&c, "bc-23", "2026-11-01"), Status::Unknown);
    assert_ne!(br_status(&c, "bc-23", "2026-11-01"), Status::Missing);
}

#[test]
fn copyright_and_extradition_facts() {
    // CP art. 184 (Lei 10.695/2003; TJDFT page reproducing it): caput 3 months to 1 year,
    // §§ 1-3 reclusão 2 to 4 years.
    let c = shipped();
    let cp = br_statute(&c, "br-codigo-penal");
    let penalty = cp
        .section("cp-184")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap()
        .penalty
        .clone()
        .unwrap();
    assert_eq!(penalty.prison.as_ref().unwrap().max_months(), Some(12.0));
    assert_eq!(
        penalty.aggravated[0].prison.as_ref().unwrap().max_months(),
        Some(48.0)
    );
    // Lei 13.445/2017: DOU 25 May 2017, in force 180 days later (21 Nov 2017).
    let migration = br_statute(&c, "br-lei-13445");
    assert_eq!(migration.in_force, Some(d("2017-11-21")));
}

#[test]
fn brazil_unknowns_are_the_two_not_established() {
    // Review claim of 2026-12-03 (statutes/br/country.yaml): bc-20 and bc-35 left unexamined.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let br = c.country(&CountryCode::parse("BR").unwrap()).unwrap();
    let cov = gap::coverage(&c, bc, br, d("2026-11-01"));
    let unknown: Vec<&str> = cov
        .provisions
        .iter()
        .filter(|p| p.status == Status::Unknown)
        .map(|p| p.provision.as_str())
        .collect();
    assert_eq!(unknown, ["bc-20", "bc-35"]);
    // No criminal liability of legal persons outside environmental crimes.
    assert_eq!(br_status(&c, "bc-12", "2026-11-01"), Status::Missing);
}
