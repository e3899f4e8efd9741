//! Dual criminality between two countries: for each offence, whether both criminalise the
//! conduct, whether it meets the framework's extradition penalty threshold on both sides
//! (Budapest art. 24(1): a maximum of at least one year), and which elements and options one
//! side has and the other lacks.
//!
//! Both answers are three-valued. Dual criminality is `true` when a section in force
//! implements the offence in each country; `false` when either side is established not to
//! criminalise it (`missing`: examined and absent; or reserved with nothing in force: a
//! reservation criminalises nothing); otherwise `None` (unknown: a side is `unknown`). The
//! threshold test is `false` when dual criminality is false or a recorded maximum is under
//! the threshold, `None` when dual criminality or a penalty is unknown, else `true`. It
//! checks the penalty only: extradition also depends on treaties, nationality and the
//! requested country's law, which the corpus records at most as `extradites_nationals`.

use chrono::NaiveDate;
use serde::Serialize;

use super::{coverage, is_offence, round3, Coverage, Status};
use crate::corpus::{Corpus, Country, Framework, Nationals};
use crate::id::{CountryCode, ProvisionId};

/// The comparison of two countries.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// First country.
    pub a: CountryCode,
    /// Second country.
    pub b: CountryCode,
    /// Framework.
    pub framework: String,
    /// Date.
    pub as_of: NaiveDate,
    /// What the `extraditable` answers check (`meets the art. 24(1) penalty threshold`).
    pub threshold_test: String,
    /// The threshold, months.
    pub threshold_months: f64,
    /// Whether the first country extradites its nationals (`None`: not recorded).
    pub a_extradites_nationals: Option<Nationals>,
    /// Whether the second country extradites its nationals.
    pub b_extradites_nationals: Option<Nationals>,
    /// One entry per provision, in framework order.
    pub provisions: Vec<ProvisionComparison>,
}

/// One provision compared.
#[derive(Clone, Debug, Serialize)]
pub struct ProvisionComparison {
    /// The provision.
    pub provision: ProvisionId,
    /// Its area.
    pub area: String,
    /// Its title.
    pub title: String,
    /// Status in the first country.
    #[serde(rename = "a")]
    pub a_status: Status,
    /// Status in the second country.
    #[serde(rename = "b")]
    pub b_status: Status,
    /// Whether the provision is an offence (the two answers below apply to offences only
    /// and are `null` for other provisions).
    pub offence: bool,
    /// Both criminalise it: `true`, `false`, or `None` when unknown (see the module docs).
    pub dual_criminality: Option<bool>,
    /// Dual criminality and both maxima at the threshold: `true`, `false`, or `None` when
    /// unknown. It checks the penalty threshold only.
    pub extraditable: Option<bool>,
    /// Highest maximum prison term in the first country, months (`None` for life).
    pub a_max_prison_months: Option<f64>,
    /// True when the first country's maximum is life.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub a_life: bool,
    /// Highest maximum prison term in the second country, months (`None` for life).
    pub b_max_prison_months: Option<f64>,
    /// True when the second country's maximum is life.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub b_life: bool,
    /// Notes of the corpus on either side (prefixed with the country code).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Elements and options present on one side only.
    pub differences: Vec<Difference>,
}

/// An element or option one country covers and the other does not.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Difference {
    /// `element` or `option`.
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// The country that has it.
    pub present_in: CountryCode,
}

/// Compares countries `a` and `b` under `framework` on `date`.
pub fn compare(
    corpus: &Corpus,
    framework: &Framework,
    a: &Country,
    b: &Country,
    date: NaiveDate,
) -> Comparison {
    let ca = coverage(corpus, framework, a, date);
    let cb = coverage(corpus, framework, b, date);
    let provisions = framework
        .provisions
        .iter()
        .zip(ca.provisions.iter().zip(cb.provisions.iter()))
        .map(|(p, (x, y))| {
            let offence = is_offence(p);
            let dual = and3(criminalises(x), criminalises(y));
            let threshold = framework.extradition.threshold_months;
            let extraditable = match dual {
                Some(false) => Some(false),
                _ => and3(
                    dual,
                    and3(x.meets_threshold(threshold), y.meets_threshold(threshold)),
                ),
            };
            let notes = [(&a.code, x), (&b.code, y)]
                .into_iter()
                .flat_map(|(code, c)| c.notes.iter().map(move |n| format!("{code}: {}", n.text)))
                .collect();
            let mut differences = Vec::new();
            for (kind, xs, ys) in [
                ("element", &x.covered, &y.covered),
                ("option", &x.options, &y.options),
            ] {
                for id in xs.iter().filter(|i| !ys.contains(i)) {
                    differences.push(Difference {
                        kind,
                        id: id.clone(),
                        present_in: a.code.clone(),
                    });
                }
                for id in ys.iter().filter(|i| !xs.contains(i)) {
                    differences.push(Difference {
                        kind,
                        id: id.clone(),
                        present_in: b.code.clone(),
                    });
                }
            }
            ProvisionComparison {
                provision: p.id.clone(),
                area: p.area.clone(),
                title: p.title.clone(),
                a_status: x.status,
                b_status: y.status,
                offence,
                dual_criminality: if offence { dual } else { None },
                extraditable: if offence { extraditable } else { None },
                a_max_prison_months: x.max_prison_months.map(round3),
                a_life: x.life,
                b_max_prison_months: y.max_prison_months.map(round3),
                b_life: y.life,
                notes,
                differences,
            }
        })
        .collect();
    Comparison {
        a: a.code.clone(),
        b: b.code.clone(),
        framework: framework.id.clone(),
        as_of: date,
        threshold_test: framework.extradition.test_label(),
        threshold_months: framework.extradition.threshold_months,
        a_extradites_nationals: a.extradites_nationals.as_ref().map(|n| n.rule),
        b_extradites_nationals: b.extradites_nationals.as_ref().map(|n| n.rule),
        provisions,
    }
}

/// Whether one country criminalises the conduct: a section in force implements it (`true`);
/// it is established that none does (`false`: missing, or reserved with nothing in force);
/// or the corpus cannot tell (`None`).
fn criminalises(c: &Coverage) -> Option<bool> {
    if c.has_sections() {
        return Some(true);
    }
    match c.status {
        Status::Missing | Status::Reserved => Some(false),
        Status::Unknown => None,
        // Implemented by evidence other than a statute (never an offence), or partly.
        Status::Full | Status::Partial => {
            if c.examined {
                Some(false)
            } else {
                None
            }
        }
    }
}

/// Three-valued "and": false wins, then unknown.
fn and3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}
