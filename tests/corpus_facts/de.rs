//! Facts of Germany's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

#[test]
fn germany_ratified_2009_with_two_declarations_and_three_reservations() {
    // WIPO Lex DE/952 and the Council of Europe list of declarations for ETS 185: instrument
    // deposited 9 March 2009 with Art. 40 declarations on Arts. 2 (security measures, StGB 202a)
    // and 7 (deception in legal dealings, StGB 269); in force 1 July 2009. Council of Europe
    // treaty office, reservations for Germany (status 13/12/2017): Art. 42 reservations in the
    // same note verbale on Art. 6(1)(a)(i) as to devices and 6(1)(b), on the attempt at the
    // Art. 3 offence, and on dual criminality for preservation requests (Art. 29(4)).
    let c = shipped();
    let t = budapest(&c, "DE");
    assert_eq!(t.ratified, Some(d("2009-03-09")));
    assert_eq!(t.in_force, Some(d("2009-07-01")));
    let declared: Vec<&str> = t
        .declarations
        .iter()
        .map(|x| x.provision.as_str())
        .collect();
    assert_eq!(declared, ["bc-2", "bc-7"]);
    assert_eq!(reserved(t, "bc-6"), ["devices", "possession"]);
    assert_eq!(reserved(t, "bc-11"), ["attempt"]);
    assert_eq!(reserved(t, "bc-29"), ["no-dual-criminality"]);
    assert_eq!(t.reservations.len(), 3);
}

#[test]
fn computer_sabotage_and_preparation_have_their_basic_maxima() {
    // StGB (gesetze-im-internet.de, consolidated text of March 2022): § 303b(1) up to three years,
    // the five- and ten-year ranges being aggravations (§ 303b(2) and (4)); § 202c up to two years;
    // § 263a(1) up to five years, ten only in especially serious cases.
    let c = shipped();
    assert_eq!(max_months(section(&c, "de-stgb", "p-303b")), Some(36.0));
    assert_eq!(max_months(section(&c, "de-stgb", "p-202c")), Some(24.0));
    assert_eq!(max_months(section(&c, "de-stgb", "p-263a")), Some(60.0));
    // The especially serious cases top out at ten years; no computer offence carries life.
    assert!(!aggravated_life(section(&c, "de-stgb", "p-303b")));
}

#[test]
fn copyright_related_rights_and_mutual_assistance_are_mapped() {
    // UrhG § 108 (gesetze-im-internet.de): infringement of related rights, up to three years.
    // IRG § 67 (gesetze-im-internet.de): seizure before a request for surrender arrives.
    let c = shipped();
    let p108 = section(&c, "de-urhg", "p-108");
    assert!(maps(p108, "bc-10", "related-rights"));
    assert_eq!(max_months(p108), Some(36.0));
    assert!(maps(
        section(&c, "de-irg", "p-66-67"),
        "bc-29",
        "preservation-request"
    ));
}

#[test]
fn germany_designations_and_domestic_effect() {
    // WIPO Lex DE/952: 24/7 point (Art. 35) the National Cybercrime Unit of the BKA, Wiesbaden,
    // and the extradition authority (Art. 24(7)) the Federal Foreign Office, both with the
    // instrument of 9 March 2009; central authority (Art. 27(2)) by declaration of 14 May 2009.
    // BR-Drs. 666/07 and IRG § 1(3): treaty act under Art. 59(2) GG, directly applicable treaty
    // rules take precedence; the Convention is in force for Germany from 1 July 2009.
    let c = shipped();
    let t = budapest(&c, "DE");
    let find = |p: &str| {
        t.designations
            .iter()
            .find(|x| x.provision.as_str() == p)
            .unwrap_or_else(|| panic!("no designation under {p}"))
    };
    let poc = find("bc-35");
    assert_eq!(poc.elements, ["contact-point"]);
    assert!(poc
        .authority
        .as_deref()
        .unwrap()
        .contains("Bundeskriminalamt"));
    assert_eq!(poc.date, Some(d("2009-03-09")));
    assert_eq!(find("bc-27").date, Some(d("2009-05-14")));
    let effect = t.domestic_effect.as_ref().expect("domestic effect");
    assert_eq!(effect.date, d("2009-07-01"));
    assert!(!effect.sources.is_empty());
}

#[test]
fn germany_is_examined_except_for_preservation() {
    // The review of 2026-12-03 (docs/corpus-review/de.md): only Arts. 16 and 17 stay unknown
    // (no preservation order found, the 2024 quick-freeze bill not followed to its end); Art. 1(a)
    // is examined and absent; the cooperation chapter rests on the treaty act and the IRG.
    assert_eq!(status("DE", "bc-16"), Status::Unknown);
    assert_eq!(status("DE", "bc-1a"), Status::Missing);
    assert_eq!(status("DE", "bc-28"), Status::Full);
    assert!(unknown_count("DE") <= 3);
}
