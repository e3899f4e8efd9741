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
    /// Optional extension: free text.
    pub note: Option<String>,
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
    /// Optional extension: proposed by `harmonia suggest --apply`, awaiting a person's review.
    pub suggested: Option<Spanned<bool>>,
}

/// A penalty.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenalty {
    pub prison: Option<Spanned<Vec<Option<S>>>>,
    pub fine: Option<String>,
    /// Optional extension: free text.
    pub note: Option<String>,
}
