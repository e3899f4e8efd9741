//! Dual criminality between two countries: for each offence, whether both criminalise the
//! conduct (some section in force implements it in each: a reservation alone, even on the
//! whole provision, criminalises nothing), whether it is extraditable under Budapest art. 24
//! (both maximum prison terms at least 12 months), and which elements and options one side
//! has and the other lacks.

use chrono::NaiveDate;
use serde::Serialize;

use super::{coverage, is_offence, round3, Status, EXTRADITION_THRESHOLD_MONTHS};
use crate::corpus::{Corpus, Country, Framework};
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
    /// Both criminalise it: some section in force implements it in each (offences only;
    /// `None` for other provisions).
    pub dual_criminality: Option<bool>,
    /// Dual criminality and both maxima at least 12 months (offences only).
    pub extraditable: Option<bool>,
    /// Highest maximum prison term in the first country, months.
    pub a_max_prison_months: Option<f64>,
    /// Highest maximum prison term in the second country, months.
    pub b_max_prison_months: Option<f64>,
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
            // Implemented, not merely "not missing": a whole reservation with nothing in
            // force has status `reserved` but makes nothing an offence.
            let dual = x.is_implemented() && y.is_implemented();
            let extraditable = dual
                && x.max_prison_months
                    .is_some_and(|m| m >= EXTRADITION_THRESHOLD_MONTHS)
                && y.max_prison_months
                    .is_some_and(|m| m >= EXTRADITION_THRESHOLD_MONTHS);
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
                dual_criminality: offence.then_some(dual),
                extraditable: offence.then_some(extraditable),
                a_max_prison_months: x.max_prison_months.map(round3),
                b_max_prison_months: y.max_prison_months.map(round3),
                differences,
            }
        })
        .collect();
    Comparison {
        a: a.code.clone(),
        b: b.code.clone(),
        framework: framework.id.clone(),
        as_of: date,
        provisions,
    }
}
