//! The gap commands (`gaps`, `matrix`, `compare`, `penalties`, `history`) driven through the
//! binary on `tests/fixtures/gap`, a corpus with its own framework (`tf`) built to exercise
//! each rule:
//!
//! - XA (Arcadia, party from 2012-01-01): tf-2 covered by two sections of two statutes, one of
//!   them repealed at the end of 2019; tf-3 by a section whose own date (2015) overrides its
//!   code's (2010); a partial reservation (tf-4 possession), a whole one (tf-6) and a
//!   qualifier reservation (tf-3 `options: [serious-harm]`, which exempts nothing).
//! - XB (Borduria, signatory): tf-2 with a fine only (no custodial penalty), tf-5 which is
//!   `offence: false`, tf-6 partly.
//! - XC (Carpania, South, party from 2005): a whole reservation on tf-2 with nothing enacted
//!   (no dual criminality), a bill that never counts, tf-3 whose section is repealed on
//!   2016-06-30 and replaced by a lighter one (below the extradition threshold).
//!
//! Golden files under tests/golden/gap/ hold the md, csv and table outputs.

mod common;

use common::{fixture, golden, harmonia, json, stdout};
use serde_json::Value;

/// `harmonia <args> --corpus tests/fixtures/gap --framework tf`.
fn tf(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = harmonia();
    cmd.args(args)
        .arg("--corpus")
        .arg(fixture("gap"))
        .args(["--framework", "tf"]);
    cmd
}

/// The entry of `provision` in a list of objects keyed by `provision`.
fn entry<'a>(list: &'a Value, provision: &str) -> &'a Value {
    list.as_array()
        .and_then(|a| a.iter().find(|p| p["provision"] == provision))
        .unwrap_or_else(|| panic!("no {provision} in {list}"))
}

fn gaps(cc: &str, date: &str) -> Value {
    json(&mut tf(&["gaps", cc, "--as-of", date, "--format", "json"]))
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn gaps_before_the_amendment_and_the_ratification() {
    let g = gaps("XA", "2011-06-01");
    assert_eq!(g["country"], "XA");
    assert_eq!(g["framework"], "tf");
    assert_eq!(g["as_of"], "2011-06-01");
    let p = &g["provisions"];
    let tf2 = entry(p, "tf-2");
    assert_eq!(tf2["status"], "partial");
    assert_eq!(strs(&tf2["missing"]), ["without-right"]);
    assert_eq!(tf2["max_prison_months"], 6.0);
    assert_eq!(strs(&tf2["flags"]), ["below-extradition-threshold"]);
    assert_eq!(
        entry(p, "tf-3")["status"],
        "missing",
        "art. 11 is in force from 2015 though its code is from 2010"
    );
    // Reservations count from the treaty's entry into force (2012-01-01).
    assert_eq!(entry(p, "tf-4")["status"], "partial");
    assert_eq!(strs(&entry(p, "tf-4")["missing"]), ["possession"]);
    assert_eq!(entry(p, "tf-6")["status"], "missing");
}

#[test]
fn gaps_unite_elements_across_statutes() {
    let g = gaps("XA", "2013-01-01");
    let tf2 = entry(&g["provisions"], "tf-2");
    assert_eq!(tf2["status"], "full");
    assert_eq!(strs(&tf2["covered"]), ["intent", "without-right", "access"]);
    assert_eq!(
        strs(&tf2["sections"]),
        ["xa-cyber-act#s-2", "xa-penal-code#art-10"]
    );
    assert_eq!(strs(&tf2["options"]), ["security-measures"]);
    assert_eq!(tf2["max_prison_months"], 60.0);
    assert_eq!(tf2["flags"], serde_json::json!([]));
}

#[test]
fn gaps_after_the_section_date_and_reservations() {
    let g = gaps("XA", "2016-01-01");
    let p = &g["provisions"];
    let tf3 = entry(p, "tf-3");
    assert_eq!(
        tf3["status"], "partial",
        "a reservation with only options exempts no element"
    );
    assert_eq!(strs(&tf3["missing"]), ["deleting"]);
    assert_eq!(strs(&tf3["reserved"]), Vec::<&str>::new());
    assert_eq!(strs(&tf3["options"]), ["serious-harm"]);
    let tf4 = entry(p, "tf-4");
    assert_eq!(tf4["status"], "reserved");
    assert_eq!(strs(&tf4["reserved"]), ["possession"]);
    assert_eq!(tf4["score"], 1.0);
    let tf6 = entry(p, "tf-6");
    assert_eq!(tf6["status"], "reserved");
    assert_eq!(strs(&tf6["reserved"]), ["order", "ninety-days"]);
    assert_eq!(strs(&tf6["sections"]), Vec::<&str>::new());
    // tf-1a 1, tf-2 1, tf-3 2/3, tf-4 1, tf-5 0, tf-6 1, tf-7 1.
    let s = &g["scores"];
    assert_eq!(s["overall"], 0.81);
    assert_eq!(s["areas"]["substantive"], 0.667);
    assert_eq!(s["areas"]["procedural"], 1.0);
    assert_eq!(s["counts"]["full"], 3);
    assert_eq!(s["counts"]["reserved"], 2);
    assert_eq!(s["counts"]["partial"], 1);
    assert_eq!(s["counts"]["missing"], 1);
}

#[test]
fn gaps_after_the_repeal() {
    let g = gaps("XA", "2020-01-01");
    let tf2 = entry(&g["provisions"], "tf-2");
    assert_eq!(tf2["status"], "partial");
    assert_eq!(strs(&tf2["sections"]), ["xa-penal-code#art-10"]);
    // Still in force on its repeal date.
    let g = gaps("XA", "2019-12-31");
    assert_eq!(entry(&g["provisions"], "tf-2")["status"], "full");
}

#[test]
fn gaps_flag_offences_without_prison_and_only_offences() {
    let g = gaps("XB", "2016-01-01");
    let p = &g["provisions"];
    assert_eq!(entry(p, "tf-2")["status"], "full");
    assert_eq!(strs(&entry(p, "tf-2")["flags"]), ["no-custodial-penalty"]);
    assert_eq!(strs(&entry(p, "tf-5")["flags"]), Vec::<&str>::new());
    assert_eq!(strs(&entry(p, "tf-6")["missing"]), ["ninety-days"]);
}

#[test]
fn section_repeal_dates_override_the_statute_and_bills_never_count() {
    let p = gaps("XC", "2016-06-30")["provisions"].clone();
    assert_eq!(entry(&p, "tf-3")["status"], "full");
    assert_eq!(strs(&entry(&p, "tf-3")["sections"]), ["xc-law#art-7-old"]);
    assert_eq!(
        entry(&p, "tf-2")["status"],
        "reserved",
        "whole reservation; the bill is never in force"
    );
    assert_eq!(strs(&entry(&p, "tf-2")["sections"]), Vec::<&str>::new());
    let p = gaps("XC", "2016-07-01")["provisions"].clone();
    let tf3 = entry(&p, "tf-3");
    assert_eq!(tf3["status"], "partial");
    assert_eq!(strs(&tf3["sections"]), ["xc-law#art-7-new"]);
    assert_eq!(tf3["min_prison_months"], 0.5);
    assert_eq!(strs(&tf3["flags"]), ["below-extradition-threshold"]);
}

#[test]
fn gaps_of_one_area_score_that_area() {
    let g = json(&mut tf(&[
        "gaps",
        "xa",
        "--as-of",
        "2016-01-01",
        "--area",
        "substantive",
        "--format",
        "json",
    ]));
    let ids: Vec<&str> = g["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["provision"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tf-2", "tf-3", "tf-4", "tf-5"]);
    assert_eq!(g["area"], "substantive");
    assert_eq!(g["scores"]["overall"], 0.667);
    assert_eq!(
        g["scores"]["areas"].as_object().unwrap().len(),
        1,
        "{}",
        g["scores"]
    );
}

#[test]
fn matrix_lists_statuses_in_display_order() {
    let m = json(&mut tf(&[
        "matrix",
        "--as-of",
        "2016-01-01",
        "--format",
        "json",
    ]));
    assert_eq!(
        strs(&m["provisions"]),
        ["tf-1a", "tf-2", "tf-3", "tf-4", "tf-5", "tf-6", "tf-7"],
        "cooperation.md sorts first by name, but its area comes last"
    );
    let countries = m["countries"].as_array().unwrap();
    let codes: Vec<&str> = countries
        .iter()
        .map(|c| c["country"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["XA", "XB", "XC"]);
    assert_eq!(countries[0]["cells"]["tf-4"], "reserved");
    assert_eq!(countries[2]["cells"]["tf-2"], "reserved");
    assert_eq!(countries[0]["scores"]["overall"], 0.81);
    let keys: Vec<&String> = countries[0]["cells"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 7);
}

#[test]
fn matrix_selects_countries_by_list_or_region() {
    let m = json(&mut tf(&[
        "matrix",
        "--countries",
        "XC,xa",
        "--as-of",
        "2016-01-01",
        "--format",
        "json",
    ]));
    let codes: Vec<&str> = m["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["country"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["XC", "XA"], "in the order given");
    let csv = stdout(&mut tf(&[
        "matrix",
        "--region",
        "south",
        "--as-of",
        "2016-01-01",
        "--format",
        "csv",
    ]));
    assert_eq!(
        csv,
        "country,tf-1a,tf-2,tf-3,tf-4,tf-5,tf-6,tf-7,score,examined\nXC,missing,reserved,full,missing,missing,missing,missing,0.286,1\n"
    );
    tf(&["matrix", "--countries", "XA", "--region", "North"])
        .assert()
        .code(2);
}

#[test]
fn matrix_timings_go_to_stderr() {
    let out = tf(&[
        "matrix",
        "--as-of",
        "2016-01-01",
        "--format",
        "csv",
        "--timings",
    ])
    .assert()
    .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.starts_with("load: ") && err.contains("matrix: "),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.get_output().stdout).starts_with("country,"));
}

#[test]
fn compare_dual_criminality_and_extradition() {
    let c = json(&mut tf(&[
        "compare",
        "XA",
        "XB",
        "--as-of",
        "2016-01-01",
        "--format",
        "json",
    ]));
    assert_eq!((c["a"].as_str(), c["b"].as_str()), (Some("XA"), Some("XB")));
    let p = &c["provisions"];
    let tf2 = entry(p, "tf-2");
    assert_eq!(tf2["dual_criminality"], true);
    assert_eq!(tf2["extraditable"], false, "XB has no prison term");
    assert_eq!(tf2["a_max_prison_months"], 60.0);
    assert_eq!(tf2["b_max_prison_months"], Value::Null);
    let tf3 = entry(p, "tf-3");
    assert_eq!((&tf3["a"], &tf3["b"]), (&"partial".into(), &"full".into()));
    assert_eq!(tf3["extraditable"], true);
    assert_eq!(
        tf3["differences"],
        serde_json::json!([
            {"kind": "element", "id": "deleting", "present_in": "XB"},
            {"kind": "option", "id": "serious-harm", "present_in": "XA"},
        ])
    );
    let tf5 = entry(p, "tf-5");
    assert_eq!(tf5["dual_criminality"], Value::Null, "offence: false");
    assert_eq!(tf5["extraditable"], Value::Null);
    assert_eq!(entry(p, "tf-6")["dual_criminality"], Value::Null);
    assert_eq!(c["summary"]["dual_criminality"], 3);
    assert_eq!(c["summary"]["extraditable"], 2);
}

#[test]
fn a_whole_reservation_is_not_criminalisation() {
    let c = json(&mut tf(&[
        "compare",
        "XC",
        "XB",
        "--as-of",
        "2016-01-01",
        "--format",
        "json",
    ]));
    let tf2 = entry(&c["provisions"], "tf-2");
    assert_eq!(tf2["a"], "reserved");
    assert_eq!(tf2["dual_criminality"], false);
}

#[test]
fn penalties_of_one_provision() {
    let t = json(&mut tf(&[
        "penalties",
        "--provision",
        "tf-3",
        "--as-of",
        "2017-01-01",
        "--format",
        "json",
    ]));
    assert_eq!(t["provision"], "tf-3");
    assert_eq!(t["as_of"], "2017-01-01");
    let rows = t["countries"].as_array().unwrap();
    let row = |cc: &str| rows.iter().find(|r| r["country"] == cc).unwrap();
    assert_eq!(
        (&row("XA")["min_months"], &row("XA")["max_months"]),
        (&12.0.into(), &36.0.into())
    );
    assert_eq!(row("XC")["min_months"], 0.5);
    assert_eq!(row("XC")["max_months"], 9.0);
    assert_eq!(strs(&row("XC")["flags"]), ["below-extradition-threshold"]);
    assert_eq!(strs(&row("XC")["sections"]), ["xc-law#art-7-new"]);
    assert_eq!(t["stats"]["median_max_months"], 24.0);
    assert_eq!(t["stats"]["countries_with_prison"], 3);
}

#[test]
fn penalties_take_the_framework_from_the_provision_and_filter_regions() {
    let mut cmd = harmonia();
    cmd.args(["penalties", "--provision", "tf-3", "--region", "South"])
        .args(["--as-of", "2016-01-01", "--format", "json", "--corpus"])
        .arg(fixture("gap"));
    let t = json(&mut cmd);
    let rows = t["countries"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["country"], "XC");
    assert_eq!(rows[0]["max_months"], 48.0);
}

#[test]
fn penalties_of_every_offence() {
    let t = json(&mut tf(&[
        "penalties",
        "--as-of",
        "2016-01-01",
        "--format",
        "json",
    ]));
    assert_eq!(t["framework"], "tf");
    let ids: Vec<&str> = t["offences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["provision"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tf-2", "tf-3", "tf-4"], "tf-5 is offence: false");
}

#[test]
fn history_shows_reservations_starting_to_count_without_a_status_change() {
    // Chile's Budapest reservations count from 2017-08-01; bc-6 stays missing, but the
    // elements its reservation exempts appear that day.
    let out = harmonia()
        .args(["history", "CL", "--as-of", "2020-01-01", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let h: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let point = h["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["as_of"] == "2017-08-01")
        .expect("a point on the day the treaty entered into force for Chile");
    let bc6 = point["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["provision"] == "bc-6")
        .expect("bc-6 changed");
    assert_eq!(bc6["from"], bc6["to"]);
    assert!(bc6["reserved_gained"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("producing")));
}

#[test]
fn history_has_a_point_per_change_with_what_changed() {
    let h = json(&mut tf(&[
        "history",
        "XA",
        "--as-of",
        "2026-01-01",
        "--format",
        "json",
    ]));
    let points = h["points"].as_array().unwrap();
    let dates: Vec<&str> = points
        .iter()
        .map(|p| p["as_of"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2000-05-05",
            "2010-01-01",
            "2012-01-01",
            "2012-06-01",
            "2015-01-01",
            "2020-01-01"
        ]
    );
    assert_eq!(
        points[2]["changed"],
        serde_json::json!([
            {"provision": "tf-4", "from": "partial", "to": "reserved", "gained": [], "lost": [],
             "reserved_gained": ["possession"]},
            {"provision": "tf-6", "from": "missing", "to": "reserved", "gained": [], "lost": [],
             "reserved_gained": ["order", "ninety-days"]},
        ]),
        "the treaty's entry into force brings the reservations"
    );
    assert_eq!(
        points[5]["changed"],
        serde_json::json!([{"provision": "tf-2", "from": "full", "to": "partial",
            "gained": [], "lost": ["without-right"]}])
    );
    assert_eq!(
        points[1]["changed"][1],
        serde_json::json!({"provision": "tf-2", "from": "missing", "to": "partial",
            "gained": ["intent", "access"], "lost": []})
    );
    assert_eq!(points[4]["scores"]["overall"], 0.81);
    let early = json(&mut tf(&[
        "history",
        "XA",
        "--as-of",
        "2012-03-01",
        "--format",
        "json",
    ]));
    assert_eq!(early["points"].as_array().unwrap().len(), 3);
}

fn fails(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().code(2);
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn unknown_names_and_bad_dates_are_usage_errors() {
    assert_eq!(
        fails(&mut tf(&["gaps", "XD"])),
        "error: unknown country `XD`; did you mean `XA`? (known: XA, XB, XC)\n"
    );
    assert_eq!(
        fails(&mut tf(&["compare", "XA", "Bordura"])),
        "error: unknown country `Bordura`; did you mean `Borduria`? (known: XA, XB, XC)\n"
    );
    assert_eq!(
        fails(&mut tf(&["gaps", "XA", "--as-of", "2016-13-01"])),
        "error: --as-of: `2016-13-01` is not a valid date (expected YYYY-MM-DD, e.g. 2008-06-25)\n"
    );
    let mut cmd = harmonia();
    cmd.args(["matrix", "--framework", "tff", "--corpus"])
        .arg(fixture("gap"));
    assert_eq!(
        fails(&mut cmd),
        "error: unknown framework `tff`; did you mean `tf`? (known: tf)\n"
    );
    let mut cmd = harmonia();
    cmd.args(["history", "XA", "--corpus"]).arg(fixture("gap"));
    assert_eq!(
        fails(&mut cmd),
        "error: unknown framework `bc` (known: tf)\n",
        "bc is the default framework; this corpus has its own"
    );
    assert!(fails(&mut tf(&["gaps", "XA", "--area", "substantiv"]))
        .contains("unknown area `substantiv` in framework `tf`; did you mean `substantive`?"));
    assert!(fails(&mut tf(&["penalties", "--provision", "tf-33"]))
        .starts_with("error: unknown provision `tf-33` in framework `tf`"));
    assert!(fails(&mut tf(&["matrix", "--region", "Nort"])).contains("did you mean `North`?"));
    assert!(fails(&mut tf(&["matrix", "--format", "pdf"])).contains("invalid value 'pdf'"));
}

#[test]
fn tables_have_no_colour_when_piped() {
    let mut cmd = tf(&["gaps", "XA", "--as-of", "2016-01-01"]);
    cmd.env_remove("NO_COLOR");
    let out = stdout(&mut cmd);
    assert!(!out.contains('\u{1b}'), "{out:?}");
}

/// The md, csv and table outputs of every command, against tests/golden/gap/.
#[test]
fn golden_outputs() {
    let runs: [(&str, &[&str]); 7] = [
        ("gaps-xa", &["gaps", "XA", "--as-of", "2016-01-01"]),
        ("matrix", &["matrix", "--as-of", "2016-01-01"]),
        (
            "compare-xa-xb",
            &["compare", "XA", "XB", "--as-of", "2016-01-01"],
        ),
        (
            "penalties-tf-3",
            &["penalties", "--provision", "tf-3", "--as-of", "2017-01-01"],
        ),
        ("penalties", &["penalties", "--as-of", "2016-01-01"]),
        ("history-xa", &["history", "XA", "--as-of", "2026-01-01"]),
        ("history-xc", &["history", "XC", "--as-of", "2026-01-01"]),
    ];
    for (name, args) in runs {
        for (format, ext) in [("md", "md"), ("csv", "csv"), ("table", "txt")] {
            let mut cmd = tf(args);
            cmd.args(["--format", format]);
            golden(&format!("gap/{name}.{ext}"), &stdout(&mut cmd));
        }
    }
}

/// Every command on the shipped corpus: exit 0 and JSON with the documented keys.
#[test]
fn smoke_on_the_shipped_corpus() {
    let run = |args: &[&str]| {
        let mut cmd = harmonia();
        cmd.args(args).args(["--format", "json"]);
        json(&mut cmd)
    };
    let has = |v: &Value, keys: &[&str]| {
        for k in keys {
            assert!(v.get(k).is_some(), "no `{k}` in {}", v);
        }
    };
    let g = run(&["gaps", "AR"]);
    has(
        &g,
        &["country", "framework", "as_of", "provisions", "scores"],
    );
    has(
        &g["provisions"][0],
        &[
            "provision",
            "area",
            "title",
            "status",
            "missing",
            "reserved",
            "options",
            "sections",
            "max_prison_months",
            "flags",
        ],
    );
    has(&g["scores"], &["overall", "areas", "counts"]);
    let m = run(&["matrix"]);
    has(&m, &["framework", "as_of", "provisions", "countries"]);
    has(&m["countries"][0], &["country", "cells", "scores"]);
    let c = run(&["compare", "AR", "CL"]);
    has(&c, &["a", "b", "framework", "as_of", "provisions"]);
    has(
        &c["provisions"][0],
        &[
            "provision",
            "a",
            "b",
            "dual_criminality",
            "extraditable",
            "a_max_prison_months",
            "b_max_prison_months",
            "differences",
        ],
    );
    let p = run(&["penalties", "--provision", "bc-2", "--region", "Americas"]);
    has(&p, &["provision", "as_of", "countries", "stats"]);
    has(
        &p["countries"][0],
        &["country", "min_months", "max_months", "sections"],
    );
    has(&p["stats"], &["median_max_months"]);
    let all = run(&["penalties"]);
    has(&all, &["framework", "as_of", "offences"]);
    let h = run(&["history", "AR"]);
    has(&h, &["country", "framework", "points"]);
    has(&h["points"][0], &["as_of", "scores", "changed"]);
    for args in [
        &["gaps", "DE", "--format", "md"][..],
        &["matrix", "--format", "csv"],
        &["compare", "GB", "US", "--format", "md"],
        &["penalties", "--format", "csv"],
        &["history", "BR"],
    ] {
        harmonia().args(args).assert().success();
    }
}

// ---------------------------------------------------------------------------------------
// Format v2 on tests/fixtures/evidence (framework `te`): YA has designations, domestic
// effect, reviews by area and by id, life in an aggravated range and a per-mapping penalty;
// YB has no review at all, a life maximum and a suggested mapping.

/// `harmonia <args> --corpus tests/fixtures/evidence --framework te --as-of 2020-01-01`.
fn te(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = harmonia();
    cmd.args(args)
        .arg("--corpus")
        .arg(fixture("evidence"))
        .args(["--framework", "te", "--as-of", "2020-01-01"]);
    cmd
}

#[test]
fn gaps_json_follows_the_evidence_contract() {
    let g = json(&mut te(&["gaps", "YB", "--format", "json"]));
    let p = &g["provisions"];
    for key in [
        "status",
        "missing",
        "covered",
        "reserved",
        "options",
        "sections",
        "flags",
        "min_prison_months",
        "max_prison_months",
    ] {
        assert!(entry(p, "te-1").get(key).is_some(), "te-1 has no `{key}`");
    }
    // Nobody examined YB's law: nothing is `missing`, the rest is `unknown`.
    let statuses: Vec<&str> = p
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert!(!statuses.contains(&"missing"), "{statuses:?}");
    assert_eq!(entry(p, "te-7")["status"], "unknown");
    assert_eq!(entry(p, "te-7")["score"], Value::Null);
    assert_eq!(g["scores"]["counts"]["unknown"], 5);
    assert_eq!(g["scores"]["counts"]["missing"], 0);
    assert_eq!(g["scores"]["examined"], 0.286);
    assert_eq!(g["scores"]["overall"], 0.5);
    // Life: no number of months, and said so.
    let te1 = entry(p, "te-1");
    assert_eq!(te1["life"], true);
    assert_eq!(te1["max_prison_months"], Value::Null);
    assert_eq!(te1["examined"], false);
    // A suggested mapping is not evidence.
    assert_eq!(entry(p, "te-2")["sections"], serde_json::json!([]));
}

#[test]
fn gaps_json_names_every_kind_of_evidence() {
    let g = json(&mut te(&["gaps", "YA", "--format", "json"]));
    let p = &g["provisions"];
    let kinds = |id: &str| -> Vec<String> {
        entry(p, id)["evidence"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| e["kind"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(kinds("te-4"), ["designation"]);
    assert_eq!(entry(p, "te-4")["evidence"][0]["effective"], "2015-01-01");
    assert_eq!(kinds("te-5"), ["domestic-effect"]);
    assert_eq!(kinds("te-3"), ["derived"]);
    assert_eq!(entry(p, "te-7")["status"], "missing");
    assert_eq!(entry(p, "te-7")["examined"], true);
    assert_eq!(
        entry(p, "te-7")["review"]["sources"][0],
        "https://example.org/ya/gazette"
    );
    // Aggravated ranges apart from the basic one.
    let te1 = entry(p, "te-1");
    assert_eq!(te1["max_prison_months"], 24.0);
    assert_eq!(te1["aggravated_life"], true);
    assert!(te1.get("life").is_none(), "`life` only when relevant");
    // The entry's own penalty, and its note.
    let te2 = entry(p, "te-2");
    assert_eq!(te2["max_prison_months"], 36.0);
    assert_eq!(
        te2["notes"][0]["text"],
        "the section's own penalty is for another offence"
    );
    assert_eq!(g["scores"]["counts"]["unknown"], 0);
}

#[test]
fn gaps_table_and_markdown_show_evidence_notes_and_life() {
    let table = stdout(&mut te(&["gaps", "YA"]));
    assert!(
        table.contains("designation: Unit 24, 2014-06-01"),
        "{table}"
    );
    assert!(table.contains("the treaty itself, domestic law since 2015-03-01"));
    assert!(table.contains("2 years (aggravated life)"));
    assert!(table.contains("not found in the corpus: advice"));
    assert!(table.contains("(examined 100.0%)"));
    let md = stdout(&mut te(&["gaps", "YA", "--format", "md"]));
    assert!(md.contains("## Notes"));
    assert!(md.contains("the section's own penalty is for another offence"));
    let yb = stdout(&mut te(&["gaps", "YB"]));
    assert!(yb.contains("not examined"));
    assert!(yb.contains("life"));
}

#[test]
fn compare_json_is_three_valued() {
    let c = json(&mut te(&["compare", "YA", "YB", "--format", "json"]));
    let p = &c["provisions"];
    assert_eq!(entry(p, "te-1")["dual_criminality"], true);
    assert_eq!(entry(p, "te-1")["extraditable"], true);
    assert_eq!(entry(p, "te-1")["b_life"], true);
    assert_eq!(entry(p, "te-2")["dual_criminality"], Value::Null);
    assert_eq!(entry(p, "te-2")["extraditable"], Value::Null);
    assert_eq!(entry(p, "te-7")["dual_criminality"], false);
    assert_eq!(entry(p, "te-7")["extraditable"], false);
    assert_eq!(
        entry(p, "te-5")["dual_criminality"],
        Value::Null,
        "not an offence"
    );
    assert_eq!(c["a_extradites_nationals"], "conditional");
    assert_eq!(c["b_extradites_nationals"], Value::Null);
    assert_eq!(c["threshold_test"], "meets the art. 9(1) penalty threshold");
    let table = stdout(&mut te(&["compare", "YA", "YB"]));
    assert!(table.contains("meets the art. 9(1) threshold"));
    assert!(table.contains("unknown"));
    assert!(table.contains("YA extradites its nationals: conditional (on reciprocity)"));
}

#[test]
fn penalties_json_reports_life_and_keeps_it_out_of_the_mean() {
    let t = json(&mut te(&[
        "penalties",
        "--provision",
        "te-1",
        "--format",
        "json",
    ]));
    let yb = &t["countries"][1];
    assert_eq!(yb["country"], "YB");
    assert_eq!(yb["life"], true);
    assert_eq!(yb["max_months"], Value::Null);
    assert_eq!(yb["min_months"], 6.0);
    let ya = &t["countries"][0];
    assert_eq!(
        ya["min_months"],
        Value::Null,
        "an unstated minimum is not zero"
    );
    assert_eq!(ya["aggravated_life"], true);
    assert_eq!(t["stats"]["highest_max_life"], true);
    assert_eq!(t["stats"]["mean_max_months"], 24.0);
    let table = stdout(&mut te(&["penalties", "--provision", "te-1"]));
    assert!(table.contains("2 years (aggravated life)"));
    assert!(table.contains("(1 with life)"));
}

#[test]
fn matrix_marks_unknown_apart_from_missing() {
    let table = stdout(&mut te(&["matrix"]));
    assert!(table.contains("? unknown (not examined)"), "{table}");
    let csv = stdout(&mut te(&["matrix", "--format", "csv"]));
    assert!(
        csv.contains("YB,partial,unknown,partial,unknown,unknown,unknown,unknown,0.5,0.286"),
        "{csv}"
    );
    assert!(csv.contains("YA,full,full,partial,partial,full,partial,missing"));
}

#[test]
fn drafts_skip_what_nobody_examined() {
    let md = stdout(&mut te(&["draft", "YB"]));
    assert!(md.contains("## To examine first"), "{md}");
    assert!(md.contains("- te-7 (art. 7) Offence seven"));
    assert!(
        !md.contains("Proposed new article"),
        "no draft for an unknown provision"
    );
    let out = te(&["draft", "YB", "--provision", "te-7"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("te-7 is unknown in Yb"), "{err}");
    assert!(err.contains("examine the law first"));
}
