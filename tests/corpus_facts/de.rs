//! Facts of Germany's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

use harmonia::corpus::Section;

fn section<'a>(c: &'a Corpus, statute: &str, local: &str) -> &'a Section {
    c.statutes
        .iter()
        .find(|s| s.id == statute)
        .unwrap_or_else(|| panic!("{statute} missing"))
        .section(local)
        .unwrap_or_else(|| panic!("{statute}#{local} missing"))
}

fn max_months(s: &Section) -> f64 {
    s.mapping
        .as_ref()
        .and_then(|m| m.penalty.as_ref())
        .and_then(|p| p.prison.as_ref())
        .unwrap_or_else(|| panic!("{}: no prison term", s.id))
        .max_months
}

fn maps(s: &Section, provision: &str, element: &str) -> bool {
    s.implementations()
        .iter()
        .any(|i| i.provision.as_str() == provision && i.elements.iter().any(|e| e == element))
}

#[test]
fn germany_ratified_2009_with_two_declarations_and_no_reservation() {
    // WIPO Lex DE/952 and the Council of Europe list of declarations for ETS 185: instrument
    // deposited 9 March 2009 with Art. 40 declarations on Arts. 2 (security measures, StGB 202a)
    // and 7 (deception in legal dealings, StGB 269); no Art. 42 reservation; in force 1 July 2009.
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
    assert!(t.reservations.is_empty());
}

#[test]
fn computer_sabotage_and_preparation_have_their_basic_maxima() {
    // StGB (gesetze-im-internet.de, consolidated text of March 2022): § 303b(1) up to three years,
    // the five- and ten-year ranges being aggravations (§ 303b(2) and (4)); § 202c up to two years;
    // § 263a(1) up to five years, ten only in especially serious cases.
    let c = shipped();
    assert_eq!(max_months(section(&c, "de-stgb", "p-303b")), 36.0);
    assert_eq!(max_months(section(&c, "de-stgb", "p-202c")), 24.0);
    assert_eq!(max_months(section(&c, "de-stgb", "p-263a")), 60.0);
}

#[test]
fn copyright_related_rights_and_mutual_assistance_are_mapped() {
    // UrhG § 108 (gesetze-im-internet.de): infringement of related rights, up to three years.
    // IRG § 67 (gesetze-im-internet.de): seizure before a request for surrender arrives.
    let c = shipped();
    let p108 = section(&c, "de-urhg", "p-108");
    assert!(maps(p108, "bc-10", "related-rights"));
    assert_eq!(max_months(p108), 36.0);
    assert!(maps(
        section(&c, "de-irg", "p-66-67"),
        "bc-29",
        "preservation-request"
    ));
}
