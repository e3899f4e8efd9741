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

#[test]
fn ley_53_07_counts_from_its_gaceta_oficial_publication() {
    // Promulgated 23 April 2007; published in Gaceta Oficial 10416 of 9 May 2007, p. 17 (index of
    // that issue, reproduced on scribd).
    let c = shipped();
    let law = c.statutes.iter().find(|s| s.id == "do-ley-53-07").unwrap();
    assert_eq!(law.enacted, Some(d("2007-04-23")));
    assert_eq!(law.in_force, Some(d("2007-05-09")));
}

#[test]
fn new_penal_code_replaces_the_1884_code_on_3_august_2026() {
    // Ley 74-25 promulgated 3 August 2025 (jorgeprats.com) with a twelve-month vacatio legis
    // (cepae.org.do); it replaced the 1884 Code entirely (aba.org.do). Arts. 2-3 of the 1884 Code
    // punished attempts (VirtuaLey); Ley 74-25's own attempt rules were not read, so bc-11 is
    // covered before the change and unknown after it, and corporate liability (art. 8 ff.) exists
    // only from the new Code, with its conditions unread.
    let c = shipped();
    let old = c
        .statutes
        .iter()
        .find(|s| s.id == "do-codigo-penal-1884")
        .unwrap();
    assert_eq!(old.repealed, Some(d("2026-08-03")));
    let new = c.statutes.iter().find(|s| s.id == "do-ley-74-25").unwrap();
    assert_eq!(new.enacted, Some(d("2025-08-03")));
    assert_eq!(new.in_force, Some(d("2026-08-03")));

    let bc = c.framework("bc").unwrap();
    let dr = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    let in_2020 = gap::coverage(&c, bc, dr, d("2020-01-01"));
    assert!(provision(&in_2020, "bc-11")
        .covered
        .iter()
        .any(|e| e == "attempt"));
    assert_eq!(provision(&in_2020, "bc-12").status, Status::Unknown);
    let today = do_coverage(&c);
    assert!(!provision(&today, "bc-11")
        .covered
        .iter()
        .any(|e| e == "attempt"));
    let bc12 = provision(&today, "bc-12");
    assert_eq!(bc12.status, Status::Partial);
    assert!(bc12.covered.is_empty());
}

#[test]
fn seizure_of_computer_equipment_under_the_code_of_criminal_procedure() {
    // CPP arts. 175-178 (registros; derecho-rd.blogspot.com, 2017) and the Constitutional Court
    // decision reported in derecho-rd.blogspot.com (2021): warrants allow seizing computer
    // equipment, not extracting its data without express judicial authorisation. Ley 76-02 gave
    // way to Ley 97-25 on 9 December 2025, so this is read in 2024.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let dr = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    let in_2024 = gap::coverage(&c, bc, dr, d("2024-06-01"));
    let bc19 = provision(&in_2024, "bc-19");
    assert_eq!(bc19.covered, ["seizure"]);
    assert!(bc19.missing.iter().any(|e| e == "search"));
}

#[test]
fn new_code_of_criminal_procedure_repealed_ley_76_02_in_december_2025() {
    // Ley orgánica 97-25: promulgated 7 December 2025, Gaceta Oficial 11221 of 8 December 2025
    // (Consultoría Jurídica record in laamigra-max/Leyes-RD-Bot); art. 469 repeals Ley 76-02 and
    // art. 470 gives no vacatio legis (porelojodelacerradura.com.do; respuestaprocesal.com.do);
    // in force from Tuesday 9 December in the Distrito Nacional (Listín Diario, 7 December 2025).
    // Its own search and interception rules were not read, so interception under the old art. 192
    // counts until that day and is unknown after it.
    let c = shipped();
    let new = c
        .statutes
        .iter()
        .find(|s| s.id == "do-ley-97-25-cpp")
        .unwrap();
    assert_eq!(new.enacted, Some(d("2025-12-07")));
    assert_eq!(new.in_force, Some(d("2025-12-09")));
    let old = c
        .statutes
        .iter()
        .find(|s| s.id == "do-ley-76-02-cpp")
        .unwrap();
    assert_eq!(old.repealed, Some(d("2025-12-09")));
    let bc = c.framework("bc").unwrap();
    let dr = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    let before = gap::coverage(&c, bc, dr, d("2025-12-09"));
    assert!(provision(&before, "bc-21")
        .covered
        .iter()
        .any(|e| e == "interception"));
    let after = gap::coverage(&c, bc, dr, d("2025-12-10"));
    for id in ["bc-14", "bc-19", "bc-20", "bc-21"] {
        assert_eq!(provision(&after, id).status, Status::Unknown, "{id}");
    }
}

#[test]
fn unlawful_interception_carries_one_to_three_years() {
    // Ley 53-07, interception and intervention of data or signals without a judge's prior
    // authorisation, including emissions of the systems: one to three years and 20-100 minimum
    // wages (offence quoted in notigraficos.com).
    let c = shipped();
    let cov = do_coverage(&c);
    let bc3 = provision(&cov, "bc-3");
    assert_eq!(bc3.status, Status::Full);
    assert_eq!(bc3.min_prison_months, Some(12.0));
    assert_eq!(bc3.max_prison_months, Some(36.0));
}

#[test]
fn retained_provider_data_go_to_investigators_only_with_judicial_authorisation() {
    // INDOTEL Resolución 086-11 of 1 September 2011, art. 5, as quoted by a Dominican court
    // (derecho-rd.blogspot.com, April 2021): retained data are supplied only to the investigating
    // bodies that request them, after an express and reasoned judicial decision.
    let c = shipped();
    let cov = do_coverage(&c);
    assert_eq!(provision(&cov, "bc-18").covered, ["subscriber-information"]);
}

#[test]
fn new_penal_code_keeps_special_criminal_laws_in_force() {
    // Ley 74-25 art. 392 (special laws defining offences the Code does not provide for stay in
    // force) and art. 393 (twelve months' vacatio legis), as reproduced from the Consultoría
    // Jurídica del Poder Ejecutivo's copy in laamigra-max/Leyes-RD-Bot
    // (penal/codigo_penal_74_25.md; Gaceta Oficial 11208 of 5 August 2025). Ley 53-07 therefore
    // keeps its offences after August 2026: illegal access stays mapped.
    let c = shipped();
    let code = c.statutes.iter().find(|s| s.id == "do-ley-74-25").unwrap();
    assert_eq!(code.enacted, Some(d("2025-08-03")));
    let bc = c.framework("bc").unwrap();
    let dom = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    let after = gap::coverage(&c, bc, dom, d("2026-12-03"));
    assert_ne!(provision(&after, "bc-2").status, Status::Unknown);
}

#[test]
fn complicity_under_the_1884_code_until_the_new_code_took_effect() {
    // Código Penal de 1884, arts. 59-60: accomplices of a crime or delito (those who prepare,
    // facilitate or assist it by the means art. 60 lists) take the penalty one degree below the
    // author's (elcaribe.do opinion column; art. 59 quoted in proceso.com.do, 3 January 2017).
    // The Code gave way to Ley 74-25 on 3 August 2026.
    let c = shipped();
    let bc = c.framework("bc").unwrap();
    let dr = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    let in_2020 = gap::coverage(&c, bc, dr, d("2020-01-01"));
    let bc11 = provision(&in_2020, "bc-11");
    assert_eq!(bc11.status, Status::Full);
    assert_eq!(bc11.covered, ["aiding-abetting", "attempt"]);
    let last_day = gap::coverage(&c, bc, dr, d("2026-08-02"));
    assert_eq!(provision(&last_day, "bc-11").status, Status::Full);
}

#[test]
fn new_penal_code_punishes_inducers_cooperators_and_accomplices() {
    // Ley 74-25 (in force 3 August 2026) treats inducers and necessary cooperators as authors
    // and keeps complicity as secondary cooperation (Still Pérez, ahoranoticiasrd.com, August
    // 2025). Its attempt rules were not read, so bc-11 is partial with attempt not established.
    let c = shipped();
    let today = do_coverage(&c);
    let bc11 = provision(&today, "bc-11");
    assert_eq!(bc11.status, Status::Partial);
    assert_eq!(bc11.covered, ["aiding-abetting"]);
    assert!(bc11.missing.iter().any(|e| e == "attempt"));
    let bc = c.framework("bc").unwrap();
    let dr = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    // The engine still counts the 1884 Code on its repeal date, so check the day after.
    let after = gap::coverage(&c, bc, dr, d("2026-08-04"));
    assert_eq!(provision(&after, "bc-11").covered, ["aiding-abetting"]);
}

#[test]
fn central_authority_is_the_procuraduria_general() {
    // Brazilian Ministry of Justice, country guide for the Dominican Republic (updated 6
    // September 2023): the Dominican central authority under the Budapest Convention is the
    // Procuraduría General de la República. Recorded from that date, so bc-27 lacks it in 2020.
    let c = shipped();
    let today = do_coverage(&c);
    let bc27 = provision(&today, "bc-27");
    assert_eq!(bc27.status, Status::Full);
    assert!(bc27.covered.iter().any(|e| e == "central-authority"));
    let bc = c.framework("bc").unwrap();
    let dr = c.country(&CountryCode::parse("DO").unwrap()).unwrap();
    let in_2020 = gap::coverage(&c, bc, dr, d("2020-01-01"));
    assert!(provision(&in_2020, "bc-27")
        .missing
        .iter()
        .any(|e| e == "central-authority"));
}

#[test]
fn extradition_procedure_is_in_the_code_of_criminal_procedure() {
    // CPP (Ley 76-02) arts. 161-164 (drleyes.com): requests go from the Executive to the Supreme
    // Court of Justice, urgent provisional detention for at most one month. They say how, not
    // which offences are extraditable, so the section is unmapped and bc-24 keeps that element
    // open.
    let c = shipped();
    let cpp = c
        .statutes
        .iter()
        .find(|s| s.id == "do-ley-76-02-cpp")
        .unwrap();
    let section = cpp
        .section("arts-161-164")
        .expect("arts. 161-164 brought in");
    assert!(section.mapping.is_none());
    let today = do_coverage(&c);
    assert!(provision(&today, "bc-24")
        .missing
        .iter()
        .any(|e| e == "extraditable-offences"));
}
