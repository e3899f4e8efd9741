//! Facts of Brazil's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

#[test]
fn article_266_interrupting_telematic_services_is_system_interference() {
    // CP art. 266 caput: detenção 1 to 3 years and a fine; § 1 (Lei 12.737/2012, in force
    // 2 Apr 2013) extends it to telematic services; § 2 doubles it in a public calamity
    // (reproductions of the Planalto text, e.g. trabalhosfeitos commentary on Lei 12.737).
    let c = shipped();
    let law = statute_of(&c, "br-lei-12737");
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
    let st = status_on(&c, "BR", "bc-5", "2026-11-01");
    assert!(st == Status::Partial || st == Status::Full, "{st:?}");
}

#[test]
fn decreto_11491_made_the_convention_domestic_law() {
    // Decreto 11.491 of 12 Apr 2023, in force on publication (art. 3) in the DOU of 13 Apr 2023
    // (DOU Seção 1 No. 71; legjur reproduction of the decree).
    let c = shipped();
    let decree = statute_of(&c, "br-decreto-11491");
    assert_eq!(decree.enacted, Some(d("2023-04-12")));
    assert_eq!(decree.in_force, Some(d("2023-04-13")));
    let t = budapest(&c, "BR");
    assert_eq!(t.domestic_effect.as_ref().unwrap().date, d("2023-04-13"));
    // Cooperation principles are implemented by the Convention itself once it is domestic law.
    assert_ne!(status_on(&c, "BR", "bc-23", "2026-11-01"), Status::Unknown);
    assert_ne!(status_on(&c, "BR", "bc-23", "2026-11-01"), Status::Missing);
}

#[test]
fn copyright_and_extradition_facts() {
    // CP art. 184 (Lei 10.695/2003; TJDFT page reproducing it): caput 3 months to 1 year,
    // §§ 1-3 reclusão 2 to 4 years.
    let c = shipped();
    let cp = statute_of(&c, "br-codigo-penal");
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
    let migration = statute_of(&c, "br-lei-13445");
    assert_eq!(migration.in_force, Some(d("2017-11-21")));
}

#[test]
fn brazil_unknown_is_the_24_7_point_only() {
    // Review claim of 2026-12-03 (statutes/br/country.yaml): bc-35 left unexamined; bc-20 is
    // partly implemented by CPP art. 13-B (Lei 13.344/2016; Planalto compiled text, copy in
    // agc2020/consulta): real-time cell-site location signals in trafficking cases, no content.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let br = c.country(&CountryCode::parse("BR").unwrap()).unwrap();
    let cov = gap::coverage(&c, bc, br, d("2026-11-01"));
    let unknown = unknown_in(&cov);
    assert_eq!(unknown, ["bc-35"]);
    assert_eq!(status_on(&c, "BR", "bc-20", "2026-11-01"), Status::Partial);
    // Before Lei 13.344 took effect (22 Nov 2016) the article did not exist.
    assert_ne!(status_on(&c, "BR", "bc-20", "2016-01-01"), Status::Partial);
    // No criminal liability of legal persons outside environmental crimes.
    assert_eq!(status_on(&c, "BR", "bc-12", "2026-11-01"), Status::Missing);
}

#[test]
fn migration_law_dates_checked_against_the_planalto_text() {
    // Lei 13.445/2017 as compiled on Planalto (structured copy in agc2020/consulta,
    // lei-13445-2017.txt): signed in Brasília on 24 May 2017, official text in the DOU of
    // 25 May 2017, art. 125: in force 180 days after official publication (21 November 2017
    // counted under LC 95/1998 art. 8 § 1). Art. 82 IV: no extradition for offences carrying less
    // than two years' prison under Brazilian law.
    let c = shipped();
    let migration = statute_of(&c, "br-lei-13445");
    assert_eq!(migration.enacted, Some(d("2017-05-24")));
    assert_eq!(migration.in_force, Some(d("2017-11-21")));
    assert_eq!(migration.review, harmonia::corpus::Review::Verified);
    assert!(migration.section("arts-81-82").is_some());
}

#[test]
fn child_abuse_material_offences_checked_against_the_planalto_text() {
    // ECA (Lei 8.069/1990) as compiled on Planalto (copy in agc2020/consulta,
    // lei-8069-1990.html): signed 13 Jul 1990; art. 241-A (offering or distributing, including
    // through computer systems) reclusão 3 to 6 years and a fine; art. 241-B (acquiring or
    // possessing) 1 to 4 years.
    let c = shipped();
    let eca = statute_of(&c, "br-eca");
    assert_eq!(eca.review, Review::Verified);
    assert_eq!(eca.enacted, Some(d("1990-07-13")));
    let prison = |id: &str| {
        eca.section(id)
            .unwrap()
            .mapping
            .as_ref()
            .unwrap()
            .penalty
            .as_ref()
            .unwrap()
            .prison
            .clone()
            .unwrap()
    };
    assert_eq!(prison("art-241-a").min_months, Some(36.0));
    assert_eq!(prison("art-241-a").max_months(), Some(72.0));
    assert_eq!(prison("art-241-b").max_months(), Some(48.0));
}
