//! The typed corpus: frameworks and their model provisions, countries and their treaty
//! records, statutes and their sections. These are the values every later stage (gap
//! engine, search index, reports) works on; they are built and validated by
//! [`crate::corpus::load`], so their ids always resolve.

use chrono::NaiveDate;
use serde::Serialize;

use crate::id::{CountryCode, ProvisionId, SectionId};

/// The five areas a framework's provisions are grouped in (a framework may declare its own).
pub const STANDARD_AREAS: [&str; 5] = [
    "definitions",
    "jurisdiction",
    "substantive",
    "procedural",
    "cooperation",
];

/// A model framework, e.g. the Budapest Convention (`bc`).
#[derive(Clone, Debug, Serialize)]
pub struct Framework {
    /// Short lower-case id, prefix of every provision id.
    pub id: String,
    /// Full title.
    pub title: String,
    /// Citation of the instrument (e.g. `ETS No. 185 (2001)`).
    pub reference: Option<String>,
    /// The areas, in display order.
    pub areas: Vec<String>,
    /// The provisions, in the order of the framework's files (sorted by name) and headings.
    pub provisions: Vec<Provision>,
    /// The penalty the framework's extradition article requires (optional `extradition:` key
    /// of framework.yaml; one year when absent, the common threshold of extradition law).
    pub extradition: ExtraditionRule,
    /// Where `framework.yaml` is, relative to the corpus.
    pub file: String,
}

/// The extradition threshold of a framework: an offence is extraditable under it when its
/// highest prison term is at least `threshold_months` in both countries.
#[derive(Clone, Debug, Serialize)]
pub struct ExtraditionRule {
    /// Minimum maximum prison term, in months.
    pub threshold_months: f64,
    /// The article that sets it (`24(1)`), for people; `None` when the framework names none.
    pub article: Option<String>,
}

impl Default for ExtraditionRule {
    fn default() -> Self {
        ExtraditionRule {
            threshold_months: 12.0,
            article: None,
        }
    }
}

impl ExtraditionRule {
    /// What the threshold test checks, in words that promise no more than it checks
    /// (`meets the art. 24(1) penalty threshold`).
    pub fn test_label(&self) -> String {
        match &self.article {
            Some(a) => format!("meets the art. {a} penalty threshold"),
            None => "meets the extradition penalty threshold".to_string(),
        }
    }
}

impl Framework {
    /// The provision with this id.
    pub fn provision(&self, id: &ProvisionId) -> Option<&Provision> {
        self.provisions.iter().find(|p| &p.id == id)
    }

    /// The provision with this id, given as text (any case).
    pub fn provision_str(&self, id: &str) -> Option<&Provision> {
        let id = id.to_ascii_lowercase();
        self.provisions.iter().find(|p| p.id.as_str() == id)
    }

    /// The provisions of one area, in framework order.
    pub fn provisions_in<'a>(&'a self, area: &'a str) -> impl Iterator<Item = &'a Provision> + 'a {
        self.provisions.iter().filter(move |p| p.area == area)
    }
}

/// One model provision: what a national law must contain to implement an article.
#[derive(Clone, Debug, Serialize)]
pub struct Provision {
    /// `bc-2`.
    pub id: ProvisionId,
    /// Article reference as written in the framework (`"2"`, `"1.a"`).
    pub article: String,
    /// The heading text (`Illegal access`).
    pub title: String,
    /// One of the framework's areas.
    pub area: String,
    /// What a national provision must contain.
    pub elements: Vec<Element>,
    /// Qualifiers a party may add without breaching the model.
    pub options: Vec<Element>,
    /// Words that signal the provision, per language (ISO 639-1 code, terms).
    pub terms: Vec<(String, Vec<String>)>,
    /// Related provisions (ids, possibly of other frameworks).
    pub related: Vec<String>,
    /// Equivalent provisions in other frameworks.
    pub equivalent: Vec<String>,
    /// Model drafting text in the framework's own language (the Markdown under the block).
    pub text: String,
    /// Commentary after the model text: from its first paragraph opening with `Notes:` or
    /// `Note:` (what a party may add or reserve); never part of a draft.
    pub notes: String,
    /// Model drafting texts in other languages (optional `drafting:` key), language -> text.
    pub drafting: Vec<(String, String)>,
    /// Whether the provision is an offence (optional `offence:` key; default: true in the
    /// `substantive` area). Penalty flags and dual criminality apply to offences only.
    pub offence: Option<bool>,
    /// (v2) Elements the treaty itself implements once it has domestic effect in a country
    /// (`self_executing:` key; `true` lists every element). Empty for offences and powers.
    pub self_executing: Vec<String>,
    /// Elements the gap engine derives from other facts of the corpus (`derive:` key).
    pub derived: Vec<Derivation>,
    /// Sources for `self_executing` and `derive` (optional `sources:` key).
    pub sources: Vec<String>,
    /// Where the provision is, relative to the corpus.
    pub file: String,
    /// Line of its heading.
    pub line: u32,
}

impl Provision {
    /// The element with this id.
    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }

    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&Element> {
        self.options.iter().find(|e| e.id == id)
    }

    /// The terms for one language (empty when none).
    pub fn terms_for(&self, lang: &str) -> &[String] {
        self.terms
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.as_slice())
            .unwrap_or(&[])
    }

    /// The drafting text for `lang`, if the provision has one in that language.
    pub fn drafting_for(&self, lang: &str) -> Option<&str> {
        self.drafting
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.as_str())
    }
}

/// An element the gap engine derives from facts the corpus already holds, by a named rule
/// (`derive:` in a provision block).
#[derive(Clone, Debug, Serialize)]
pub struct Derivation {
    /// The element derived.
    pub element: String,
    /// The rule.
    pub rule: DerivationRule,
    /// Free text.
    pub note: Option<String>,
}

/// The rules the gap engine knows for deriving an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DerivationRule {
    /// Covered when the country implements at least one offence of the framework and every
    /// offence it implements carries a prison term in force (Budapest art. 13(1)).
    EveryOffenceCustodial,
}

impl DerivationRule {
    /// The rules, as written in a provision block.
    pub const NAMES: [&'static str; 1] = ["every-offence-custodial"];

    /// Parses a rule name.
    pub fn parse(text: &str) -> Option<DerivationRule> {
        match text {
            "every-offence-custodial" => Some(DerivationRule::EveryOffenceCustodial),
            _ => None,
        }
    }

    /// The rule's name.
    pub fn as_str(self) -> &'static str {
        match self {
            DerivationRule::EveryOffenceCustodial => "every-offence-custodial",
        }
    }

    /// What the rule establishes, for people.
    pub fn describe(self) -> &'static str {
        match self {
            DerivationRule::EveryOffenceCustodial => {
                "every implemented offence carries a prison term"
            }
        }
    }
}

/// An element (or an option) of a model provision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Element {
    /// Short id, unique within the provision (`intent`).
    pub id: String,
    /// What it means, in a few words.
    pub label: String,
}

/// A country and its treaty records.
#[derive(Clone, Debug, Serialize)]
pub struct Country {
    /// ISO code, upper case.
    pub code: CountryCode,
    /// Name in English.
    pub name: String,
    /// Region (`Americas`, `Europe`, ...).
    pub region: Option<String>,
    /// Subregion (`South America`, ...).
    pub subregion: Option<String>,
    /// Official or legislative languages (ISO 639-1).
    pub languages: Vec<String>,
    /// `civil law`, `common law`, ...
    pub legal_system: Option<String>,
    /// One record per framework.
    pub treaties: Vec<Treaty>,
    /// (v2) Completeness claims: which provisions a reviewer examined, from which date.
    pub reviews: Vec<ReviewClaim>,
    /// Whether the country extradites its own nationals (optional `extradites_nationals`).
    pub extradites_nationals: Option<NationalsRule>,
    /// Where `country.yaml` is, relative to the corpus.
    pub file: String,
}

impl Country {
    /// The treaty record for a framework.
    pub fn treaty(&self, framework: &str) -> Option<&Treaty> {
        self.treaties.iter().find(|t| t.framework == framework)
    }

    /// The review that makes `provision` examined on `date`, if any (the first that covers it).
    pub fn review_of(&self, provision: &Provision, date: NaiveDate) -> Option<&ReviewClaim> {
        self.reviews
            .iter()
            .find(|r| r.covers(provision) && r.since.is_none_or(|s| s <= date))
    }
}

/// (v2) A `reviews` entry: the claim that the corpus holds every part of the country's law in
/// force (from `since`) that implements the provisions named, made by a reviewer who checked
/// the sources listed.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewClaim {
    /// Framework id.
    pub framework: String,
    /// Which provisions it covers.
    pub scope: ReviewScope,
    /// The claim covers law in force from this date on (always when absent).
    pub since: Option<NaiveDate>,
    /// When the reviewer checked.
    pub checked: Option<NaiveDate>,
    /// What the reviewer read.
    pub sources: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

impl ReviewClaim {
    /// True when the claim covers `provision`.
    pub fn covers(&self, provision: &Provision) -> bool {
        if provision.id.framework() != self.framework {
            return false;
        }
        match &self.scope {
            ReviewScope::All => true,
            ReviewScope::Provisions(ids) => ids.contains(&provision.id),
            ReviewScope::Areas(areas) => areas.contains(&provision.area),
        }
    }
}

/// The provisions a review covers.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewScope {
    /// Every provision of the framework.
    All,
    /// The provisions listed.
    Provisions(Vec<ProvisionId>),
    /// Every provision of the areas listed.
    Areas(Vec<String>),
}

/// Whether a country extradites its own nationals, with what says so.
#[derive(Clone, Debug, Serialize)]
pub struct NationalsRule {
    /// The rule.
    pub rule: Nationals,
    /// Sources.
    pub sources: Vec<String>,
    /// Free text (conditions).
    pub note: Option<String>,
}

/// Extradition of nationals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Nationals {
    /// Extradites its nationals.
    Yes,
    /// Never extradites them (the constitution or the law forbids it).
    No,
    /// Only under conditions (reciprocity, a treaty, return to serve the sentence, ...).
    Conditional,
}

impl Nationals {
    /// As printed: `yes`, `no`, `conditional`.
    pub fn as_str(self) -> &'static str {
        match self {
            Nationals::Yes => "yes",
            Nationals::No => "no",
            Nationals::Conditional => "conditional",
        }
    }
}

/// Status of a country towards a framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TreatyStatus {
    /// Ratified or acceded.
    Party,
    /// Signed, not ratified.
    Signatory,
    /// Invited to accede.
    Invited,
    /// No relation.
    None,
}

impl TreatyStatus {
    /// All statuses, as written in `country.yaml`.
    pub const NAMES: [&'static str; 4] = ["party", "signatory", "invited", "none"];

    /// Parses a status as written in `country.yaml`.
    pub fn parse(text: &str) -> Option<TreatyStatus> {
        match text {
            "party" => Some(TreatyStatus::Party),
            "signatory" => Some(TreatyStatus::Signatory),
            "invited" => Some(TreatyStatus::Invited),
            "none" => Some(TreatyStatus::None),
            _ => None,
        }
    }

    /// The status as written in `country.yaml`.
    pub fn as_str(self) -> &'static str {
        match self {
            TreatyStatus::Party => "party",
            TreatyStatus::Signatory => "signatory",
            TreatyStatus::Invited => "invited",
            TreatyStatus::None => "none",
        }
    }
}

/// A country's record under one framework.
#[derive(Clone, Debug, Serialize)]
pub struct Treaty {
    /// Framework id.
    pub framework: String,
    /// Party, signatory, invited, none.
    pub status: TreatyStatus,
    /// Date of signature.
    pub signed: Option<NaiveDate>,
    /// Date of deposit of ratification or accession.
    pub ratified: Option<NaiveDate>,
    /// Entry into force for the country.
    pub in_force: Option<NaiveDate>,
    /// Reservations: provisions (or some of their elements) the country does not apply.
    pub reservations: Vec<Reservation>,
    /// Declarations (optional extension): options the country declared it requires.
    pub declarations: Vec<Declaration>,
    /// (v2) Authorities notified to the depositary, each implementing elements of a provision.
    pub designations: Vec<Designation>,
    /// (v2) From this date the treaty itself is domestic law.
    pub domestic_effect: Option<DomesticEffect>,
    /// Sources of the record (optional extension).
    pub sources: Vec<String>,
    /// Free text (optional extension).
    pub note: Option<String>,
}

impl Treaty {
    /// The reservation on a provision, if any.
    pub fn reservation(&self, provision: &ProvisionId) -> Option<&Reservation> {
        self.reservations.iter().find(|r| &r.provision == provision)
    }

    /// The later of `date` and the treaty's entry into force for the country (`date` when
    /// either is unknown): a designation or domestic effect counts from then.
    pub fn effective_from(&self, date: Option<NaiveDate>) -> Option<NaiveDate> {
        match (date, self.in_force) {
            (Some(d), Some(f)) => Some(d.max(f)),
            (d, f) => d.or(f),
        }
    }
}

/// (v2) A designation notified to the depositary (24/7 point of contact, central authority):
/// it implements the elements it names from its date, or from the treaty's entry into force
/// for the country when that is later.
#[derive(Clone, Debug, Serialize)]
pub struct Designation {
    /// The provision.
    pub provision: ProvisionId,
    /// The elements it implements; empty means all of them.
    pub elements: Vec<String>,
    /// The authority designated.
    pub authority: Option<String>,
    /// Date of the notification.
    pub date: Option<NaiveDate>,
    /// Sources.
    pub sources: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

/// (v2) The treaty as domestic law (monist systems, promulgation).
#[derive(Clone, Debug, Serialize)]
pub struct DomesticEffect {
    /// From this date.
    pub date: NaiveDate,
    /// Sources (the record's own when the key is a bare date).
    pub sources: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

/// A reservation on a provision. With no `elements` and no `options` it covers the whole
/// provision; with `options` only, it reserves the right to require those qualifiers (Budapest
/// art. 4(2) "serious harm") and exempts no element.
#[derive(Clone, Debug, Serialize)]
pub struct Reservation {
    /// The provision reserved.
    pub provision: ProvisionId,
    /// The elements reserved; empty (with no options) means all of them.
    pub elements: Vec<String>,
    /// Qualifiers the country reserved the right to require (optional extension).
    pub options: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

impl Reservation {
    /// True when the reservation covers the whole provision.
    pub fn is_whole(&self) -> bool {
        self.elements.is_empty() && self.options.is_empty()
    }

    /// True when the reservation covers this element.
    pub fn covers(&self, element: &str) -> bool {
        self.is_whole() || self.elements.iter().any(|e| e == element)
    }
}

/// A declaration under a framework (e.g. Budapest art. 40): options the country requires.
#[derive(Clone, Debug, Serialize)]
pub struct Declaration {
    /// The provision concerned.
    pub provision: ProvisionId,
    /// The options declared.
    pub options: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

/// Kind of statute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatuteKind {
    /// A stand-alone act or law.
    Act,
    /// A code or a chapter of one.
    Code,
    /// An amending law.
    Amendment,
    /// A decree or regulation.
    Decree,
    /// A bill, not (yet) law.
    Bill,
}

impl StatuteKind {
    /// All kinds, as written in front matter.
    pub const NAMES: [&'static str; 5] = ["act", "code", "amendment", "decree", "bill"];

    /// Parses a kind as written in front matter.
    pub fn parse(text: &str) -> Option<StatuteKind> {
        match text {
            "act" => Some(StatuteKind::Act),
            "code" => Some(StatuteKind::Code),
            "amendment" => Some(StatuteKind::Amendment),
            "decree" => Some(StatuteKind::Decree),
            "bill" => Some(StatuteKind::Bill),
            _ => None,
        }
    }

    /// The kind as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            StatuteKind::Act => "act",
            StatuteKind::Code => "code",
            StatuteKind::Amendment => "amendment",
            StatuteKind::Decree => "decree",
            StatuteKind::Bill => "bill",
        }
    }
}

/// Whether the statute's facts were checked against its sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    /// Not checked: read with care.
    Unverified,
    /// Checked against the cited sources.
    Verified,
}

/// One statute (act, code chapter, amendment, decree, bill).
#[derive(Clone, Debug, Serialize)]
pub struct Statute {
    /// Unique id, starting with the country code (`ar-ley-26388`).
    pub id: String,
    /// The country.
    pub country: CountryCode,
    /// Title as enacted.
    pub title: String,
    /// Language of the text (ISO 639-1).
    pub language: String,
    /// Act, code, amendment, decree or bill.
    pub kind: StatuteKind,
    /// Date enacted.
    pub enacted: Option<NaiveDate>,
    /// Date in force.
    pub in_force: Option<NaiveDate>,
    /// Date repealed (last day in force).
    pub repealed: Option<NaiveDate>,
    /// `official` or `summary`.
    pub text: Option<String>,
    /// Where the text comes from.
    pub sources: Vec<String>,
    /// Review status; absent counts as unverified.
    pub review: Review,
    /// Text before the first heading.
    pub preamble: String,
    /// The sections, in file order.
    pub sections: Vec<Section>,
    /// Where the file is, relative to the corpus.
    pub file: String,
}

impl Statute {
    /// The section with this local id.
    pub fn section(&self, local: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id.local() == local)
    }

    /// First day the statute is in force: `in_force`, else `enacted` (bills: never).
    pub fn start(&self) -> Option<NaiveDate> {
        if self.kind == StatuteKind::Bill && self.in_force.is_none() {
            return None;
        }
        self.in_force.or(self.enacted)
    }
}

/// One section of a statute: a heading and what stands under it, up to the next heading.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// `<statute id>#<section id>`.
    pub id: SectionId,
    /// The heading text.
    pub heading: String,
    /// Heading level (1-6).
    pub level: u8,
    /// Texts of the headings above it (chapter, title), outermost first.
    pub context: Vec<String>,
    /// The section's text as plain text (the `harmonia` block left out).
    pub text: String,
    /// The section's Markdown source (the `harmonia` block left out).
    pub markdown: String,
    /// Its `harmonia` block, if it has one.
    pub mapping: Option<Mapping>,
    /// Line of its heading.
    pub line: u32,
}

impl Section {
    /// True for a heading with no text and no block of its own (a chapter title).
    pub fn is_heading_only(&self) -> bool {
        self.text.trim().is_empty() && self.mapping.is_none()
    }

    /// First day in force: the section's own date wins over the statute's.
    pub fn start(&self, statute: &Statute) -> Option<NaiveDate> {
        self.mapping
            .as_ref()
            .and_then(|m| m.in_force)
            .or_else(|| statute.start())
    }

    /// Last day in force, if repealed: the section's own date wins over the statute's.
    pub fn end(&self, statute: &Statute) -> Option<NaiveDate> {
        self.mapping
            .as_ref()
            .and_then(|m| m.repealed)
            .or(statute.repealed)
    }

    /// True when the section is in force on `date`: started on or before it, and not
    /// repealed before it (a repealed section stops counting the day after its date).
    pub fn in_force_on(&self, statute: &Statute, date: NaiveDate) -> bool {
        match self.start(statute) {
            Some(start) if start <= date => self.end(statute).is_none_or(|end| date <= end),
            _ => false,
        }
    }

    /// The provisions this section implements.
    pub fn implementations(&self) -> &[Implementation] {
        self.mapping
            .as_ref()
            .map(|m| m.implements.as_slice())
            .unwrap_or(&[])
    }
}

/// A section's `harmonia` block.
#[derive(Clone, Debug, Serialize)]
pub struct Mapping {
    /// The provisions it implements.
    pub implements: Vec<Implementation>,
    /// Its penalty, for offences.
    pub penalty: Option<Penalty>,
    /// Overrides the statute's entry into force for this section.
    pub in_force: Option<NaiveDate>,
    /// Overrides the statute's repeal for this section.
    pub repealed: Option<NaiveDate>,
    /// Free text (optional extension).
    pub note: Option<String>,
    /// Line of the block's first YAML line.
    pub line: u32,
}

/// How one section implements one provision.
#[derive(Clone, Debug, Serialize)]
pub struct Implementation {
    /// The provision.
    pub provision: ProvisionId,
    /// The provision's elements the section covers.
    pub elements: Vec<String>,
    /// The provision's options the section adds.
    pub options: Vec<String>,
    /// Free text.
    pub note: Option<String>,
    /// (v2) The penalty for this provision, when the section's own belongs to another offence.
    pub penalty: Option<Penalty>,
    /// A proposal awaiting review (`suggested: true`): not evidence until a person confirms it.
    pub suggested: bool,
}

/// A penalty, normalised to months (a day is 1/30 month, a week 7/30, a year 12).
#[derive(Clone, Debug, Serialize)]
pub struct Penalty {
    /// Prison range, if the offence carries one.
    pub prison: Option<PrisonTerm>,
    /// (v2) Aggravated ranges, apart from the basic one.
    pub aggravated: Vec<Aggravated>,
    /// Fine, as written.
    pub fine: Option<String>,
    /// Free text (optional extension).
    pub note: Option<String>,
}

/// (v2) An aggravated range and what triggers it.
#[derive(Clone, Debug, Serialize)]
pub struct Aggravated {
    /// The range.
    pub prison: Option<PrisonTerm>,
    /// What triggers it.
    pub when: Option<String>,
    /// Fine, as written.
    pub fine: Option<String>,
}

/// The top of a prison range: a term in months, or life. Life is above every term.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Term {
    /// A term of this many months.
    Months(f64),
    /// Life imprisonment.
    Life,
}

impl Term {
    /// The months, or `None` for life.
    pub fn months(self) -> Option<f64> {
        match self {
            Term::Months(m) => Some(m),
            Term::Life => None,
        }
    }

    /// True for life.
    pub fn is_life(self) -> bool {
        matches!(self, Term::Life)
    }

    /// The higher of two terms (life above every term).
    pub fn max(self, other: Term) -> Term {
        if other > self {
            other
        } else {
            self
        }
    }

    /// At least `months` (life always is).
    pub fn at_least(self, months: f64) -> bool {
        match self {
            Term::Months(m) => m >= months,
            Term::Life => true,
        }
    }

    /// At least as long as `other` (life is at least everything).
    pub fn at_least_term(self, other: Term) -> bool {
        self.total_cmp(&other) != std::cmp::Ordering::Less
    }

    /// A total order for sorting (life last).
    pub fn total_cmp(&self, other: &Term) -> std::cmp::Ordering {
        match (self, other) {
            (Term::Months(a), Term::Months(b)) => a.total_cmp(b),
            (Term::Months(_), Term::Life) => std::cmp::Ordering::Less,
            (Term::Life, Term::Months(_)) => std::cmp::Ordering::Greater,
            (Term::Life, Term::Life) => std::cmp::Ordering::Equal,
        }
    }
}

/// A prison range in months, with the terms as written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PrisonTerm {
    /// Minimum in months; `None` when the law sets none (`~`).
    pub min_months: Option<f64>,
    /// Maximum: months or life.
    pub max: Term,
    /// Minimum as written (`15 days`).
    pub min_text: Option<String>,
    /// Maximum as written (`6 months`, `life`).
    pub max_text: String,
}

impl PrisonTerm {
    /// The maximum in months, `None` for life.
    pub fn max_months(&self) -> Option<f64> {
        self.max.months()
    }
}

/// Longest prison term the format accepts (200 years): beyond it a term is a typing error or
/// hostile input, and life is written `life`.
pub const MAX_TERM_MONTHS: f64 = 200.0 * 12.0;

/// Parses a duration such as `15 days`, `1 week`, `6 months`, `2 years`, `1.5 years` into
/// months. Returns a message naming the accepted units otherwise.
pub fn parse_duration_months(text: &str) -> Result<f64, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("life") {
        return Err("`life` can only be a maximum (`prison: [~, life]`)".into());
    }
    let (num, unit) = t.split_once(char::is_whitespace).ok_or_else(|| {
        format!("`{t}` is not a duration (expected a number and a unit, e.g. `6 months`)")
    })?;
    let n: f64 = num
        .trim()
        .replace(',', ".")
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite() && *n >= 0.0)
        .ok_or_else(|| format!("`{num}` in `{t}` is not a non-negative number"))?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "day" | "days" => 1.0 / 30.0,
        "week" | "weeks" => 7.0 / 30.0,
        "month" | "months" => 1.0,
        "year" | "years" => 12.0,
        other => {
            return Err(format!(
                "unknown penalty unit `{other}` (use day(s), week(s), month(s) or year(s))"
            ))
        }
    };
    let months = n * factor;
    if months > MAX_TERM_MONTHS {
        return Err(format!(
            "`{t}` is longer than 200 years; write `life` for life imprisonment"
        ));
    }
    Ok(months)
}

/// Parses an ISO 8601 calendar date (`2008-06-25`) of the years 1000 to 9999 (a statute's
/// dates are never outside them; `-0001` or `0000` are typing errors).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let bad = || format!("`{t}` is not a valid date (expected YYYY-MM-DD, e.g. 2008-06-25)");
    let b = t.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(bad());
    }
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| bad())?;
    if b[0] == b'0' {
        return Err(format!("`{t}`: years before 1000 are not accepted"));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_become_months() {
        assert_eq!(parse_duration_months("15 days").unwrap(), 0.5);
        assert_eq!(parse_duration_months("1 week").unwrap(), 7.0 / 30.0);
        assert_eq!(parse_duration_months("6 months").unwrap(), 6.0);
        assert_eq!(parse_duration_months("2 years").unwrap(), 24.0);
        assert_eq!(parse_duration_months("1.5 years").unwrap(), 18.0);
        assert!(parse_duration_months("3 fortnights")
            .unwrap_err()
            .contains("unknown penalty unit"));
        assert!(parse_duration_months("years").is_err());
        assert!(parse_duration_months("-1 years").is_err());
    }

    #[test]
    fn dates_are_iso() {
        assert_eq!(
            parse_date("2008-06-25").unwrap(),
            NaiveDate::from_ymd_opt(2008, 6, 25).unwrap()
        );
        assert!(parse_date("2008-02-30").is_err());
        assert!(parse_date("25/06/2008").is_err());
    }
}
