//! The gap engine: from a corpus's annotations, what a country covers of a framework on a
//! date, provision by provision and element by element, and what that means for
//! cooperation (dual criminality, extradition thresholds, penalty comparisons, history).
//!
//! The rules (FORMAT.md, "What the gap engine derives", with the precisions of the README):
//!
//! - A section is *active* on a date when it is in force then: its own `in_force` and
//!   `repealed` win over the statute's, and a repealed section stops counting the day after
//!   its `repealed` date ([`crate::corpus::Section::in_force_on`]).
//! - A provision's covered elements are the union of the elements of every active section
//!   implementing it, across statutes.
//! - Status: `full` when every element is covered; `reserved` when some are not and every
//!   uncovered element is covered by the country's reservation (a reservation without
//!   `elements` covers them all); `missing` when no active section implements it (and no
//!   reservation covers it); `partial` otherwise.
//! - Reservations count from the date the framework took effect for the country: its treaty
//!   record's `in_force`, else `ratified`, else `signed`; always when the record has no date.
//!   Before that date the country had reserved nothing, so its gaps are gaps.
//! - Options used are the union of the options of the implementing sections.
//! - Flags, for offences that are implemented: `below-extradition-threshold` when the highest
//!   maximum prison term among the implementing sections is under 12 months;
//!   `no-custodial-penalty` when their penalties are recorded and none has a prison term;
//!   `penalty-not-recorded` when none of them records a penalty at all (the corpus is
//!   silent, which is not the same as "no prison").
//! - Scores: full and reserved count 1, partial the covered share of the elements not
//!   reserved, missing 0; an area's score is the mean over its provisions, the overall score
//!   the mean over all provisions.

mod compare;
pub mod penalties;

pub use compare::{compare, Comparison, ProvisionComparison};
pub use penalties::{penalties, CountryPenalty, PenaltyStats, PenaltyTable};

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::{Corpus, Country, Framework, Provision, Treaty};
use crate::id::{CountryCode, ProvisionId, SectionId};

/// Prison maximum (in months) an offence needs to be extraditable under Budapest art. 24.
pub const EXTRADITION_THRESHOLD_MONTHS: f64 = 12.0;

/// How far a country's law covers one provision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every element covered.
    Full,
    /// Some elements covered, the rest not and not reserved.
    Partial,
    /// Every uncovered element is reserved.
    Reserved,
    /// Nothing in force implements it.
    Missing,
}

impl Status {
    /// The status as printed (`full`, `partial`, `reserved`, `missing`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Full => "full",
            Status::Partial => "partial",
            Status::Reserved => "reserved",
            Status::Missing => "missing",
        }
    }

    /// All statuses, best first.
    pub const ALL: [Status; 4] = [
        Status::Full,
        Status::Reserved,
        Status::Partial,
        Status::Missing,
    ];
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A warning about an implemented offence's penalty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// Highest maximum prison term under 12 months: not extraditable under art. 24.
    BelowExtraditionThreshold,
    /// Penalties are recorded, and none of the implementing sections has a prison term.
    NoCustodialPenalty,
    /// No implementing section records its penalty at all: the corpus does not say whether
    /// the offence is extraditable (not the same as "no prison term").
    PenaltyNotRecorded,
}

impl Flag {
    /// The flag as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::BelowExtraditionThreshold => "below-extradition-threshold",
            Flag::NoCustodialPenalty => "no-custodial-penalty",
            Flag::PenaltyNotRecorded => "penalty-not-recorded",
        }
    }
}

/// One provision's coverage by one country.
#[derive(Clone, Debug, Serialize)]
pub struct Coverage {
    /// The provision.
    pub provision: ProvisionId,
    /// Its article.
    pub article: String,
    /// Its area.
    pub area: String,
    /// Its title.
    pub title: String,
    /// The verdict.
    pub status: Status,
    /// Elements covered by active sections.
    pub covered: Vec<String>,
    /// Elements neither covered nor reserved.
    pub missing: Vec<String>,
    /// Elements not covered but reserved.
    pub reserved: Vec<String>,
    /// Options used by the implementing sections.
    pub options: Vec<String>,
    /// Active sections implementing the provision (`<statute>#<section>`).
    pub sections: Vec<SectionId>,
    /// Lowest minimum prison term among them, in months.
    pub min_prison_months: Option<f64>,
    /// Highest maximum prison term among them, in months.
    pub max_prison_months: Option<f64>,
    /// Penalty flags (offences only).
    pub flags: Vec<Flag>,
    /// Score in [0, 1].
    pub score: f64,
}

impl Coverage {
    /// True when some active section implements the provision.
    pub fn is_implemented(&self) -> bool {
        !self.sections.is_empty()
    }
}

/// Scores of one country: overall, per area, and how many provisions have each status.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Scores {
    /// Mean over all provisions, in [0, 1].
    pub overall: f64,
    /// Mean over each area's provisions, in framework area order.
    pub areas: BTreeMap<String, f64>,
    /// Provisions per status.
    pub counts: BTreeMap<Status, usize>,
}

/// A country's coverage of a framework on a date.
#[derive(Clone, Debug, Serialize)]
pub struct CountryCoverage {
    /// The country.
    pub country: CountryCode,
    /// Its name.
    pub name: String,
    /// The framework.
    pub framework: String,
    /// The date.
    pub as_of: NaiveDate,
    /// One entry per provision, in framework order.
    pub provisions: Vec<Coverage>,
    /// The scores.
    pub scores: Scores,
}

impl CountryCoverage {
    /// The coverage of one provision.
    pub fn provision(&self, id: &ProvisionId) -> Option<&Coverage> {
        self.provisions.iter().find(|c| &c.provision == id)
    }
}

/// True when the provision is an offence (penalty flags, dual criminality and penalty
/// comparisons apply): its `offence` key, else whether its area is `substantive`.
pub fn is_offence(p: &Provision) -> bool {
    p.offence.unwrap_or(p.area == "substantive")
}

/// Computes a country's coverage of `framework` on `date`.
pub fn coverage(
    corpus: &Corpus,
    framework: &Framework,
    country: &Country,
    date: NaiveDate,
) -> CountryCoverage {
    #[derive(Default)]
    struct Acc {
        covered: Vec<String>,
        options: Vec<String>,
        sections: Vec<SectionId>,
        min: Option<f64>,
        max: Option<f64>,
        penalty_recorded: bool,
    }
    let mut acc: BTreeMap<&ProvisionId, Acc> = BTreeMap::new();
    for (_, section) in corpus.active_sections(&country.code, date) {
        for imp in section.implementations() {
            // A suggested mapping awaits review: it is shown, never evidence of coverage.
            if imp.suggested || imp.provision.framework() != framework.id {
                continue;
            }
            let a = acc.entry(&imp.provision).or_default();
            for e in &imp.elements {
                if !a.covered.contains(e) {
                    a.covered.push(e.clone());
                }
            }
            for o in &imp.options {
                if !a.options.contains(o) {
                    a.options.push(o.clone());
                }
            }
            if !a.sections.contains(&section.id) {
                a.sections.push(section.id.clone());
            }
            let penalty = section.mapping.as_ref().and_then(|m| m.penalty.as_ref());
            a.penalty_recorded |= penalty.is_some();
            if let Some(prison) = penalty.and_then(|p| p.prison.as_ref()) {
                a.max = Some(
                    a.max
                        .map_or(prison.max_months, |m| m.max(prison.max_months)),
                );
                let min = prison.min_months.unwrap_or(0.0);
                a.min = Some(a.min.map_or(min, |m| m.min(min)));
            }
        }
    }
    let treaty = country
        .treaty(&framework.id)
        .filter(|t| reservations_effective(t).is_none_or(|d| d <= date));
    let provisions: Vec<Coverage> = framework
        .provisions
        .iter()
        .map(|p| {
            let a = acc.remove(&p.id).unwrap_or_default();
            let reservation = treaty.and_then(|t| t.reservation(&p.id));
            // Elements in framework order.
            let covered: Vec<String> = p
                .elements
                .iter()
                .filter(|e| a.covered.contains(&e.id))
                .map(|e| e.id.clone())
                .collect();
            let uncovered = p.elements.iter().filter(|e| !a.covered.contains(&e.id));
            let (reserved, missing): (Vec<String>, Vec<String>) = uncovered
                .map(|e| e.id.clone())
                .partition(|e| reservation.is_some_and(|r| r.covers(e)));
            let implemented = !a.sections.is_empty();
            let status = if reserved.is_empty() && missing.is_empty() {
                Status::Full
            } else if missing.is_empty() {
                Status::Reserved
            } else if !implemented {
                Status::Missing
            } else {
                Status::Partial
            };
            let mut flags = Vec::new();
            if implemented && is_offence(p) {
                match a.max {
                    None if a.penalty_recorded => flags.push(Flag::NoCustodialPenalty),
                    None => flags.push(Flag::PenaltyNotRecorded),
                    Some(m) if m < EXTRADITION_THRESHOLD_MONTHS => {
                        flags.push(Flag::BelowExtraditionThreshold)
                    }
                    Some(_) => {}
                }
            }
            let score = match status {
                Status::Full | Status::Reserved => 1.0,
                Status::Missing => 0.0,
                Status::Partial => {
                    let due = p.elements.len() - reserved.len();
                    if due == 0 {
                        1.0
                    } else {
                        covered.len() as f64 / due as f64
                    }
                }
            };
            let options = p
                .options
                .iter()
                .filter(|o| a.options.contains(&o.id))
                .map(|o| o.id.clone())
                .collect();
            Coverage {
                provision: p.id.clone(),
                article: p.article.clone(),
                area: p.area.clone(),
                title: p.title.clone(),
                status,
                covered,
                missing,
                reserved,
                options,
                sections: a.sections,
                min_prison_months: a.min,
                max_prison_months: a.max,
                flags,
                score,
            }
        })
        .collect();
    let scores = scores(framework, &provisions);
    CountryCoverage {
        country: country.code.clone(),
        name: country.name.clone(),
        framework: framework.id.clone(),
        as_of: date,
        provisions,
        scores,
    }
}

/// The date from which a treaty record's reservations count: `in_force`, else `ratified`,
/// else `signed`; `None` (always) when the record gives no date.
pub fn reservations_effective(treaty: &Treaty) -> Option<NaiveDate> {
    treaty.in_force.or(treaty.ratified).or(treaty.signed)
}

/// Scores of a set of coverages (one per provision of `framework`).
pub fn scores(framework: &Framework, provisions: &[Coverage]) -> Scores {
    let mean = |it: &mut dyn Iterator<Item = f64>| {
        let (sum, n) = it.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
        if n == 0 {
            0.0
        } else {
            round3(sum / n as f64)
        }
    };
    let overall = mean(&mut provisions.iter().map(|c| c.score));
    let mut areas = BTreeMap::new();
    for area in &framework.areas {
        if provisions.iter().any(|c| &c.area == area) {
            areas.insert(
                area.clone(),
                mean(
                    &mut provisions
                        .iter()
                        .filter(|c| &c.area == area)
                        .map(|c| c.score),
                ),
            );
        }
    }
    let mut counts = BTreeMap::new();
    for s in Status::ALL {
        counts.insert(s, provisions.iter().filter(|c| c.status == s).count());
    }
    Scores {
        overall,
        areas,
        counts,
    }
}

/// Rounds to three decimals (scores and months in outputs).
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Coverage of several countries (the comparison matrix), in the order given.
pub fn matrix(
    corpus: &Corpus,
    framework: &Framework,
    countries: &[&Country],
    date: NaiveDate,
) -> Vec<CountryCoverage> {
    countries
        .iter()
        .map(|c| coverage(corpus, framework, c, date))
        .collect()
}

/// A country's coverage at every date its law changed (a mapped section came into force or
/// stopped being in force), and at the date its reservations under `framework` started to
/// count, when it has reservations and that date is known.
pub fn history(corpus: &Corpus, framework: &Framework, country: &Country) -> Vec<CountryCoverage> {
    let mut dates = corpus.change_dates(&country.code);
    if let Some(d) = country
        .treaty(&framework.id)
        .filter(|t| !t.reservations.is_empty())
        .and_then(reservations_effective)
    {
        dates.push(d);
        dates.sort_unstable();
        dates.dedup();
    }
    dates
        .into_iter()
        .map(|d| coverage(corpus, framework, country, d))
        .collect()
}

#[cfg(test)]
mod tests;
