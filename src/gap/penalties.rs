//! Penalty comparison: for one offence and a set of countries, each country's lowest minimum
//! and highest maximum prison term among its active implementing sections (life above every
//! term, aggravated ranges apart), and the statistics of the set (median maximum first:
//! drafting proposals use it). A country whose penalty the corpus does not record is left
//! out of the statistics, never counted as "no prison"; an unstated minimum is never zero.

use chrono::NaiveDate;
use serde::Serialize;

use super::{is_false, round3, Flag, Note, Status};
use crate::corpus::{Corpus, Country, Framework, Provision, Term};
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
    /// Lowest minimum prison term, months, when every section states one.
    pub min_months: Option<f64>,
    /// Highest basic maximum prison term, months (`None` for life: see `life`).
    pub max_months: Option<f64>,
    /// True when the highest maximum is life imprisonment.
    #[serde(skip_serializing_if = "is_false")]
    pub life: bool,
    /// Highest aggravated maximum, months (`None` for life: see `aggravated_life`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggravated_max_months: Option<f64>,
    /// True when an aggravated range goes up to life.
    #[serde(skip_serializing_if = "is_false")]
    pub aggravated_life: bool,
    /// Implementing sections in force.
    pub sections: Vec<SectionId>,
    /// Fines as written in those sections.
    pub fines: Vec<String>,
    /// Penalty flags.
    pub flags: Vec<Flag>,
    /// Notes of the corpus on the verdict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

impl CountryPenalty {
    /// The highest basic maximum as a term.
    pub fn max_term(&self) -> Option<Term> {
        if self.life {
            Some(Term::Life)
        } else {
            self.max_months.map(Term::Months)
        }
    }
}

/// Statistics of the maxima (and minima) across the countries whose prison term is recorded.
/// Life counts as above every term: a median or highest maximum that is life is `None` in
/// months with its `_life` flag set, and the mean is over the fixed terms only.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PenaltyStats {
    /// Countries with a prison term (life included).
    pub countries_with_prison: usize,
    /// Of those, countries whose maximum is life.
    pub countries_with_life: usize,
    /// Median of the maxima, months.
    pub median_max_months: Option<f64>,
    /// True when the median maximum is life.
    pub median_max_life: bool,
    /// Mean of the fixed maxima (life left out), months.
    pub mean_max_months: Option<f64>,
    /// Lowest maximum, months.
    pub lowest_max_months: Option<f64>,
    /// Highest maximum, months (`None` when it is life).
    pub highest_max_months: Option<f64>,
    /// True when the highest maximum is life.
    pub highest_max_life: bool,
    /// Median of the stated minima, months.
    pub median_min_months: Option<f64>,
}

impl PenaltyStats {
    /// The median maximum as a term.
    pub fn median_max(&self) -> Option<Term> {
        if self.median_max_life {
            Some(Term::Life)
        } else {
            self.median_max_months.map(Term::Months)
        }
    }

    /// The highest maximum as a term.
    pub fn highest_max(&self) -> Option<Term> {
        if self.highest_max_life {
            Some(Term::Life)
        } else {
            self.highest_max_months.map(Term::Months)
        }
    }
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
            // Once per country and date, not once per provision (`cache`).
            let cov = super::cache::cached_coverage(corpus, framework, c, date);
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
                status: p.map_or(Status::Unknown, |p| p.status),
                min_months: p.and_then(|p| p.min_prison_months).map(round3),
                max_months: p.and_then(|p| p.max_prison_months).map(round3),
                life: p.is_some_and(|p| p.life),
                aggravated_max_months: p.and_then(|p| p.aggravated_max_prison_months).map(round3),
                aggravated_life: p.is_some_and(|p| p.aggravated_life),
                sections: p.map(|p| p.sections.clone()).unwrap_or_default(),
                fines,
                flags: p.map(|p| p.flags.clone()).unwrap_or_default(),
                notes: p.map(|p| p.notes.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let stats = stats(&rows);
    PenaltyTable {
        provision: provision.id.clone(),
        title: provision.title.clone(),
        as_of: date,
        countries: rows,
        stats,
    }
}

/// Statistics of the rows whose prison term is recorded.
fn stats(rows: &[CountryPenalty]) -> PenaltyStats {
    let mut maxima: Vec<Term> = rows.iter().filter_map(CountryPenalty::max_term).collect();
    maxima.sort_by(Term::total_cmp);
    let fixed: Vec<f64> = maxima.iter().filter_map(|t| t.months()).collect();
    let minima: Vec<f64> = rows
        .iter()
        .filter(|r| r.max_term().is_some())
        .filter_map(|r| r.min_months)
        .collect();
    let median_max = median_term(&maxima);
    let highest = maxima.last().copied();
    PenaltyStats {
        countries_with_prison: maxima.len(),
        countries_with_life: maxima.iter().filter(|t| t.is_life()).count(),
        median_max_months: median_max.and_then(Term::months),
        median_max_life: median_max.is_some_and(Term::is_life),
        mean_max_months: (!fixed.is_empty())
            .then(|| round3(fixed.iter().sum::<f64>() / fixed.len() as f64)),
        lowest_max_months: maxima.first().and_then(|t| t.months()),
        highest_max_months: highest.and_then(Term::months),
        highest_max_life: highest.is_some_and(Term::is_life),
        median_min_months: median(&minima),
    }
}

/// The median of sorted terms, life above every term: the middle one, or for an even count
/// the mean of the two middle ones; when the upper one is life and the lower a term, their
/// mean is undefined and the lower one is taken (never more than the data shows).
fn median_term(sorted: &[Term]) -> Option<Term> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    match (sorted[n / 2 - 1], sorted[n / 2]) {
        (Term::Months(a), Term::Months(b)) => Some(Term::Months(round3((a + b) / 2.0))),
        (lower, _) => Some(lower),
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
