//! Concept matching: a query that matches the title, element labels and terms of a model
//! provision finds every section annotated as implementing that provision, in any language.
//!
//! A section matches a query when its own words (text, heading, chapter headings, statute
//! title) match it, or when the concept text of a provision it implements does. The concept
//! text belongs to the provision, so it is kept once per provision ([`ConceptTexts`], written
//! into each index generation as `harmonia-concepts.json`) rather than indexed again in
//! every annotated section. The `concept_*` fields stay in the schema, empty, so the query
//! parser still analyses each query word for them (and `concept_en:access` still parses);
//! [`Concepts::expand`] judges the parsed query against each provision's concept text in
//! memory and adds, for each provision it matches, that provision's posting list at a
//! constant score.
//!
//! Field filters in the query (`country:ar`) still apply to the sections found through a
//! provision; words of the section's own fields (`heading:`) never match a provision. This
//! costs a query one posting list a matching provision, where indexing the concept text per
//! section made every query word walk up to six more posting lists of the same sections,
//! and added about seventy words to every annotated section.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Searcher, Term};

use super::index_error;
use super::schema::{self, Fields, LANGUAGE_SLOTS};
use super::terms::{self, TermTable};
use crate::corpus::{Corpus, Provision};
use crate::error::Error;
use crate::output;

/// File name of the concept texts inside a generation folder.
pub const FILE_NAME: &str = "harmonia-concepts.json";

/// Weight of a concept match against a match in the section's own words: a concept match
/// scores this times the BM25 inverse document frequency of the sections it finds.
pub const CONCEPT_BOOST: f32 = 0.7;

/// The concept text of every provision, per language slot ([`LANGUAGE_SLOTS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConceptTexts {
    /// Provision id -> text per language slot (empty where the provision has none).
    pub provisions: BTreeMap<String, [String; 6]>,
}

impl ConceptTexts {
    /// The concept texts of every provision of the corpus's frameworks, with the words of
    /// the term table's rows that name the provision.
    pub fn of(corpus: &Corpus, table: &TermTable) -> ConceptTexts {
        let rows = terms::provision_words(table);
        let provisions = corpus
            .frameworks
            .iter()
            .flat_map(|fw| &fw.provisions)
            .map(|p| {
                let mut texts = concept_texts(p);
                if let Some(words) = rows.get(p.id.as_str()) {
                    for (lang, list) in terms::LANGUAGES.iter().zip(words) {
                        let slot = schema::slot_of(lang);
                        for w in list {
                            if !texts[slot].is_empty() {
                                texts[slot].push_str(". ");
                            }
                            texts[slot].push_str(w);
                        }
                    }
                }
                (p.id.as_str().to_string(), texts)
            })
            .collect();
        ConceptTexts { provisions }
    }

    /// Reads the concept texts of the generation in `dir`; `None` when missing or unreadable.
    pub fn read(dir: &Path) -> Option<ConceptTexts> {
        let bytes = std::fs::read(dir.join(FILE_NAME)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes the concept texts into `dir`, atomically.
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        let json = serde_json::to_vec(self)
            .map_err(|e| Error::Index(format!("cannot encode the concept texts: {e}")))?;
        output::write_atomic(&dir.join(FILE_NAME), &json)
    }
}

/// A provision's concept text per language slot: its title and the labels of its elements
/// and options (in the framework's language, English) and its terms in each language.
fn concept_texts(p: &Provision) -> [String; 6] {
    let mut out: [String; 6] = Default::default();
    let en = schema::slot_of("en");
    let mut push = |slot: usize, text: &str| {
        if !out[slot].is_empty() {
            out[slot].push_str(". ");
        }
        out[slot].push_str(text);
    };
    push(en, &p.title);
    for e in p.elements.iter().chain(&p.options) {
        push(en, &e.label);
    }
    for (lang, terms) in &p.terms {
        let slot = schema::slot_of(lang);
        for t in terms {
            push(slot, t);
        }
    }
    out
}

/// The concept texts analysed for matching: per language slot, each provision's words as the
/// slot's analyzer makes them.
pub struct Concepts {
    /// Every provision id.
    ids: Vec<String>,
    /// Per slot: provision id and its analysed words, in order.
    slots: Vec<Vec<(String, Vec<String>)>>,
    concept: [Field; 6],
    /// The fields holding a section's own words (text, heading, context, title).
    words: Vec<Field>,
    provision: Field,
}

/// What a query is for the sections implementing one provision, judged by its concept text.
enum Residual {
    /// Holds for all of them; the number of concept terms and phrases it matched.
    True(u32),
    /// Holds for none.
    False,
    /// Holds for those also matching this query (on fields such as `country:`), with the
    /// number of concept terms and phrases matched.
    Query(Box<dyn Query>, u32),
}

impl Concepts {
    /// Analyses `texts` with the analyzers of `index`'s concept fields.
    pub fn new(texts: &ConceptTexts, index: &Index, fields: &Fields) -> Result<Concepts, Error> {
        let mut slots = Vec::with_capacity(LANGUAGE_SLOTS.len());
        for (slot, &field) in fields.concept.iter().enumerate() {
            let mut analyzer = index.tokenizer_for_field(field).map_err(index_error)?;
            let mut provisions = Vec::new();
            for (id, text) in &texts.provisions {
                let mut words = Vec::new();
                let mut stream = analyzer.token_stream(&text[slot]);
                while let Some(token) = stream.next() {
                    words.push(token.text.clone());
                }
                if !words.is_empty() {
                    provisions.push((id.clone(), words));
                }
            }
            slots.push(provisions);
        }
        let mut words = vec![fields.heading, fields.context, fields.title];
        words.extend(fields.text);
        Ok(Concepts {
            ids: texts.provisions.keys().cloned().collect(),
            slots,
            concept: fields.concept,
            words,
            provision: fields.provision,
        })
    }

    /// `query`, or the sections implementing a provision whose concept text matches `query`
    /// (see the module doc): the query as parsed finds sections by their own words (the
    /// concept fields are empty), and one alternative a matching provision adds the sections
    /// implementing it, at [`CONCEPT_BOOST`] times the inverse document frequency of those
    /// sections for each concept term or phrase matched.
    pub fn expand(&self, query: &dyn Query, searcher: &Searcher) -> Box<dyn Query> {
        let n = searcher.num_docs() as f32;
        let mut branches: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, query.box_clone())];
        for id in &self.ids {
            let (rest, matched) = match self.residual(query, id) {
                Residual::True(m) => (None, m),
                Residual::Query(q, m) => (Some(q), m),
                Residual::False => continue,
            };
            if matched == 0 {
                continue;
            }
            let term = Term::from_field_text(self.provision, id);
            let df = (searcher.doc_freq(&term).unwrap_or_default() as f32).min(n);
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let postings = TermQuery::new(term, IndexRecordOption::Basic);
            let sections: Box<dyn Query> = Box::new(ConstScoreQuery::new(
                Box::new(postings),
                CONCEPT_BOOST * idf * matched as f32,
            ));
            let branch = match rest {
                None => sections,
                Some(rest) => Box::new(BooleanQuery::new(vec![
                    (Occur::Must, sections),
                    (Occur::Must, rest),
                ])),
            };
            branches.push((Occur::Should, branch));
        }
        if branches.len() == 1 {
            return query.box_clone();
        }
        Box::new(BooleanQuery::new(branches))
    }

    /// `query` judged against the concept text of provision `id`: terms and phrases on a
    /// concept field hold or not, those on a field of the section's own words do not hold (a
    /// provision has none), those on other fields are left to the index, and `AND`, `OR` and
    /// `NOT` combine them as tantivy does.
    fn residual(&self, query: &dyn Query, id: &str) -> Residual {
        if let Some(term) = query.downcast_ref::<TermQuery>() {
            let word = word_of(term.term());
            return self.leaf(query, term.term().field(), id, &[word.as_str()]);
        }
        if let Some(phrase) = query.downcast_ref::<PhraseQuery>() {
            let words: Vec<String> = phrase.phrase_terms().iter().map(word_of).collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            return self.leaf(query, phrase.field(), id, &words);
        }
        let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
            // Boosted words (the heading and title fields), ranges, regexes: nothing a
            // provision's concept text can match.
            return Residual::False;
        };
        let mut matched = 0;
        let mut left: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut should_true = 0;
        let mut should_left: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut has_must = false;
        for (occur, sub) in boolean.clauses() {
            let r = self.residual(sub.as_ref(), id);
            match (occur, r) {
                (Occur::Must, Residual::False) => return Residual::False,
                (Occur::Must, Residual::True(m)) => {
                    has_must = true;
                    matched += m;
                }
                (Occur::Must, Residual::Query(q, m)) => {
                    has_must = true;
                    matched += m;
                    left.push((Occur::Must, q));
                }
                (Occur::MustNot, Residual::True(_)) => return Residual::False,
                (Occur::MustNot, Residual::False) => {}
                (Occur::MustNot, Residual::Query(q, _)) => left.push((Occur::MustNot, q)),
                (Occur::Should, Residual::True(m)) => {
                    should_true += 1;
                    matched += m;
                }
                (Occur::Should, Residual::False) => {}
                (Occur::Should, Residual::Query(q, m)) => {
                    matched += m;
                    should_left.push((Occur::Should, q));
                }
            }
        }
        // Without a required clause, at least one alternative must hold.
        let minimum = match boolean.get_minimum_number_should_match() {
            0 if !has_must => 1,
            m => m,
        };
        if should_true < minimum {
            let missing = minimum - should_true;
            if should_left.len() < missing {
                return Residual::False;
            }
            left.push((
                Occur::Must,
                Box::new(BooleanQuery::with_minimum_required_clauses(
                    should_left,
                    missing,
                )),
            ));
        }
        if left.is_empty() {
            Residual::True(matched)
        } else if left.iter().all(|(o, _)| *o == Occur::MustNot) {
            // Only exclusions left: they need something to exclude from.
            left.push((Occur::Must, Box::new(AllQuery)));
            Residual::Query(Box::new(BooleanQuery::new(left)), matched)
        } else {
            Residual::Query(Box::new(BooleanQuery::new(left)), matched)
        }
    }

    /// A term (one word) or phrase of `query` on `field`, judged for provision `id`.
    fn leaf(&self, query: &dyn Query, field: Field, id: &str, words: &[&str]) -> Residual {
        if let Some(slot) = self.slot_of(field) {
            if self.holds(slot, id, words) {
                Residual::True(1)
            } else {
                Residual::False
            }
        } else if self.words.contains(&field) {
            Residual::False
        } else {
            Residual::Query(query.box_clone(), 0)
        }
    }

    /// Number of provisions.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when there are no provisions.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The provisions whose concept text in `slot` holds `words` one after the other.
    pub fn provisions_holding(&self, slot: usize, words: &[&str]) -> Vec<&str> {
        if words.is_empty() {
            return Vec::new();
        }
        self.slots
            .get(slot)
            .into_iter()
            .flatten()
            .filter(|(_, have)| {
                have.windows(words.len())
                    .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
            })
            .map(|(p, _)| p.as_str())
            .collect()
    }

    /// The provisions whose concept text matches `query` as a whole (see [`Concepts::expand`]).
    pub fn matching(&self, query: &dyn Query) -> Vec<&str> {
        self.ids
            .iter()
            .filter(|id| match self.residual(query, id) {
                Residual::True(m) | Residual::Query(_, m) => m > 0,
                Residual::False => false,
            })
            .map(String::as_str)
            .collect()
    }

    fn slot_of(&self, field: Field) -> Option<usize> {
        self.concept.iter().position(|&f| f == field)
    }

    /// Whether the words of provision `id` in `slot` hold `words` one after the other.
    fn holds(&self, slot: usize, id: &str, words: &[&str]) -> bool {
        if words.is_empty() {
            return false;
        }
        self.slots
            .get(slot)
            .and_then(|provisions| provisions.iter().find(|(p, _)| p == id))
            .is_some_and(|(_, have)| {
                have.windows(words.len())
                    .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
            })
    }
}

/// The text of a term (empty for a term of another type).
fn word_of(term: &Term) -> String {
    term.value().as_str().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concept_texts_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut texts = ConceptTexts::default();
        texts.provisions.insert(
            "bc-2".into(),
            [
                "acceso ilícito".into(),
                String::new(),
                "Illegal access".into(),
                String::new(),
                String::new(),
                String::new(),
            ],
        );
        texts.write(dir.path()).unwrap();
        assert_eq!(ConceptTexts::read(dir.path()), Some(texts));
        assert_eq!(ConceptTexts::read(&dir.path().join("missing")), None);
    }

    #[test]
    fn phrases_match_words_in_order() {
        let words = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<_>>();
        let concepts = Concepts {
            ids: vec!["bc-2".into(), "bc-3".into()],
            slots: vec![vec![
                ("bc-2".into(), words("illegal access to a computer system")),
                ("bc-3".into(), words("illegal interception")),
            ]],
            concept: [Field::from_field_id(0); 6],
            words: Vec::new(),
            provision: Field::from_field_id(1),
        };
        assert!(concepts.holds(0, "bc-2", &["illegal"]));
        assert!(concepts.holds(0, "bc-3", &["illegal"]));
        assert!(concepts.holds(0, "bc-2", &["computer", "system"]));
        assert!(!concepts.holds(0, "bc-3", &["computer", "system"]));
        assert!(!concepts.holds(0, "bc-2", &["system", "computer"]));
        assert!(!concepts.holds(0, "bc-2", &[]));
        assert!(!concepts.holds(5, "bc-2", &["illegal"]));
    }
}
