//! Mapping suggestions: for each section of an unannotated (or partly annotated) statute, the
//! provisions it likely implements, best first, with the elements it likely covers, a
//! confidence, and the prison terms its text states ([`penalty`]).
//!
//! Two models, both lexical and offline, measured against each other by [`evaluate`]:
//!
//! - [`ModelKind::Lexical`], the baseline: each provision is described, in each language, by
//!   the model law alone: its `terms` in that language (weighted up: they are the words
//!   drafters use), its title, element and option labels, and its drafting text in that
//!   language (the English model text for English).
//! - [`ModelKind::Corpus`]: the baseline plus what the annotated corpus teaches: the text of
//!   every section in the same language that a person mapped to the provision (each section
//!   counted once, whatever its length), so words statutes use and the model law does not
//!   ("Ausspähen", "invasão", "defraudación") count.
//!
//! A section is analysed with the search index's analyzer for its language (words, lower case,
//! Snowball stem, accents folded), weighted by tf-idf (idf over the provision descriptions
//! and training sections of the language), and compared with each provision by cosine. The
//! confidence is the cosine over twice the threshold, capped at 1: a confidence of 0.5 is the
//! threshold, so a provision is *suggested* when its confidence is at least 0.5 and its
//! cosine at least [`Config::ratio`] of the best one's; below that it is only a candidate.
//! Elements proposed for a provision are those most mappings of it in the training corpus
//! cover (at least half of them), or all of them when nobody mapped it yet. Options are never
//! proposed: they restrict an offence, and only a person can tell.

pub mod apply;
pub mod evaluate;
pub mod penalty;

use rustc_hash::FxHashMap;
use serde::Serialize;
use tantivy::tokenizer::{Language, TextAnalyzer, TokenStream};

use crate::corpus::{Framework, Section, Statute};
use crate::id::ProvisionId;
use penalty::{read_penalty, PenaltyReading};

/// Which model to suggest with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelKind {
    /// The model law's terms, labels and drafting texts only.
    Lexical,
    /// The lexical baseline plus the texts of sections people mapped in the corpus.
    Corpus,
}

impl ModelKind {
    /// The name shown in reports.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Lexical => "lexical",
            ModelKind::Corpus => "corpus",
        }
    }
}

/// The decision thresholds.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Config {
    /// Cosine at which a provision is suggested (confidence 0.5).
    pub threshold: f32,
    /// A second provision is suggested only when its cosine is at least this share of the
    /// best one's.
    pub ratio: f32,
    /// Candidates listed per section, at most.
    pub candidates: usize,
    /// Candidates below this confidence are not listed.
    pub floor: f32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            threshold: 0.15,
            ratio: 0.85,
            candidates: 3,
            floor: 0.2,
        }
    }
}

/// A provision proposed for a section.
#[derive(Clone, Debug, Serialize)]
pub struct Candidate {
    /// The provision.
    pub provision: ProvisionId,
    /// 0 to 1; 0.5 is the suggestion threshold.
    pub confidence: f64,
    /// The elements the section likely covers.
    pub elements: Vec<String>,
}

/// What the suggester proposes for one section.
#[derive(Clone, Debug)]
pub struct SectionSuggestion {
    /// Candidates, best first.
    pub candidates: Vec<Candidate>,
    /// The candidates suggested (above the threshold), best first.
    pub suggested: Vec<ProvisionId>,
    /// The prison terms the text states.
    pub penalty: Option<PenaltyReading>,
}

/// One training example: a section a person mapped, with its language.
#[derive(Clone, Copy)]
pub struct Example<'a> {
    /// The statute's language.
    pub language: &'a str,
    /// The section.
    pub section: &'a Section,
}

type Vector = FxHashMap<String, f32>;

struct Space {
    idf: FxHashMap<String, f32>,
    unseen_idf: f32,
    /// One unit vector per provision (same order as `Model::provisions`); empty when the
    /// provision has no words in this language.
    profiles: Vec<Vector>,
}

struct ProvisionInfo {
    id: ProvisionId,
    elements: Vec<String>,
    /// Elements at least half of the training mappings cover (all when there are none).
    likely: Vec<String>,
}

/// A suggester for one framework, built from the model law and (for the corpus model) the
/// sections people mapped.
pub struct Model {
    kind: ModelKind,
    config: Config,
    provisions: Vec<ProvisionInfo>,
    spaces: FxHashMap<String, Space>,
}

/// The languages with a stemmer (and model law terms).
pub const LANGUAGES: [&str; 5] = ["es", "pt", "en", "fr", "de"];

fn analyzer(lang: &str) -> TextAnalyzer {
    match crate::index::analyzers::STEMMED
        .iter()
        .find(|(code, _)| *code == lang)
    {
        Some((_, l)) => crate::index::analyzers::stemmed(*l),
        None => crate::index::analyzers::stemmed(Language::English),
    }
}

/// Words that carry no meaning for mapping, per language (after stemming and folding, the
/// analyzer's output is compared against these folded forms' stems).
const STOP: &[&str] = &[
    "el", "la", "los", "las", "de", "del", "que", "en", "con", "por", "para", "una", "uno", "un",
    "su", "sus", "se", "al", "lo", "o", "y", "a", "e", "es", "da", "do", "das", "dos", "na", "no",
    "nas", "nos", "os", "as", "um", "uma", "com", "ou", "ao", "the", "of", "and", "to", "in", "or",
    "is", "by", "be", "for", "on", "an", "any", "that", "which", "with", "as", "shall", "who",
    "le", "les", "des", "du", "et", "ou", "d", "l", "à", "au", "aux", "par", "sur", "der", "die",
    "das", "und", "oder", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "mit",
    "von", "zu", "im", "wer", "wird", "ist", "auf", "für", "art", "abs",
];

/// Words for punishment: every offence has them, so they tell offences apart from nothing,
/// and they drew every penal section to the provision on sanctions (bc-13). Left out of all
/// descriptions and sections; the penalty reader reads them instead.
const PENALTY_WORDS: &str = "pena penas prisión prisiones reclusión multa multas castiga castigado     sancionado reprimido sanción presidio inhabilitación años meses días reclusão detenção prisão     punido sanção anos imprisonment imprisoned fine fines liable penalty penalties sentence     punishable years months conviction indictment emprisonnement amende amendes puni punie peine     peines ans mois Freiheitsstrafe Geldstrafe Strafe Strafen bestraft Jahren Jahre Monaten Geldbuße";

thread_local! {
    static SKIP: std::cell::RefCell<FxHashMap<String, rustc_hash::FxHashSet<String>>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// The stems of [`PENALTY_WORDS`] as the analyzer of `lang` makes them.
fn skip_set(lang: &str) -> rustc_hash::FxHashSet<String> {
    SKIP.with(|cache| {
        cache
            .borrow_mut()
            .entry(lang.to_string())
            .or_insert_with(|| {
                let mut an = analyzer(lang);
                let mut stream = an.token_stream(PENALTY_WORDS);
                let mut set = rustc_hash::FxHashSet::default();
                while stream.advance() {
                    set.insert(stream.token().text.clone());
                }
                set
            })
            .clone()
    })
}

fn tokens(
    analyzer: &mut TextAnalyzer,
    text: &str,
    weight: f32,
    bag: &mut Vector,
    skip: &rustc_hash::FxHashSet<String>,
) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = &stream.token().text;
        if t.len() < 3
            || t.chars().all(|c| c.is_ascii_digit())
            || STOP.contains(&t.as_str())
            || skip.contains(t)
        {
            continue;
        }
        *bag.entry(t.clone()).or_insert(0.0) += weight;
    }
}

/// The words of a section: its heading twice (it names the offence), then its text.
fn section_bag(analyzer: &mut TextAnalyzer, lang: &str, heading: &str, text: &str) -> Vector {
    let skip = skip_set(lang);
    let mut bag = Vector::default();
    tokens(analyzer, heading, 2.0, &mut bag, &skip);
    tokens(analyzer, text, 1.0, &mut bag, &skip);
    bag
}

fn tfidf(bag: &Vector, space_idf: &FxHashMap<String, f32>, unseen: f32) -> Vector {
    let mut v: Vector = bag
        .iter()
        .map(|(t, tf)| {
            let idf = space_idf.get(t).copied().unwrap_or(unseen);
            (t.clone(), (1.0 + tf.ln().max(0.0)) * idf)
        })
        .collect();
    normalize(&mut v);
    v
}

fn normalize(v: &mut Vector) {
    let norm = v.values().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in v.values_mut() {
            *x /= norm;
        }
    }
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(t, x)| large.get(t).map(|y| x * y))
        .sum()
}

/// The model law's description of a provision in one language.
fn baseline_bag(analyzer: &mut TextAnalyzer, p: &crate::corpus::Provision, lang: &str) -> Vector {
    let skip = skip_set(lang);
    let mut bag = Vector::default();
    let terms = p.terms_for(lang);
    let terms = if terms.is_empty() {
        p.terms_for("en")
    } else {
        terms
    };
    for t in terms {
        tokens(analyzer, t, 3.0, &mut bag, &skip);
    }
    // Titles and labels are English: in other languages they only help through shared words,
    // and they bring false friends (English "data" is Portuguese for "date"), so they weigh
    // less there.
    let english = if lang == "en" { 1.0 } else { 0.5 };
    tokens(analyzer, &p.title, 2.0 * english, &mut bag, &skip);
    for e in p.elements.iter().chain(&p.options) {
        tokens(analyzer, &e.label, english, &mut bag, &skip);
    }
    match p.drafting_for(lang) {
        Some(d) => tokens(analyzer, d, 1.0, &mut bag, &skip),
        None if lang == "en" => tokens(analyzer, &p.text, 1.0, &mut bag, &skip),
        None => {}
    }
    bag
}

impl Model {
    /// Builds a model of `framework`; the corpus model learns from `training` (sections
    /// people mapped; suggested entries are left out).
    pub fn build(
        framework: &Framework,
        training: &[Example],
        kind: ModelKind,
        config: Config,
    ) -> Model {
        let mut provisions: Vec<ProvisionInfo> = framework
            .provisions
            .iter()
            .map(|p| ProvisionInfo {
                id: p.id.clone(),
                elements: p.elements.iter().map(|e| e.id.clone()).collect(),
                likely: Vec::new(),
            })
            .collect();
        // Element priors from every training mapping, whatever its language.
        for info in &mut provisions {
            let maps: Vec<&crate::corpus::Implementation> = training
                .iter()
                .flat_map(|x| x.section.implementations())
                .filter(|i| !i.suggested && i.provision == info.id)
                .collect();
            info.likely = if maps.is_empty() {
                info.elements.clone()
            } else {
                info.elements
                    .iter()
                    .filter(|e| {
                        let n = maps.iter().filter(|m| m.elements.contains(e)).count();
                        2 * n >= maps.len()
                    })
                    .cloned()
                    .collect()
            };
        }
        let mut languages: Vec<String> = LANGUAGES.iter().map(|s| s.to_string()).collect();
        for x in training {
            if !languages.iter().any(|l| l == x.language) {
                languages.push(x.language.to_string());
            }
        }
        let mut spaces = FxHashMap::default();
        for lang in languages {
            let mut an = analyzer(&lang);
            let base: Vec<Vector> = framework
                .provisions
                .iter()
                .map(|p| baseline_bag(&mut an, p, &lang))
                .collect();
            let mut learned: Vec<Vec<Vector>> = vec![Vec::new(); provisions.len()];
            let mut docs: Vec<&Vector> = base.iter().collect();
            let mut section_bags: Vec<(Vec<usize>, Vector)> = Vec::new();
            if kind == ModelKind::Corpus {
                for x in training.iter().filter(|x| x.language == lang) {
                    let idx: Vec<usize> = x
                        .section
                        .implementations()
                        .iter()
                        .filter(|i| !i.suggested)
                        .filter_map(|i| provisions.iter().position(|p| p.id == i.provision))
                        .collect();
                    if idx.is_empty() {
                        continue;
                    }
                    let bag = section_bag(&mut an, &lang, &x.section.heading, &x.section.text);
                    section_bags.push((idx, bag));
                }
            }
            docs.extend(section_bags.iter().map(|(_, b)| b));
            let n = docs.len() as f32;
            let mut df: FxHashMap<&str, f32> = FxHashMap::default();
            for d in &docs {
                for t in d.keys() {
                    *df.entry(t.as_str()).or_insert(0.0) += 1.0;
                }
            }
            let idf: FxHashMap<String, f32> = df
                .into_iter()
                .map(|(t, d)| (t.to_string(), (1.0 + n / d).ln()))
                .collect();
            let unseen = (1.0 + n).ln();
            for (idx, bag) in &section_bags {
                let v = tfidf(bag, &idf, unseen);
                for &i in idx {
                    learned[i].push(v.clone());
                }
            }
            let profiles = base
                .iter()
                .zip(learned)
                .map(|(b, l)| {
                    let mut v = tfidf(b, &idf, unseen);
                    if !l.is_empty() {
                        // The model law and the mean of the mapped sections weigh the same.
                        let share = 1.0 / l.len() as f32;
                        for s in &l {
                            for (t, x) in s {
                                *v.entry(t.clone()).or_insert(0.0) += x * share;
                            }
                        }
                        normalize(&mut v);
                    }
                    v
                })
                .collect();
            spaces.insert(
                lang,
                Space {
                    idf,
                    unseen_idf: unseen,
                    profiles,
                },
            );
        }
        Model {
            kind,
            config,
            provisions,
            spaces,
        }
    }

    /// The model's kind.
    pub fn kind(&self) -> ModelKind {
        self.kind
    }

    /// The thresholds in use.
    pub fn config(&self) -> Config {
        self.config
    }

    /// Suggests provisions for a section with this heading and text, in `lang`.
    pub fn suggest(&self, lang: &str, heading: &str, text: &str) -> SectionSuggestion {
        let penalty = read_penalty(text, lang);
        if is_commencement(text) {
            return SectionSuggestion {
                candidates: Vec::new(),
                suggested: Vec::new(),
                penalty,
            };
        }
        let space = self
            .spaces
            .get(lang)
            .or_else(|| self.spaces.get("en"))
            .expect("the model has an English space");
        let mut an = analyzer(lang);
        let v = tfidf(
            &section_bag(&mut an, lang, heading, text),
            &space.idf,
            space.unseen_idf,
        );
        let mut scored: Vec<(usize, f32)> = space
            .profiles
            .iter()
            .enumerate()
            .map(|(i, p)| (i, cosine(&v, p)))
            .filter(|(_, c)| *c > 0.0)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let c = self.config;
        let confidence = |cos: f32| f64::from((cos / (2.0 * c.threshold)).min(1.0));
        let round = |x: f64| (x * 100.0).round() / 100.0;
        let best = scored.first().map_or(0.0, |s| s.1);
        let candidates: Vec<Candidate> = scored
            .iter()
            .take(c.candidates)
            .filter(|(_, cos)| confidence(*cos) >= f64::from(c.floor))
            .map(|&(i, cos)| Candidate {
                provision: self.provisions[i].id.clone(),
                confidence: round(confidence(cos)),
                elements: self.provisions[i].likely.clone(),
            })
            .collect();
        let suggested = scored
            .iter()
            .take(c.candidates)
            .filter(|(_, cos)| *cos >= c.threshold && *cos >= c.ratio * best)
            .map(|&(i, _)| self.provisions[i].id.clone())
            .collect();
        SectionSuggestion {
            candidates,
            suggested,
            penalty,
        }
    }
}

static COMMENCEMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(entra(rá)? en vigor|entrará en vigencia|entra en vigencia|regirá desde|entra(rá)? em vigor|comes? into (force|operation)|shall come into (force|operation)|entre(ra)? en vigueur|tritt .{0,60}in Kraft)\b",
    )
    .expect("valid regex")
});

/// A short clause whose business is the statute's entry into force ("Esta ley entra en vigor
/// ...", "This Act comes into force ...", "Dieses Gesetz tritt ... in Kraft"): it implements
/// nothing, and its words (date, publication, law) otherwise match summaries that mention
/// their own dates.
pub fn is_commencement(text: &str) -> bool {
    text.chars().count() <= 400 && COMMENCEMENT.is_match(text)
}

/// The suggestions for one section of a statute.
#[derive(Clone, Debug)]
pub struct SectionResult<'a> {
    /// The section.
    pub section: &'a Section,
    /// What the model proposes.
    pub suggestion: SectionSuggestion,
}

/// Suggests for every section of `statute` that has text and no `harmonia` block (a block
/// is a person's: annotated sections are left alone). Returns the results and the number of
/// sections skipped because they are already annotated.
pub fn suggest_statute<'a>(model: &Model, statute: &'a Statute) -> (Vec<SectionResult<'a>>, usize) {
    let mut out = Vec::new();
    let mut annotated = 0;
    for s in &statute.sections {
        if s.is_heading_only() || s.text.trim().is_empty() {
            continue;
        }
        if s.mapping.is_some() {
            annotated += 1;
            continue;
        }
        out.push(SectionResult {
            section: s,
            suggestion: model.suggest(&statute.language, &s.heading, &s.text),
        });
    }
    (out, annotated)
}

/// The sections of a corpus people mapped, as training examples, leaving out the statutes
/// `skip` says to (the statute being suggested for, or the held-out country).
pub fn examples<'a>(
    corpus: &'a crate::corpus::Corpus,
    skip: impl Fn(&Statute) -> bool,
) -> Vec<Example<'a>> {
    corpus
        .statutes
        .iter()
        .filter(|s| !skip(s))
        .flat_map(|st| {
            st.sections
                .iter()
                .filter(|s| s.implementations().iter().any(|i| !i.suggested))
                .map(move |s| Example {
                    language: st.language.as_str(),
                    section: s,
                })
        })
        .collect()
}

/// Reads a statute file that may stand outside a corpus folder, against `frameworks`: the
/// corpus reader checks it as if it were `statutes/<its country>/<its name>`, and every
/// diagnostic names `display` (the path as the user gave it).
pub fn read_statute(
    frameworks: &[Framework],
    display: &str,
    bytes: Vec<u8>,
) -> (Option<Statute>, crate::diagnostic::Diagnostics) {
    let text = String::from_utf8_lossy(&bytes);
    let country = text
        .lines()
        .skip(1)
        .take_while(|l| l.trim_end() != "---")
        .find_map(|l| l.strip_prefix("country:"))
        .map(|c| c.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
        .filter(|c| c.len() == 2 && c.chars().all(|x| x.is_ascii_lowercase()))
        .unwrap_or_else(|| "xx".into());
    let name = std::path::Path::new(display)
        .file_name()
        .map_or_else(|| "statute.md".into(), |n| n.to_string_lossy().into_owned());
    let file = crate::corpus::source::SourceFile {
        path: format!("statutes/{country}/{name}"),
        bytes: std::borrow::Cow::Owned(bytes),
        built_in: false,
        too_large: None,
    };
    let (statute, found) = crate::corpus::load::read_statute_file(frameworks, &file);
    let mut out = crate::diagnostic::Diagnostics::new();
    for d in found.iter() {
        let mut d = d.clone();
        d.file = display.to_string();
        out.push(d);
    }
    (statute, out)
}
