//! Natural-language queries as concepts reached in every language, and why a section matched.
//!
//! A natural-language query ([`super::plan::Natural`]) becomes one *concept* per word (stop
//! words left out), or per run of words that the term table names as one term
//! (`interceptación ilícita`, `Ausspähen von Daten`). A section holds a concept when:
//!
//! 1. **its own words** hold the word: its text in its language's field (stemmed, with the
//!    verb forms of [`super::morph::variants`] and, for German, the compounds of the corpus
//!    holding the word, or the word split into two corpus words), its heading or its
//!    statute title;
//! 2. **a term of the table** does: a word of a row holding the query word, in any language
//!    (`interceptación` -> `Abfangen`, `interceptação`, `interception`), found in the
//!    section's own text in that language;
//! 3. **a provision it implements** does: the provision's concept text (title, element and
//!    option labels, terms in every language, and the words of the table rows naming it)
//!    holds the query word or one of its row's words, as in [`super::concept`].
//!
//! A concept made of several words is held when the table's term is (2 or 3), or when each
//! of its words is. The concepts are combined with the minimum-should-match rule of
//! [`super::plan::minimum_should_match`]; the score is the sum over the concepts a section
//! holds, so sections sharing more concepts with the query rank higher. A table term weighs
//! [`TERM_WEIGHT`] of the query's own word, a compound [`COMPOUND_WEIGHT`].
//!
//! [`explain`] says, for a hit, which route carried each concept: the section's own words,
//! a table term (`"Abfangen" (term row interception)`), or a provision (`bc-3 via
//! "interceptación"`).

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EnableScoring, Occur,
    PhraseQuery, Query, QueryParser, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, DocSet, Searcher, Term};

use super::analyzers::{self, STEMMED};
use super::concept::{Concepts, CONCEPT_BOOST};
use super::morph::{self, Vocabulary};
use super::plan::{minimum_should_match, Natural};
use super::schema::{Fields, LANGUAGE_SLOTS};
use super::terms::{self, TermIndex, TermTable, MAX_PHRASE_WORDS};
use crate::error::Error;

/// Weight of a table term against the query's own word.
pub const TERM_WEIGHT: f32 = 0.8;

/// Weight of another verb form of the query word.
pub const VARIANT_WEIGHT: f32 = 0.9;

/// Weight of a German compound holding the query word.
pub const COMPOUND_WEIGHT: f32 = 0.6;

/// Weight of the query word split into two corpus words.
pub const SPLIT_WEIGHT: f32 = 0.8;

/// Which analysis steps a search uses (all by default; switched off one by one to measure
/// what each brings, see [`super::eval`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// Natural-language queries match most of their concepts; off, their words are all
    /// required and go through the query parser (as before this analysis existed).
    pub natural: bool,
    /// BM25 measures each language's text against that language's sections.
    pub language_lengths: bool,
    /// The term table (route 2) and its rows' words in the provisions' concept texts.
    pub terms: bool,
    /// Verb forms ([`morph::variants`]).
    pub inflection: bool,
    /// German compounds ([`Vocabulary`]).
    pub compounds: bool,
}

impl Default for Analysis {
    fn default() -> Analysis {
        Analysis {
            natural: true,
            language_lengths: true,
            terms: true,
            inflection: true,
            compounds: true,
        }
    }
}

impl Analysis {
    /// Every step off: search as it was before natural-language queries (elisions still cut,
    /// so that every query of the labelled set can be read).
    pub fn baseline() -> Analysis {
        Analysis {
            natural: false,
            language_lengths: false,
            terms: false,
            inflection: false,
            compounds: false,
        }
    }
}

/// Why a hit matched one concept of the query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The concept: a query word, or words the table names as one term.
    pub query: String,
    /// The route.
    #[serde(flatten)]
    pub via: Via,
}

/// How a concept reached a section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum Via {
    /// The section's own words hold it.
    OwnWords,
    /// The section's own words hold `word`, a word of the term table's row `row` in the
    /// section's language.
    Term {
        /// Row id.
        row: String,
        /// The row's word found.
        word: String,
    },
    /// The section implements `provision`, whose concept text holds `term`.
    Provision {
        /// Provision id.
        provision: String,
        /// The query word or table word the concept text holds.
        term: String,
    },
}

impl Reason {
    /// One line for people: `interceptación: bc-3 via "interceptación"`.
    pub fn describe(&self) -> String {
        match &self.via {
            Via::OwnWords => format!("{}: own words", self.query),
            Via::Term { row, word } => format!("{}: \"{word}\" (term row {row})", self.query),
            Via::Provision { provision, term } => {
                format!("{}: {provision} via \"{term}\"", self.query)
            }
        }
    }
}

/// One concept of a query and its routes.
pub struct Concept {
    /// The words, as typed.
    pub text: String,
    /// Route 1: the section's own words (one query a word for a concept of several words).
    own: Vec<Box<dyn Query>>,
    /// Route 1 again, as words to look for in a hit (see [`explain`]).
    own_forms: Vec<Form>,
    /// Route 2: (row id, language slot, word, query on that language's text).
    terms: Vec<(String, usize, String, Box<dyn Query>)>,
    /// Route 2 again: (row id, language slot, word, its stems, its folded words).
    term_forms: Vec<TermForm>,
    /// Route 3: provision id -> the word its concept text holds, and how many provisions'
    /// concept texts hold that word (fewer: more specific).
    provisions: BTreeMap<String, (String, usize)>,
    /// For a concept of several words: each word's concept.
    parts: Vec<Concept>,
}

/// Words whose presence in a hit's fields shows a route: the stems of a language slot's
/// text, the folded words of the heading or title, or two stems both in the text.
#[derive(Clone, Debug)]
enum Form {
    Text(usize, Vec<String>),
    Heading(Vec<String>),
    Title(Vec<String>),
    Both(usize, String, String),
}

/// A word of a term table row as [`explain`] looks for it: (row id, language slot, word, its
/// stems, its folded words).
type TermForm = (String, usize, String, Vec<String>, Vec<String>);

/// A hit's words, analysed as the index holds them, for [`explain`].
pub struct Evidence {
    /// Language slot of the hit's text.
    pub slot: usize,
    /// Its text's terms (stemmed for its language).
    pub text: Vec<String>,
    /// Its heading's terms (folded).
    pub heading: Vec<String>,
    /// Its statute title's terms (folded).
    pub title: Vec<String>,
}

impl Evidence {
    /// Analyses a hit's text (in language slot `slot`), heading and statute title.
    pub fn new(slot: usize, text: &str, heading: &str, title: &str) -> Evidence {
        let mut an = Analyzers::new();
        Evidence {
            slot,
            text: terms::analyse(&mut an.slots[slot.min(LANGUAGE_SLOTS.len() - 1)], text),
            heading: terms::analyse(&mut an.folded, heading),
            title: terms::analyse(&mut an.folded, title),
        }
    }

    fn holds(&self, form: &Form) -> bool {
        match form {
            Form::Text(slot, words) => *slot == self.slot && has(&self.text, words),
            Form::Heading(words) => has(&self.heading, words),
            Form::Title(words) => has(&self.title, words),
            Form::Both(slot, a, b) => {
                *slot == self.slot && self.text.contains(a) && self.text.contains(b)
            }
        }
    }
}

/// True when `words` occur one after the other in `tokens`.
fn has(tokens: &[String], words: &[String]) -> bool {
    !words.is_empty()
        && tokens
            .windows(words.len())
            .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
}

/// A natural-language query, built.
pub struct Built {
    /// The query to run.
    pub query: Box<dyn Query>,
    /// Its concepts, for [`explain`].
    pub concepts: Vec<Concept>,
}

/// What [`build`] needs from the open index.
pub struct Context<'a> {
    /// The searcher.
    pub searcher: &'a Searcher,
    /// Field handles.
    pub fields: &'a Fields,
    /// Provision concept texts.
    pub concepts: &'a Concepts,
    /// The term table and its lookup.
    pub table: &'a TermTable,
    /// The term table analysed.
    pub table_index: &'a TermIndex,
    /// German stems of the index (for compounds); empty when not wanted.
    pub vocabulary: &'a Vocabulary,
    /// The parser, for field filters.
    pub parser: &'a QueryParser,
    /// Which steps to use.
    pub analysis: Analysis,
}

struct Analyzers {
    /// One per language slot: the five stemmed analyzers, then the folded one.
    slots: Vec<TextAnalyzer>,
    folded: TextAnalyzer,
}

impl Analyzers {
    fn new() -> Analyzers {
        let mut slots: Vec<TextAnalyzer> = STEMMED
            .iter()
            .map(|(_, l)| analyzers::stemmed(*l))
            .collect();
        slots.push(analyzers::folded());
        Analyzers {
            slots,
            folded: analyzers::folded(),
        }
    }
}

/// Builds the query of a natural-language query.
pub fn build(cx: &Context<'_>, natural: &Natural) -> Result<Built, Error> {
    let mut an = Analyzers::new();
    let words = &natural.words;
    let mut concepts: Vec<Concept> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest run of words starting here that the table names as one term (not
        // starting or ending with a stop word).
        let mut span = None;
        if cx.analysis.terms && !natural.stop[i] {
            for len in (2..=MAX_PHRASE_WORDS.min(words.len() - i)).rev() {
                if natural.stop[i + len - 1] {
                    continue;
                }
                let text = words[i..i + len].join(" ");
                let rows = rows_of(cx, &mut an, &text);
                if !rows.is_empty() {
                    span = Some((len, text, rows));
                    break;
                }
            }
        }
        if let Some((len, text, rows)) = span {
            let parts: Vec<Concept> = (i..i + len)
                .filter(|&j| !natural.stop[j])
                .map(|j| word_concept(cx, &mut an, &words[j]))
                .collect();
            let mut c = Concept {
                text,
                own: Vec::new(),
                own_forms: Vec::new(),
                terms: Vec::new(),
                term_forms: Vec::new(),
                provisions: BTreeMap::new(),
                parts,
            };
            // The words as a phrase in the section's own text or heading, for `why`.
            for slot in 0..LANGUAGE_SLOTS.len() {
                c.own_forms.push(Form::Text(
                    slot,
                    terms::analyse(&mut an.slots[slot], &c.text),
                ));
            }
            c.own_forms
                .push(Form::Heading(terms::analyse(&mut an.folded, &c.text)));
            add_phrase_provisions(cx, &mut an, &c.text.clone(), &mut c.provisions);
            add_rows(cx, &mut an, &rows, &mut c);
            concepts.push(c);
            i += len;
        } else {
            if !natural.stop[i] {
                concepts.push(word_concept(cx, &mut an, &words[i]));
            }
            i += 1;
        }
    }
    let mut queries: Vec<Box<dyn Query>> = concepts.iter().map(|c| concept_query(cx, c)).collect();
    let core: Option<Box<dyn Query>> = match queries.len() {
        0 => None,
        1 => queries.pop(),
        n => Some(Box::new(BooleanQuery::with_minimum_required_clauses(
            queries.into_iter().map(|q| (Occur::Should, q)).collect(),
            minimum_should_match(n),
        ))),
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(core) = core {
        clauses.push((Occur::Must, core));
    }
    for f in &natural.filters {
        let q = cx
            .parser
            .parse_query(f)
            .map_err(|e| Error::Usage(format!("cannot read the filter `{f}` of the query: {e}")))?;
        // `concept_en:deleting` finds the sections of the provisions whose concept text
        // holds the word, as in the query syntax.
        clauses.push((Occur::Must, cx.concepts.expand(q.as_ref(), cx.searcher)));
    }
    let query: Box<dyn Query> = if clauses.len() == 1 {
        clauses
            .pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(tantivy::query::EmptyQuery))
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    Ok(Built { query, concepts })
}

/// The rows of the table holding `text` as a word, in any language (with its other verb
/// forms when `inflection` is on and `text` is one word).
fn rows_of(cx: &Context<'_>, an: &mut Analyzers, text: &str) -> Vec<usize> {
    let mut rows = Vec::new();
    for slot in 0..terms::LANGUAGES.len() {
        for key in forms(cx, an, slot, text) {
            for &r in cx.table_index.rows(slot, &key) {
                if !rows.contains(&r) {
                    rows.push(r);
                }
            }
        }
    }
    rows
}

/// `text` analysed for language slot `slot`, then, for one word with inflection on, its
/// other verb forms ([`morph::variants`]).
fn forms(cx: &Context<'_>, an: &mut Analyzers, slot: usize, text: &str) -> Vec<Vec<String>> {
    let stems = terms::analyse(&mut an.slots[slot], text);
    let mut out = vec![stems.clone()];
    if cx.analysis.inflection {
        if let [stem] = stems.as_slice() {
            for v in morph::variants(LANGUAGE_SLOTS[slot], stem) {
                out.push(vec![v]);
            }
        }
    }
    out
}

/// A term or phrase query on `field`.
fn leaf(field: Field, words: &[String]) -> Option<Box<dyn Query>> {
    match words.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, &words[0]),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(
            words
                .iter()
                .map(|w| Term::from_field_text(field, w))
                .collect(),
        ))),
    }
}

fn boosted(q: Box<dyn Query>, weight: f32) -> Box<dyn Query> {
    if weight == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, weight))
    }
}

/// The concept of one query word: its own-words query, its rows, its provisions.
fn word_concept(cx: &Context<'_>, an: &mut Analyzers, word: &str) -> Concept {
    let f = cx.fields;
    let mut own: Vec<Box<dyn Query>> = Vec::new();
    let mut own_forms: Vec<Form> = Vec::new();
    let folded = terms::analyse(&mut an.folded, word);
    own_forms.push(Form::Heading(folded.clone()));
    own_forms.push(Form::Title(folded.clone()));
    if let Some(q) = leaf(f.heading, &folded) {
        own.push(boosted(q, 2.0));
    }
    if let Some(q) = leaf(f.title, &folded) {
        own.push(boosted(q, 0.5));
    }
    let mut provisions = BTreeMap::new();
    for (slot, lang) in LANGUAGE_SLOTS.iter().enumerate() {
        let stems = terms::analyse(&mut an.slots[slot], word);
        own_forms.push(Form::Text(slot, stems.clone()));
        if let Some(q) = leaf(f.text[slot], &stems) {
            own.push(q);
        }
        for form in forms(cx, an, slot, word) {
            let refs: Vec<&str> = form.iter().map(String::as_str).collect();
            let holding = cx.concepts.provisions_holding(slot, &refs);
            for p in &holding {
                note(&mut provisions, p, word, holding.len(), true);
            }
        }
        if cx.analysis.inflection && stems.len() == 1 && *lang != "en" && *lang != "other" {
            for v in morph::variants(lang, &stems[0]) {
                let term = Term::from_field_text(f.text[slot], &v);
                if cx.searcher.doc_freq(&term).unwrap_or_default() > 0 {
                    own_forms.push(Form::Text(slot, vec![v.clone()]));
                    own.push(boosted(
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                        VARIANT_WEIGHT,
                    ));
                }
            }
        }
    }
    let de = LANGUAGE_SLOTS.iter().position(|s| *s == "de").unwrap_or(4);
    if cx.analysis.compounds && folded.len() == 1 && !cx.vocabulary.is_empty() {
        let stem = terms::analyse(&mut an.slots[de], word);
        if let [stem] = stem.as_slice() {
            for c in cx.vocabulary.compounds(&folded[0], stem, &mut an.slots[de]) {
                own_forms.push(Form::Text(de, vec![c.clone()]));
                own.push(boosted(
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.text[de], &c),
                        IndexRecordOption::WithFreqs,
                    )),
                    COMPOUND_WEIGHT,
                ));
            }
            if !cx.vocabulary.contains(stem) {
                if let Some((a, b)) = cx.vocabulary.split(&folded[0], &mut an.slots[de]) {
                    own_forms.push(Form::Both(de, a.clone(), b.clone()));
                    let both: Vec<(Occur, Box<dyn Query>)> = [a, b]
                        .iter()
                        .filter_map(|p| leaf(f.text[de], std::slice::from_ref(p)))
                        .map(|q| (Occur::Must, q))
                        .collect();
                    own.push(boosted(Box::new(BooleanQuery::new(both)), SPLIT_WEIGHT));
                }
            }
        }
    }
    let own_query: Box<dyn Query> = Box::new(BooleanQuery::new(
        own.into_iter().map(|q| (Occur::Should, q)).collect(),
    ));
    let mut c = Concept {
        text: word.to_string(),
        own: vec![own_query],
        own_forms,
        terms: Vec::new(),
        term_forms: Vec::new(),
        provisions,
        parts: Vec::new(),
    };
    if cx.analysis.terms {
        let rows = rows_of(cx, an, word);
        add_rows(cx, an, &rows, &mut c);
    }
    c
}

/// Records that provision `p` holds `term`, a term `holders` provisions hold: the provision
/// keeps the fewest holders of any of its terms (its score), and shows the query's own word
/// when that holds (`primary`), else its most specific term.
fn note(
    provisions: &mut BTreeMap<String, (String, usize)>,
    p: &str,
    term: &str,
    holders: usize,
    primary: bool,
) {
    match provisions.get_mut(p) {
        Some(e) => {
            if holders < e.1 {
                e.1 = holders;
                if !primary {
                    return;
                }
            }
            if primary && e.0 != term && holders <= e.1 {
                e.0 = term.to_string();
            }
        }
        None => {
            provisions.insert(p.to_string(), (term.to_string(), holders));
        }
    }
}

/// The provisions whose concept text holds the phrase `text` in some language.
fn add_phrase_provisions(
    cx: &Context<'_>,
    an: &mut Analyzers,
    text: &str,
    provisions: &mut BTreeMap<String, (String, usize)>,
) {
    for slot in 0..LANGUAGE_SLOTS.len() {
        let stems = terms::analyse(&mut an.slots[slot], text);
        let refs: Vec<&str> = stems.iter().map(String::as_str).collect();
        let holding = cx.concepts.provisions_holding(slot, &refs);
        for p in &holding {
            note(provisions, p, text, holding.len(), true);
        }
    }
}

/// Adds the words of `rows` in every language to concept `c` (route 2), and the provisions
/// whose concept texts hold them (route 3).
fn add_rows(cx: &Context<'_>, an: &mut Analyzers, rows: &[usize], c: &mut Concept) {
    let f = cx.fields;
    let own_stems: Vec<Vec<String>> = (0..terms::LANGUAGES.len())
        .map(|slot| terms::analyse(&mut an.slots[slot], &c.text))
        .collect();
    let mut seen: std::collections::HashSet<(usize, Vec<String>)> =
        std::collections::HashSet::new();
    for &r in rows {
        let row = &cx.table.rows[r];
        for (slot, words) in row.words.iter().enumerate() {
            for w in words {
                let stems = terms::analyse(&mut an.slots[slot], w);
                if stems.is_empty() || stems == own_stems[slot] {
                    continue;
                }
                let refs: Vec<&str> = stems.iter().map(String::as_str).collect();
                let holding = cx.concepts.provisions_holding(slot, &refs);
                for p in &holding {
                    note(&mut c.provisions, p, w, holding.len(), false);
                }
                if !seen.insert((slot, stems.clone())) {
                    continue;
                }
                // The word in the section's text (its language's field) or heading.
                let heading = terms::analyse(&mut an.folded, w);
                let mut either: Vec<Box<dyn Query>> = Vec::new();
                either.extend(leaf(f.text[slot], &stems));
                // Headings only for the words of rows naming an offence (those with
                // provisions, `Fraude eletrônica`): general vocabulary in every heading would
                // add a posting list a word for little.
                if !row.provisions.is_empty() {
                    either.extend(leaf(f.heading, &heading).map(|q| boosted(q, 2.0)));
                }
                if !either.is_empty() {
                    let q = Box::new(BooleanQuery::new(
                        either.into_iter().map(|q| (Occur::Should, q)).collect(),
                    ));
                    c.terms.push((row.id.clone(), slot, w.clone(), q));
                    c.term_forms.push((
                        row.id.clone(),
                        slot,
                        w.clone(),
                        stems.clone(),
                        heading.clone(),
                    ));
                }
            }
        }
    }
}

/// The query of a concept: any of its routes.
fn concept_query(cx: &Context<'_>, c: &Concept) -> Box<dyn Query> {
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for q in &c.own {
        alternatives.push((Occur::Should, q.box_clone()));
    }
    if !c.parts.is_empty() {
        let all: Vec<(Occur, Box<dyn Query>)> = c
            .parts
            .iter()
            .map(|p| (Occur::Must, concept_query(cx, p)))
            .collect();
        alternatives.push((Occur::Should, Box::new(BooleanQuery::new(all))));
    }
    for (_, _, _, q) in &c.terms {
        alternatives.push((Occur::Should, boosted(q.box_clone(), TERM_WEIGHT)));
    }
    let n = cx.searcher.num_docs() as f32;
    let all = cx.concepts.len().max(1) as f32;
    for (p, (_, holders)) in &c.provisions {
        let term = Term::from_field_text(cx.fields.provision, p);
        let df = (cx.searcher.doc_freq(&term).unwrap_or_default() as f32).min(n);
        if df == 0.0 {
            continue;
        }
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        // A term only one provision holds names it (`Computersabotage`); one that many
        // hold (`Daten`) says little about any of them.
        let specific = (1.0 + all / (*holders).max(1) as f32).ln();
        alternatives.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                CONCEPT_BOOST * idf * specific,
            )),
        ));
    }
    // A concept counts once: the best of its routes, plus a little of the others.
    Box::new(DisjunctionMaxQuery::with_tie_breaker(
        alternatives.into_iter().map(|(_, q)| q).collect(),
        ROUTE_TIE_BREAKER,
    ))
}

/// Share of the score of a concept's other routes added to its best route's.
pub const ROUTE_TIE_BREAKER: f32 = 0.1;

/// True when the section at `address` matches `query`.
pub fn matches(searcher: &Searcher, query: &dyn Query, address: DocAddress) -> bool {
    let query = super::exclusion::guard(query.box_clone());
    let Ok(weight) = query.weight(EnableScoring::disabled_from_searcher(searcher)) else {
        return false;
    };
    let reader = searcher.segment_reader(address.segment_ord);
    let target = address.doc_id;
    match weight.scorer(reader, 1.0) {
        Ok(mut scorer) => {
            let doc = scorer.doc();
            doc == target || (doc < target && scorer.seek(target) == target)
        }
        Err(_) => false,
    }
}

/// Why a hit (its words in `evidence`, implementing `provisions`) matched the concepts of
/// `built`: one reason a route that carries a concept. Judged on the hit's own words in
/// memory, not by searching again.
pub fn explain(built: &Built, evidence: &Evidence, provisions: &[String]) -> Vec<Reason> {
    let mut out = Vec::new();
    for c in &built.concepts {
        explain_concept(c, evidence, provisions, &mut out);
    }
    out
}

fn explain_concept(c: &Concept, evidence: &Evidence, provisions: &[String], out: &mut Vec<Reason>) {
    let reason = |via: Via| Reason {
        query: c.text.clone(),
        via,
    };
    if c.own_forms.iter().any(|f| evidence.holds(f)) {
        out.push(reason(Via::OwnWords));
    }
    let mut rows_seen: Vec<&str> = Vec::new();
    for (row, slot, word, stems, heading) in &c.term_forms {
        if rows_seen.contains(&row.as_str()) {
            continue;
        }
        let found = (*slot == evidence.slot && has(&evidence.text, stems))
            || has(&evidence.heading, heading);
        if found {
            rows_seen.push(row);
            out.push(reason(Via::Term {
                row: row.clone(),
                word: word.clone(),
            }));
        }
    }
    for (p, (term, _)) in &c.provisions {
        if provisions.contains(p) {
            out.push(reason(Via::Provision {
                provision: p.clone(),
                term: term.clone(),
            }));
        }
    }
    for part in &c.parts {
        explain_concept(part, evidence, provisions, out);
    }
}
