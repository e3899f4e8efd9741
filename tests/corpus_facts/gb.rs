//! Facts of the United Kingdom's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

#[test]
fn united_kingdom_ratified_2011_with_reservations_on_9_22_and_29() {
    // Council of Europe notification JJ7249C (1 June 2011): ratified 25 May 2011, in force
    // 1 September 2011. Council of Europe Octopus country profile: reservations regarding
    // Arts. 9, 22 and 29, no Art. 40 declarations.
    let c = shipped();
    let t = budapest(&c, "GB");
    assert_eq!(t.ratified, Some(d("2011-05-25")));
    assert_eq!(t.in_force, Some(d("2011-09-01")));
    assert_eq!(reserved(t, "bc-9"), ["appearing-minor"]);
    assert_eq!(reserved(t, "bc-29"), ["no-dual-criminality"]);
    assert!(t
        .reservation(&ProvisionId::parse("bc-22").unwrap())
        .is_some());
    assert!(t.declarations.is_empty());
}

#[test]
fn computer_misuse_act_maxima() {
    // legislation.gov.uk, Computer Misuse Act 1990 as amended: s. 3 up to ten years (since
    // 1 October 2008); s. 3ZA fourteen years, life only in the s. 3ZA(7) cases (since 3 May 2015).
    let c = shipped();
    assert_eq!(max_months(section(&c, "gb-cma-1990", "s-3")), Some(120.0));
    assert_eq!(max_months(section(&c, "gb-cma-1990", "s-3za")), Some(168.0));
    let s3za = section(&c, "gb-cma-1990", "s-3za");
    assert_eq!(
        s3za.mapping.as_ref().unwrap().in_force,
        Some(d("2015-05-03"))
    );
}

#[test]
fn corporate_liability_for_economic_crime_since_2023() {
    // Economic Crime and Corporate Transparency Act 2023 (royal assent 26 October 2023):
    // s. 196 senior-manager attribution from 26 December 2023 (legislation.gov.uk: s. 219(3)(a),
    // two months after passing, and the commencement note on s. 196); s. 199 failure to prevent
    // fraud from 1 September 2025 (commencement reported by Birketts, BTO, Irwin Mitchell).
    let c = shipped();
    let s196 = section(&c, "gb-eccta-2023", "s-196");
    assert!(maps(s196, "bc-12", "leading-person"));
    assert_eq!(
        s196.mapping.as_ref().unwrap().in_force,
        Some(d("2023-12-26"))
    );
    let s199 = section(&c, "gb-eccta-2023", "s-199");
    assert!(maps(s199, "bc-12", "lack-of-supervision"));
    assert_eq!(
        s199.mapping.as_ref().unwrap().in_force,
        Some(d("2025-09-01"))
    );
    // Extradition Act 2003 s. 137: twelve-month threshold, conduct-based dual criminality.
    assert!(maps(
        section(&c, "gb-extradition-act-2003", "s-137-138"),
        "bc-24",
        "extraditable-offences"
    ));
}

#[test]
fn unauthorised_acts_causing_serious_damage_carry_life() {
    // Computer Misuse Act 1990 s. 3ZA(7) (legislation.gov.uk): life imprisonment where the act
    // causes or risks serious damage to human welfare (death, illness, injury) or national security.
    let c = shipped();
    assert!(aggravated_life(section(&c, "gb-cma-1990", "s-3za")));
    assert!(!aggravated_life(section(&c, "gb-cma-1990", "s-3")));
}

#[test]
fn united_kingdom_designations_and_review() {
    // Council of Europe notification JJ7249C and WIPO Lex GB/952: Home Office (Art. 24(7)) and
    // UK Central Authority (Art. 27(2)) designated on ratification, 25 May 2011. No statute for
    // expedited preservation (review of 2026-12-03); the 24/7 point was not found in any source.
    let c = shipped();
    let t = budapest(&c, "GB");
    let ca = t
        .designations
        .iter()
        .find(|x| x.provision.as_str() == "bc-27")
        .expect("central authority");
    assert_eq!(ca.elements, ["central-authority"]);
    assert_eq!(ca.date, Some(d("2011-05-25")));
    assert!(t.domestic_effect.is_none());
    assert_eq!(status("GB", "bc-16"), Status::Missing);
    assert_eq!(status("GB", "bc-35"), Status::Unknown);
    assert_eq!(status("GB", "bc-12"), Status::Full);
    assert!(unknown_count("GB") <= 3);
}

#[test]
fn failure_to_prevent_fraud_commenced_by_si_2025_349() {
    // S.I. 2025/349, ECCTA 2023 (Commencement No. 4) Regulations 2025, made 13 March 2025
    // (legislation.gov.uk text, copy in legalize-dev/legalize-uk, uk/uksi-2025-349.md), reg. 3:
    // ss. 199-206 and Schedule 13 in force on 1 September 2025. Schedule 12 (ECCTA, revised text,
    // uk/ukpga-2023-56.md) lists the Fraud Act 2006 and the Forgery and Counterfeiting Act 1981
    // but not the Computer Misuse Act 1990.
    let c = shipped();
    let act = statute_of(&c, "gb-eccta-2023");
    assert_eq!(act.review, Review::Verified);
    assert_eq!(act.enacted, Some(d("2023-10-26")));
    assert!(act.sources.iter().any(|s| s.contains("uksi/2025/349")));
    let s199 = section(&c, "gb-eccta-2023", "s-199");
    assert_eq!(
        s199.mapping.as_ref().unwrap().in_force,
        Some(d("2025-09-01"))
    );
    // The economic-crime attribution does not reach Computer Misuse Act offences.
    let s196 = section(&c, "gb-eccta-2023", "s-196");
    let note = s196.mapping.as_ref().unwrap().implements[0]
        .note
        .clone()
        .unwrap_or_default();
    assert!(note.contains("not the Computer Misuse Act"));
}

#[test]
fn mutual_assistance_warrants_reach_only_designated_agreements() {
    // Investigatory Powers Act 2016 (legislation.gov.uk revised text, copy in
    // legalize-dev/legalize-uk, uk/ukpga-2016-25.md): s. 15(4)(b) mutual assistance warrants
    // give interception assistance (and, under ss. 15(5) and 16, secondary data) only under an
    // EU instrument or an agreement designated by regulations (s. 10(3)). The one designation
    // found, of the EIO Directive (S.I. 2017/730 reg. 59), appears revoked, and none of the
    // Convention: the review claim of 3 Dec 2026 records Arts. 33 and 34 as absent, and the
    // section is no longer mapped to them (independent review, 2026-12-03).
    let c = shipped();
    let s20 = section(&c, "gb-ipa-2016", "s-20");
    assert!(s20.implementations().is_empty());
    assert_eq!(
        s20.mapping.as_ref().unwrap().in_force,
        Some(d("2018-06-27"))
    );
    assert_eq!(status("GB", "bc-33"), Status::Missing);
    assert_eq!(status("GB", "bc-34"), Status::Missing);
    assert_eq!(unknown_count("GB"), 2);
}
