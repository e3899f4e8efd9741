//! Concept matching: a query word found in the title, element labels or terms of a model
//! provision finds every section annotated as implementing that provision, in any language.
//!
//! The concept text belongs to the provision, not to the section, so it is kept once per
//! provision ([`ConceptTexts`], written into each index generation as
//! `harmonia-concepts.json`) instead of being indexed again in every annotated section. The
//! `concept_*` fields stay in the schema, empty, so the query parser still analyses each
//! query word for them (and `concept_en:access` still parses); [`Concepts::expand`] then
//! replaces each such term or phrase with a filter on the `provision` field listing the
//! provisions whose concept text holds it, at a constant score.
//!
//! The matches are the same as indexing the text per section would give (a section's concept
//! text was the text of its provisions), at a fraction of the cost: a query word used to walk
//! up to six concept posting lists holding the same sections, each scored by BM25, and every
//! annotated section added about seventy words to the index.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Searcher, Term};

use super::index_error;
use super::schema::{self, Fields, LANGUAGE_SLOTS};
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
    /// The concept texts of every provision of the corpus's frameworks.
    pub fn of(corpus: &Corpus) -> ConceptTexts {
        let provisions = corpus
            .frameworks
            .iter()
            .flat_map(|fw| &fw.provisions)
            .map(|p| (p.id.as_str().to_string(), concept_texts(p)))
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
    /// Per slot: provision id and its analysed words, in order.
    slots: Vec<Vec<(String, Vec<String>)>>,
    concept: [Field; 6],
    provision: Field,
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
        Ok(Concepts {
            slots,
            concept: fields.concept,
            provision: fields.provision,
        })
    }

    /// `query` with every term and phrase on a concept field replaced by a filter on the
    /// provisions whose concept text holds it (see the module doc). The concept clauses of
    /// one `OR` group (a query word analysed for every language) give each provision once.
    pub fn expand(&self, query: &dyn Query, searcher: &Searcher) -> Box<dyn Query> {
        if let Some(provisions) = self.leaf(query) {
            return self.filter(&provisions, searcher);
        }
        let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
            return query.box_clone();
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut should: BTreeSet<&str> = BTreeSet::new();
        for (occur, sub) in boolean.clauses() {
            match (self.leaf(sub.as_ref()), occur) {
                (Some(provisions), Occur::Should) => should.extend(provisions),
                (Some(provisions), _) => clauses.push((*occur, self.filter(&provisions, searcher))),
                (None, _) => clauses.push((*occur, self.expand(sub.as_ref(), searcher))),
            }
        }
        clauses.extend(self.clauses(&should, searcher));
        if clauses.is_empty() {
            return Box::new(EmptyQuery);
        }
        Box::new(BooleanQuery::with_minimum_required_clauses(
            clauses,
            boolean.get_minimum_number_should_match(),
        ))
    }

    /// For a term or phrase query on a concept field, the provisions it finds.
    fn leaf(&self, query: &dyn Query) -> Option<BTreeSet<&str>> {
        if let Some(term) = query.downcast_ref::<TermQuery>() {
            let slot = self.slot_of(term.term().field())?;
            let word = word_of(term.term());
            return Some(self.find(slot, &[word.as_str()]));
        }
        if let Some(phrase) = query.downcast_ref::<PhraseQuery>() {
            let slot = self.slot_of(phrase.field())?;
            let terms = phrase.phrase_terms();
            let words: Vec<String> = terms.iter().map(word_of).collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            return Some(self.find(slot, &words));
        }
        None
    }

    fn slot_of(&self, field: Field) -> Option<usize> {
        self.concept.iter().position(|&f| f == field)
    }

    /// The provisions whose words in `slot` hold `words` one after the other.
    fn find(&self, slot: usize, words: &[&str]) -> BTreeSet<&str> {
        let Some(provisions) = self.slots.get(slot) else {
            return BTreeSet::new();
        };
        if words.is_empty() {
            return BTreeSet::new();
        }
        provisions
            .iter()
            .filter(|(_, have)| {
                have.windows(words.len())
                    .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
            })
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The clauses finding the sections that implement one of `provisions`: one posting list
    /// a provision, read lazily, each at a constant score of [`CONCEPT_BOOST`] times the
    /// inverse document frequency of its sections (BM25's, for a word met once in a text of
    /// average length). They join the word's other clauses as alternatives, so a word costs
    /// one union, not a union inside a union.
    fn clauses(
        &self,
        provisions: &BTreeSet<&str>,
        searcher: &Searcher,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        let n = searcher.num_docs() as f32;
        provisions
            .iter()
            .map(|id| {
                let term = Term::from_field_text(self.provision, id);
                let df = (searcher.doc_freq(&term).unwrap_or_default() as f32).min(n);
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                let postings = TermQuery::new(term, IndexRecordOption::Basic);
                let query: Box<dyn Query> = Box::new(ConstScoreQuery::new(
                    Box::new(postings),
                    CONCEPT_BOOST * idf,
                ));
                (Occur::Should, query)
            })
            .collect()
    }

    /// A query finding the sections that implement one of `provisions` (none when empty).
    fn filter(&self, provisions: &BTreeSet<&str>, searcher: &Searcher) -> Box<dyn Query> {
        let mut clauses = self.clauses(provisions, searcher);
        match clauses.len() {
            0 => Box::new(EmptyQuery),
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        }
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
            slots: vec![vec![
                ("bc-2".into(), words("illegal access to a computer system")),
                ("bc-3".into(), words("illegal interception")),
            ]],
            concept: [Field::from_field_id(0); 6],
            provision: Field::from_field_id(1),
        };
        let found = |w: &[&str]| concepts.find(0, w).into_iter().collect::<Vec<_>>();
        assert_eq!(found(&["illegal"]), ["bc-2", "bc-3"]);
        assert_eq!(found(&["computer", "system"]), ["bc-2"]);
        assert!(found(&["system", "computer"]).is_empty());
        assert!(found(&[]).is_empty());
        assert!(concepts.find(5, &["illegal"]).is_empty());
    }
}
