//! The gap engine: from a corpus's annotations, what a country covers of a framework on a
//! date, provision by provision and element by element, and what that means for
//! cooperation (dual criminality, extradition thresholds, penalty comparisons, history).
//!
//! The rule behind every verdict: the corpus states what it knows, and the engine never
//! claims more. The rules (FORMAT.md version 2, "Evidence" and "What the gap engine
//! derives"; docs/gap.md explains them for people):
//!
//! - A section is *active* on a date when it is in force then: its own `in_force` and
//!   `repealed` win over the statute's, and a repealed section stops counting the day after
//!   its `repealed` date ([`crate::corpus::Section::in_force_on`]). A mapping marked
//!   `suggested: true` is a proposal awaiting review, never evidence.
//! - Evidence beside sections: a treaty *designation* implements the elements it names from
//!   its date, or from the treaty's entry into force for the country when that is later; the
//!   treaty's *domestic effect* implements the framework's `self_executing` elements from the
//!   later of its date and entry into force; a *derivation* implements an element by a named
//!   rule over facts the corpus holds (`every-offence-custodial`: every implemented offence
//!   carries a prison term).
//! - A provision's covered elements are the union of the elements of all its evidence.
//! - A provision is *examined* on a date when a `reviews` entry of the country covers it (by
//!   `all`, by id or by area) and the date is on or after the entry's `since`.
//! - Status: `full` when every element is covered; `reserved` when the uncovered elements
//!   are all reserved; `missing` when nothing implements it and it is examined; `unknown`
//!   when nothing implements it and nobody examined it; `partial` otherwise (its uncovered
//!   elements are missing from the law when examined, else only not found in the corpus).
//! - Reservations count from the date the framework took effect for the country: its treaty
//!   record's `in_force`, else `ratified`, else `signed`; always when the record has no date.
//! - Options used are the union of the options of the implementing sections.
//! - Penalties: the penalty of an `implements` entry wins over its section's for that
//!   provision. The highest maximum is over the implementing sections, life above every term;
//!   aggravated ranges are kept apart; the lowest minimum is known only when every section
//!   with a prison term states one (an unstated minimum is never zero).
//! - Flags, for offences that are implemented: `below-extradition-threshold` when the highest
//!   basic maximum is under the framework's extradition threshold (one year by default);
//!   `no-custodial-penalty` when a basic penalty is recorded (a fine) and no section has a
//!   basic prison term; `penalty-not-recorded` when no implementing section records a basic
//!   penalty (the corpus is silent, or records aggravated ranges only: not "no prison").
//! - Scores are computed over the provisions with a verdict (every status but `unknown`): full
//!   and reserved count 1, partial the covered share of the elements not reserved, missing 0.
//!   Every score goes with its examined share: the fraction of provisions with a verdict.

pub mod cache;
mod compare;
pub mod penalties;

pub use compare::{compare, Comparison, ProvisionComparison};
pub use penalties::{penalties, CountryPenalty, PenaltyStats, PenaltyTable};

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::{
    Corpus, Country, DerivationRule, Framework, Penalty, Provision, ReviewScope, Term, Treaty,
};
use crate::id::{CountryCode, ProvisionId, SectionId};

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
    /// Examined, and nothing in force implements it.
    Missing,
    /// Nothing in the corpus implements it, and nobody examined it: the law may or may not
    /// have it.
    Unknown,
}

impl Status {
    /// The status as printed (`full`, `partial`, `reserved`, `missing`, `unknown`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Full => "full",
            Status::Partial => "partial",
            Status::Reserved => "reserved",
            Status::Missing => "missing",
            Status::Unknown => "unknown",
        }
    }

    /// All statuses, best first, `unknown` last.
    pub const ALL: [Status; 5] = [
        Status::Full,
        Status::Reserved,
        Status::Partial,
        Status::Missing,
        Status::Unknown,
    ];

    /// True when the status is a verdict (everything but `unknown`).
    pub fn is_known(self) -> bool {
        self != Status::Unknown
    }
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
    /// Highest basic maximum prison term under the framework's extradition threshold.
    BelowExtraditionThreshold,
    /// Penalties are recorded, and none of the implementing sections has a basic prison term.
    NoCustodialPenalty,
    /// No implementing section records its penalty at all: the corpus does not say whether
    /// the offence meets the threshold (not the same as "no prison term").
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

/// What implements a provision besides statute sections.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Evidence {
    /// A designation notified to the depositary.
    Designation {
        /// Elements it implements.
        elements: Vec<String>,
        /// The authority designated.
        #[serde(skip_serializing_if = "Option::is_none")]
        authority: Option<String>,
        /// Date of the notification.
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
        /// The day it counts from (the later of its date and entry into force).
        #[serde(skip_serializing_if = "Option::is_none")]
        effective: Option<NaiveDate>,
        /// Sources.
        sources: Vec<String>,
    },
    /// The treaty itself, as domestic law.
    DomesticEffect {
        /// Elements it implements (the framework's self-executing ones).
        elements: Vec<String>,
        /// Domestic law since (the later of `domestic_effect` and entry into force).
        since: NaiveDate,
        /// Sources.
        sources: Vec<String>,
    },
    /// Derived from other facts of the corpus by a documented rule.
    Derived {
        /// Elements derived.
        elements: Vec<String>,
        /// The rule (`every-offence-custodial`).
        rule: String,
        /// What the rule found, in words.
        because: String,
    },
}

impl Evidence {
    /// The elements this evidence implements.
    pub fn elements(&self) -> &[String] {
        match self {
            Evidence::Designation { elements, .. }
            | Evidence::DomesticEffect { elements, .. }
            | Evidence::Derived { elements, .. } => elements,
        }
    }

    /// One line for people: `designation: BKA, 2009-03-09`, `the treaty itself, domestic law
    /// since 2023-04-12`, `derived: every implemented offence carries a prison term`.
    pub fn describe(&self) -> String {
        match self {
            Evidence::Designation {
                authority, date, ..
            } => {
                let mut s = String::from("designation");
                let parts: Vec<String> = authority
                    .iter()
                    .cloned()
                    .chain(date.map(|d| d.to_string()))
                    .collect();
                if !parts.is_empty() {
                    s.push_str(": ");
                    s.push_str(&parts.join(", "));
                }
                s
            }
            Evidence::DomesticEffect { since, .. } => {
                format!("the treaty itself, domestic law since {since}")
            }
            Evidence::Derived { because, .. } => format!("derived: {because}"),
        }
    }
}

/// A note from the corpus about a verdict: why a section maps as it does, what a reservation
/// means, what a reviewer found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// Where it is written: a section id, `reservation` or `review`.
    pub source: String,
    /// The note.
    pub text: String,
}

/// The review that makes a provision examined.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewRef {
    /// When the reviewer checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<NaiveDate>,
    /// The claim covers law in force from this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// What the reviewer read.
    pub sources: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
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
    /// True when a review covers the provision on the date (nothing beyond the corpus
    /// implements it); false when the corpus may simply not hold the law.
    pub examined: bool,
    /// Elements covered by the evidence.
    pub covered: Vec<String>,
    /// Elements neither covered nor reserved: missing from the law when `examined`, else
    /// only not found in the corpus.
    pub missing: Vec<String>,
    /// Elements not covered but reserved.
    pub reserved: Vec<String>,
    /// Options used by the implementing sections.
    pub options: Vec<String>,
    /// Active sections implementing the provision (`<statute>#<section>`).
    pub sections: Vec<SectionId>,
    /// Evidence other than sections: designations, domestic effect, derivations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Lowest minimum prison term among the sections, in months, when every one with a
    /// prison term states a minimum.
    pub min_prison_months: Option<f64>,
    /// Highest basic maximum prison term among them, in months (`None` for life: see `life`).
    pub max_prison_months: Option<f64>,
    /// True when the highest basic maximum is life imprisonment.
    #[serde(skip_serializing_if = "is_false")]
    pub life: bool,
    /// Highest maximum of the aggravated ranges, in months (`None` for life).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggravated_max_prison_months: Option<f64>,
    /// True when an aggravated range goes up to life.
    #[serde(skip_serializing_if = "is_false")]
    pub aggravated_life: bool,
    /// Penalty flags (offences only).
    pub flags: Vec<Flag>,
    /// Notes of the corpus about this verdict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The review that examined it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewRef>,
    /// Score in [0, 1]; `None` for `unknown`.
    pub score: Option<f64>,
}

impl Coverage {
    /// True when some evidence (an active section, a designation, the treaty's domestic
    /// effect, a derivation) implements the provision.
    pub fn is_implemented(&self) -> bool {
        !self.sections.is_empty() || !self.evidence.is_empty()
    }

    /// True when an active statute section implements it (what makes conduct an offence).
    pub fn has_sections(&self) -> bool {
        !self.sections.is_empty()
    }

    /// The highest basic maximum as a term (months or life), if recorded.
    pub fn max_term(&self) -> Option<Term> {
        if self.life {
            Some(Term::Life)
        } else {
            self.max_prison_months.map(Term::Months)
        }
    }

    /// The highest aggravated maximum as a term, if recorded.
    pub fn aggravated_term(&self) -> Option<Term> {
        if self.aggravated_life {
            Some(Term::Life)
        } else {
            self.aggravated_max_prison_months.map(Term::Months)
        }
    }

    /// Whether the offence meets a penalty threshold: `Some(true)` or `Some(false)` when the
    /// corpus records its penalty, `None` when it does not.
    pub fn meets_threshold(&self, months: f64) -> Option<bool> {
        match self.max_term() {
            Some(t) => Some(t.at_least(months)),
            None if self.flags.contains(&Flag::NoCustodialPenalty) => Some(false),
            None => None,
        }
    }

    /// What the uncovered elements are called: `missing` (examined) or `not found in the
    /// corpus` (not examined).
    pub fn missing_label(&self) -> &'static str {
        if self.examined {
            "missing"
        } else {
            "not found in the corpus"
        }
    }
}

/// Scores of one country: overall, per area, how much of them rests on a verdict, and how
/// many provisions have each status.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Scores {
    /// Mean over the provisions with a verdict, in [0, 1]; `None` when none has one.
    pub overall: Option<f64>,
    /// The same per area, in framework area order.
    pub areas: BTreeMap<String, Option<f64>>,
    /// Share of provisions with a verdict (not `unknown`), in [0, 1].
    pub examined: f64,
    /// The same per area.
    pub areas_examined: BTreeMap<String, f64>,
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

/// What the active sections implementing one provision add up to.
#[derive(Default)]
struct Acc {
    covered: Vec<String>,
    options: Vec<String>,
    sections: Vec<SectionId>,
    evidence: Vec<Evidence>,
    notes: Vec<Note>,
    /// Highest basic maximum.
    max: Option<Term>,
    /// Lowest stated minimum, and whether some prison term stated none.
    min: Option<f64>,
    min_unstated: bool,
    aggravated: Option<Term>,
    /// Some section records a basic penalty (a prison range or a fine).
    basic_recorded: bool,
}

impl Acc {
    fn cover(&mut self, elements: &[String]) {
        for e in elements {
            if !self.covered.contains(e) {
                self.covered.push(e.clone());
            }
        }
    }

    fn penalty(&mut self, penalty: &Penalty) {
        self.basic_recorded |= penalty.prison.is_some() || penalty.fine.is_some();
        if let Some(prison) = &penalty.prison {
            self.max = Some(self.max.map_or(prison.max, |m| m.max(prison.max)));
            match prison.min_months {
                Some(m) => self.min = Some(self.min.map_or(m, |x| x.min(m))),
                None => self.min_unstated = true,
            }
        }
        for a in penalty.aggravated.iter().filter_map(|a| a.prison.as_ref()) {
            self.aggravated = Some(self.aggravated.map_or(a.max, |m| m.max(a.max)));
        }
    }
}

/// Computes a country's coverage of `framework` on `date`.
pub fn coverage(
    corpus: &Corpus,
    framework: &Framework,
    country: &Country,
    date: NaiveDate,
) -> CountryCoverage {
    let mut acc: HashMap<&ProvisionId, Acc> = HashMap::new();
    for (_, section) in corpus.active_sections(&country.code, date) {
        let mapping_note = section.mapping.as_ref().and_then(|m| m.note.as_deref());
        let section_penalty = section.mapping.as_ref().and_then(|m| m.penalty.as_ref());
        for imp in section.implementations() {
            if imp.provision.framework() != framework.id || imp.suggested {
                continue;
            }
            let a = acc.entry(&imp.provision).or_default();
            a.cover(&imp.elements);
            for o in &imp.options {
                if !a.options.contains(o) {
                    a.options.push(o.clone());
                }
            }
            if a.sections.contains(&section.id) {
                continue;
            }
            a.sections.push(section.id.clone());
            if let Some(p) = imp.penalty.as_ref().or(section_penalty) {
                a.penalty(p);
            }
            for text in [imp.note.as_deref(), mapping_note].into_iter().flatten() {
                a.notes.push(Note {
                    source: section.id.to_string(),
                    text: text.trim().to_string(),
                });
            }
        }
    }
    let treaty = country.treaty(&framework.id);
    if let Some(t) = treaty {
        for d in &t.designations {
            let effective = t.effective_from(d.date);
            if effective.is_some_and(|e| e > date) {
                continue;
            }
            let Some(p) = framework.provision(&d.provision) else {
                continue;
            };
            let elements: Vec<String> = if d.elements.is_empty() {
                p.elements.iter().map(|e| e.id.clone()).collect()
            } else {
                d.elements.clone()
            };
            let a = acc.entry(&p.id).or_default();
            a.cover(&elements);
            a.evidence.push(Evidence::Designation {
                elements,
                authority: d.authority.clone(),
                date: d.date,
                effective,
                sources: d.sources.clone(),
            });
        }
        if let Some(de) = &t.domestic_effect {
            let since = t.effective_from(Some(de.date)).unwrap_or(de.date);
            if since <= date {
                for p in framework
                    .provisions
                    .iter()
                    .filter(|p| !p.self_executing.is_empty())
                {
                    let a = acc.entry(&p.id).or_default();
                    a.cover(&p.self_executing);
                    a.evidence.push(Evidence::DomesticEffect {
                        elements: p.self_executing.clone(),
                        since,
                        sources: de.sources.clone(),
                    });
                }
            }
        }
    }
    derive(framework, &mut acc);

    let reserving = treaty.filter(|t| reservations_effective(t).is_none_or(|d| d <= date));
    let threshold = framework.extradition.threshold_months;
    let provisions: Vec<Coverage> = framework
        .provisions
        .iter()
        .map(|p| {
            let a = acc.remove(&p.id).unwrap_or_default();
            let reservation = reserving.and_then(|t| t.reservation(&p.id));
            let review = country.review_of(p, date);
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
            let implemented = !a.sections.is_empty() || !a.evidence.is_empty();
            let status = if reserved.is_empty() && missing.is_empty() {
                Status::Full
            } else if missing.is_empty() {
                Status::Reserved
            } else if implemented {
                Status::Partial
            } else if review.is_some() {
                Status::Missing
            } else {
                Status::Unknown
            };
            let mut flags = Vec::new();
            if !a.sections.is_empty() && is_offence(p) {
                match a.max {
                    // A basic penalty recorded without prison (a fine only).
                    None if a.basic_recorded => flags.push(Flag::NoCustodialPenalty),
                    // Nothing recorded, or only aggravated ranges: the basic one is unknown.
                    None => flags.push(Flag::PenaltyNotRecorded),
                    Some(m) if !m.at_least(threshold) => {
                        flags.push(Flag::BelowExtraditionThreshold)
                    }
                    Some(_) => {}
                }
            }
            let score = match status {
                Status::Full | Status::Reserved => Some(1.0),
                Status::Missing => Some(0.0),
                Status::Unknown => None,
                Status::Partial => {
                    let due = p.elements.len() - reserved.len();
                    Some(if due == 0 {
                        1.0
                    } else {
                        covered.len() as f64 / due as f64
                    })
                }
            };
            let options = p
                .options
                .iter()
                .filter(|o| a.options.contains(&o.id))
                .map(|o| o.id.clone())
                .collect();
            let mut notes = a.notes;
            if let Some(text) = reservation.and_then(|r| r.note.as_deref()) {
                notes.push(Note {
                    source: "reservation".into(),
                    text: text.trim().to_string(),
                });
            }
            if let Some(text) = review.and_then(|r| match r.scope {
                ReviewScope::Provisions(_) => r.note.as_deref(),
                _ => None,
            }) {
                notes.push(Note {
                    source: "review".into(),
                    text: text.trim().to_string(),
                });
            }
            let prison_known = a.max.is_some();
            Coverage {
                provision: p.id.clone(),
                article: p.article.clone(),
                area: p.area.clone(),
                title: p.title.clone(),
                status,
                examined: review.is_some(),
                covered,
                missing,
                reserved,
                options,
                sections: a.sections,
                evidence: a.evidence,
                min_prison_months: a.min.filter(|_| prison_known && !a.min_unstated),
                max_prison_months: a.max.and_then(Term::months),
                life: a.max.is_some_and(Term::is_life),
                aggravated_max_prison_months: a.aggravated.and_then(Term::months),
                aggravated_life: a.aggravated.is_some_and(Term::is_life),
                flags,
                notes,
                review: review.map(|r| ReviewRef {
                    checked: r.checked,
                    since: r.since,
                    sources: r.sources.clone(),
                }),
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

/// Applies the framework's derivation rules to what the evidence already holds.
fn derive<'a>(framework: &'a Framework, acc: &mut HashMap<&'a ProvisionId, Acc>) {
    for p in framework
        .provisions
        .iter()
        .filter(|p| !p.derived.is_empty())
    {
        for d in &p.derived {
            let because = match d.rule {
                DerivationRule::EveryOffenceCustodial => {
                    let offences: Vec<&Provision> = framework
                        .provisions
                        .iter()
                        .filter(|o| is_offence(o))
                        .filter(|o| acc.get(&o.id).is_some_and(|a| !a.sections.is_empty()))
                        .collect();
                    let all_custodial = !offences.is_empty()
                        && offences.iter().all(|o| {
                            acc.get(&o.id)
                                .is_some_and(|a| a.max.is_some() || a.aggravated.is_some())
                        });
                    if !all_custodial {
                        continue;
                    }
                    let ids: Vec<&str> = offences.iter().map(|o| o.id.as_str()).collect();
                    format!("{} ({})", d.rule.describe(), ids.join(", "))
                }
            };
            let a = acc.entry(&p.id).or_default();
            let elements = vec![d.element.clone()];
            a.cover(&elements);
            a.evidence.push(Evidence::Derived {
                elements,
                rule: d.rule.as_str().to_string(),
                because,
            });
        }
    }
}

/// The date from which a treaty record's reservations count: `in_force`, else `ratified`,
/// else `signed`; `None` (always) when the record gives no date.
pub fn reservations_effective(treaty: &Treaty) -> Option<NaiveDate> {
    treaty.in_force.or(treaty.ratified).or(treaty.signed)
}

/// Scores of a set of coverages (one per provision of `framework`): means over the
/// provisions with a verdict, with the share of provisions that have one.
pub fn scores(framework: &Framework, provisions: &[Coverage]) -> Scores {
    fn mean<'a>(it: impl Iterator<Item = &'a Coverage>) -> (Option<f64>, f64) {
        let (mut sum, mut known, mut n) = (0.0, 0usize, 0usize);
        for c in it {
            n += 1;
            if let Some(s) = c.score {
                sum += s;
                known += 1;
            }
        }
        let score = (known > 0).then(|| round3(sum / known as f64));
        let examined = if n == 0 {
            0.0
        } else {
            round3(known as f64 / n as f64)
        };
        (score, examined)
    }
    let (overall, examined) = mean(provisions.iter());
    let mut areas = BTreeMap::new();
    let mut areas_examined = BTreeMap::new();
    for area in &framework.areas {
        if provisions.iter().any(|c| &c.area == area) {
            let (score, examined) = mean(provisions.iter().filter(|c| &c.area == area));
            areas.insert(area.clone(), score);
            areas_examined.insert(area.clone(), examined);
        }
    }
    let mut counts = BTreeMap::new();
    for s in Status::ALL {
        counts.insert(s, provisions.iter().filter(|c| c.status == s).count());
    }
    Scores {
        overall,
        areas,
        examined,
        areas_examined,
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

/// A country's coverage at every date its evidence changed: a mapped section came into force
/// or stopped being in force, its reservations or designations under `framework` started to
/// count, the treaty became domestic law, or a review's claim begins.
pub fn history(corpus: &Corpus, framework: &Framework, country: &Country) -> Vec<CountryCoverage> {
    let mut dates = corpus.change_dates(&country.code);
    if let Some(t) = country.treaty(&framework.id) {
        if !t.reservations.is_empty() {
            dates.extend(reservations_effective(t));
        }
        for d in &t.designations {
            dates.extend(t.effective_from(d.date));
        }
        if let Some(de) = &t.domestic_effect {
            dates.extend(t.effective_from(Some(de.date)));
        }
    }
    dates.extend(
        country
            .reviews
            .iter()
            .filter(|r| r.framework == framework.id)
            .filter_map(|r| r.since),
    );
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .map(|d| coverage(corpus, framework, country, d))
        .collect()
}

#[cfg(test)]
mod tests;

/// How much of a country's law the corpus is known to hold under a framework: what a reader
/// needs beside any score (`harmonia list countries`, the corpus review table).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Completeness {
    /// Share of the framework's provisions with a verdict on the date.
    pub examined: f64,
    /// Provisions nobody examined.
    pub unknown: usize,
    /// Statutes of the country.
    pub statutes: usize,
    /// Of those, checked against their sources (`review: verified`).
    pub verified: usize,
    /// The latest date a reviewer checked the country's law under the framework.
    pub last_checked: Option<NaiveDate>,
}

/// The completeness of `country`'s corpus under `framework` on `date`.
pub fn completeness(
    corpus: &Corpus,
    framework: &Framework,
    country: &Country,
    date: NaiveDate,
) -> Completeness {
    let cov = coverage(corpus, framework, country, date);
    let statutes: Vec<_> = corpus.statutes_of(&country.code).collect();
    Completeness {
        examined: cov.scores.examined,
        unknown: cov
            .scores
            .counts
            .get(&Status::Unknown)
            .copied()
            .unwrap_or(0),
        statutes: statutes.len(),
        verified: statutes
            .iter()
            .filter(|s| s.review == crate::corpus::Review::Verified)
            .count(),
        last_checked: country
            .reviews
            .iter()
            .filter(|r| r.framework == framework.id)
            .filter_map(|r| r.checked)
            .max(),
    }
}
