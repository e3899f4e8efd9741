//! The evaluation of the suggester against the corpus' own hand labels, one country held out
//! at a time: the model is built from the other countries' mapped sections (and the model
//! law), then asked about every section of the held-out country. Reported per language and
//! overall:
//!
//! - **top-1 / top-3**: among sections a person mapped to some provision of the framework,
//!   the share whose first (first three) listed candidates include one of those provisions;
//! - **provision precision / recall** of the *suggested* set against the mapped set;
//! - **element precision / recall**, over the provisions suggested correctly: the proposed
//!   elements against the elements the person recorded;
//! - **distractor rejection**: among sections with text that implement nothing (no entry of
//!   the framework), the share that get no suggestion;
//! - **penalty accuracy**: among sections whose block records a prison range and whose text
//!   names some duration (a number with a unit, or life), the share the penalty reader reads to
//!   the same highest term (the basic range's or an aggravated one's, life above all), and to
//!   the same range (the basic minimum too). Sections whose
//!   summary leaves the penalty to the block ("Castiga a quien ...") are counted apart: there
//!   is nothing to read.
//!
//! Nothing here is tuned per fold; the thresholds are the suggester's constants.

use serde::Serialize;

use super::penalty::{mentions_duration, read_penalty};
use super::{examples, Config, Model, ModelKind};
use crate::corpus::{Corpus, Framework, Term};

/// Counts for one language (or all).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Scores {
    /// `es`, `pt`, ..., or `all`.
    pub language: String,
    /// Sections mapped to the framework.
    pub mapped: usize,
    /// Of which with a right first candidate.
    pub top1: usize,
    /// Of which with a right candidate among the first three.
    pub top3: usize,
    /// Provisions suggested.
    pub suggested: usize,
    /// Of which right.
    pub suggested_right: usize,
    /// Provisions mapped by people (all sections).
    pub gold: usize,
    /// Elements proposed for rightly suggested provisions.
    pub elements_proposed: usize,
    /// Of which recorded by the person.
    pub elements_right: usize,
    /// Elements recorded for rightly suggested provisions.
    pub elements_gold: usize,
    /// Sections with text that implement nothing of the framework.
    pub distractors: usize,
    /// Of which with no suggestion.
    pub rejected: usize,
    /// Sections recording a prison range whose text names a duration.
    pub penalties: usize,
    /// Sections recording a prison range whose text names none.
    pub penalties_silent: usize,
    /// Of which read to the same highest maximum.
    pub penalty_max_right: usize,
    /// Of which read to the same range.
    pub penalty_range_right: usize,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.mapped += o.mapped;
        self.top1 += o.top1;
        self.top3 += o.top3;
        self.suggested += o.suggested;
        self.suggested_right += o.suggested_right;
        self.gold += o.gold;
        self.elements_proposed += o.elements_proposed;
        self.elements_right += o.elements_right;
        self.elements_gold += o.elements_gold;
        self.distractors += o.distractors;
        self.rejected += o.rejected;
        self.penalties += o.penalties;
        self.penalties_silent += o.penalties_silent;
        self.penalty_max_right += o.penalty_max_right;
        self.penalty_range_right += o.penalty_range_right;
    }

    /// `part / whole`, or `None` when there is nothing to measure.
    pub fn ratio(part: usize, whole: usize) -> Option<f64> {
        (whole > 0).then(|| part as f64 / whole as f64)
    }
}

/// The evaluation of one model.
#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    /// Which model.
    pub model: ModelKind,
    /// Its thresholds.
    pub config: Config,
    /// Countries held out in turn.
    pub folds: usize,
    /// One row per language, then `all`.
    pub rows: Vec<Scores>,
}

/// Runs the hold-one-country-out evaluation of `kind` on `corpus` for `framework`.
pub fn evaluate(
    corpus: &Corpus,
    framework: &Framework,
    kind: ModelKind,
    config: Config,
) -> Evaluation {
    let mut rows: Vec<Scores> = Vec::new();
    let mut folds = 0;
    for country in &corpus.countries {
        let held: Vec<_> = corpus.statutes_of(&country.code).collect();
        if held.is_empty() {
            continue;
        }
        folds += 1;
        let training = examples(corpus, |s| s.country == country.code);
        let model = Model::build(framework, &training, kind, config);
        for statute in held {
            let lang = statute.language.as_str();
            let at = match rows.iter().position(|r| r.language == lang) {
                Some(i) => i,
                None => {
                    rows.push(Scores {
                        language: lang.to_string(),
                        ..Scores::default()
                    });
                    rows.len() - 1
                }
            };
            let row = &mut rows[at];
            for section in &statute.sections {
                if section.is_heading_only() || section.text.trim().is_empty() {
                    continue;
                }
                let gold: Vec<&crate::corpus::Implementation> = section
                    .implementations()
                    .iter()
                    .filter(|i| !i.suggested && i.provision.framework() == framework.id)
                    .collect();
                let s = model.suggest(lang, &section.heading, &section.text);
                if gold.is_empty() {
                    row.distractors += 1;
                    if s.suggested.is_empty() {
                        row.rejected += 1;
                    }
                } else {
                    row.mapped += 1;
                    row.gold += gold.len();
                    let right = |p: &crate::id::ProvisionId| gold.iter().any(|g| &g.provision == p);
                    if s.candidates.first().is_some_and(|c| right(&c.provision)) {
                        row.top1 += 1;
                    }
                    if s.candidates.iter().take(3).any(|c| right(&c.provision)) {
                        row.top3 += 1;
                    }
                    row.suggested += s.suggested.len();
                    for p in &s.suggested {
                        let Some(g) = gold.iter().find(|g| &g.provision == p) else {
                            continue;
                        };
                        row.suggested_right += 1;
                        let proposed = s
                            .candidates
                            .iter()
                            .find(|c| &c.provision == p)
                            .map(|c| c.elements.as_slice())
                            .unwrap_or(&[]);
                        row.elements_proposed += proposed.len();
                        row.elements_gold += g.elements.len();
                        row.elements_right +=
                            proposed.iter().filter(|e| g.elements.contains(e)).count();
                    }
                }
                let recorded = section.mapping.as_ref().and_then(|m| m.penalty.as_ref());
                let Some(rec) = recorded.filter(|p| p.prison.is_some()) else {
                    continue;
                };
                if !mentions_duration(&section.text) {
                    row.penalties_silent += 1;
                    continue;
                }
                row.penalties += 1;
                // The highest term recorded: the basic range or an aggravated one (life above all).
                let highest = rec
                    .prison
                    .iter()
                    .chain(rec.aggravated.iter().filter_map(|a| a.prison.as_ref()))
                    .map(|p| p.max)
                    .reduce(Term::max);
                let base_min = rec.prison.as_ref().and_then(|p| p.min_months);
                if let Some(read) = read_penalty(&section.text, lang) {
                    let read_highest = if read.any_life() {
                        Some(Term::Life)
                    } else {
                        read.highest_max().map(Term::Months)
                    };
                    let same_term = match (read_highest, highest) {
                        (Some(Term::Life), Some(Term::Life)) => true,
                        (Some(Term::Months(a)), Some(Term::Months(b))) => (a - b).abs() < 0.05,
                        _ => false,
                    };
                    let same_min = match (read.base.min_months, base_min) {
                        (Some(a), Some(b)) => (a - b).abs() < 0.05,
                        (None, None) => true,
                        (Some(a), None) | (None, Some(a)) => a.abs() < 0.05,
                    };
                    if same_term {
                        row.penalty_max_right += 1;
                        if same_min {
                            row.penalty_range_right += 1;
                        }
                    }
                }
            }
        }
    }
    rows.sort_by(|a, b| a.language.cmp(&b.language));
    let mut all = Scores {
        language: "all".into(),
        ..Scores::default()
    };
    for r in &rows {
        all.add(r);
    }
    rows.push(all);
    Evaluation {
        model: kind,
        config,
        folds,
        rows,
    }
}
