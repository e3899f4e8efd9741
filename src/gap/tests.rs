//! Gap engine rules on a small in-memory corpus with its own framework (`tf`): element union
//! across statutes, section dates over statute dates, repeal, reservations, options, flags,
//! scores, dual criminality, penalties and history.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::*;
use crate::corpus::load::load_files;
use crate::corpus::source::SourceFile;
use crate::corpus::Term;

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
            "code: XA\nname: Xa\nregion: Testland\ntreaties:\n  - framework: tf\n    status: party\n    reservations:\n      - provision: tf-2\n        elements: [y]\n      - provision: tf-3\nreviews:\n  - framework: tf\n    provisions: all\n    checked: 2020-01-01\n    sources: [https://example.org/xa/gazette]\n",
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
    assert_eq!(
        p1.min_prison_months, None,
        "one section states no minimum: the lowest minimum is not known, never zero"
    );
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
    assert_eq!(p2.score, Some(1.0));
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
    // tf-1 partial 1/3, tf-2 missing, tf-3 reserved, tf-4 missing (XA is reviewed).
    assert_eq!(x.scores.overall, Some(round3((1.0 / 3.0 + 1.0) / 4.0)));
    assert_eq!(x.scores.examined, 1.0);
    assert_eq!(
        x.scores.areas["substantive"],
        Some(round3((1.0 / 3.0) / 3.0))
    );
    assert_eq!(x.scores.areas["procedural"], Some(1.0));
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
    assert_eq!(x.provision(&pid("tf-2")).unwrap().score, Some(1.0));
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
    assert_eq!(
        p1.extraditable, None,
        "XB's penalty is not recorded: the threshold cannot be checked"
    );
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
    assert_eq!(
        status("2013-12-31"),
        Status::Unknown,
        "not yet reserved, and nobody examined XC's law"
    );
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
    assert_eq!(t.countries[0].min_months, None, "an unstated minimum");
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

// ---------------------------------------------------------------------------------------
// Format v2: evidence beyond sections, reviews, life and aggravated penalties.

const EVIDENCE_PROVISIONS: &str = r#"
## Offence one {#te-1}

```harmonia
provision: te-1
article: "1"
area: substantive
elements:
  - {id: a, label: element a}
  - {id: b, label: element b}
```

## Offence two {#te-2}

```harmonia
provision: te-2
article: "2"
area: substantive
elements:
  - {id: c, label: element c}
```

## Sanctions {#te-3}

```harmonia
provision: te-3
article: "3"
area: substantive
offence: false
derive:
  - element: custodial
    rule: every-offence-custodial
sources: [https://example.org/te/report]
elements:
  - {id: custodial, label: prison for natural persons}
  - {id: corporate, label: sanctions for legal persons}
```

## Contact point {#te-4}

```harmonia
provision: te-4
article: "4"
area: cooperation
elements:
  - {id: point, label: a point of contact}
  - {id: advice, label: technical advice}
```

## Principles {#te-5}

```harmonia
provision: te-5
article: "5"
area: cooperation
self_executing: true
sources: [https://example.org/te/report]
elements:
  - {id: principle, label: a principle between parties}
```

## Basis {#te-6}

```harmonia
provision: te-6
article: "6"
area: cooperation
self_executing: [basis]
sources: [https://example.org/te/report]
elements:
  - {id: basis, label: the treaty as a legal basis}
  - {id: authority, label: a designated authority}
```

## Offence seven {#te-7}

```harmonia
provision: te-7
article: "7"
area: substantive
elements:
  - {id: z, label: element z}
```
"#;

fn evidence_corpus() -> Corpus {
    let files = vec![
        file(
            "model-law/te/framework.yaml",
            "id: te\ntitle: Evidence framework\nareas: [substantive, cooperation]\nextradition:\n  threshold: 1 year\n  article: \"9(1)\"\n",
        ),
        file("model-law/te/provisions.md", EVIDENCE_PROVISIONS),
        file(
            "statutes/ya/country.yaml",
            "code: YA\nname: Ya\nregion: Testland\ntreaties:\n  - framework: te\n    status: party\n    in_force: 2015-01-01\n    designations:\n      - provision: te-4\n        elements: [point]\n        authority: Unit 24\n        date: 2014-06-01\n        sources: [https://example.org/depositary]\n    domestic_effect: {date: 2015-03-01, sources: [https://example.org/decree]}\nreviews:\n  - framework: te\n    areas: [substantive]\n    since: 2012-01-01\n    checked: 2026-11-30\n    sources: [https://example.org/ya/gazette]\n  - framework: te\n    provisions: [te-6]\n    checked: 2026-11-30\n    sources: [https://example.org/ya/gazette]\n    note: no designation found\nextradites_nationals: {rule: conditional, sources: [https://example.org/ya/constitution], note: on reciprocity}\n",
        ),
        file(
            "statutes/ya/act.md",
            "---\nid: ya-act\ncountry: YA\ntitle: Act\nlanguage: en\nkind: act\nin_force: 2010-01-01\nreview: verified\nsources: [https://example.org/ya/act]\n---\n\n## S1 {#s1}\n\nText.\n\n```harmonia\nimplements:\n  - provision: te-1\n    elements: [a, b]\npenalty:\n  prison: [~, 2 years]\n  aggravated:\n    - prison: [5 years, life]\n      when: death results\n```\n\n## S2 {#s2}\n\nText.\n\n```harmonia\nimplements:\n  - provision: te-2\n    elements: [c]\n    penalty: {prison: [1 year, 3 years]}\n    note: the section's own penalty is for another offence\npenalty:\n  prison: [~, 6 months]\n```\n",
        ),
        file("statutes/yb/country.yaml", "code: YB\nname: Yb\nregion: Testland\n"),
        file(
            "statutes/yb/code.md",
            "---\nid: yb-code\ncountry: YB\ntitle: Code\nlanguage: en\nkind: act\nin_force: 2000-01-01\nreview: verified\nsources: [https://example.org/yb/code]\n---\n\n## S1 {#s1}\n\nText.\n\n```harmonia\nimplements:\n  - provision: te-1\n    elements: [a]\npenalty:\n  prison: [6 months, life]\n```\n\n## S2 {#s2}\n\nA proposal nobody has confirmed.\n\n```harmonia\nimplements:\n  - provision: te-2\n    elements: [c]\n    suggested: true\npenalty:\n  prison: [~, 2 years]\n```\n",
        ),
    ];
    let loaded = load_files(&files, "test".into());
    assert!(
        !loaded.diagnostics.has_errors() && loaded.diagnostics.warning_count() == 0,
        "{}",
        loaded.diagnostics.render(false)
    );
    loaded.corpus
}

fn ecov(c: &Corpus, cc: &str, date: &str) -> CountryCoverage {
    let fw = c.framework("te").unwrap();
    let country = c.country(&CountryCode::parse(cc).unwrap()).unwrap();
    coverage(c, fw, country, d(date))
}

#[test]
fn designations_count_from_entry_into_force() {
    let c = evidence_corpus();
    // Notified on 2014-06-01, before the treaty took effect on 2015-01-01.
    let before = ecov(&c, "YA", "2014-12-31");
    assert_eq!(
        before.provision(&pid("te-4")).unwrap().status,
        Status::Unknown
    );
    let after = ecov(&c, "YA", "2015-01-01");
    let p = after.provision(&pid("te-4")).unwrap();
    assert_eq!(p.status, Status::Partial);
    assert_eq!(p.covered, ["point"]);
    assert!(
        !p.examined,
        "cooperation is not reviewed: advice is only not found"
    );
    assert_eq!(p.missing_label(), "not found in the corpus");
    assert!(p.sections.is_empty() && p.is_implemented());
    assert_eq!(p.evidence[0].describe(), "designation: Unit 24, 2014-06-01");
    match &p.evidence[0] {
        Evidence::Designation { effective, .. } => {
            assert_eq!(*effective, Some(d("2015-01-01")))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn domestic_effect_implements_the_self_executing_elements() {
    let c = evidence_corpus();
    let before = ecov(&c, "YA", "2015-02-28");
    assert_eq!(
        before.provision(&pid("te-5")).unwrap().status,
        Status::Unknown
    );
    let after = ecov(&c, "YA", "2015-03-01");
    let p5 = after.provision(&pid("te-5")).unwrap();
    assert_eq!(p5.status, Status::Full);
    assert_eq!(
        p5.evidence[0].describe(),
        "the treaty itself, domestic law since 2015-03-01"
    );
    // te-6: only `basis` is self-executing; `authority` needs a designation, and the review
    // of te-6 says none exists, so it is missing from the law.
    let p6 = after.provision(&pid("te-6")).unwrap();
    assert_eq!(p6.status, Status::Partial);
    assert_eq!(p6.covered, ["basis"]);
    assert_eq!(p6.missing, ["authority"]);
    assert!(p6.examined);
    assert_eq!(p6.missing_label(), "missing");
    assert!(p6
        .notes
        .iter()
        .any(|n| n.source == "review" && n.text == "no designation found"));
    // An offence is never self-executing, whatever the domestic effect.
    assert_eq!(
        after.provision(&pid("te-7")).unwrap().status,
        Status::Missing
    );
}

#[test]
fn reviews_cover_by_area_from_their_since_date() {
    let c = evidence_corpus();
    let p = |date: &str| ecov(&c, "YA", date).provision(&pid("te-7")).unwrap().status;
    assert_eq!(
        p("2011-12-31"),
        Status::Unknown,
        "before the review's `since`"
    );
    assert_eq!(p("2012-01-01"), Status::Missing, "examined and absent");
    // Nobody reviewed YB: what is not in the corpus is unknown, never missing.
    let yb = ecov(&c, "YB", "2020-01-01");
    assert_eq!(yb.provision(&pid("te-7")).unwrap().status, Status::Unknown);
    assert_eq!(yb.scores.counts[&Status::Missing], 0);
}

#[test]
fn life_and_aggravated_ranges_are_kept_apart() {
    let c = evidence_corpus();
    let ya = ecov(&c, "YA", "2020-01-01");
    let p1 = ya.provision(&pid("te-1")).unwrap();
    assert_eq!(p1.max_prison_months, Some(24.0));
    assert!(!p1.life);
    assert!(p1.aggravated_life, "death results: up to life");
    assert_eq!(p1.aggravated_max_prison_months, None);
    assert!(p1.flags.is_empty());
    let yb = ecov(&c, "YB", "2020-01-01");
    let p1 = yb.provision(&pid("te-1")).unwrap();
    assert!(p1.life);
    assert_eq!(p1.max_prison_months, None);
    assert_eq!(p1.min_prison_months, Some(6.0));
    assert_eq!(p1.max_term(), Some(Term::Life));
}

#[test]
fn the_penalty_of_an_implements_entry_wins_over_its_section() {
    let c = evidence_corpus();
    let ya = ecov(&c, "YA", "2020-01-01");
    let p2 = ya.provision(&pid("te-2")).unwrap();
    assert_eq!(p2.max_prison_months, Some(36.0));
    assert_eq!(p2.min_prison_months, Some(12.0));
    assert!(p2.flags.is_empty(), "3 years: above the threshold");
    assert!(p2.notes.iter().any(|n| n.text.contains("another offence")));
}

#[test]
fn suggested_mappings_are_not_evidence() {
    let c = evidence_corpus();
    let yb = ecov(&c, "YB", "2020-01-01");
    let p2 = yb.provision(&pid("te-2")).unwrap();
    assert_eq!(p2.status, Status::Unknown);
    assert!(p2.sections.is_empty());
}

#[test]
fn custodial_sanctions_are_derived_from_the_penalties() {
    let c = evidence_corpus();
    let ya = ecov(&c, "YA", "2020-01-01");
    let p3 = ya.provision(&pid("te-3")).unwrap();
    assert_eq!(p3.covered, ["custodial"]);
    assert_eq!(p3.status, Status::Partial);
    assert!(
        p3.examined,
        "substantive is reviewed: corporate sanctions are missing"
    );
    assert_eq!(
        p3.evidence[0].describe(),
        "derived: every implemented offence carries a prison term (te-1, te-2)"
    );
    // Before any offence was in force there is nothing to derive from.
    let early = ecov(&c, "YA", "2009-01-01");
    assert!(early.provision(&pid("te-3")).unwrap().evidence.is_empty());
}

#[test]
fn scores_rest_on_the_provisions_with_a_verdict() {
    let c = evidence_corpus();
    let yb = ecov(&c, "YB", "2020-01-01");
    // te-1 partial (a of a, b), te-3 partial (derived custodial of 2); the rest unknown.
    assert_eq!(yb.scores.counts[&Status::Unknown], 5);
    assert_eq!(yb.scores.overall, Some(0.5));
    assert_eq!(yb.scores.examined, round3(2.0 / 7.0));
    assert_eq!(yb.scores.areas["cooperation"], None);
    assert_eq!(yb.scores.areas_examined["cooperation"], 0.0);
    for c in &yb.provisions {
        assert_eq!(c.score.is_none(), c.status == Status::Unknown);
    }
}

#[test]
fn dual_criminality_is_three_valued() {
    let c = evidence_corpus();
    let fw = c.framework("te").unwrap();
    let ya = c.country(&CountryCode::parse("YA").unwrap()).unwrap();
    let yb = c.country(&CountryCode::parse("YB").unwrap()).unwrap();
    let cmp = compare(&c, fw, ya, yb, d("2020-01-01"));
    let get = |id: &str| {
        cmp.provisions
            .iter()
            .find(|p| p.provision.as_str() == id)
            .unwrap()
    };
    // Both criminalise te-1; 2 years against life: both meet the threshold.
    assert_eq!(get("te-1").dual_criminality, Some(true));
    assert_eq!(get("te-1").extraditable, Some(true));
    assert!(get("te-1").b_life);
    // YB's te-2 is unknown: so is dual criminality.
    assert_eq!(get("te-2").dual_criminality, None);
    assert_eq!(get("te-2").extraditable, None);
    // YA is examined and lacks te-7: false, whatever YB's law.
    assert_eq!(get("te-7").dual_criminality, Some(false));
    assert_eq!(get("te-7").extraditable, Some(false));
    assert_eq!(cmp.threshold_test, "meets the art. 9(1) penalty threshold");
    assert_eq!(
        cmp.a_extradites_nationals,
        Some(crate::corpus::Nationals::Conditional)
    );
    assert_eq!(cmp.b_extradites_nationals, None);
}

#[test]
fn history_follows_every_kind_of_evidence() {
    let c = evidence_corpus();
    let fw = c.framework("te").unwrap();
    let ya = c.country(&CountryCode::parse("YA").unwrap()).unwrap();
    let dates: Vec<String> = history(&c, fw, ya)
        .iter()
        .map(|x| x.as_of.to_string())
        .collect();
    assert_eq!(
        dates,
        ["2010-01-01", "2012-01-01", "2015-01-01", "2015-03-01"],
        "act, review since, designation effective, domestic effect"
    );
}

#[test]
fn penalty_statistics_put_life_above_every_term() {
    let c = evidence_corpus();
    let fw = c.framework("te").unwrap();
    let countries: Vec<&Country> = c.countries.iter().collect();
    let t = penalties(
        &c,
        fw,
        fw.provision_str("te-1").unwrap(),
        &countries,
        d("2020-01-01"),
    );
    assert!(t.countries[1].life);
    assert_eq!(t.stats.countries_with_prison, 2);
    assert_eq!(t.stats.countries_with_life, 1);
    assert!(t.stats.highest_max_life);
    assert_eq!(t.stats.highest_max_months, None);
    assert_eq!(t.stats.mean_max_months, Some(24.0), "over the fixed terms");
    // Two countries: a term and life; the median takes the lower (never more than shown).
    assert_eq!(t.stats.median_max(), Some(Term::Months(24.0)));
    assert_eq!(t.stats.median_min_months, Some(6.0), "YA states no minimum");
}

#[test]
fn aggravated_ranges_alone_leave_the_basic_penalty_unrecorded() {
    let files = vec![
        file(
            "model-law/te/framework.yaml",
            "id: te\ntitle: Evidence framework\nareas: [substantive, cooperation]\n",
        ),
        file("model-law/te/provisions.md", EVIDENCE_PROVISIONS),
        file("statutes/yc/country.yaml", "code: YC\nname: Yc\n"),
        file(
            "statutes/yc/act.md",
            "---\nid: yc-act\ncountry: YC\ntitle: Act\nlanguage: en\nkind: act\nin_force: 2010-01-01\nreview: unverified\nsources: [https://example.org/yc]\n---\n\n## S1 {#s1}\n\n```harmonia\nimplements:\n  - provision: te-1\n    elements: [a, b]\npenalty:\n  aggravated:\n    - prison: [3 years, 6 years]\n      when: against a minor\n```\n\n## S2 {#s2}\n\n```harmonia\nimplements:\n  - provision: te-2\n    elements: [c]\npenalty:\n  fine: up to 50 units\n```\n",
        ),
    ];
    let c = load_files(&files, "test".into()).corpus;
    let x = ecov(&c, "YC", "2020-01-01");
    let p1 = x.provision(&pid("te-1")).unwrap();
    assert_eq!(p1.flags, [Flag::PenaltyNotRecorded]);
    assert_eq!(p1.aggravated_max_prison_months, Some(72.0));
    assert_eq!(p1.meets_threshold(12.0), None);
    let p2 = x.provision(&pid("te-2")).unwrap();
    assert_eq!(p2.flags, [Flag::NoCustodialPenalty]);
    assert_eq!(p2.meets_threshold(12.0), Some(false));
}
