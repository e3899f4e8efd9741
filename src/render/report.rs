//! Harmonization reports: for one country (set against the other countries of its region)
//! or for a whole region, the executive summary, the coverage heat map, the findings area by
//! area with their evidence, penalties against the region, dual criminality, coverage
//! history, the drafts, and provenance.
//!
//! [`build`] computes one [`Report`] value from the gap engine; the templates
//! (`report.html.j2`, `report.md.j2`) lay it out. Every corpus string stays a value: the
//! templates escape it for their output.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::draft::{self, DraftOptions, DraftSet, FrameworkRef};
use super::markdown;
use super::svg::{self, HeatMap, LineChart, RangeChart, RangeInput};
use crate::corpus::{Corpus, Country, Element, Framework, Provision, Review, Statute};
use crate::gap::{self, CountryCoverage, PenaltyStats, Status};
use crate::id::{CountryCode, SectionId};

/// What a report covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One country, set against the others of its region.
    Country(CountryCode),
    /// Every country of a region.
    Region(String),
}

/// Options of a report.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// What it covers.
    pub scope: Scope,
    /// The date of the law.
    pub as_of: NaiveDate,
    /// Where the templates come from (for provenance).
    pub templates_origin: String,
}

/// A report, ready for a template.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Title.
    pub title: String,
    /// `country` or `region`.
    pub scope: &'static str,
    /// The subject country (country reports).
    pub country: Option<CountryInfo>,
    /// The region (of the subject, or the region reported on).
    pub region: Option<String>,
    /// Who the subject is compared with, in words.
    pub comparison: String,
    /// Framework.
    pub framework: FrameworkRef,
    /// Framework areas, in order.
    pub areas_order: Vec<String>,
    /// Date.
    pub as_of: NaiveDate,
    /// harmonia version.
    pub version: &'static str,
    /// Executive summary.
    pub summary: Summary,
    /// Coverage heat map.
    pub heatmap: HeatMap,
    /// Findings, area by area.
    pub areas: Vec<AreaFindings>,
    /// Penalties, one section per offence.
    pub penalties: Vec<PenaltySection>,
    /// Dual criminality.
    pub dual: Dual,
    /// What the extradition penalty threshold is and where it comes from, in words.
    pub threshold_text: String,
    /// Coverage history.
    pub history: History,
    /// Drafts (appendix), one set per country.
    pub drafts: Vec<DraftSet>,
    /// Where everything comes from.
    pub provenance: Provenance,
}

/// The subject country.
#[derive(Clone, Debug, Serialize)]
pub struct CountryInfo {
    /// Code.
    pub code: CountryCode,
    /// Name.
    pub name: String,
    /// Region.
    pub region: Option<String>,
    /// Subregion.
    pub subregion: Option<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// Legal system.
    pub legal_system: Option<String>,
    /// Treaty status under the framework (`party`, ...), if recorded.
    pub treaty_status: Option<&'static str>,
    /// Entry into force for the country.
    pub in_force: Option<NaiveDate>,
    /// Reservations.
    pub reservations: Vec<ReservationInfo>,
}

/// A reservation, for people.
#[derive(Clone, Debug, Serialize)]
pub struct ReservationInfo {
    /// Provision.
    pub provision: String,
    /// Provision title.
    pub title: String,
    /// Elements reserved (labels); empty for the whole provision.
    pub elements: Vec<String>,
    /// Note.
    pub note: Option<String>,
}

/// The executive summary.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// One line per country in scope (region reports: every country, best first; country
    /// reports: the subject only).
    pub countries: Vec<CountrySummary>,
    /// Mean overall score of the comparison group (region or peers with the subject).
    pub group_mean: Option<f64>,
    /// How many countries that mean covers.
    pub group_size: usize,
    /// Rank of the subject in the group (1 = best), country reports.
    pub rank: Option<usize>,
    /// Key findings, in words.
    pub findings: Vec<String>,
    /// Country reports: the subject's missing and partial provisions, by area.
    pub gaps: Vec<GapGroup>,
}

/// The provisions of one status, by area.
#[derive(Clone, Debug, Serialize)]
pub struct GapGroup {
    /// `missing` or `partial`.
    pub status: Status,
    /// How many.
    pub count: usize,
    /// By area, in framework order.
    pub areas: Vec<GapArea>,
}

/// Provisions of one area.
#[derive(Clone, Debug, Serialize)]
pub struct GapArea {
    /// Area.
    pub area: String,
    /// `art. 3 Illegal interception`, ...
    pub items: Vec<String>,
}

/// One country's scores.
#[derive(Clone, Debug, Serialize)]
pub struct CountrySummary {
    /// Code.
    pub code: CountryCode,
    /// Name.
    pub name: String,
    /// Treaty status.
    pub treaty_status: Option<&'static str>,
    /// Entry into force.
    pub in_force: Option<NaiveDate>,
    /// Overall score over the provisions with a verdict (`None`: none has one).
    pub overall: Option<f64>,
    /// Share of provisions with a verdict: shown beside every score and rank.
    pub examined: f64,
    /// Area scores, in framework order.
    pub areas: Vec<AreaScore>,
    /// Provisions fully implemented.
    pub full: usize,
    /// Reserved.
    pub reserved: usize,
    /// Partial.
    pub partial: usize,
    /// Missing (examined and absent).
    pub missing: usize,
    /// Not examined.
    pub unknown: usize,
    /// Offences with a penalty flag.
    pub flagged: usize,
}

/// An area's score.
#[derive(Clone, Debug, Serialize)]
pub struct AreaScore {
    /// Area.
    pub area: String,
    /// Score over the provisions with a verdict.
    pub score: Option<f64>,
    /// Share of the area's provisions with a verdict.
    pub examined: f64,
}

/// Findings of one area.
#[derive(Clone, Debug, Serialize)]
pub struct AreaFindings {
    /// Area name.
    pub area: String,
    /// Score of the subject (country reports) or mean score (region reports), over the
    /// provisions with a verdict.
    pub score: Option<f64>,
    /// Share of the area's provisions with a verdict (the subject's, or the mean).
    pub examined: f64,
    /// Provisions.
    pub provisions: Vec<ProvisionFindings>,
}

/// Findings on one provision.
#[derive(Clone, Debug, Serialize)]
pub struct ProvisionFindings {
    /// Id.
    pub id: String,
    /// Article.
    pub article: String,
    /// Title.
    pub title: String,
    /// An offence.
    pub offence: bool,
    /// Region reports: countries that implement it fully.
    pub full_in: Vec<String>,
    /// Region reports: countries where it is examined and absent (no finding of their own).
    pub missing_in: Vec<String>,
    /// Region reports: countries where nobody examined it (no finding of their own).
    pub unknown_in: Vec<String>,
    /// Its elements (labels), for the countries where it is missing.
    pub elements: Vec<String>,
    /// One finding per country shown.
    pub findings: Vec<Finding>,
}

/// One country's coverage of one provision, with its evidence.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Country code.
    pub country: CountryCode,
    /// Country name.
    pub name: String,
    /// Status.
    pub status: Status,
    /// True when a review covers it: its uncovered elements are missing from the law, not
    /// only from the corpus.
    pub examined: bool,
    /// What the uncovered elements are called (`missing`, `not found in the corpus`).
    pub missing_label: &'static str,
    /// Elements covered.
    pub covered: Vec<Element>,
    /// Elements missing (or not found in the corpus, see `missing_label`).
    pub missing: Vec<Element>,
    /// Elements reserved.
    pub reserved: Vec<Element>,
    /// The reservation's note.
    pub reservation_note: Option<String>,
    /// Options used.
    pub options: Vec<Element>,
    /// Penalty flags.
    pub flags: Vec<&'static str>,
    /// The implementing sections.
    pub evidence: Vec<Evidence>,
    /// Other evidence in words (designations, the treaty's domestic effect, derivations).
    pub other_evidence: Vec<String>,
    /// Notes of the corpus on the verdict.
    pub notes: Vec<gap::Note>,
    /// The review that examined it, in words (`reviewed 2026-12-03: <sources>`).
    pub review: Option<String>,
}

/// A source of a statute.
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    /// As written.
    pub text: String,
    /// The address, when it is an http(s) URL (only those are links).
    pub href: Option<String>,
}

fn sources(st: &Statute) -> Vec<Source> {
    st.sources
        .iter()
        .map(|s| Source {
            text: s.clone(),
            href: markdown::http_url(s).map(str::to_string),
        })
        .collect()
}

/// A cited section.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    /// `<statute>#<section>`.
    pub id: SectionId,
    /// Heading.
    pub heading: String,
    /// Statute id.
    pub statute: String,
    /// Statute title.
    pub statute_title: String,
    /// Review status of the statute.
    pub review: Review,
    /// `official` or `summary`, if stated.
    pub text_kind: Option<String>,
    /// Sources of the statute.
    pub sources: Vec<Source>,
    /// First day in force.
    pub in_force: Option<NaiveDate>,
    /// Elements of the provision this section covers (labels).
    pub elements: Vec<String>,
    /// Penalty in words.
    pub penalty: Option<String>,
    /// Fine as written.
    pub fine: Option<String>,
    /// The mapping's note.
    pub note: Option<String>,
    /// The section's text (Markdown).
    pub markdown: String,
}

/// Penalties for one offence.
#[derive(Clone, Debug, Serialize)]
pub struct PenaltySection {
    /// Provision id.
    pub id: String,
    /// Article.
    pub article: String,
    /// Title.
    pub title: String,
    /// Range chart.
    pub chart: RangeChart,
    /// Table rows.
    pub rows: Vec<PenaltyRow>,
    /// Statistics over the countries shown.
    pub stats: PenaltyStats,
}

/// A row of a penalty table.
#[derive(Clone, Debug, Serialize)]
pub struct PenaltyRow {
    /// Code.
    pub code: CountryCode,
    /// Name.
    pub name: String,
    /// The subject.
    pub subject: bool,
    /// Status.
    pub status: Status,
    /// Minimum, in words.
    pub min: Option<String>,
    /// Maximum, in words.
    pub max: Option<String>,
    /// Fines as written.
    pub fines: Vec<String>,
    /// Flags.
    pub flags: Vec<&'static str>,
}

/// Dual criminality.
#[derive(Clone, Debug, Serialize)]
pub struct Dual {
    /// `country` (subject against each other country) or `region` (pairs).
    pub mode: &'static str,
    /// The offences compared.
    pub offences: Vec<OffenceRef>,
    /// Country reports: one row per other country, one cell per offence.
    pub rows: Vec<DualRow>,
    /// Region reports: one row per country, one cell per other country.
    pub matrix: Vec<PairRow>,
    /// Region reports: every pair.
    pub pairs: Vec<Pair>,
}

/// An offence, for column headers.
#[derive(Clone, Debug, Serialize)]
pub struct OffenceRef {
    /// Id.
    pub id: String,
    /// Article.
    pub article: String,
    /// Title.
    pub title: String,
}

/// A country compared with the subject.
#[derive(Clone, Debug, Serialize)]
pub struct DualRow {
    /// Code.
    pub code: CountryCode,
    /// Name.
    pub name: String,
    /// One cell per offence.
    pub cells: Vec<DualCell>,
    /// Offences criminalised by both.
    pub dual: usize,
    /// Offences meeting the penalty threshold in both.
    pub extraditable: usize,
    /// Offences whose dual criminality is unknown.
    pub unknown: usize,
}

/// One offence between two countries.
#[derive(Clone, Debug, Serialize)]
pub struct DualCell {
    /// `extraditable` (both criminalise it and meet the penalty threshold), `dual` (both
    /// criminalise it; the threshold is not met or not known), `none` (one side is
    /// established not to criminalise it) or `unknown` (the corpus cannot tell).
    pub state: &'static str,
    /// Tooltip.
    pub tooltip: String,
}

/// One row of the pairs matrix.
#[derive(Clone, Debug, Serialize)]
pub struct PairRow {
    /// Code.
    pub code: CountryCode,
    /// Name.
    pub name: String,
    /// One cell per country (None on the diagonal).
    pub cells: Vec<Option<PairCell>>,
}

/// A pair's counts.
#[derive(Clone, Debug, Serialize)]
pub struct PairCell {
    /// Offences criminalised by both.
    pub dual: usize,
    /// Offences meeting the penalty threshold in both.
    pub extraditable: usize,
    /// Offences whose dual criminality is unknown.
    pub unknown: usize,
    /// Share extraditable, 0..1.
    pub share: f64,
    /// Tooltip.
    pub tooltip: String,
}

/// A pair of countries.
#[derive(Clone, Debug, Serialize)]
pub struct Pair {
    /// First.
    pub a: String,
    /// Second.
    pub b: String,
    /// Dual criminality count.
    pub dual: usize,
    /// Offences whose dual criminality the corpus cannot establish.
    pub unknown: usize,
    /// Extraditable count.
    pub extraditable: usize,
    /// Offences compared.
    pub offences: usize,
    /// Offences one of them is established not to criminalise.
    pub gaps: Vec<String>,
}

/// Coverage history.
#[derive(Clone, Debug, Serialize)]
pub struct History {
    /// Charts (one; or one per country for a region).
    pub charts: Vec<LineChart>,
    /// Country reports: the subject's scores at each change.
    pub points: Vec<HistoryPoint>,
    /// Region reports: one line per country.
    pub countries: Vec<HistoryCountry>,
}

/// A country's scores on a date.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryPoint {
    /// Date.
    pub date: NaiveDate,
    /// Overall score over the provisions with a verdict.
    pub overall: Option<f64>,
    /// Share of provisions with a verdict.
    pub examined: f64,
    /// Full.
    pub full: usize,
    /// Reserved.
    pub reserved: usize,
    /// Partial.
    pub partial: usize,
    /// Missing.
    pub missing: usize,
    /// Not examined.
    pub unknown: usize,
}

/// A country's history in brief.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryCountry {
    /// Code.
    pub code: CountryCode,
    /// Name.
    pub name: String,
    /// Dates the law changed.
    pub changes: usize,
    /// First date.
    pub first: Option<NaiveDate>,
    /// Score then.
    pub first_score: Option<f64>,
    /// Score on the report's date.
    pub score: Option<f64>,
    /// Share of provisions with a verdict on the report's date.
    pub examined: f64,
}

/// Provenance.
#[derive(Clone, Debug, Serialize)]
pub struct Provenance {
    /// Statutes cited in the report.
    pub statutes: Vec<StatuteInfo>,
    /// How many of them are verified.
    pub verified: usize,
    /// How many are unverified.
    pub unverified: usize,
    /// Where the corpus comes from.
    pub corpus_origin: String,
    /// Where the templates come from.
    pub templates_origin: String,
}

/// A statute cited.
#[derive(Clone, Debug, Serialize)]
pub struct StatuteInfo {
    /// Id.
    pub id: String,
    /// Country.
    pub country: CountryCode,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: &'static str,
    /// Review status.
    pub review: Review,
    /// `official` or `summary`.
    pub text_kind: Option<String>,
    /// In force from.
    pub in_force: Option<NaiveDate>,
    /// Repealed on.
    pub repealed: Option<NaiveDate>,
    /// Sources.
    pub sources: Vec<Source>,
}

fn element(p: Option<&Provision>, id: &str) -> Element {
    p.and_then(|p| p.element(id).or_else(|| p.option(id)))
        .cloned()
        .unwrap_or(Element {
            id: id.to_string(),
            label: id.to_string(),
        })
}

fn treaty_status(c: &Country, fw: &Framework) -> (Option<&'static str>, Option<NaiveDate>) {
    match c.treaty(&fw.id) {
        Some(t) => (Some(t.status.as_str()), t.in_force),
        None => (None, None),
    }
}

fn summary_of(cov: &CountryCoverage, country: &Country, fw: &Framework) -> CountrySummary {
    let count = |s: Status| cov.scores.counts.get(&s).copied().unwrap_or(0);
    let (treaty_status, in_force) = treaty_status(country, fw);
    CountrySummary {
        code: cov.country.clone(),
        name: cov.name.clone(),
        treaty_status,
        in_force,
        overall: cov.scores.overall,
        examined: cov.scores.examined,
        areas: areas_in_order(fw)
            .iter()
            .filter_map(|a| {
                cov.scores.areas.get(a).map(|s| AreaScore {
                    area: a.clone(),
                    score: *s,
                    examined: cov.scores.areas_examined.get(a).copied().unwrap_or(0.0),
                })
            })
            .collect(),
        full: count(Status::Full),
        reserved: count(Status::Reserved),
        partial: count(Status::Partial),
        missing: count(Status::Missing),
        unknown: count(Status::Unknown),
        flagged: cov
            .provisions
            .iter()
            .filter(|c| !c.flags.is_empty())
            .count(),
    }
}

fn pct(x: f64) -> String {
    format!("{}%", (x * 100.0).round() as i64)
}

/// A score that may rest on nothing (`n/a`).
fn pct_opt(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_string(), pct)
}

/// Orders scores best first, with no score last.
fn by_score(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The framework's areas in the order its provisions (in article order) first reach them,
/// which is the order every harmonia output lists provisions in.
pub fn areas_in_order(fw: &Framework) -> Vec<String> {
    let mut areas: Vec<String> = Vec::new();
    for p in &fw.provisions {
        if !areas.contains(&p.area) {
            areas.push(p.area.clone());
        }
    }
    areas
}

/// Builds the report. `country`/`region` must exist (the caller checks).
pub fn build(corpus: &Corpus, fw: &Framework, opts: &ReportOptions) -> crate::Result<Report> {
    let date = opts.as_of;
    let area_names = areas_in_order(fw);
    let (subject, group): (Option<&Country>, Vec<&Country>) = match &opts.scope {
        Scope::Country(code) => {
            let c = corpus
                .country(code)
                .ok_or_else(|| crate::Error::Usage(format!("unknown country `{code}`")))?;
            let mut group = vec![c];
            group.extend(
                corpus
                    .countries
                    .iter()
                    .filter(|o| o.code != c.code && (c.region.is_none() || o.region == c.region)),
            );
            (Some(c), group)
        }
        Scope::Region(r) => {
            let group: Vec<&Country> = corpus
                .countries
                .iter()
                .filter(|c| {
                    c.region
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(r))
                })
                .collect();
            if group.is_empty() {
                return Err(crate::Error::Usage(format!("no country in region `{r}`")));
            }
            (None, group)
        }
    };
    let region = match subject {
        Some(c) => c.region.clone(),
        None => group.first().and_then(|c| c.region.clone()),
    };
    let coverages = gap::matrix(corpus, fw, &group, date);
    let shown: Vec<(&Country, &CountryCoverage)> = match subject {
        Some(_) => vec![(group[0], &coverages[0])],
        None => group.iter().copied().zip(coverages.iter()).collect(),
    };
    let label = |pid: &str, e: &str| element(fw.provision_str(pid), e).label;

    // Summary.
    let mut countries: Vec<CountrySummary> = shown
        .iter()
        .map(|(c, cov)| summary_of(cov, c, fw))
        .collect();
    countries.sort_by(|a, b| by_score(a.overall, b.overall).then(a.code.cmp(&b.code)));
    let scored: Vec<f64> = coverages.iter().filter_map(|c| c.scores.overall).collect();
    let group_mean =
        (!scored.is_empty()).then(|| gap::round3(scored.iter().sum::<f64>() / scored.len() as f64));
    let rank = subject.and_then(|_| {
        let own = coverages[0].scores.overall?;
        Some(
            1 + coverages
                .iter()
                .skip(1)
                .filter(|c| c.scores.overall.is_some_and(|o| o > own))
                .count(),
        )
    });
    let findings = key_findings(fw, subject, region.as_deref(), &coverages, group_mean, rank);
    let gaps: Vec<GapGroup> = match (subject, coverages.first()) {
        (Some(_), Some(cov)) => [Status::Missing, Status::Partial]
            .into_iter()
            .filter_map(|status| {
                let areas: Vec<GapArea> = area_names
                    .iter()
                    .filter_map(|area| {
                        let items: Vec<String> = cov
                            .provisions
                            .iter()
                            .filter(|c| &c.area == area && c.status == status)
                            .map(|c| format!("art. {} {}", c.article, c.title))
                            .collect();
                        (!items.is_empty()).then(|| GapArea {
                            area: area.clone(),
                            items,
                        })
                    })
                    .collect();
                let count = areas.iter().map(|a| a.items.len()).sum();
                (count > 0).then_some(GapGroup {
                    status,
                    count,
                    areas,
                })
            })
            .collect(),
        _ => vec![],
    };
    let comparison = match (subject, &region) {
        (Some(c), Some(r)) => match group.len() - 1 {
            0 => format!("{} is the only country of {r} in the corpus.", c.name),
            1 => format!(
                "{} is set against the other country of {r} in the corpus.",
                c.name
            ),
            n => format!(
                "{} is set against the {n} other countries of {r} in the corpus.",
                c.name
            ),
        },
        (Some(c), None) => format!(
            "{} has no region in the corpus; it is set against the {} other countries of the corpus.",
            c.name,
            group.len() - 1
        ),
        (None, Some(r)) => format!("The {} countries of {r} in the corpus.", group.len()),
        (None, None) => String::new(),
    };

    // Heat map.
    let heatmap = svg::heat_map(&coverages, subject.map(|c| c.code.as_str()), |p, e| {
        label(p, e)
    });

    // Findings, with the statutes they cite (for provenance).
    let mut cited: BTreeMap<String, &Statute> = BTreeMap::new();
    let mut areas = Vec::new();
    for area in &area_names {
        let mut provisions = Vec::new();
        for (i, p) in fw.provisions.iter().enumerate() {
            if &p.area != area {
                continue;
            }
            let mut full_in = Vec::new();
            let mut missing_in = Vec::new();
            let mut unknown_in = Vec::new();
            let mut findings = Vec::new();
            for (country, cov) in &shown {
                let c = &cov.provisions[i];
                if subject.is_none() && c.status == Status::Full {
                    full_in.push(country.name.clone());
                    continue;
                }
                if subject.is_none() && c.status == Status::Missing {
                    missing_in.push(country.name.clone());
                    continue;
                }
                if subject.is_none() && c.status == Status::Unknown {
                    unknown_in.push(country.name.clone());
                    continue;
                }
                let evidence = c
                    .sections
                    .iter()
                    .filter_map(|sid| {
                        let st = corpus.statute(sid.statute())?;
                        let s = st.section(sid.local())?;
                        cited.insert(st.id.clone(), st);
                        let m = s.mapping.as_ref();
                        let imp = s.implementations().iter().find(|x| x.provision == p.id);
                        let pen = imp
                            .and_then(|x| x.penalty.as_ref())
                            .or_else(|| m.and_then(|m| m.penalty.as_ref()));
                        Some(Evidence {
                            id: sid.clone(),
                            heading: s.heading.clone(),
                            statute: st.id.clone(),
                            statute_title: st.title.clone(),
                            review: st.review,
                            text_kind: st.text.clone(),
                            sources: sources(st),
                            in_force: s.start(st),
                            elements: imp
                                .map(|x| {
                                    x.elements
                                        .iter()
                                        .map(|e| element(Some(p), e).label)
                                        .collect()
                                })
                                .unwrap_or_default(),
                            penalty: pen.and_then(penalty_words),
                            fine: pen.and_then(|x| x.fine.clone()),
                            note: {
                                let notes: Vec<&str> = [
                                    imp.and_then(|x| x.note.as_deref()),
                                    m.and_then(|m| m.note.as_deref()),
                                ]
                                .into_iter()
                                .flatten()
                                .map(str::trim)
                                .collect();
                                (!notes.is_empty()).then(|| notes.join(" "))
                            },
                            markdown: s.markdown.clone(),
                        })
                    })
                    .collect();
                let reservation_note = country
                    .treaty(&fw.id)
                    .and_then(|t| t.reservation(&p.id))
                    .and_then(|r| r.note.clone());
                findings.push(Finding {
                    country: country.code.clone(),
                    name: country.name.clone(),
                    status: c.status,
                    examined: c.examined,
                    missing_label: c.missing_label(),
                    other_evidence: c.evidence.iter().map(|e| e.describe()).collect(),
                    notes: c
                        .notes
                        .iter()
                        .filter(|n| n.source == "review")
                        .cloned()
                        .collect(),
                    review: c.review.as_ref().map(|r| {
                        let when = r.checked.map(|d| format!(" on {d}")).unwrap_or_default();
                        format!("examined{when} against: {}", r.sources.join(", "))
                    }),
                    covered: c.covered.iter().map(|e| element(Some(p), e)).collect(),
                    missing: c.missing.iter().map(|e| element(Some(p), e)).collect(),
                    reserved: c.reserved.iter().map(|e| element(Some(p), e)).collect(),
                    reservation_note,
                    options: c.options.iter().map(|e| element(Some(p), e)).collect(),
                    flags: c.flags.iter().map(|f| f.as_str()).collect(),
                    evidence,
                });
            }
            provisions.push(ProvisionFindings {
                id: p.id.to_string(),
                article: p.article.clone(),
                title: p.title.clone(),
                offence: gap::is_offence(p),
                full_in,
                missing_in,
                unknown_in,
                elements: p.elements.iter().map(|e| e.label.clone()).collect(),
                findings,
            });
        }
        if provisions.is_empty() {
            continue;
        }
        let scores: Vec<f64> = shown
            .iter()
            .filter_map(|(_, cov)| cov.scores.areas.get(area).copied().flatten())
            .collect();
        let score = (!scores.is_empty())
            .then(|| gap::round3(scores.iter().sum::<f64>() / scores.len() as f64));
        let examined: Vec<f64> = shown
            .iter()
            .filter_map(|(_, cov)| cov.scores.areas_examined.get(area).copied())
            .collect();
        let examined = if examined.is_empty() {
            0.0
        } else {
            gap::round3(examined.iter().sum::<f64>() / examined.len() as f64)
        };
        areas.push(AreaFindings {
            area: area.clone(),
            score,
            examined,
            provisions,
        });
    }

    // Penalties.
    let offences: Vec<(usize, &Provision)> = fw
        .provisions
        .iter()
        .enumerate()
        .filter(|(_, p)| gap::is_offence(p))
        .collect();
    let penalties = offences
        .iter()
        .map(|(_, p)| {
            let table = gap::penalties(corpus, fw, p, &group, date);
            let rows: Vec<PenaltyRow> = table
                .countries
                .iter()
                .map(|r| PenaltyRow {
                    code: r.country.clone(),
                    name: r.name.clone(),
                    subject: subject.is_some_and(|s| s.code == r.country),
                    status: r.status,
                    min: r.min_months.filter(|m| *m > 0.0).map(svg::short_months),
                    max: max_words(r),
                    fines: r.fines.clone(),
                    flags: r.flags.iter().map(|f| f.as_str()).collect(),
                })
                .collect();
            let inputs: Vec<RangeInput> = table
                .countries
                .iter()
                .map(|r| RangeInput {
                    name: r.name.clone(),
                    subject: subject.is_some_and(|s| s.code == r.country),
                    status: r.status,
                    min: r.min_months,
                    max: r.max_months,
                    life: r.life,
                    not_recorded: r.flags.contains(&gap::Flag::PenaltyNotRecorded),
                })
                .collect();
            PenaltySection {
                id: p.id.to_string(),
                article: p.article.clone(),
                title: p.title.clone(),
                chart: svg::range_chart(
                    &inputs,
                    table.stats.median_max(),
                    fw.extradition.threshold_months,
                ),
                rows,
                stats: table.stats,
            }
        })
        .collect();

    // Dual criminality.
    let offence_refs: Vec<OffenceRef> = offences
        .iter()
        .map(|(_, p)| OffenceRef {
            id: p.id.to_string(),
            article: p.article.clone(),
            title: p.title.clone(),
        })
        .collect();
    let dual = dual_criminality(corpus, fw, subject, &group, date, offence_refs);

    // History.
    let history = history(corpus, fw, subject, &shown, date);

    // Drafts.
    let drafts = shown
        .iter()
        .map(|(c, _)| {
            draft::drafts(
                corpus,
                fw,
                c,
                &DraftOptions {
                    as_of: date,
                    provision: None,
                    lang: None,
                },
            )
        })
        .collect();

    // Provenance.
    let statutes: Vec<StatuteInfo> = {
        let mut v: Vec<&Statute> = cited.into_values().collect();
        v.sort_by(|a, b| a.country.cmp(&b.country).then(a.id.cmp(&b.id)));
        v.into_iter()
            .map(|st| StatuteInfo {
                id: st.id.clone(),
                country: st.country.clone(),
                title: st.title.clone(),
                kind: st.kind.as_str(),
                review: st.review,
                text_kind: st.text.clone(),
                in_force: st.start(),
                repealed: st.repealed,
                sources: sources(st),
            })
            .collect()
    };
    let verified = statutes
        .iter()
        .filter(|s| s.review == Review::Verified)
        .count();
    let provenance = Provenance {
        unverified: statutes.len() - verified,
        verified,
        statutes,
        corpus_origin: corpus.origin.clone(),
        templates_origin: opts.templates_origin.clone(),
    };

    let country = subject.map(|c| {
        let (treaty_status, in_force) = treaty_status(c, fw);
        CountryInfo {
            code: c.code.clone(),
            name: c.name.clone(),
            region: c.region.clone(),
            subregion: c.subregion.clone(),
            languages: c.languages.clone(),
            legal_system: c.legal_system.clone(),
            treaty_status,
            in_force,
            reservations: c
                .treaty(&fw.id)
                .map(|t| {
                    t.reservations
                        .iter()
                        .map(|r| {
                            let p = fw.provision(&r.provision);
                            ReservationInfo {
                                provision: r.provision.to_string(),
                                title: p.map(|p| p.title.clone()).unwrap_or_default(),
                                elements: r
                                    .elements
                                    .iter()
                                    .chain(&r.options)
                                    .map(|e| element(p, e).label)
                                    .collect(),
                                note: r.note.clone(),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    });
    let title = match (subject, &region) {
        (Some(c), _) => format!("Harmonization report: {}", c.name),
        (None, Some(r)) => format!("Harmonization report: {r}"),
        (None, None) => "Harmonization report".to_string(),
    };
    Ok(Report {
        title,
        scope: if subject.is_some() {
            "country"
        } else {
            "region"
        },
        country,
        region,
        comparison,
        framework: FrameworkRef::of(fw),
        areas_order: area_names.clone(),
        as_of: date,
        version: env!("CARGO_PKG_VERSION"),
        summary: Summary {
            countries,
            group_mean,
            group_size: coverages.len(),
            rank,
            findings,
            gaps,
        },
        heatmap,
        areas,
        penalties,
        dual,
        threshold_text: format!(
            "The extradition penalty threshold{} is a maximum of at least {}; an offence below it, or whose penalty is not recorded, is not thereby non-extraditable in law: the threshold test checks the penalty only.",
            fw.extradition
                .article
                .as_ref()
                .map(|a| format!(" ({}, art. {a})", fw.title))
                .unwrap_or_default(),
            gapfmt_months(fw.extradition.threshold_months)
        ),
        history,
        drafts,
        provenance,
    })
}

/// A penalty in words: `imprisonment from 15 days to 6 months`, `up to life`, with the
/// aggravated ranges after it.
fn penalty_words(pen: &crate::corpus::Penalty) -> Option<String> {
    let range = |pr: &crate::corpus::PrisonTerm| match &pr.min_text {
        Some(min) => format!("imprisonment from {min} to {}", pr.max_text),
        None => format!("imprisonment of up to {}", pr.max_text),
    };
    let mut parts: Vec<String> = pen.prison.iter().map(range).collect();
    for a in &pen.aggravated {
        if let Some(pr) = &a.prison {
            let when = a
                .when
                .as_deref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            parts.push(format!("aggravated: {}{when}", range(pr)));
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A penalty row's maximum: the term, `life`, `not recorded`; the aggravated one apart.
fn max_words(r: &gap::CountryPenalty) -> Option<String> {
    let basic = match r.max_term() {
        Some(crate::corpus::Term::Life) => Some("life".to_string()),
        Some(crate::corpus::Term::Months(m)) => Some(svg::short_months(m)),
        None if r.flags.contains(&gap::Flag::PenaltyNotRecorded) => {
            Some("not recorded".to_string())
        }
        None => None,
    };
    let aggravated = if r.aggravated_life {
        Some("life".to_string())
    } else {
        r.aggravated_max_months.map(svg::short_months)
    };
    match (basic, aggravated) {
        (Some(b), Some(a)) => Some(format!("{b} (aggravated {a})")),
        (None, Some(a)) => Some(format!("aggravated {a}")),
        (b, None) => b,
    }
}

fn key_findings(
    fw: &Framework,
    subject: Option<&Country>,
    region: Option<&str>,
    coverages: &[CountryCoverage],
    group_mean: Option<f64>,
    rank: Option<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    let n = fw.provisions.len();
    let threshold = gapfmt_months(fw.extradition.threshold_months);
    let with_flag = |cov: &CountryCoverage, flag: gap::Flag| -> Vec<String> {
        cov.provisions
            .iter()
            .filter(|c| c.flags.contains(&flag))
            .map(|c| format!("{} {}", c.provision, c.title))
            .collect()
    };
    if let (Some(c), Some(cov)) = (subject, coverages.first()) {
        let count = |s: Status| cov.scores.counts.get(&s).copied().unwrap_or(0);
        out.push(format!(
            "Of the {n} provisions of the framework, {} implements {} fully, {} under a reservation and {} in part; {} are missing (examined and absent) and {} were not examined (unknown).",
            c.name,
            count(Status::Full),
            count(Status::Reserved),
            count(Status::Partial),
            count(Status::Missing),
            count(Status::Unknown),
        ));
        out.push(format!(
            "Overall score {} over the {} of provisions with a verdict.",
            pct_opt(cov.scores.overall),
            pct(cov.scores.examined)
        ));
        if let (Some(mean), Some(rank)) = (group_mean, rank) {
            if coverages.len() > 1 {
                let least = coverages
                    .iter()
                    .map(|c| c.scores.examined)
                    .fold(1.0, f64::min);
                out.push(format!(
                    "Mean score of the {} countries compared{}: {}; {} ranks {} of {}. Scores rest on {} to 100% of each country's provisions with a verdict: read the ranking with the completeness beside it.",
                    coverages.len(),
                    region.map(|r| format!(" ({r})")).unwrap_or_default(),
                    pct(mean),
                    c.name,
                    ordinal(rank),
                    coverages.len(),
                    pct(least)
                ));
            }
        }
        if let Some((area, score)) = areas_in_order(fw)
            .into_iter()
            .filter_map(|a| {
                cov.scores
                    .areas
                    .get(&a)
                    .copied()
                    .flatten()
                    .map(|s| (a.clone(), s))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
        {
            let examined = cov.scores.areas_examined.get(&area).copied().unwrap_or(0.0);
            out.push(format!(
                "Weakest area: {area} ({}, {} examined).",
                pct(score),
                pct(examined)
            ));
        }
        let below = with_flag(cov, gap::Flag::BelowExtraditionThreshold);
        if !below.is_empty() {
            out.push(format!(
                "{} offence(s) carry a maximum below the extradition penalty threshold of {threshold}: {}.",
                below.len(),
                below.join("; ")
            ));
        }
        let none = with_flag(cov, gap::Flag::NoCustodialPenalty);
        if !none.is_empty() {
            out.push(format!(
                "{} offence(s) carry no prison term: {}.",
                none.len(),
                none.join("; ")
            ));
        }
        let unrecorded = with_flag(cov, gap::Flag::PenaltyNotRecorded);
        if !unrecorded.is_empty() {
            out.push(format!(
                "The corpus does not record the penalty of {} implemented offence(s), so the threshold cannot be checked for them: {}.",
                unrecorded.len(),
                unrecorded.join("; ")
            ));
        }
    } else if !coverages.is_empty() {
        let scored: Vec<&CountryCoverage> = coverages
            .iter()
            .filter(|c| c.scores.overall.is_some())
            .collect();
        let best = scored
            .iter()
            .max_by(|a, b| by_score(b.scores.overall, a.scores.overall));
        let worst = scored
            .iter()
            .min_by(|a, b| by_score(b.scores.overall, a.scores.overall));
        if let (Some(mean), Some(best), Some(worst)) = (group_mean, best, worst) {
            out.push(format!(
                "{} countries; mean overall score {}, from {} ({}, {} examined) to {} ({}, {} examined). Each score is over that country's provisions with a verdict.",
                coverages.len(),
                pct(mean),
                pct_opt(worst.scores.overall),
                worst.name,
                pct(worst.scores.examined),
                pct_opt(best.scores.overall),
                best.name,
                pct(best.scores.examined),
            ));
        }
        let unknown_total: usize = coverages
            .iter()
            .map(|c| c.scores.counts.get(&Status::Unknown).copied().unwrap_or(0))
            .sum();
        if unknown_total > 0 {
            out.push(format!(
                "{unknown_total} of {} cells were not examined (unknown): the corpus may not hold that law.",
                n * coverages.len()
            ));
        }
        let mut gaps: Vec<(usize, usize, String)> = fw
            .provisions
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let k = coverages
                    .iter()
                    .filter(|c| matches!(c.provisions[i].status, Status::Missing | Status::Partial))
                    .count();
                (k, i, format!("{} {}", p.id, p.title))
            })
            .filter(|(k, _, _)| *k > 0)
            .collect();
        gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        if !gaps.is_empty() {
            let top: Vec<String> = gaps
                .iter()
                .take(5)
                .map(|(k, _, t)| format!("{t} ({k} countries)"))
                .collect();
            out.push(format!(
                "Most frequent gaps (missing or partial): {}.",
                top.join("; ")
            ));
        }
        let tally = |flag: gap::Flag| -> (usize, usize) {
            let total = coverages.iter().map(|c| with_flag(c, flag).len()).sum();
            let countries = coverages
                .iter()
                .filter(|c| !with_flag(c, flag).is_empty())
                .count();
            (total, countries)
        };
        let (below, below_in) = tally(gap::Flag::BelowExtraditionThreshold);
        if below > 0 {
            out.push(format!(
                "{below} implemented offence(s) in {below_in} countries carry a maximum below the extradition penalty threshold of {threshold}."
            ));
        }
        let (none, none_in) = tally(gap::Flag::NoCustodialPenalty);
        if none > 0 {
            out.push(format!(
                "{none} implemented offence(s) in {none_in} countries carry no prison term."
            ));
        }
        let (unrecorded, unrecorded_in) = tally(gap::Flag::PenaltyNotRecorded);
        if unrecorded > 0 {
            out.push(format!(
                "The corpus does not record the penalty of {unrecorded} implemented offence(s) in {unrecorded_in} countries; the threshold cannot be checked for them."
            ));
        }
    }
    out
}

/// A term in words for the summary (`1 year`).
fn gapfmt_months(m: f64) -> String {
    super::i18n::Ui::for_lang("en").0.duration(m)
}

fn dual_criminality(
    corpus: &Corpus,
    fw: &Framework,
    subject: Option<&Country>,
    group: &[&Country],
    date: NaiveDate,
    offences: Vec<OffenceRef>,
) -> Dual {
    let state = |d: Option<bool>, e: Option<bool>| match (d, e) {
        (_, Some(true)) => "extraditable",
        (Some(true), _) => "dual",
        (Some(false), _) => "none",
        (None, _) => "unknown",
    };
    let offence_ids: Vec<&str> = offences.iter().map(|o| o.id.as_str()).collect();
    if let Some(s) = subject {
        let rows = group
            .iter()
            .skip(1)
            .map(|o| {
                let cmp = gap::compare(corpus, fw, s, o, date);
                let cells: Vec<DualCell> = cmp
                    .provisions
                    .iter()
                    .filter(|p| offence_ids.contains(&p.provision.as_str()))
                    .map(|p| {
                        let st = state(p.dual_criminality, p.extraditable);
                        DualCell {
                            state: st,
                            tooltip: format!(
                                "{} / {}: {} {}: {} ({} {}, {} {})",
                                s.name,
                                o.name,
                                p.provision,
                                p.title,
                                match (st, p.extraditable) {
                                    ("extraditable", _) => "dual criminality; both maxima meet the extradition penalty threshold",
                                    ("dual", Some(false)) => "dual criminality; a maximum is below the penalty threshold or there is no prison term",
                                    ("dual", _) => "dual criminality; a penalty is not recorded, so the threshold cannot be checked",
                                    ("none", _) => "no dual criminality (one side is examined and does not criminalise it)",
                                    _ => "unknown (one side was not examined)",
                                },
                                s.code,
                                p.a_status,
                                o.code,
                                p.b_status
                            ),
                        }
                    })
                    .collect();
                DualRow {
                    code: o.code.clone(),
                    name: o.name.clone(),
                    dual: cells
                        .iter()
                        .filter(|c| matches!(c.state, "dual" | "extraditable"))
                        .count(),
                    extraditable: cells.iter().filter(|c| c.state == "extraditable").count(),
                    unknown: cells.iter().filter(|c| c.state == "unknown").count(),
                    cells,
                }
            })
            .collect();
        return Dual {
            mode: "country",
            offences,
            rows,
            matrix: vec![],
            pairs: vec![],
        };
    }
    let n = offences.len();
    type Counts = (usize, usize, usize, Vec<String>);
    let mut counts: BTreeMap<(usize, usize), Counts> = BTreeMap::new();
    for i in 0..group.len() {
        for j in (i + 1)..group.len() {
            let cmp = gap::compare(corpus, fw, group[i], group[j], date);
            let mut d = 0;
            let mut e = 0;
            let mut u = 0;
            let mut gaps = Vec::new();
            for p in cmp
                .provisions
                .iter()
                .filter(|p| offence_ids.contains(&p.provision.as_str()))
            {
                match p.dual_criminality {
                    Some(true) => d += 1,
                    Some(false) => gaps.push(p.provision.to_string()),
                    None => u += 1,
                }
                if p.extraditable == Some(true) {
                    e += 1;
                }
            }
            counts.insert((i, j), (d, e, u, gaps));
        }
    }
    let matrix = group
        .iter()
        .enumerate()
        .map(|(i, a)| PairRow {
            code: a.code.clone(),
            name: a.name.clone(),
            cells: group
                .iter()
                .enumerate()
                .map(|(j, b)| {
                    if i == j {
                        return None;
                    }
                    let (d, e, u, _) = &counts[&(i.min(j), i.max(j))];
                    Some(PairCell {
                        dual: *d,
                        extraditable: *e,
                        unknown: *u,
                        share: if n == 0 { 0.0 } else { gap::round3(*e as f64 / n as f64) },
                        tooltip: format!(
                            "{} / {}: dual criminality for {d} of {n} offences ({u} unknown), both maxima at the penalty threshold for {e}",
                            a.name, b.name
                        ),
                    })
                })
                .collect(),
        })
        .collect();
    let pairs = counts
        .iter()
        .map(|((i, j), (d, e, u, gaps))| Pair {
            a: group[*i].name.clone(),
            b: group[*j].name.clone(),
            dual: *d,
            unknown: *u,
            extraditable: *e,
            offences: n,
            gaps: gaps.clone(),
        })
        .collect();
    Dual {
        mode: "region",
        offences,
        rows: vec![],
        matrix,
        pairs,
    }
}

/// Years shown by the history charts, back from the report's date.
const HISTORY_YEARS: u32 = 25;

fn history(
    corpus: &Corpus,
    fw: &Framework,
    subject: Option<&Country>,
    shown: &[(&Country, &CountryCoverage)],
    date: NaiveDate,
) -> History {
    let mut series: Vec<(&Country, Vec<(NaiveDate, CountryCoverage)>)> = Vec::new();
    for (c, now) in shown {
        let mut pts: Vec<(NaiveDate, CountryCoverage)> = gap::history(corpus, fw, c)
            .into_iter()
            .filter(|h| h.as_of <= date)
            .map(|h| (h.as_of, h))
            .collect();
        if pts.last().is_none_or(|(d, _)| *d < date) {
            pts.push((date, (*now).clone()));
        }
        series.push((c, pts));
    }
    // The charts show at most the last 25 years: a code of 1921 would squeeze the years
    // that matter into a sliver. The tables keep every date.
    let first = series
        .iter()
        .filter_map(|(_, p)| p.first().map(|x| x.0))
        .min()
        .unwrap_or(date);
    let window = date
        .checked_sub_months(chrono::Months::new(12 * HISTORY_YEARS))
        .unwrap_or(first);
    let start = if first >= date {
        date.checked_sub_months(chrono::Months::new(12))
            .unwrap_or(date)
    } else {
        first.max(window)
    };
    let small = subject.is_none();
    let charts = series
        .iter()
        .map(|(c, pts)| {
            // The score in force at the window's start, then every change after it.
            // A date with no verdict at all has no score: it is left out of the line.
            let mut p: Vec<(NaiveDate, f64)> = Vec::new();
            for (d, h) in pts {
                let Some(score) = h.scores.overall else {
                    continue;
                };
                if *d <= start {
                    p = vec![(start, score)];
                } else {
                    p.push((*d, score));
                }
            }
            svg::line_chart(&c.name, &p, start, date, small)
        })
        .collect();
    let count = |h: &CountryCoverage, s: Status| h.scores.counts.get(&s).copied().unwrap_or(0);
    let points = if subject.is_some() {
        series
            .first()
            .map(|(_, pts)| {
                pts.iter()
                    .map(|(d, h)| HistoryPoint {
                        date: *d,
                        overall: h.scores.overall,
                        examined: h.scores.examined,
                        full: count(h, Status::Full),
                        reserved: count(h, Status::Reserved),
                        partial: count(h, Status::Partial),
                        missing: count(h, Status::Missing),
                        unknown: count(h, Status::Unknown),
                    })
                    .collect()
            })
            .unwrap_or_default()
    } else {
        vec![]
    };
    let countries = if subject.is_none() {
        series
            .iter()
            .map(|(c, pts)| HistoryCountry {
                code: c.code.clone(),
                name: c.name.clone(),
                changes: pts.iter().filter(|(d, _)| *d < date).count(),
                first: pts.first().map(|p| p.0),
                first_score: pts.first().and_then(|p| p.1.scores.overall),
                score: pts.last().and_then(|p| p.1.scores.overall),
                examined: pts.last().map_or(0.0, |p| p.1.scores.examined),
            })
            .collect()
    } else {
        vec![]
    };
    History {
        charts,
        points,
        countries,
    }
}
