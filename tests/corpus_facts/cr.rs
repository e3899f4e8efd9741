//! Facts of Costa Rica's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn cr_coverage(c: &Corpus) -> gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let cr = c.country(&CountryCode::parse("CR").unwrap()).unwrap();
    gap::coverage(c, bc, cr, d("2026-12-03"))
}

fn provision<'a>(cov: &'a gap::CountryCoverage, id: &str) -> &'a gap::Coverage {
    cov.provision(&ProvisionId::parse(id).unwrap())
        .unwrap_or_else(|| panic!("{id} not in coverage"))
}

#[test]
fn computer_fraud_carries_three_to_six_years_with_the_aggravated_range_apart() {
    // CP art. 217 bis (estafa informática, Ley 8148 of 2001 as reformed by Ley 9048): three to
    // six years, five to ten against public, banking or financial systems or by an insider. SCIJ
    // consolidated text of the Penal Code, read in the repository copy manupor/lexai
    // (data/pdfs/codigo-penal.txt, commit 95d0d31). The aggravated range is not the maximum.
    let c = shipped();
    let cov = cr_coverage(&c);
    let bc8 = provision(&cov, "bc-8");
    assert_eq!(bc8.status, Status::Full);
    assert_eq!(bc8.max_prison_months, Some(72.0));
}

#[test]
fn child_pornography_production_carries_five_to_nine_years_since_ley_10020() {
    // CP art. 173 as reworded by art. 8 of Ley 10020 of 9 September 2021: five to nine years
    // (SCIJ text, repository copy as above); the four-to-eight range of the 2020 press report
    // was the earlier text. Art. 174 second paragraph (distribution) carries the same range.
    let c = shipped();
    let cov = cr_coverage(&c);
    let bc9 = provision(&cov, "bc-9");
    assert_ne!(bc9.status, Status::Unknown);
    assert_eq!(bc9.max_prison_months, Some(108.0));
    assert!(bc9.covered.iter().any(|e| e == "distributing"));
}

#[test]
fn violation_of_communications_carries_one_to_three_years() {
    // CP arts. 196 and 196 bis: one to three years, two to four aggravated (acoso.online,
    // quoting the text in force). The aggravated range is not the basic maximum.
    let c = shipped();
    let cov = cr_coverage(&c);
    assert_eq!(provision(&cov, "bc-3").max_prison_months, Some(36.0));
}

#[test]
fn ley_9048_keeps_its_signature_date_and_no_invented_entry_into_force() {
    // Signed by the President on 10 July 2012 (ticoblogger.com, 11 July 2012); the La Gaceta
    // publication was not found, so no in-force date is recorded.
    let c = shipped();
    let law = c.statutes.iter().find(|s| s.id == "cr-ley-9048").unwrap();
    assert_eq!(law.enacted, Some(d("2012-07-10")));
    assert_eq!(law.in_force, None);
}

#[test]
fn accession_registered_2017_09_22_with_two_interpretative_declarations_and_no_reservation() {
    // Council of Europe treaty office, declarations for treaty 185, Costa Rica (status at
    // 25 February 2018): the declarations on Arts. 10 and 24 were contained in the instrument of
    // accession registered on 22 September 2017 and take effect from 1 January 2018. They are
    // interpretations, not Art. 42 reservations, so none is recorded as a reservation.
    let c = shipped();
    let t = budapest(&c, "CR");
    assert_eq!(t.ratified, Some(d("2017-09-22")));
    assert_eq!(t.in_force, Some(d("2018-01-01")));
    assert!(t.reservations.is_empty());
    assert!(t.note.as_deref().unwrap_or("").contains("Art. 24"));
}

#[test]
fn computer_forgery_reaches_electronic_documents_through_ley_8454() {
    // Ley 8454 art. 3: electronic documents are legally equivalent to physical ones, including
    // wherever a norm refers to documents (La República, 23 April 2020); the law was published in
    // La Gaceta 197 of 13 October 2005. CP arts. 366-368 (SCIJ text, repository copy
    // manupor/lexai): forgery of public or authentic documents one to six years, of private
    // documents six months to two years. Before Ley 8454 nothing is claimed.
    let c = shipped();
    let cov = cr_coverage(&c);
    let bc7 = provision(&cov, "bc-7");
    assert_eq!(bc7.status, Status::Partial);
    assert!(bc7.covered.iter().any(|e| e == "inauthentic-data"));
    assert_eq!(bc7.max_prison_months, Some(72.0));
    let bc = c.framework("bc").unwrap();
    let cr = c.country(&CountryCode::parse("CR").unwrap()).unwrap();
    let before = gap::coverage(&c, bc, cr, d("2005-01-01"));
    assert_eq!(provision(&before, "bc-7").status, Status::Unknown);
}

#[test]
fn interception_under_ley_7425_reaches_traffic_data_only_for_listed_offences() {
    // Ley 7425 art. 9 (as reformed by Ley 8200; SCIJ): courts may authorise the interception of
    // communications, digital telecommunications included, only for a closed list of serious
    // offences; read, as for DO CPP art. 192 and PA CPP art. 311, as real-time collection of the
    // traffic data of those communications.
    let c = shipped();
    let cov = cr_coverage(&c);
    assert_eq!(provision(&cov, "bc-20").covered, ["collection"]);
    assert_eq!(provision(&cov, "bc-21").options, ["serious-offences"]);
}

#[test]
fn oatri_is_the_central_authority_from_2018() {
    // Ministerio Público press release of 22 May 2018 (lavozdelpueblo1.blogspot.com): an
    // executive decree designated the Oficina de Asesoría Técnica y Relaciones Internacionales
    // (OATRI) central authority for the Convention. bc-27 is then full together with the domestic
    // effect of the Convention (from 1 January 2018).
    let c = shipped();
    let t = budapest(&c, "CR");
    let oatri = t
        .designations
        .iter()
        .find(|g| g.authority.as_deref().unwrap_or("").contains("OATRI"))
        .expect("OATRI designation");
    assert_eq!(oatri.date, Some(d("2018-05-22")));
    let cov = cr_coverage(&c);
    assert_eq!(provision(&cov, "bc-27").status, Status::Full);
}

#[test]
fn code_of_criminal_procedure_in_force_1998_gives_reports_and_foreign_assistance() {
    // Código Procesal Penal, Ley 7594 (SCIJ text, repository copy manupor/lexai,
    // data/pdfs/codigo-procesal-penal.txt): signed 10 April 1996, in force 1 January 1998 (its
    // vigencia article). Art. 226 (reports from any person or entity) implements part of the
    // production order; art. 154 bis (Ley 10373 of 20 September 2023) the forms of assistance.
    let c = shipped();
    let cpp = c
        .statutes
        .iter()
        .find(|s| s.id == "cr-codigo-procesal-penal")
        .unwrap();
    assert_eq!(cpp.in_force, Some(d("1998-01-01")));
    let cov = cr_coverage(&c);
    assert_eq!(provision(&cov, "bc-18").covered, ["person-data"]);
    assert_eq!(provision(&cov, "bc-31").covered, ["stored-data-assistance"]);
    let bc = c.framework("bc").unwrap();
    let cr = c.country(&CountryCode::parse("CR").unwrap()).unwrap();
    let before = gap::coverage(&c, bc, cr, d("2023-01-01"));
    assert_eq!(provision(&before, "bc-31").status, Status::Unknown);
}

#[test]
fn preservation_and_corporate_liability_are_examined_and_absent() {
    // Whole SCIJ texts of the Penal Code and the CPP read (repository copies): no expedited
    // preservation order; Ley 9699 art. 1 (vLex reproduction; lexincorp.com 2021) limits
    // corporate criminal liability to corruption and laundering offences. Both covered by the
    // 2026-12-03 review claim, so `missing`, not `unknown`; the 24/7 point stays unknown.
    let c = shipped();
    let cov = cr_coverage(&c);
    for id in ["bc-12", "bc-16", "bc-17", "bc-29", "bc-30"] {
        assert_eq!(provision(&cov, id).status, Status::Missing, "{id}");
    }
    assert_eq!(provision(&cov, "bc-35").status, Status::Unknown);
}

#[test]
fn nationals_are_extradited_only_for_drug_trafficking_and_terrorism_since_2025() {
    // Constitution art. 32 as reformed by Ley 10730 of 20 May 2025 (quoted by radiopuertotv.net,
    // June 2025) and Ley 4795 art. 3(a) as reworded by Ley 10831 of 18 November 2025 (SCIJ text,
    // repository copy Ansvar-Systems/Costa-Rican-law-mcp): nationals are extradited only for
    // international drug trafficking and terrorism, otherwise tried at home.
    let c = shipped();
    let cr = c.country(&CountryCode::parse("CR").unwrap()).unwrap();
    let rule = cr
        .extradites_nationals
        .as_ref()
        .expect("extradites_nationals");
    assert_eq!(rule.rule.as_str(), "conditional");
    assert!(rule.note.as_deref().unwrap_or("").contains("Ley 10730"));
    assert!(rule.note.as_deref().unwrap_or("").contains("Ley 10831"));
}

#[test]
fn making_phonograms_available_online_carries_six_months_to_two_years_up_to_five() {
    // Ley 8039 art. 52 as reformed by Ley 8834 of 3 May 2010, SCIJ article page (version 3 of 3,
    // heading "Ley 8039, Fecha 12/10/2000"): six months to two years or a fine for damage up to
    // 20 base salaries; one to four and three to five years for higher damage, kept apart as
    // aggravated ranges. The making-available wording reaches online transmission.
    let c = shipped();
    let law = c.statutes.iter().find(|s| s.id == "cr-ley-8039").unwrap();
    assert_eq!(law.enacted, Some(d("2000-10-12")));
    assert_eq!(law.review, harmonia::corpus::Review::Verified);
    let block = law.section("art-52").unwrap().mapping.as_ref().unwrap();
    let penalty = block.penalty.as_ref().unwrap();
    let basic = penalty.prison.as_ref().unwrap();
    assert_eq!(basic.min_months, Some(6.0));
    assert_eq!(basic.max_months(), Some(24.0));
    let highest = penalty
        .aggravated
        .iter()
        .filter_map(|a| a.prison.as_ref().and_then(|p| p.max_months()))
        .fold(0.0, f64::max);
    assert_eq!(highest, 60.0);
    let cov = cr_coverage(&c);
    let bc10 = provision(&cov, "bc-10");
    assert_eq!(bc10.status, Status::Full);
    assert_eq!(bc10.max_prison_months, Some(24.0));
}

#[test]
fn extradition_requires_dual_criminality_and_a_one_year_penalty() {
    // Ley 4795 art. 3(d) and (e), SCIJ article page (version of 20 September 2023): no
    // extradition when the act is no offence under Costa Rican law or when the penalty assigned
    // in the requesting State is under one year. That implements Art. 24's extraditable
    // offences; the authority of Art. 24(7) is still not found.
    let c = shipped();
    let cov = cr_coverage(&c);
    let bc24 = provision(&cov, "bc-24");
    assert_eq!(bc24.status, Status::Partial);
    assert!(bc24.covered.iter().any(|e| e == "extraditable-offences"));
    assert_eq!(bc24.missing, ["designated-authority"]);
}

#[test]
fn telecom_law_defines_no_service_provider_in_the_convention_sense() {
    // Ley 8642 (Ley General de Telecomunicaciones), art. 6 items 12 and 16: operators run
    // telecommunications networks, providers offer telecommunications services to the public
    // under a concession; information services (item 25) are kept apart; no traffic-data or
    // storage-provider definition. Consolidated SCIJ text (norma 63431), repository copy
    // Ansvar-Systems/Costa-Rican-law-mcp (commit bdb5eae); signed 4 June 2008, in force on
    // publication, 30 June 2008. As for Peru, a definition met only in part is not claimed, and
    // the review claim makes bc-1c examined: missing, not unknown.
    let c = shipped();
    let law = statute_of(c, "cr-ley-8642");
    assert_eq!(law.review, Review::Verified);
    assert_eq!(law.in_force, Some(d("2008-06-30")));
    assert!(section(c, "cr-ley-8642", "art-6").mapping.is_none());
    let cov = cr_coverage(c);
    for id in ["bc-1c", "bc-1d"] {
        let p = provision(&cov, id);
        assert_eq!(p.status, Status::Missing, "{id}");
        assert!(p.examined, "{id}");
    }
    // Only the 24/7 point is left unexamined.
    assert_eq!(unknown_count("CR"), 1);
}

#[test]
fn extradition_and_electronic_document_laws_are_verified_against_scij() {
    // Ley 4795 (SCIJ norma 6767, page generated 22 February 2026) and Ley 8454 (SCIJ norma 55666,
    // "Rige a partir de su publicación", signed 30 August 2005), both read in the repository copy
    // Ansvar-Systems/Costa-Rican-law-mcp. Ley 9699 has no copy there and stays unverified.
    let c = shipped();
    assert_eq!(statute_of(c, "cr-ley-4795").review, Review::Verified);
    let e_docs = statute_of(c, "cr-ley-8454");
    assert_eq!(e_docs.review, Review::Verified);
    assert_eq!(e_docs.enacted, Some(d("2005-08-30")));
    assert_eq!(e_docs.in_force, Some(d("2005-10-13")));
    assert_eq!(statute_of(c, "cr-ley-9699").review, Review::Unverified);
    let cr: Vec<_> = c
        .statutes
        .iter()
        .filter(|s| s.country.as_str() == "CR")
        .collect();
    let verified = cr.iter().filter(|s| s.review == Review::Verified).count();
    assert!(verified * 5 >= cr.len() * 4, "{verified} of {}", cr.len());
}
