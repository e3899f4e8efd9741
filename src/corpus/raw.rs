//! The YAML shapes of FORMAT.md as written by people, before validation: every key the
//! format (and its documented optional extensions) allows, unknown keys refused, ids and
//! dates kept with their source location ([`Spanned`]) so later checks can point at them.

// Field names are the keys of FORMAT.md, documented there and in the README.
#![allow(missing_docs)]

use serde::Deserialize;
use serde_saphyr::Spanned;

/// A string with where it was written.
pub type S = Spanned<String>;

/// `model-law/<framework>/framework.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    pub id: Option<S>,
    pub title: Option<S>,
    pub reference: Option<String>,
    pub areas: Option<Vec<S>>,
    /// Optional extension: free text about the framework.
    pub note: Option<String>,
    /// Optional extension: the penalty a framework's extradition article requires.
    pub extradition: Option<RawExtradition>,
}

/// `extradition:` in framework.yaml: the minimum maximum prison term an offence needs to be
/// extraditable, and the article that says so.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtradition {
    pub threshold: S,
    pub article: Option<String>,
}

/// `true`, `false`, or a list of ids (`self_executing`, `provisions`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawFlagOrList {
    Flag(bool),
    Word(String),
    List(Vec<String>),
}

/// One `derive:` entry of a provision: an element the gap engine derives from other facts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDerivation {
    pub element: S,
    pub rule: S,
    #[serde(default)]
    pub sources: Vec<String>,
    pub note: Option<String>,
}

/// A model provision's `harmonia` block.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvision {
    pub provision: S,
    pub article: S,
    pub area: S,
    pub elements: Vec<RawElement>,
    #[serde(default)]
    pub options: Vec<RawElement>,
    #[serde(default)]
    pub terms: Option<Spanned<std::collections::BTreeMap<String, Vec<String>>>>,
    #[serde(default)]
    pub related: Vec<S>,
    #[serde(default)]
    pub equivalent: Vec<S>,
    /// Optional extension: model drafting text per language.
    #[serde(default)]
    pub drafting: Option<Spanned<std::collections::BTreeMap<String, String>>>,
    /// Optional extension: whether the provision is an offence (default: area substantive).
    pub offence: Option<bool>,
    /// (v2) Whether the treaty itself implements the provision once it has domestic effect:
    /// `true` (every element) or a list of element ids.
    pub self_executing: Option<Spanned<RawFlagOrList>>,
    /// Optional extension: sources for `self_executing` and `derive`.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Optional extension: elements derived from other facts of the corpus.
    #[serde(default)]
    pub derive: Vec<RawDerivation>,
}

/// An element or option of a model provision.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawElement {
    pub id: S,
    pub label: S,
}

/// `statutes/<cc>/country.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    pub code: S,
    pub name: S,
    pub region: Option<String>,
    pub subregion: Option<String>,
    #[serde(default)]
    pub languages: Vec<S>,
    pub legal_system: Option<String>,
    #[serde(default)]
    pub treaties: Vec<RawTreaty>,
    /// (v2) Completeness claims.
    #[serde(default)]
    pub reviews: Vec<RawReviewClaim>,
    /// Optional extension: whether the country extradites its own nationals.
    pub extradites_nationals: Option<Spanned<RawNationals>>,
    /// Optional extension: free text.
    pub note: Option<String>,
}

/// `extradites_nationals:` a bare `true`/`false`/`conditional`, or a mapping with sources.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawNationals {
    Flag(bool),
    Word(String),
    Full {
        rule: RawNationalsRule,
        #[serde(default)]
        sources: Vec<String>,
        note: Option<String>,
    },
}

/// The `rule` of a full `extradites_nationals` mapping.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawNationalsRule {
    Flag(bool),
    Word(String),
}

/// (v2) A `reviews` entry of a country.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReviewClaim {
    pub framework: S,
    pub provisions: Option<Spanned<RawFlagOrList>>,
    pub areas: Option<Spanned<Vec<String>>>,
    pub since: Option<S>,
    pub checked: Option<S>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub note: Option<String>,
}

/// (v2) A designation notified under a treaty.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDesignation {
    pub provision: S,
    #[serde(default)]
    pub elements: Vec<S>,
    pub authority: Option<S>,
    pub date: Option<S>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub note: Option<String>,
}

/// (v2) `domestic_effect:` a date, or a mapping with the date and its sources.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawDomesticEffect {
    Date(String),
    Full {
        date: String,
        #[serde(default)]
        sources: Vec<String>,
        note: Option<String>,
    },
}

/// One treaty record of a country.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTreaty {
    pub framework: S,
    pub status: S,
    pub signed: Option<S>,
    pub ratified: Option<S>,
    pub in_force: Option<S>,
    #[serde(default)]
    pub reservations: Vec<RawReservation>,
    /// Optional extension: declarations (e.g. Budapest art. 40).
    #[serde(default)]
    pub declarations: Vec<RawDeclaration>,
    /// (v2) Authorities notified to the depositary.
    #[serde(default)]
    pub designations: Vec<RawDesignation>,
    /// (v2) From this date the treaty itself is domestic law.
    pub domestic_effect: Option<Spanned<RawDomesticEffect>>,
    /// Optional extension: sources of the record (also cited by a bare `domestic_effect`).
    #[serde(default)]
    pub sources: Vec<String>,
    /// Optional extension: free text.
    pub note: Option<String>,
}

/// A reservation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReservation {
    pub provision: S,
    #[serde(default)]
    pub elements: Vec<S>,
    /// Optional extension: qualifiers the country reserved the right to require.
    #[serde(default)]
    pub options: Vec<S>,
    pub note: Option<String>,
}

/// A declaration (optional extension).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeclaration {
    pub provision: S,
    #[serde(default)]
    pub options: Vec<S>,
    pub note: Option<String>,
}

/// A statute's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatute {
    pub id: S,
    pub country: S,
    pub title: S,
    pub language: S,
    pub kind: S,
    pub enacted: Option<S>,
    pub in_force: Option<S>,
    pub repealed: Option<S>,
    pub text: Option<S>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub review: Option<S>,
    /// Optional extension: free text.
    pub note: Option<String>,
}

/// A statute section's `harmonia` block.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMapping {
    #[serde(default)]
    pub implements: Vec<RawImplementation>,
    pub penalty: Option<RawPenalty>,
    pub in_force: Option<S>,
    pub repealed: Option<S>,
    /// Optional extension: free text.
    pub note: Option<String>,
}

/// One `implements` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImplementation {
    pub provision: S,
    #[serde(default)]
    pub elements: Vec<S>,
    #[serde(default)]
    pub options: Vec<S>,
    pub note: Option<String>,
    /// (v2) The penalty for this provision when the section's own belongs to another offence.
    pub penalty: Option<RawPenalty>,
    /// Optional extension: a proposal awaiting review (`harmonia suggest --apply`).
    pub suggested: Option<bool>,
}

/// A penalty.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenalty {
    pub prison: Option<Spanned<Vec<Option<S>>>>,
    /// (v2) Aggravated ranges, each with what triggers it.
    #[serde(default)]
    pub aggravated: Vec<RawAggravated>,
    pub fine: Option<String>,
    /// Optional extension: free text.
    pub note: Option<String>,
}

/// (v2) An aggravated range of a penalty.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAggravated {
    pub prison: Option<Spanned<Vec<Option<S>>>>,
    pub when: Option<String>,
    pub fine: Option<String>,
}
