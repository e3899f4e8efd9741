//! Gap engine rules on a small in-memory corpus with its own framework (`tf`): element union
//! across statutes, section dates over statute dates, repeal, reservations, options, flags,
//! scores, dual criminality, penalties and history.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::*;
use crate::corpus::load::load_files;
use crate::corpus::source::SourceFile;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.to_string(),
        bytes: Cow::Owned(text.as_bytes().to_vec()),
        built_in: false,
        too_large: None,
    }
}

const PROVISIONS: &str = r#"
## First offence {#tf-1}

```harmonia
provision: tf-1
article: "1"
area: substantive
elements:
  - {id: a, label: element a}
  - {id: b, label: element b}
  - {id: c, label: element c}
options:
  - {id: o1, label: option one}
```

## Second offence {#tf-2}

```harmonia
provision: tf-2
article: "2"
area: substantive
elements:
  - {id: x, label: element x}
  - {id: y, label: element y}
```

## A power {#tf-3}

```harmonia
provision: tf-3
article: "3"
area: procedural
elements:
  - {id: p, label: element p}
  - {id: q, label: element q}
```

## A rule {#tf-4}

```harmonia
provision: tf-4
article: "4"
area: substantive
offence: false
elements:
  - {id: z, label: element z}
```
"#;

fn corpus() -> Corpus {
    let files = vec![
        file("model-law/test/framework.yaml", "id: tf\ntitle: Test framework\nareas: [definitions, substantive, procedural]\n"),
        file("model-law/test/provisions.md", PROVISIONS),
        file(
            "statutes/xa/country.yaml",
            "code: XA\nname: Xa\nregion: Testland\ntreaties:\n  - framework: tf\n    status: party\n    reservations:\n      - provision: tf-2\n        elements: [y]\n      - provision: tf-3\n",
        ),
        file(
            "statutes/xa/act1.md",
            "---\nid: xa-act1\ncountry: XA\ntitle: Act 1\nlanguage: en\nkind: act\nin_force: 2010-01-01\nreview: unverified\n---\n\n## S1 {#s1}\n\nText.\n\n```harmonia\nimplements:\n  - provision: tf-1\n    elements: [a]\npenalty:\n  prison: [~, 6 months]\n```\n\n## S2 {#s2}\n\nText.\n\n```harmonia\nimplements:\n  - provision: tf-2\n    elements: [x]\npenalty:\n  prison: [1 year, 3 years]\nin_force: 2015-01-01\n```\n",
        ),
        file(
            "statutes/xa/act2.md",
            "---\nid: xa-act2\ncountry: XA\ntitle: Act 2\nlanguage: en\nkind: amendment\nin_force: 2012-01-01\nrepealed: 2019-12-31\nreview: unverified\n---\n\n## S1 {#s1}\n\nText.\n\n```harmonia\nimplements:\n  - provision: tf-1\n    elements: [b, c]\n    options: [o1]\npenalty:\n  prison: [2 years, 5 years]\n  fine: up to 100 units\n```\n",
        ),
        file("statutes/xb/country.yaml", "code: XB\nname: Xb\nregion: Testland\n"),
        file(
            "statutes/xc/country.yaml",
            "code: XC\nname: Xc\nregion: Testland\ntreaties:\n  - framework: tf\n    status: party\n    ratified: 2013-06-01\n    in_force: 2014-01-01\n    reservations:\n      - provision: tf-1\n",
        ),
        file(
            "statutes/xb/code.md",
            "---\nid: xb-code\ncountry: XB\ntitle: Code\nlanguage: en\nkind: code\nenacted: 2000-01-01\nreview: verified\n---\n\n## S1 {#s1}\n\nText.\n\n```harmonia\nimplements:\n  - provision: tf-1\n    elements: [a, b, c]\n```\n\n## S2 {#s2}\n\nText.\n\n```harmonia\nimplements:\n  - provision: tf-2\n    elements: [x, y]\npenalty:\n  prison: [6 months, 2 years]\n```\n",
        ),
    ];
    let loaded = load_files(&files, "test".into());
    assert!(
        !loaded.diagnostics.has_errors(),
        "{}",
        loaded.diagnostics.render(false)
    );
    loaded.corpus
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn cov(c: &Corpus, cc: &str, date: &str) -> CountryCoverage {
    let fw = c.framework("tf").unwrap();
    let country = c.country(&CountryCode::parse(cc).unwrap()).unwrap();
    coverage(c, fw, country, d(date))
}

fn pid(s: &str) -> ProvisionId {
    ProvisionId::parse(s).unwrap()
}

#[test]
fn before_the_amendment_one_element_is_covered() {
    let c = corpus();
    let x = cov(&c, "XA", "2011-06-01");
    let p1 = x.provision(&pid("tf-1")).unwrap();
    assert_eq!(p1.status, Status::Partial);
    assert_eq!(p1.covered, ["a"]);
    assert_eq!(p1.missing, ["b", "c"]);
    assert_eq!(p1.flags, [Flag::BelowExtraditionThreshold]);
    assert_eq!(p1.max_prison_months, Some(6.0));
}

#[test]
fn elements_are_the_union_across_statutes() {
    let c = corpus();
    let x = cov(&c, "XA", "2013-01-01");
    let p1 = x.provision(&pid("tf-1")).unwrap();
    assert_eq!(p1.status, Status::Full);
    assert_eq!(p1.covered, ["a", "b", "c"]);
    assert_eq!(p1.options, ["o1"]);
    assert_eq!(p1.sections.len(), 2);
    assert_eq!(p1.max_prison_months, Some(60.0));
    assert_eq!(p1.min_prison_months, Some(0.0));
    assert!(p1.flags.is_empty());
}

#[test]
fn section_dates_win_over_statute_dates() {
    let c = corpus();
    // Act 1 is in force from 2010, but its section 2 only from 2015.
    let before = cov(&c, "XA", "2014-12-31");
    let p2 = before.provision(&pid("tf-2")).unwrap();
    assert_eq!(p2.status, Status::Missing);
    assert_eq!(p2.missing, ["x"]);
    assert_eq!(p2.reserved, ["y"]);
    let after = cov(&c, "XA", "2015-01-01");
    let p2 = after.provision(&pid("tf-2")).unwrap();
    assert_eq!(p2.status, Status::Reserved);
    assert_eq!(p2.covered, ["x"]);
    assert!(p2.missing.is_empty());
    assert_eq!(p2.score, 1.0);
}

#[test]
fn a_repealed_statute_counts_through_its_repeal_date() {
    let c = corpus();
    assert_eq!(
        cov(&c, "XA", "2019-12-31")
            .provision(&pid("tf-1"))
            .unwrap()
            .status,
        Status::Full
    );
    assert_eq!(
        cov(&c, "XA", "2020-01-01")
            .provision(&pid("tf-1"))
            .unwrap()
            .status,
        Status::Partial
    );
}

#[test]
fn whole_reservations_and_unimplemented_provisions() {
    let c = corpus();
    let x = cov(&c, "XA", "2016-01-01");
    let p3 = x.provision(&pid("tf-3")).unwrap();
    assert_eq!(p3.status, Status::Reserved);
    assert_eq!(p3.reserved, ["p", "q"]);
    let p4 = x.provision(&pid("tf-4")).unwrap();
    assert_eq!(p4.status, Status::Missing);
    assert!(p4.flags.is_empty(), "not an offence, not implemented");
}

#[test]
fn unrecorded_penalties_are_not_taken_for_no_prison() {
    let c = corpus();
    let x = cov(&c, "XB", "2016-01-01");
    let p1 = x.provision(&pid("tf-1")).unwrap();
    assert_eq!(p1.status, Status::Full);
    assert_eq!(p1.flags, [Flag::PenaltyNotRecorded]);
}

#[test]
fn scores_follow_the_documented_rule() {
    let c = corpus();
    let x = cov(&c, "XA", "2011-06-01");
    // tf-1 partial 1/3, tf-2 missing, tf-3 reserved, tf-4 missing.
    assert_eq!(x.scores.overall, round3((1.0 / 3.0 + 1.0) / 4.0));
    assert_eq!(x.scores.areas["substantive"], round3((1.0 / 3.0) / 3.0));
    assert_eq!(x.scores.areas["procedural"], 1.0);
    assert!(
        !x.scores.areas.contains_key("definitions"),
        "an area with no provisions gets no score"
    );
    assert_eq!(x.scores.counts[&Status::Missing], 2);
}

#[test]
fn partial_scores_leave_reserved_elements_out() {
    let c = corpus();
    // Reservation on y; covered nothing of tf-2 but implemented? No: before 2015 nothing.
    let x = cov(&c, "XA", "2016-01-01");
    assert_eq!(x.provision(&pid("tf-2")).unwrap().score, 1.0);
}

#[test]
fn dual_criminality_and_extradition() {
    let c = corpus();
    let fw = c.framework("tf").unwrap();
    let a = c.country(&CountryCode::parse("XA").unwrap()).unwrap();
    let b = c.country(&CountryCode::parse("XB").unwrap()).unwrap();
    let cmp = compare(&c, fw, a, b, d("2016-01-01"));
    let p1 = &cmp.provisions[0];
    assert_eq!(p1.dual_criminality, Some(true));
    assert_eq!(p1.extraditable, Some(false), "XB has no prison term");
    let p2 = &cmp.provisions[1];
    assert_eq!((p2.a_status, p2.b_status), (Status::Reserved, Status::Full));
    assert_eq!(p2.extraditable, Some(true));
    assert_eq!(p2.differences.len(), 1);
    assert_eq!(p2.differences[0].id, "y");
    assert_eq!(p2.differences[0].present_in.as_str(), "XB");
    assert_eq!(
        cmp.provisions[2].dual_criminality, None,
        "procedural: not an offence"
    );
    assert_eq!(cmp.provisions[3].dual_criminality, None, "offence: false");
    let early = compare(&c, fw, a, b, d("2011-01-01"));
    assert_eq!(early.provisions[1].dual_criminality, Some(false));
}

#[test]
fn a_whole_reservation_alone_is_not_dual_criminality() {
    let c = corpus();
    let fw = c.framework("tf").unwrap();
    let b = c.country(&CountryCode::parse("XB").unwrap()).unwrap();
    let x = c.country(&CountryCode::parse("XC").unwrap()).unwrap();
    let cmp = compare(&c, fw, x, b, d("2016-01-01"));
    let p1 = &cmp.provisions[0];
    assert_eq!(
        (p1.a_status, p1.b_status),
        (Status::Reserved, Status::Full),
        "XC reserved tf-1 as a whole and implements nothing"
    );
    assert_eq!(p1.dual_criminality, Some(false));
    assert_eq!(p1.extraditable, Some(false));
}

#[test]
fn reservations_count_from_the_treaty_taking_effect() {
    let c = corpus();
    let status = |date: &str| cov(&c, "XC", date).provision(&pid("tf-1")).unwrap().status;
    assert_eq!(status("2013-12-31"), Status::Missing, "not yet reserved");
    assert_eq!(status("2014-01-01"), Status::Reserved);
    let fw = c.framework("tf").unwrap();
    let xc = c.country(&CountryCode::parse("XC").unwrap()).unwrap();
    let dates: Vec<String> = history(&c, fw, xc)
        .iter()
        .map(|x| x.as_of.to_string())
        .collect();
    assert_eq!(dates, ["2014-01-01"], "the reservation date is a point");
}

#[test]
fn penalty_tables_take_lowest_minimum_and_highest_maximum() {
    let c = corpus();
    let fw = c.framework("tf").unwrap();
    let countries: Vec<&Country> = c.countries.iter().collect();
    let t = penalties(
        &c,
        fw,
        fw.provision_str("tf-1").unwrap(),
        &countries,
        d("2016-01-01"),
    );
    assert_eq!(t.countries[0].min_months, Some(0.0));
    assert_eq!(t.countries[0].max_months, Some(60.0));
    assert_eq!(t.countries[0].fines, ["up to 100 units"]);
    assert_eq!(t.countries[1].max_months, None);
    assert_eq!(t.stats.countries_with_prison, 1);
    assert_eq!(t.stats.median_max_months, Some(60.0));
    let t2 = penalties(
        &c,
        fw,
        fw.provision_str("tf-2").unwrap(),
        &countries,
        d("2016-01-01"),
    );
    assert_eq!(t2.stats.median_max_months, Some(30.0));
    assert_eq!(t2.stats.median_min_months, Some(9.0));
}

#[test]
fn history_has_a_point_per_change() {
    let c = corpus();
    let fw = c.framework("tf").unwrap();
    let a = c.country(&CountryCode::parse("XA").unwrap()).unwrap();
    let h = history(&c, fw, a);
    let dates: Vec<String> = h.iter().map(|x| x.as_of.to_string()).collect();
    assert_eq!(
        dates,
        ["2010-01-01", "2012-01-01", "2015-01-01", "2020-01-01"]
    );
    assert!(h[1].scores.overall > h[0].scores.overall);
    assert!(h[3].scores.overall < h[2].scores.overall);
}

#[test]
fn medians() {
    assert_eq!(penalties::median(&[]), None);
    assert_eq!(penalties::median(&[3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(penalties::median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
}
