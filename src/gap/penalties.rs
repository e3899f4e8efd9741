//! Penalty comparison: for one offence and a set of countries, each country's lowest minimum
//! and highest maximum prison term among its active implementing sections, and the
//! statistics of the set (median maximum first: drafting proposals use it).

use chrono::NaiveDate;
use serde::Serialize;

use super::{coverage, round3, Flag, Status};
use crate::corpus::{Corpus, Country, Framework, Provision};
use crate::id::{CountryCode, ProvisionId, SectionId};

/// Penalties for one provision across countries.
#[derive(Clone, Debug, Serialize)]
pub struct PenaltyTable {
    /// The provision.
    pub provision: ProvisionId,
    /// Its title.
    pub title: String,
    /// Date.
    pub as_of: NaiveDate,
    /// One row per country, in the order given.
    pub countries: Vec<CountryPenalty>,
    /// Statistics over the countries that have a prison term.
    pub stats: PenaltyStats,
}

/// One country's penalty for a provision.
#[derive(Clone, Debug, Serialize)]
pub struct CountryPenalty {
    /// Country.
    pub country: CountryCode,
    /// Its name.
    pub name: String,
    /// Coverage status of the provision.
    pub status: Status,
    /// Lowest minimum prison term, months (0 where the law sets none).
    pub min_months: Option<f64>,
    /// Highest maximum prison term, months.
    pub max_months: Option<f64>,
    /// Implementing sections in force.
    pub sections: Vec<SectionId>,
    /// Fines as written in those sections.
    pub fines: Vec<String>,
    /// Penalty flags.
    pub flags: Vec<Flag>,
}

/// Statistics of the maxima (and minima) across countries.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PenaltyStats {
    /// Countries with a prison term.
    pub countries_with_prison: usize,
    /// Median of the maxima, months.
    pub median_max_months: Option<f64>,
    /// Mean of the maxima, months.
    pub mean_max_months: Option<f64>,
    /// Lowest maximum, months.
    pub lowest_max_months: Option<f64>,
    /// Highest maximum, months.
    pub highest_max_months: Option<f64>,
    /// Median of the minima, months.
    pub median_min_months: Option<f64>,
}

/// The penalty table of `provision` for `countries` on `date`.
pub fn penalties(
    corpus: &Corpus,
    framework: &Framework,
    provision: &Provision,
    countries: &[&Country],
    date: NaiveDate,
) -> PenaltyTable {
    let rows: Vec<CountryPenalty> = countries
        .iter()
        .map(|c| {
            let cov = coverage(corpus, framework, c, date);
            let p = cov.provision(&provision.id);
            let fines = p
                .map(|p| {
                    p.sections
                        .iter()
                        .filter_map(|sid| {
                            corpus
                                .statute(sid.statute())
                                .and_then(|st| st.section(sid.local()))
                        })
                        .filter_map(|s| s.mapping.as_ref()?.penalty.as_ref()?.fine.clone())
                        .collect()
                })
                .unwrap_or_default();
            CountryPenalty {
                country: c.code.clone(),
                name: c.name.clone(),
                status: p.map_or(Status::Missing, |p| p.status),
                min_months: p.and_then(|p| p.min_prison_months).map(round3),
                max_months: p.and_then(|p| p.max_prison_months).map(round3),
                sections: p.map(|p| p.sections.clone()).unwrap_or_default(),
                fines,
                flags: p.map(|p| p.flags.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let maxima: Vec<f64> = rows.iter().filter_map(|r| r.max_months).collect();
    let minima: Vec<f64> = rows
        .iter()
        .filter(|r| r.max_months.is_some())
        .filter_map(|r| r.min_months)
        .collect();
    let stats = PenaltyStats {
        countries_with_prison: maxima.len(),
        median_max_months: median(&maxima),
        mean_max_months: (!maxima.is_empty())
            .then(|| round3(maxima.iter().sum::<f64>() / maxima.len() as f64)),
        lowest_max_months: maxima.iter().copied().reduce(f64::min),
        highest_max_months: maxima.iter().copied().reduce(f64::max),
        median_min_months: median(&minima),
    };
    PenaltyTable {
        provision: provision.id.clone(),
        title: provision.title.clone(),
        as_of: date,
        countries: rows,
        stats,
    }
}

/// The median of `values` (mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(round3(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }))
}
