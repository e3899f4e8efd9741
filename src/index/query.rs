//! Searching: a query string and filters in, ranked sections with snippets and facet counts
//! out.
//!
//! The query string is first read by [`super::plan`]: a query of words only (field filters
//! allowed) is a natural-language query, built by [`super::bridge`] into concepts reached in
//! every language and matched with a minimum-should-match rule; any other query goes through
//! tantivy's query parser with every language's text field, every concept field, the heading
//! and the statute title as default fields (words joined with AND; `OR`, `NOT` or `-word`,
//! `"phrases"`, `( )` groups, `field:value` and `word^2` boosts work as in tantivy), and is
//! matched through the provisions' concept texts too ([`super::concept`]). Filters (country,
//! region, area, language, provision, date) are exact and do not change scores. Hits of equal
//! score come in section id order, so `--limit` cuts the same list after every rebuild.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use std::ops::Range;
use tantivy::index::SegmentId;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::{Cardinality, Column};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, TermSetQuery,
};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    BitSet, DocAddress, DocId, Index, IndexReader, Order, ReloadPolicy, Score, Searcher,
    SegmentReader, TantivyDocument, Term,
};

use super::bridge::{self, Analysis, Built, Reason, Via};
use super::concept::{self, ConceptTexts, Concepts};
use super::morph::Vocabulary;
use super::plan::{self, Plan};
use super::schema::{self, Fields, LANGUAGE_SLOTS};
use super::terms::{TermIndex, TermTable};
use super::{analyzers, env_usize, exclusion, index_error};
use crate::error::Error;
use crate::render::markdown::escape_html_text;

/// The fields a query may name with `field:value`.
pub const QUERY_FIELDS: [&str; 22] = [
    "heading",
    "context",
    "title",
    "section",
    "statute",
    "country",
    "region",
    "language",
    "area",
    "provision",
    "text_es",
    "text_pt",
    "text_en",
    "text_fr",
    "text_de",
    "text_other",
    "concept_es",
    "concept_pt",
    "concept_en",
    "concept_fr",
    "concept_de",
    "concept_other",
];

/// Which sections count by date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFilter {
    /// Sections in force on this date.
    AsOf(NaiveDate),
    /// Every section, whatever its dates.
    All,
}

/// A search: an optional query string and filters.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// The query string (tantivy syntax); `None` or blank lists what the filters match.
    pub query: Option<String>,
    /// Only sections implementing one of these provisions (ids, lower case).
    pub provisions: Vec<String>,
    /// Only these countries (codes).
    pub countries: Vec<String>,
    /// Only these regions.
    pub regions: Vec<String>,
    /// Only sections implementing provisions of these areas.
    pub areas: Vec<String>,
    /// Only statutes in these languages.
    pub languages: Vec<String>,
    /// Date filter.
    pub date: DateFilter,
    /// How many hits to return.
    pub limit: usize,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
    /// Which analysis steps natural-language queries use.
    pub analysis: Analysis,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            query: None,
            provisions: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            areas: Vec::new(),
            languages: Vec::new(),
            date: DateFilter::All,
            limit: 10,
            snippet_chars: 200,
            analysis: Analysis::default(),
        }
    }
}

/// The answer to a search.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    /// The query string as given (empty for a filter-only listing).
    pub query: String,
    /// How many sections match (all of them, not only the hits returned).
    pub total: usize,
    /// The best hits, best first (section order for a filter-only listing).
    pub hits: Vec<Hit>,
    /// Counts over all matching sections.
    pub facets: Facets,
}

/// Counts of matching sections per country and per provision.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facets {
    /// Country code -> sections.
    pub country: BTreeMap<String, u64>,
    /// Provision id -> sections.
    pub provision: BTreeMap<String, u64>,
}

/// One matching section.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// `<statute>#<section>`.
    pub section: String,
    /// Statute id.
    pub statute: String,
    /// Statute title.
    pub statute_title: String,
    /// Country code.
    pub country: String,
    /// Section heading.
    pub heading: String,
    /// Chapter headings above it.
    pub context: Vec<String>,
    /// Statute language.
    pub language: String,
    /// Provisions the section implements.
    pub provisions: Vec<String>,
    /// Relevance (BM25); 0 for a filter-only listing.
    pub score: f32,
    /// Text around the matched words.
    #[serde(skip)]
    pub snippet: Snippet,
    /// Statute file, relative to the corpus.
    pub file: String,
    /// Line of the section heading.
    pub line: u64,
    /// First day in force.
    pub in_force: Option<NaiveDate>,
    /// Last day in force, if repealed.
    pub repealed: Option<NaiveDate>,
    /// Why it matched: one reason a concept of the query and route (the first
    /// [`MAX_EXPLAINED`] hits of a query; empty for a filter-only listing).
    pub why: Vec<Reason>,
}

/// Hits of one search that get their [`Hit::why`].
pub const MAX_EXPLAINED: usize = 100;

/// A piece of section text with the matched words marked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// Text, whitespace collapsed; `…` marks where it was cut.
    pub text: String,
    /// Byte ranges of `text` to highlight, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// Renders the snippet, passing plain stretches through `plain` and highlighted ones
    /// through `mark`.
    pub fn render(&self, plain: impl Fn(&str) -> String, mark: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in &self.highlights {
            out.push_str(&plain(&self.text[at..r.start]));
            out.push_str(&mark(&self.text[r.clone()]));
            at = r.end;
        }
        out.push_str(&plain(&self.text[at..]));
        out
    }

    /// HTML-escaped text (as corpus text everywhere, see [`escape_html_text`]) with
    /// highlights in `<mark>`..`</mark>`.
    pub fn to_html(&self) -> String {
        self.render(escape_html_text, |s| {
            format!("<mark>{}</mark>", escape_html_text(s))
        })
    }

    /// Markdown: the text escaped for inline Markdown, highlights in `**`..`**` (bold).
    pub fn to_markdown(&self) -> String {
        use crate::output::escape::markdown_inline;
        self.render(markdown_inline, |s| format!("**{}**", markdown_inline(s)))
    }
}

/// An open index, ready for searches.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    parser: QueryParser,
    /// Provision concept texts, for concept matches.
    concepts: Concepts,
    /// Country and provision names by term ordinal, per segment, read once at open.
    names: HashMap<SegmentId, Arc<SegmentNames>>,
    /// The sections in force on the last date searched, per segment.
    in_force: InForceCache,
    /// The cross-language term table, as built into the index.
    table: TermTable,
    table_index: TermIndex,
    /// German stems of the index, read on first use (compounds).
    vocabulary: std::sync::OnceLock<Vocabulary>,
    /// Per text field, the factor of [`LanguageStats`].
    scale: Vec<(Field, f64)>,
}

impl SearchIndex {
    /// Opens the index generation in `dir`.
    pub fn open(dir: &std::path::Path) -> Result<SearchIndex, Error> {
        // Through a directory that needs no lock file on a read-only folder.
        let mut index =
            Index::open(super::verify::ReadOnlyTolerant::open(dir)?).map_err(index_error)?;
        // Segments are searched in parallel, one thread a core (at most four).
        let threads = env_usize("HARMONIA_SEARCH_THREADS").unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(4)
        });
        if threads > 1 {
            index
                .set_multithread_executor(threads)
                .map_err(index_error)?;
        }
        analyzers::register(&index);
        let fields = schema::fields_of(&index.schema()).ok_or_else(|| {
            Error::Index(
                "the index has an unexpected schema; rebuild it with `harmonia index --rebuild`"
                    .into(),
            )
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(index_error)?;
        let mut defaults: Vec<Field> = vec![fields.heading, fields.title];
        defaults.extend(fields.text);
        defaults.extend(fields.concept);
        let mut parser = QueryParser::for_index(&index, defaults);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.heading, 2.0);
        parser.set_field_boost(fields.title, 0.5);
        // No boost on the concept fields: `Concepts::expand` replaces their terms (a boost
        // would hide them inside a `BoostQuery`) and scores them itself.
        let texts = ConceptTexts::read(dir).ok_or_else(|| {
            Error::Index(format!(
                "the index in {} has no {}; rebuild it with `harmonia index --rebuild`",
                dir.display(),
                concept::FILE_NAME
            ))
        })?;
        let concepts = Concepts::new(&texts, &index, &fields)?;
        let table = TermTable::load(dir).ok_or_else(|| {
            Error::Index(format!(
                "the index in {} has no {}; rebuild it with `harmonia index --rebuild`",
                dir.display(),
                super::terms::FILE_NAME
            ))
        })?;
        let table_index = TermIndex::new(&table);
        let names = segment_names(&reader.searcher()).map_err(index_error)?;
        let scale = language_scale(&reader.searcher(), &fields);
        Ok(SearchIndex {
            scale,
            index,
            reader,
            fields,
            parser,
            concepts,
            names,
            in_force: InForceCache::default(),
            table,
            table_index,
            vocabulary: std::sync::OnceLock::new(),
        })
    }

    /// Number of sections in the index.
    pub fn num_sections(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Parses a query string, with a message for people when it is malformed.
    pub fn parse(&self, query: &str) -> Result<Box<dyn Query>, Error> {
        use tantivy::query::QueryParserError as E;
        // Control characters are no words; as separators inside a word (`A\0\0A`) they
        // reached a debug assertion of tantivy's phrase scorer (fuzzing, docs/fuzzing.md).
        let cleaned: String;
        let query = if query.chars().any(char::is_control) {
            cleaned = query
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            cleaned.as_str()
        } else {
            query
        };
        // An excluded clause inside a boosted group is moved out of the boost, so that
        // `exclusion::guard` can reach it (see `super::exclusion`).
        let parsed = match tantivy::query_grammar::parse_query(query) {
            Ok(ast) if exclusion::boosts_an_exclusion(&ast) => self
                .parser
                .build_query_from_user_input_ast(exclusion::lift_boosts(ast)),
            _ => self.parser.parse_query(query),
        };
        parsed.map_err(|e| {
            let message = match &e {
                E::SyntaxError(_) => format!(
                    "cannot read the query `{query}`: a quote or parenthesis is not closed, or AND, OR, NOT, \
                     +, -, ^ or field: stands without a word\n  hint: put phrases and words with punctuation in \
                     double quotes, e.g. \"art. 153 bis\""
                ),
                E::FieldDoesNotExist(field) => format!(
                    "the query `{query}` names the field `{field}:`, which the index does not have\n  hint: fields are \
                     {}; put words with a colon in double quotes",
                    QUERY_FIELDS.join(", ")
                ),
                E::AllButQueryForbidden => format!(
                    "the query `{query}` only excludes words\n  hint: add a word to find, or list sections with \
                     filters alone (e.g. --country ar) and no query"
                ),
                other => format!("cannot read the query `{query}`: {other}"),
            };
            Error::Usage(message)
        })
    }

    /// The German stems of the index (read once, on first use).
    fn vocabulary(&self, searcher: &Searcher) -> &Vocabulary {
        self.vocabulary.get_or_init(|| {
            let de = LANGUAGE_SLOTS.iter().position(|s| *s == "de").unwrap_or(4);
            let mut words = std::collections::HashSet::new();
            for reader in searcher.segment_readers() {
                let Ok(inverted) = reader.inverted_index(self.fields.text[de]) else {
                    continue;
                };
                let Ok(mut stream) = inverted.terms().stream() else {
                    continue;
                };
                while stream.advance() {
                    if let Ok(w) = std::str::from_utf8(stream.key()) {
                        words.insert(w.to_string());
                    }
                }
            }
            Vocabulary::new(words)
        })
    }

    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        let searcher = self.reader.searcher();
        let f = &self.fields;
        let text = request
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty());
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let planned = match text {
            Some(q) => Some(plan::plan(q)?),
            None => None,
        };
        let mut asked = Asked::Nothing;
        match planned {
            None => {}
            Some(Plan::Syntax(q)) if q.trim().is_empty() => {
                return Err(Error::Usage(format!(
                    "the query `{}` holds no words to search\n  hint: write words, or leave the query out to list \
                     the sections the filters select",
                    text.unwrap_or_default()
                )));
            }
            Some(Plan::Syntax(q)) => {
                let parsed = self.parse(&q)?;
                clauses.push((
                    Occur::Must,
                    self.concepts.expand(parsed.as_ref(), &searcher),
                ));
                asked = Asked::Syntax(parsed);
            }
            Some(Plan::Natural(natural)) if !request.analysis.natural => {
                let q = natural
                    .filters
                    .iter()
                    .chain(&natural.words)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                let parsed = self.parse(&q)?;
                clauses.push((
                    Occur::Must,
                    self.concepts.expand(parsed.as_ref(), &searcher),
                ));
                asked = Asked::Syntax(parsed);
            }
            Some(Plan::Natural(natural)) => {
                let empty = Vocabulary::default();
                let vocabulary = if request.analysis.compounds {
                    self.vocabulary(&searcher)
                } else {
                    &empty
                };
                let cx = bridge::Context {
                    searcher: &searcher,
                    fields: f,
                    concepts: &self.concepts,
                    table: &self.table,
                    table_index: &self.table_index,
                    vocabulary,
                    parser: &self.parser,
                    analysis: request.analysis,
                };
                let built = bridge::build(&cx, &natural)?;
                clauses.push((Occur::Must, built.query.box_clone()));
                asked = Asked::Natural(built);
            }
        }
        let keyword = |field: Field, values: &[String]| -> Option<Box<dyn Query>> {
            if values.is_empty() {
                return None;
            }
            let terms = values
                .iter()
                .map(|v| Term::from_field_text(field, &v.to_lowercase()));
            Some(Box::new(ConstScoreQuery::new(
                Box::new(TermSetQuery::new(terms)),
                0.0,
            )))
        };
        for (field, values) in [
            (f.provision, &request.provisions),
            (f.country, &request.countries),
            (f.region, &request.regions),
            (f.area, &request.areas),
            (f.language, &request.languages),
        ] {
            if let Some(q) = keyword(field, values) {
                clauses.push((Occur::Must, q));
            }
        }
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            exclusion::guard(Box::new(BooleanQuery::new(clauses)))
        };

        // The date filter runs as the documents are collected, against the set of sections
        // in force on that day (see `InForceCache`).
        let day = match request.date {
            DateFilter::AsOf(date) => Some(schema::span_day(Some(date))),
            DateFilter::All => None,
        };
        let limit = request.limit.max(1);
        let (scored, tally): (Vec<(f32, DocAddress)>, Tally) = if !matches!(asked, Asked::Nothing) {
            let collector = (
                BestCollector {
                    limit,
                    names: &self.names,
                },
                TallyCollector { names: &self.names },
            );
            let stats = LanguageStats {
                searcher: &searcher,
                scale: if request.analysis.language_lengths {
                    &self.scale
                } else {
                    &[]
                },
            };
            let (top, tally) = searcher
                .search_with_statistics_provider(
                    &query,
                    &self.in_force.filter(day, collector),
                    &stats,
                )
                .map_err(index_error)?;
            (top.into_iter().map(|(s, _, a)| (s, a)).collect(), tally)
        } else {
            let collector = (
                TopDocs::with_limit(limit).order_by_string_fast_field("section", Order::Asc),
                TallyCollector { names: &self.names },
            );
            let (listed, tally) = searcher
                .search(&query, &self.in_force.filter(day, collector))
                .map_err(index_error)?;
            (listed.into_iter().map(|(_, a)| (0.0, a)).collect(), tally)
        };
        let total = tally.total;
        let facets = Facets {
            country: tally.countries,
            provision: tally.provisions,
        };

        let highlight: Option<&dyn Query> = match &asked {
            Asked::Nothing => None,
            Asked::Syntax(q) => Some(q.as_ref()),
            Asked::Natural(b) => Some(b.query.as_ref()),
        };
        let snippets = Snippets::new(&searcher, highlight, f, request.snippet_chars)?;
        let mut hits = Vec::with_capacity(scored.len());
        for (i, (score, address)) in scored.into_iter().enumerate() {
            let doc: TantivyDocument = searcher.doc(address).map_err(index_error)?;
            let mut hit = self.hit(&doc, score, &snippets);
            if i < MAX_EXPLAINED {
                hit.why = self.why(&searcher, &asked, address, &doc, &hit);
            }
            hits.push(hit);
        }
        Ok(SearchResults {
            query: text.unwrap_or_default().to_string(),
            total,
            hits,
            facets,
        })
    }

    /// True when a word or phrase of a query in the query syntax occurs in the hit's own
    /// text, heading or title (judged in memory on the hit's words).
    fn own_words_hold(&self, query: &dyn Query, doc: &TantivyDocument, slot: usize) -> bool {
        let f = &self.fields;
        let get = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let evidence =
            bridge::Evidence::new(slot, &get(f.text[slot]), &get(f.heading), &get(f.title));
        let mut found = false;
        query.query_terms(&mut |term, _| {
            let value = term.value();
            let Some(word) = value.as_str().map(str::to_string) else {
                return;
            };
            let field = term.field();
            found |= (field == f.text[slot] && evidence.text.contains(&word))
                || (field == f.heading && evidence.heading.contains(&word))
                || (field == f.title && evidence.title.contains(&word));
        });
        found
    }

    /// Why a hit matched (see [`bridge::explain`]); for a query in the query syntax, the
    /// whole query is one concept, held by the section's own words or a provision's concept
    /// text.
    fn why(
        &self,
        searcher: &Searcher,
        asked: &Asked,
        address: DocAddress,
        doc: &TantivyDocument,
        hit: &Hit,
    ) -> Vec<Reason> {
        let slot = schema::slot_of(&hit.language);
        match asked {
            Asked::Nothing => Vec::new(),
            Asked::Natural(built) => {
                let text = doc
                    .get_first(self.fields.text[slot])
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                let evidence = bridge::Evidence::new(slot, text, &hit.heading, &hit.statute_title);
                bridge::explain(built, &evidence, &hit.provisions)
            }
            Asked::Syntax(parsed) => {
                let query = hit_query_text(parsed.as_ref());
                let mut out = Vec::new();
                let _ = (searcher, address);
                if self.own_words_hold(parsed.as_ref(), doc, slot) {
                    out.push(Reason {
                        query: query.clone(),
                        via: Via::OwnWords,
                    });
                }
                for p in self.concepts.matching(parsed.as_ref()) {
                    if hit.provisions.iter().any(|h| h == p) {
                        out.push(Reason {
                            query: query.clone(),
                            via: Via::Provision {
                                provision: p.to_string(),
                                term: query.clone(),
                            },
                        });
                    }
                }
                out
            }
        }
    }

    fn hit(&self, doc: &TantivyDocument, score: f32, snippets: &Snippets) -> Hit {
        let f = &self.fields;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let all = |field: Field| {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect::<Vec<_>>()
        };
        let int = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_i64())
                .unwrap_or(i64::MAX)
        };
        let language = text(f.language);
        let slot = schema::slot_of(&language);
        Hit {
            section: text(f.section),
            statute: text(f.statute),
            statute_title: text(f.title),
            country: text(f.country),
            heading: text(f.heading),
            context: all(f.context),
            provisions: all(f.provision),
            score,
            snippet: snippets.make(slot, &text(f.text[slot])),
            file: text(f.file),
            line: doc
                .get_first(f.line)
                .and_then(|v| v.as_u64())
                .unwrap_or_default(),
            in_force: schema::day_date(int(f.start)),
            repealed: schema::day_date(int(f.end)),
            language,
            why: Vec::new(),
        }
    }

    /// The tantivy index, for tools that need more than [`SearchIndex::search`].
    pub fn index(&self) -> &Index {
        &self.index
    }
}

/// BM25 statistics with each language's text field measured over the sections of that
/// language: a section's text is indexed in the field of its statute's language only, so
/// tantivy's average field length (the field's tokens over *all* sections) made every text
/// look several times longer than average in a language with few sections, and BM25 pushed
/// those sections down (German sections ranked below Spanish ones for German words). The
/// tokens of a text field are scaled by all sections over that language's sections, so the
/// average length is that of the language's texts. Document frequencies are unchanged.
struct LanguageStats<'a> {
    searcher: &'a Searcher,
    /// Text field -> factor.
    scale: &'a [(Field, f64)],
}

impl tantivy::query::Bm25StatisticsProvider for LanguageStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let tokens =
            tantivy::query::Bm25StatisticsProvider::total_num_tokens(self.searcher, field)?;
        Ok(match self.scale.iter().find(|(f, _)| *f == field) {
            Some((_, k)) => (tokens as f64 * k).round() as u64,
            None => tokens,
        })
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        tantivy::query::Bm25StatisticsProvider::total_num_docs(self.searcher)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}

/// The factor of each text field for [`LanguageStats`]: all sections over the sections in
/// that field's language (1 where a language has none).
fn language_scale(searcher: &Searcher, f: &Fields) -> Vec<(Field, f64)> {
    let all = searcher.num_docs() as f64;
    let mut counted = 0.0;
    let mut out = Vec::new();
    for (slot, lang) in LANGUAGE_SLOTS.iter().enumerate() {
        if *lang == "other" {
            continue;
        }
        let n = searcher
            .doc_freq(&Term::from_field_text(f.language, lang))
            .unwrap_or_default() as f64;
        counted += n;
        out.push((f.text[slot], if n > 0.0 { all / n } else { 1.0 }));
    }
    let other = all - counted;
    let slot = LANGUAGE_SLOTS.len() - 1;
    out.push((f.text[slot], if other > 0.0 { all / other } else { 1.0 }));
    out
}

/// What a search was asked.
enum Asked {
    /// No query: a listing by filters.
    Nothing,
    /// A query in the query syntax, as parsed.
    Syntax(Box<dyn Query>),
    /// A natural-language query, as built.
    Natural(Built),
}

/// The query a syntax query stands for, in words: its terms, as the index holds them.
fn hit_query_text(query: &dyn Query) -> String {
    let mut words: Vec<String> = Vec::new();
    query.query_terms(&mut |term, _| {
        if let Some(w) = term.value().as_str() {
            if !words.iter().any(|x| x == w) {
                words.push(w.to_string());
            }
        }
    });
    words.join(" ")
}

/// The best `limit` sections by score, ties broken by section id: each segment keeps its
/// best by (score, section ordinal) (a segment's section column is sorted, so ordinals
/// compare like the ids; the ordinal is read only for documents that reach the heap), and
/// the segments' best are merged by (score, section id). Exact whatever the segments, so
/// `--limit` cuts the same list after every rebuild, without a second pass over ties.
struct BestCollector<'a> {
    limit: usize,
    names: &'a HashMap<SegmentId, Arc<SegmentNames>>,
}

/// A candidate of one segment: score, section ordinal, document; ordered best first.
#[derive(Clone, Copy, PartialEq)]
struct Candidate(f32, u64, DocId);

impl Eq for Candidate {}

impl Ord for Candidate {
    /// Greater is better: a higher score, then a lower ordinal.
    fn cmp(&self, other: &Candidate) -> std::cmp::Ordering {
        self.0
            .total_cmp(&other.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Candidate) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

struct BestSegment {
    limit: usize,
    segment: u32,
    column: Option<tantivy::columnar::StrColumn>,
    /// The section ordinals, when every document has one (always, for harmonia's indexes):
    /// read directly.
    ords: Option<Column<u64>>,
    /// The segment's columns unpacked, when read at open.
    names: Option<Arc<SegmentNames>>,
    /// The best so far, the worst on top.
    kept: std::collections::BinaryHeap<std::cmp::Reverse<Candidate>>,
}

impl Collector for BestCollector<'_> {
    /// (score, section id, address), best first.
    type Fruit = Vec<(f32, String, DocAddress)>;
    type Child = BestSegment;

    fn for_segment(&self, segment: u32, reader: &SegmentReader) -> tantivy::Result<BestSegment> {
        let (column, ords) = match self.names.get(&reader.segment_id()) {
            Some(names) => (names.section.clone(), names.section_ords.clone()),
            None => {
                let column = reader.fast_fields().str("section")?;
                let ords = column
                    .as_ref()
                    .map(|c| c.ords().clone())
                    .filter(|o| o.get_cardinality() == Cardinality::Full);
                (column, ords)
            }
        };
        Ok(BestSegment {
            limit: self.limit,
            segment,
            column,
            ords,
            names: self.names.get(&reader.segment_id()).cloned(),
            kept: std::collections::BinaryHeap::with_capacity(self.limit + 1),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Vec<(f32, String, DocAddress)>>,
    ) -> tantivy::Result<Vec<(f32, String, DocAddress)>> {
        let mut all: Vec<(f32, String, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        all.truncate(self.limit);
        Ok(all)
    }
}

impl SegmentCollector for BestSegment {
    type Fruit = Vec<(f32, String, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.kept.len() >= self.limit {
            // Worse than the worst kept: no need to read its ordinal.
            if self.kept.peek().is_some_and(|w| score < w.0 .0) {
                return;
            }
        }
        let unpacked = self.names.as_ref().and_then(|n| n.section_of.as_ref());
        let ord = match (unpacked, &self.ords) {
            (Some(of), _) => of.get(doc as usize).map_or(u64::MAX, |&o| u64::from(o)),
            (None, Some(ords)) => ords.values.get_val(doc),
            (None, None) => self
                .column
                .as_ref()
                .and_then(|c| c.term_ords(doc).next())
                .unwrap_or(u64::MAX),
        };
        let candidate = Candidate(score, ord, doc);
        if self.kept.len() < self.limit {
            self.kept.push(std::cmp::Reverse(candidate));
        } else if self.kept.peek().is_some_and(|w| candidate > w.0) {
            self.kept.pop();
            self.kept.push(std::cmp::Reverse(candidate));
        }
    }

    fn harvest(self) -> Vec<(f32, String, DocAddress)> {
        let segment = self.segment;
        let kept: Vec<Candidate> = self.kept.into_iter().map(|r| r.0).collect();
        // The ids of all candidates in one pass over the dictionary, in ordinal order.
        let mut ords: Vec<u64> = kept
            .iter()
            .map(|c| c.1)
            .filter(|&o| o != u64::MAX)
            .collect();
        ords.sort_unstable();
        ords.dedup();
        let mut ids: Vec<String> = Vec::with_capacity(ords.len());
        if let Some(c) = &self.column {
            let _ = c.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                ids.push(String::from_utf8_lossy(bytes).into_owned());
            });
        }
        kept.into_iter()
            .map(|Candidate(score, ord, doc)| {
                let id = ords
                    .binary_search(&ord)
                    .ok()
                    .and_then(|i| ids.get(i))
                    .cloned()
                    .unwrap_or_default();
                (score, id, DocAddress::new(segment, doc))
            })
            .collect()
    }
}

/// The sections of each segment in force on one day, as bitsets, kept for the next search on
/// that day.
///
/// Checking a section's dates as it is collected means reading its packed dates from the
/// `span` column: one cache miss a match, since matches are spread over a column of several
/// MiB, and the largest single cost of a search matching thousands of sections. A bitset of a
/// segment takes one bit a section (150 KiB for a million), stays in the processor's cache,
/// and is built once per segment and day by reading the column from start to end (about 2.5
/// ns a section). Segments never change once written, so an entry stays right as long as its
/// segment exists; only the sets of the latest day are kept.
#[derive(Default)]
struct InForceCache {
    sets: Mutex<(u32, HashMap<SegmentId, Arc<BitSet>>)>,
}

impl InForceCache {
    /// Wraps `inner` so that it only sees sections in force on `day` (all with `None`).
    fn filter<C: Collector>(&self, day: Option<u32>, inner: C) -> InForce<'_, C> {
        InForce {
            cache: self,
            day,
            inner,
        }
    }

    /// The sections of `reader` in force on `day`.
    fn get(&self, reader: &SegmentReader, day: u32) -> tantivy::Result<Arc<BitSet>> {
        let id = reader.segment_id();
        {
            let sets = self.sets.lock().unwrap_or_else(|e| e.into_inner());
            if sets.0 == day {
                if let Some(set) = sets.1.get(&id) {
                    return Ok(Arc::clone(set));
                }
            }
        }
        // Built outside the lock, so segments searched in parallel build theirs at once.
        let set = Arc::new(in_force_set(reader, day)?);
        let mut sets = self.sets.lock().unwrap_or_else(|e| e.into_inner());
        if sets.0 != day {
            *sets = (day, HashMap::new());
        }
        sets.1.insert(id, Arc::clone(&set));
        Ok(set)
    }
}

/// The documents of a segment in force on `day`, from its `span` column.
fn in_force_set(reader: &SegmentReader, day: u32) -> tantivy::Result<BitSet> {
    let max_doc = reader.max_doc();
    let mut set = BitSet::with_max_value(max_doc);
    let Some(spans) = reader.fast_fields().u64(schema::SPAN).ok() else {
        return Ok(set);
    };
    let mut doc = 0;
    let mut chunk = vec![0u64; 4096];
    // Every document has one span (the column is full), so values come in doc order.
    if spans.get_cardinality() == Cardinality::Full {
        while doc < max_doc {
            let n = (max_doc - doc).min(chunk.len() as u32);
            let values = &mut chunk[..n as usize];
            spans.values.get_range(u64::from(doc), values);
            for (i, &span) in values.iter().enumerate() {
                if schema::span_covers(span, day) {
                    set.insert(doc + i as u32);
                }
            }
            doc += n;
        }
    } else {
        for doc in 0..max_doc {
            if spans
                .values_for_doc(doc)
                .any(|span| schema::span_covers(span, day))
            {
                set.insert(doc);
            }
        }
    }
    Ok(set)
}

/// A collector passing on only the documents in force on a day (see [`InForceCache`]).
struct InForce<'a, C> {
    cache: &'a InForceCache,
    day: Option<u32>,
    inner: C,
}

struct InForceSegment<S> {
    set: Option<Arc<BitSet>>,
    inner: S,
}

impl<C: Collector> Collector for InForce<'_, C> {
    type Fruit = C::Fruit;
    type Child = InForceSegment<C::Child>;

    fn for_segment(&self, segment: u32, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        let set = match self.day {
            Some(day) => Some(self.cache.get(reader, day)?),
            None => None,
        };
        Ok(InForceSegment {
            set,
            inner: self.inner.for_segment(segment, reader)?,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<C::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<C::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<S: SegmentCollector> SegmentCollector for InForceSegment<S> {
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.set.as_ref().is_none_or(|set| set.contains(doc)) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> S::Fruit {
        self.inner.harvest()
    }
}

/// What [`TallyCollector`] counts: matching sections, per country and per provision.
#[derive(Default)]
struct Tally {
    total: usize,
    countries: BTreeMap<String, u64>,
    provisions: BTreeMap<String, u64>,
}

/// The values of the `facets` fast column of one segment (see [`schema::facet_key`]) by term
/// ordinal, split into a country and provisions: read once when the index is opened, so
/// counting never touches a dictionary.
#[derive(Debug, Default)]
struct SegmentNames {
    /// The countries and provisions of the segment.
    countries: Vec<String>,
    provisions: Vec<String>,
    /// For each key ordinal, its country and its provisions (indexes into the lists above).
    key_country: Vec<usize>,
    key_provisions: Vec<Vec<usize>>,
    /// The key ordinal of each document (the `facets` column).
    keys: Option<Column<u64>>,
    /// The section ids (the `section` column), and their ordinals when every document has
    /// one: opening a column costs more than a small search, so it is done once.
    section: Option<tantivy::columnar::StrColumn>,
    section_ords: Option<Column<u64>>,
    /// The key ordinal and section ordinal of each document, unpacked (when every document
    /// has one): a search visits every match, and an array costs it a load where the
    /// packed column costs a block lookup and a multiplication.
    key_of: Option<Vec<u32>>,
    section_of: Option<Vec<u32>>,
}

/// The values of a column holding one value a document, unpacked; `None` when some value
/// does not fit in 32 bits.
fn unpacked(column: &Column<u64>) -> Option<Vec<u32>> {
    let mut values = vec![0u64; column.values.num_vals() as usize];
    column.values.get_range(0, &mut values);
    values.into_iter().map(|v| u32::try_from(v).ok()).collect()
}

fn segment_names(searcher: &Searcher) -> tantivy::Result<HashMap<SegmentId, Arc<SegmentNames>>> {
    let mut map = HashMap::new();
    for reader in searcher.segment_readers() {
        let mut names = SegmentNames::default();
        names.section = reader.fast_fields().str("section")?;
        names.section_ords = names
            .section
            .as_ref()
            .map(|c| c.ords().clone())
            .filter(|o| o.get_cardinality() == Cardinality::Full);
        names.section_of = names.section_ords.as_ref().and_then(unpacked);
        if let Some(column) = reader.fast_fields().str(schema::FACETS)? {
            let keys = column.ords().clone();
            if keys.get_cardinality() == Cardinality::Full {
                names.key_of = unpacked(&keys);
            }
            names.keys = Some(keys);
            let mut countries: HashMap<String, usize> = HashMap::new();
            let mut provisions: HashMap<String, usize> = HashMap::new();
            let index = |map: &mut HashMap<String, usize>, list: &mut Vec<String>, name: &str| {
                *map.entry(name.to_string()).or_insert_with(|| {
                    list.push(name.to_string());
                    list.len() - 1
                })
            };
            let mut keys = column.dictionary().stream()?;
            while keys.advance() {
                let key = String::from_utf8_lossy(keys.key());
                let (country, ids) = schema::split_facet_key(&key);
                let c = index(&mut countries, &mut names.countries, country);
                names.key_country.push(c);
                let ps = ids
                    .map(|id| index(&mut provisions, &mut names.provisions, id))
                    .collect();
                names.key_provisions.push(ps);
            }
        }
        map.insert(reader.segment_id(), Arc::new(names));
    }
    Ok(map)
}

/// Counts matching sections per country and provision from the `facets` fast column: per
/// segment by key ordinal (one column read a section), turned into names once at the end.
struct TallyCollector<'a> {
    names: &'a HashMap<SegmentId, Arc<SegmentNames>>,
}

struct TallySegment {
    total: usize,
    /// The key ordinals of the segment's documents.
    keys: Option<Column<u64>>,
    /// Whether every document has exactly one key (always, for indexes harmonia builds):
    /// then a document's ordinal is read directly.
    one_each: bool,
    counts: Vec<u64>,
    names: Arc<SegmentNames>,
}

impl Collector for TallyCollector<'_> {
    type Fruit = Tally;
    type Child = TallySegment;

    fn for_segment(&self, _segment: u32, reader: &SegmentReader) -> tantivy::Result<TallySegment> {
        let names = self
            .names
            .get(&reader.segment_id())
            .cloned()
            .unwrap_or_default();
        let keys = names.keys.clone();
        Ok(TallySegment {
            total: 0,
            one_each: keys
                .as_ref()
                .is_some_and(|k| k.get_cardinality() == Cardinality::Full),
            counts: vec![0; names.key_country.len()],
            keys,
            names,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut out = Tally::default();
        for f in fruits {
            out.total += f.total;
            for (k, n) in f.countries {
                *out.countries.entry(k).or_default() += n;
            }
            for (k, n) in f.provisions {
                *out.provisions.entry(k).or_default() += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for TallySegment {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        let Some(keys) = &self.keys else {
            return;
        };
        if let Some(key) = self
            .names
            .key_of
            .as_ref()
            .and_then(|of| of.get(doc as usize))
        {
            if let Some(n) = self.counts.get_mut(*key as usize) {
                *n += 1;
            }
        } else if self.one_each {
            if let Some(n) = self.counts.get_mut(keys.values.get_val(doc) as usize) {
                *n += 1;
            }
        } else {
            for ord in keys.values_for_doc(doc) {
                if let Some(n) = self.counts.get_mut(ord as usize) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> Tally {
        let names = &self.names;
        let mut countries = vec![0u64; names.countries.len()];
        let mut provisions = vec![0u64; names.provisions.len()];
        for (ord, &n) in self.counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            if let Some(c) = names.key_country.get(ord) {
                countries[*c] += n;
            }
            for p in names.key_provisions.get(ord).into_iter().flatten() {
                provisions[*p] += n;
            }
        }
        let named = |names: &[String], counts: &[u64]| -> BTreeMap<String, u64> {
            names
                .iter()
                .zip(counts)
                .filter(|(_, n)| **n > 0)
                .map(|(name, &n)| (name.clone(), n))
                .collect()
        };
        Tally {
            total: self.total,
            countries: named(&names.countries, &countries),
            provisions: named(&names.provisions, &provisions),
        }
    }
}

/// One snippet generator per language slot, built from the query's terms in that slot's
/// text and concept fields (same analyzer), so a concept match also lights up the words of
/// the section text that carry it.
struct Snippets {
    generators: Vec<Option<SnippetGenerator>>,
    chars: usize,
}

impl Snippets {
    fn new(
        searcher: &Searcher,
        query: Option<&dyn Query>,
        f: &Fields,
        chars: usize,
    ) -> Result<Snippets, Error> {
        let mut generators = Vec::new();
        for slot in 0..LANGUAGE_SLOTS.len() {
            let Some(query) = query else {
                generators.push(None);
                continue;
            };
            let mut terms: BTreeMap<String, f32> = BTreeMap::new();
            let mut found: Vec<Term> = Vec::new();
            query.query_terms(&mut |term, _| {
                if term.field() == f.text[slot] || term.field() == f.concept[slot] {
                    found.push(term.clone());
                }
            });
            for term in found {
                let Some(word) = term.value().as_str().map(str::to_string) else {
                    continue;
                };
                let df = searcher.doc_freq(&term).map_err(index_error)?;
                let score = 1.0 / (1.0 + df as f32);
                let e = terms.entry(word).or_insert(0.0);
                *e = e.max(score);
            }
            if terms.is_empty() {
                generators.push(None);
                continue;
            }
            let tokenizer = searcher
                .index()
                .tokenizer_for_field(f.text[slot])
                .map_err(index_error)?;
            generators.push(Some(SnippetGenerator::new(
                terms,
                tokenizer,
                f.text[slot],
                chars,
            )));
        }
        Ok(Snippets { generators, chars })
    }

    fn make(&self, slot: usize, text: &str) -> Snippet {
        if let Some(g) = &self.generators[slot] {
            let s = g.snippet(text);
            if !s.fragment().is_empty() && !s.highlighted().is_empty() {
                let range = s.fragment_range();
                let words = |t: &str| t.chars().any(char::is_alphanumeric);
                let before = text.get(..range.start).is_some_and(words);
                let after = text.get(range.end..).is_some_and(words);
                return collapse(s.fragment(), s.highlighted(), before, after);
            }
        }
        lead(text, self.chars)
    }
}

/// The opening of a text, cut at a word boundary, for hits with nothing to highlight.
fn lead(text: &str, chars: usize) -> Snippet {
    let mut end = text.len();
    if let Some((i, _)) = text.char_indices().nth(chars) {
        end = text[..i]
            .rfind(char::is_whitespace)
            .filter(|&j| j > 0)
            .unwrap_or(i);
    }
    collapse(&text[..end], &[], false, end < text.len())
}

/// Collapses runs of whitespace to one space (moving the highlights along) and marks cuts.
fn collapse(
    fragment: &str,
    highlights: &[Range<usize>],
    cut_before: bool,
    cut_after: bool,
) -> Snippet {
    let mut ranges: Vec<Range<usize>> = highlights.to_vec();
    ranges.sort_by_key(|r| r.start);
    let mut text = String::with_capacity(fragment.len() + 8);
    let mut map = vec![0usize; fragment.len() + 1];
    if cut_before {
        text.push_str("… ");
    }
    let mut space = false;
    for (i, c) in fragment.char_indices() {
        map[i] = text.len();
        if c.is_whitespace() {
            if !space && !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
            space = true;
        } else {
            text.push(c);
            space = false;
        }
    }
    map[fragment.len()] = text.len();
    let mut out_ranges: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        if r.end > fragment.len()
            || !fragment.is_char_boundary(r.start)
            || !fragment.is_char_boundary(r.end)
        {
            continue;
        }
        let (s, e) = (map[r.start], map[r.end]);
        match out_ranges.last_mut() {
            Some(last) if s <= last.end => last.end = last.end.max(e),
            _ if s < e => out_ranges.push(s..e),
            _ => {}
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    for r in &mut out_ranges {
        r.end = r.end.min(trimmed);
    }
    if cut_after {
        text.push_str(" …");
    }
    Snippet {
        text,
        highlights: out_ranges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_render_three_ways() {
        let highlight = Range { start: 11, end: 20 };
        let s = collapse(
            "el  <que>\n accediere sin",
            std::slice::from_ref(&highlight),
            true,
            true,
        );
        assert_eq!(s.text, "… el <que> accediere sin …");
        // Markdown escapes like every corpus value in Markdown (the HTML of `<que>` too).
        assert_eq!(s.to_markdown(), "… el &lt;que&gt; **accediere** sin …");
        assert_eq!(s.to_html(), "… el &lt;que&gt; <mark>accediere</mark> sin …");
        // Escaped like every corpus text in HTML: `=` too, so no attribute can form.
        let s = collapse("<img onerror=x>", &[], false, false);
        assert_eq!(s.to_html(), "&lt;img onerror&#61;x&gt;");
    }

    #[test]
    fn leads_cut_at_words() {
        let s = lead("one two three four", 9);
        assert_eq!(s.text, "one two …");
        assert!(s.highlights.is_empty());
        assert_eq!(lead("short", 50).text, "short");
    }
}
