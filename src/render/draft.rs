//! Drafting proposals: for every provision a country does not implement fully (status
//! `missing` or `partial`), a draft in the country's language: a new article for a missing
//! provision, an amendment naming the missing elements for a partial one. Each draft cites
//! the model provision, proposes an article number in the country's style that the corpus
//! does not already use ([`super::numbering`]) and, for offences, a penalty range at least at
//! the framework's extradition threshold, informed by the region's median maximum and never
//! lower than the penalty in force.
//!
//! A draft never states what the corpus does not know: an `unknown` provision gets no draft
//! (it is listed "to examine first"); an unrecorded penalty is said to be unrecorded, not
//! "no prison"; elements the country reserved are named to be left out, and the options it
//! declared to be kept.
//!
//! This module builds the values; the templates (`draft.md.j2`, `draft.txt.j2`,
//! `partials/draft.*.j2`) lay them out.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::i18n::Ui;
use super::numbering::{self, ArticleRef, Numbering};
use crate::corpus::{Corpus, CorpusSource, Country, Element, Framework, Provision, Statute, Term};
use crate::gap::{self, CountryCoverage, Coverage, PenaltyTable, Status};
use crate::id::{CountryCode, ProvisionId, SectionId};

/// What to draft.
#[derive(Clone, Debug)]
pub struct DraftOptions {
    /// The date of the law to compare.
    pub as_of: NaiveDate,
    /// Only this provision.
    pub provision: Option<ProvisionId>,
    /// The drafting language; default: the country's first language (else English).
    pub lang: Option<String>,
}

/// The framework, as cited in drafts and reports.
#[derive(Clone, Debug, Serialize)]
pub struct FrameworkRef {
    /// Id (`bc`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Citation of the instrument.
    pub reference: Option<String>,
}

impl FrameworkRef {
    /// The reference of a framework.
    pub fn of(f: &Framework) -> FrameworkRef {
        FrameworkRef {
            id: f.id.clone(),
            title: f.title.clone(),
            reference: f.reference.clone(),
        }
    }
}

/// The drafts for one country.
#[derive(Clone, Debug, Serialize)]
pub struct DraftSet {
    /// Country code.
    pub country: CountryCode,
    /// Country name.
    pub country_name: String,
    /// Framework.
    pub framework: FrameworkRef,
    /// Date compared.
    pub as_of: NaiveDate,
    /// Drafting language asked for (`es`).
    pub lang: String,
    /// Its name in the interface language.
    pub language_name: String,
    /// Language of the interface strings (`en` when `lang` has none).
    pub ui_lang: &'static str,
    /// Document title.
    pub title: String,
    /// Introductory sentence.
    pub intro: String,
    /// Sentence for a country with nothing to draft.
    pub no_drafts: String,
    /// Notes on fallbacks (interface language).
    pub notes: Vec<String>,
    /// Closing line (origin, not legal advice).
    pub generated_by: String,
    /// The drafts, in framework order.
    pub drafts: Vec<Draft>,
    /// Provisions nobody examined (status `unknown`): no draft, examine the law first.
    pub to_examine: Vec<ToExamine>,
    /// Sentence introducing `to_examine`.
    pub to_examine_intro: String,
    /// Interface strings, for templates (`t.model_provision`).
    pub t: BTreeMap<&'static str, &'static str>,
}

/// A provision to examine before drafting.
#[derive(Clone, Debug, Serialize)]
pub struct ToExamine {
    /// The model provision.
    pub provision: ProvisionId,
    /// Its article.
    pub article: String,
    /// Its title.
    pub title: String,
}

/// A section cited by a draft.
#[derive(Clone, Debug, Serialize)]
pub struct CitedSection {
    /// `<statute>#<section>`.
    pub id: SectionId,
    /// Heading.
    pub heading: String,
    /// Statute title.
    pub statute_title: String,
}

/// One draft.
#[derive(Clone, Debug, Serialize)]
pub struct Draft {
    /// The model provision.
    pub provision: ProvisionId,
    /// Its article.
    pub article: String,
    /// Its title.
    pub title: String,
    /// Its area.
    pub area: String,
    /// `new` (missing provision) or `amendment` (partial).
    pub kind: &'static str,
    /// The status that calls for the draft.
    pub status: Status,
    /// The status explained.
    pub status_text: String,
    /// Heading (`Proposed new article: Código Penal, art. 153 ter`).
    pub heading: String,
    /// The article number proposed or amended, with its instrument.
    pub target: String,
    /// Whether the number was derived from the corpus (else it holds `[N]`).
    pub number_derived: bool,
    /// Sentence on how the number was chosen.
    pub number_note: String,
    /// Instruction before the text (`Insert the following provision as ...:`).
    pub instruction: String,
    /// Sections amended (partial provisions).
    pub amends: Vec<CitedSection>,
    /// Elements missing.
    pub missing: Vec<Element>,
    /// Elements already covered.
    pub covered: Vec<Element>,
    /// Sentence naming the elements the country reserved, to leave out of the text.
    pub reserved_note: Option<String>,
    /// Sentence naming the options the country declared it requires, to keep.
    pub declared_note: Option<String>,
    /// Model text (Markdown) in `text_lang`.
    pub text: String,
    /// Language of `text`.
    pub text_lang: String,
    /// Note when the text fell back to English.
    pub text_note: Option<String>,
    /// Proposed penalty (offences).
    pub penalty: Option<PenaltyProposal>,
}

/// Where a proposed penalty's comparison comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The other countries of the country's region.
    Region,
    /// The whole corpus (the region had no data, or the country has no region).
    Corpus,
    /// No comparable penalty anywhere.
    None,
}

/// A penalty proposal.
#[derive(Clone, Debug, Serialize)]
pub struct PenaltyProposal {
    /// Proposed minimum, months.
    pub min_months: Option<f64>,
    /// Proposed maximum, months (at least the threshold); for life, the threshold (see `life`).
    pub max_months: f64,
    /// The maximum in force is life imprisonment, and the proposal keeps it.
    pub life: bool,
    /// The penalty in words (`prisión de 6 meses a 3 años`).
    pub sentence: String,
    /// Where the comparison comes from.
    pub basis: Basis,
    /// The region compared, if any.
    pub region: Option<String>,
    /// Median maximum of the comparison, months.
    pub median_max_months: Option<f64>,
    /// Countries in the comparison with a prison term.
    pub countries_compared: usize,
    /// The basis in words.
    pub basis_text: String,
    /// Why the maximum is at least a year.
    pub threshold_text: String,
    /// The current penalty, for partial provisions.
    pub current: Option<String>,
}

/// The penalties of a provision among a country's peers: the other countries of its region,
/// else (no region, or no prison term there) the other countries of the corpus.
pub fn peer_penalties(
    corpus: &Corpus,
    framework: &Framework,
    provision: &Provision,
    country: &Country,
    date: NaiveDate,
) -> (Basis, PenaltyTable) {
    let others = |same_region: bool| -> Vec<&Country> {
        corpus
            .countries
            .iter()
            .filter(|c| c.code != country.code)
            .filter(|c| !same_region || (c.region.is_some() && c.region == country.region))
            .collect()
    };
    if country.region.is_some() {
        let table = gap::penalties(corpus, framework, provision, &others(true), date);
        if table.stats.median_max_months.is_some() {
            return (Basis::Region, table);
        }
    }
    let table = gap::penalties(corpus, framework, provision, &others(false), date);
    let basis = if table.stats.median_max_months.is_some() {
        Basis::Corpus
    } else {
        Basis::None
    };
    (basis, table)
}

/// Rounds a term in months for a proposal: whole years from a year up, else whole months.
fn round_term(m: f64) -> f64 {
    if m >= 12.0 {
        (m / 12.0).round() * 12.0
    } else {
        m.round()
    }
}

fn propose_penalty(
    corpus: &Corpus,
    framework: &Framework,
    provision: &Provision,
    country: &Country,
    cov: &Coverage,
    date: NaiveDate,
    ui: Ui,
) -> PenaltyProposal {
    let (basis, table) = peer_penalties(corpus, framework, provision, country, date);
    let threshold = framework.extradition.threshold_months;
    let median = table.stats.median_max_months;
    let proposed = round_term(median.unwrap_or(0.0)).max(threshold);
    // Never lower than the maximum in force (life stays life: no term is proposed above it).
    let in_force = cov.max_term();
    let kept = in_force.is_some_and(|t| !Term::Months(proposed).at_least_term(t));
    let max = match in_force {
        Some(Term::Months(m)) if kept => m,
        _ => proposed,
    };
    // A minimum under a month is no minimum worth proposing.
    let min = table
        .stats
        .median_min_months
        .filter(|_| basis != Basis::None)
        .map(round_term)
        .filter(|m| *m >= 1.0 && *m < max);
    let life = in_force.is_some_and(Term::is_life);
    let max_words = if life {
        ui.duration_life()
    } else {
        ui.duration(max)
    };
    let sentence = match min {
        Some(min) => ui.fill(
            "penalty_range",
            &[("min", &ui.duration(min)), ("max", &max_words)],
        ),
        None => ui.fill("penalty_max", &[("max", &max_words)]),
    };
    let n = table.stats.countries_with_prison;
    let count = if n == 1 {
        ui.get("count_other_one").to_string()
    } else {
        ui.fill("count_other_many", &[("n", &n.to_string())])
    };
    let median_text = median.map(|m| ui.duration(m)).unwrap_or_default();
    let region = country.region.clone();
    let region_text = region.clone().unwrap_or_default();
    let basis_text = match (basis, &region) {
        (Basis::Region, _) => ui.fill(
            "basis_region",
            &[
                ("region", &region_text),
                ("median", &median_text),
                ("count", &count),
            ],
        ),
        (Basis::Corpus, Some(_)) => ui.fill(
            "basis_corpus",
            &[
                ("region", &region_text),
                ("median", &median_text),
                ("count", &count),
            ],
        ),
        (Basis::Corpus, None) => ui.fill(
            "basis_corpus_only",
            &[("median", &median_text), ("count", &count)],
        ),
        (Basis::None, _) => ui.get("basis_none").to_string(),
    };
    let threshold_term = ui.duration(threshold);
    let current = cov.has_sections().then(|| match cov.max_term() {
        Some(t) => {
            let max_text = match t {
                Term::Life => ui.duration_life(),
                Term::Months(m) => ui.duration(m),
            };
            let mut s = ui.fill("current_penalty", &[("max", &max_text)]);
            if !t.at_least(threshold) {
                s.push(' ');
                s.push_str(&ui.fill("current_below", &[("term", &threshold_term)]));
            }
            if kept {
                s.push(' ');
                s.push_str(ui.get("current_kept"));
            }
            s
        }
        None if cov.flags.contains(&gap::Flag::PenaltyNotRecorded) => {
            ui.get("current_not_recorded").to_string()
        }
        None => ui.get("current_none").to_string(),
    });
    let source = match &framework.extradition.article {
        Some(a) => format!("{}, art. {a}", framework.title),
        None => framework.title.clone(),
    };
    PenaltyProposal {
        min_months: min,
        max_months: max,
        life,
        sentence,
        basis,
        region,
        median_max_months: median,
        countries_compared: table.stats.countries_with_prison,
        basis_text,
        threshold_text: ui.fill(
            "threshold",
            &[("term", &threshold_term), ("source", &source)],
        ),
        current,
    }
}

/// The articles new ones can be numbered after, found once per country: every implementing
/// section's article number (headings are parsed once, not once per draft), the first of
/// each provision, and the highest-numbered of each area.
struct Anchors<'a> {
    first_of: HashMap<&'a ProvisionId, (&'a Statute, ArticleRef)>,
    top_of_area: HashMap<&'a str, (&'a Statute, ArticleRef)>,
}

impl<'a> Anchors<'a> {
    fn of(corpus: &'a Corpus, cov: &'a CountryCoverage) -> Anchors<'a> {
        let mut located: HashMap<&SectionId, Option<(&'a Statute, ArticleRef)>> = HashMap::new();
        let mut first_of = HashMap::new();
        let mut top_of_area: HashMap<&'a str, (&'a Statute, ArticleRef)> = HashMap::new();
        for c in &cov.provisions {
            for sid in &c.sections {
                let found = located
                    .entry(sid)
                    .or_insert_with(|| {
                        let st = corpus.statute(sid.statute())?;
                        let s = st.section(sid.local())?;
                        numbering::of_section(s).map(|r| (st, r))
                    })
                    .clone();
                let Some(found) = found else { continue };
                first_of
                    .entry(&c.provision)
                    .or_insert_with(|| found.clone());
                let top = top_of_area
                    .entry(c.area.as_str())
                    .or_insert_with(|| found.clone());
                // As `max_by_key`: the last of equal bases wins.
                if found.1.base >= top.1.base {
                    *top = found;
                }
            }
        }
        Anchors {
            first_of,
            top_of_area,
        }
    }

    /// The article a new one is numbered after: for an offence, one implementing a related
    /// provision, else the highest-numbered article implementing a provision of the same area;
    /// for other provisions the other way round.
    fn anchor(&self, p: &Provision) -> Option<(&'a Statute, ArticleRef)> {
        let related = || {
            p.related.iter().find_map(|rel| {
                let rel = ProvisionId::parse(rel).ok()?;
                self.first_of.get(&rel).cloned()
            })
        };
        let same_area = || self.top_of_area.get(p.area.as_str()).cloned();
        // An offence goes beside a related offence; a definition or a power beside the
        // provisions of its own area.
        if gap::is_offence(p) {
            related().or_else(same_area)
        } else {
            same_area().or_else(related)
        }
    }
}

/// The drafting language of a country: `--lang`, else its first language, else English.
pub fn drafting_language(country: &Country, lang: Option<&str>) -> String {
    lang.map(str::to_string)
        .or_else(|| country.languages.first().cloned())
        .unwrap_or_else(|| "en".to_string())
}

/// The drafts for `country` under `framework`.
pub fn drafts(
    corpus: &Corpus,
    framework: &Framework,
    country: &Country,
    opts: &DraftOptions,
) -> DraftSet {
    let lang = drafting_language(country, opts.lang.as_deref());
    let (ui, has_ui) = Ui::for_lang(&lang);
    let cov = gap::coverage(corpus, framework, country, opts.as_of);
    let mut numbering = Numbering::of_country(corpus, &country.code, &lang);
    let mut notes = Vec::new();
    if !has_ui {
        notes.push(ui.fill("ui_fallback", &[("lang", &ui.language_name(&lang))]));
    }
    let anchors = Anchors::of(corpus, &cov);
    let mut drafts = Vec::new();
    let mut to_examine = Vec::new();
    for (p, c) in framework.provisions.iter().zip(&cov.provisions) {
        if opts.provision.as_ref().is_some_and(|id| id != &p.id) {
            continue;
        }
        if c.status == Status::Unknown {
            to_examine.push(ToExamine {
                provision: p.id.clone(),
                article: p.article.clone(),
                title: p.title.clone(),
            });
            continue;
        }
        if !matches!(c.status, Status::Missing | Status::Partial) {
            continue;
        }
        drafts.push(draft(
            corpus,
            framework,
            country,
            &anchors,
            p,
            c,
            &lang,
            ui,
            &mut numbering,
            opts.as_of,
        ));
    }
    let date = opts.as_of.to_string();
    let args = [
        ("country", country.name.as_str()),
        ("framework", framework.title.as_str()),
        ("date", date.as_str()),
    ];
    DraftSet {
        country: country.code.clone(),
        country_name: country.name.clone(),
        framework: FrameworkRef::of(framework),
        as_of: opts.as_of,
        language_name: ui.language_name(&lang),
        lang,
        ui_lang: ui.lang(),
        title: ui.fill("drafts_title", &args),
        intro: ui.fill("drafts_intro", &args),
        no_drafts: ui.fill("no_drafts", &args),
        notes,
        generated_by: if corpus.origin == CorpusSource::BuiltIn.describe() {
            ui.get("generated_by_built_in").to_string()
        } else {
            ui.fill("generated_by", &[("origin", &corpus.origin)])
        },
        drafts,
        to_examine,
        to_examine_intro: ui.fill("to_examine_intro", &args),
        t: ui.all(),
    }
}

#[allow(clippy::too_many_arguments)]
fn draft(
    corpus: &Corpus,
    framework: &Framework,
    country: &Country,
    anchors: &Anchors,
    p: &Provision,
    c: &Coverage,
    lang: &str,
    ui: Ui,
    numbering: &mut Numbering,
    date: NaiveDate,
) -> Draft {
    let element = |id: &String| {
        p.element(id).cloned().unwrap_or(Element {
            id: id.clone(),
            label: id.clone(),
        })
    };
    let amends: Vec<CitedSection> = c
        .sections
        .iter()
        .filter_map(|sid| {
            let st = corpus.statute(sid.statute())?;
            let s = st.section(sid.local())?;
            Some(CitedSection {
                id: sid.clone(),
                heading: s.heading.clone(),
                statute_title: st.title.clone(),
            })
        })
        .collect();
    let (kind, target, derived, number_note) = if c.status == Status::Partial {
        // The first implementing section is the one to amend.
        let first = c.sections.first().and_then(|sid| {
            let st = corpus.statute(sid.statute())?;
            let s = st.section(sid.local())?;
            Some((st, s))
        });
        let target = match first {
            Some((st, s)) => match numbering::of_section(s) {
                Some(r) => cite(&r, &r.label(), &st.title),
                None => format!("{} ({})", s.heading, st.title),
            },
            None => p.title.clone(),
        };
        ("amendment", target, true, String::new())
    } else {
        let found = anchors.anchor(p);
        let proposed = numbering.propose(found.as_ref().map(|(st, r)| (*st, r)));
        match (&found, proposed.derived) {
            (Some((st, r)), true) => {
                let instrument = proposed.instrument.clone().unwrap_or_default();
                (
                    "new",
                    cite(r, &proposed.label, &st.title),
                    true,
                    ui.fill("number_note", &[("instrument", &instrument)]),
                )
            }
            _ => (
                "new",
                proposed.label.clone(),
                false,
                ui.fill("number_default_note", &[("number", &proposed.label)]),
            ),
        }
    };
    let (heading, instruction, status_text) = if kind == "amendment" {
        (
            format!("{}{} {target}", ui.get("amendment_to"), ui.get("colon")),
            ui.fill("amend_instruction", &[("number", &target)]),
            if c.examined {
                ui.get("status_partial").to_string()
            } else {
                ui.get("status_partial_unexamined").to_string()
            },
        )
    } else {
        (
            format!(
                "{}{} {target}",
                ui.get("proposed_new_article"),
                ui.get("colon")
            ),
            ui.fill("new_instruction", &[("number", &target)]),
            ui.get("status_missing").to_string(),
        )
    };
    let (text, text_lang, text_note) = if lang == "en" {
        (p.text.clone(), "en".to_string(), None)
    } else if let Some(t) = p.drafting_for(lang) {
        (t.to_string(), lang.to_string(), None)
    } else {
        (
            p.text.clone(),
            "en".to_string(),
            Some(ui.fill("text_fallback", &[("lang", &ui.language_name(lang))])),
        )
    };
    let penalty =
        gap::is_offence(p).then(|| propose_penalty(corpus, framework, p, country, c, date, ui));
    let treaty = country.treaty(&framework.id);
    let labels = |ids: &[String]| -> String {
        ids.iter()
            .map(|id| {
                p.element(id)
                    .or_else(|| p.option(id))
                    .map_or(id.clone(), |e| e.label.clone())
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    // Reserved elements: the ones the coverage holds, or on a missing provision the ones
    // the reservation names (the model text holds them; the drafter leaves them out).
    let reserved: Vec<String> = if c.reserved.is_empty() {
        treaty
            .and_then(|t| t.reservation(&p.id))
            .map(|r| r.elements.clone())
            .unwrap_or_default()
    } else {
        c.reserved.clone()
    };
    let reserved_note = (!reserved.is_empty())
        .then(|| ui.fill("reserved_elements", &[("elements", &labels(&reserved))]));
    let declared: Vec<String> = treaty
        .map(|t| {
            t.declarations
                .iter()
                .filter(|d| d.provision == p.id)
                .flat_map(|d| d.options.iter().cloned())
                .chain(
                    t.reservations
                        .iter()
                        .filter(|r| r.provision == p.id)
                        .flat_map(|r| r.options.iter().cloned()),
                )
                .collect()
        })
        .unwrap_or_default();
    let declared_note = (!declared.is_empty())
        .then(|| ui.fill("declared_options", &[("options", &labels(&declared))]));
    Draft {
        provision: p.id.clone(),
        article: p.article.clone(),
        title: p.title.clone(),
        area: p.area.clone(),
        kind,
        status: c.status,
        status_text,
        heading,
        target,
        number_derived: derived,
        number_note,
        instruction,
        amends,
        missing: c.missing.iter().map(element).collect(),
        covered: c.covered.iter().map(element).collect(),
        reserved_note,
        declared_note,
        text,
        text_lang,
        text_note,
        penalty,
    }
}

/// `Código Penal, art. 153 ter` when the heading names the instrument, else
/// `Art. 269K (Ley 599 de 2000)`.
fn cite(anchor: &ArticleRef, label: &str, statute_title: &str) -> String {
    anchor
        .cite(label)
        .unwrap_or_else(|| format!("{label} ({statute_title})"))
}
