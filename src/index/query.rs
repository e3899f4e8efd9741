//! Searching: a query string and filters in, ranked sections with snippets and facet counts
//! out.
//!
//! The query string goes through tantivy's query parser with every language's text field,
//! every concept field, the heading and the statute title as default fields, so each word is
//! analysed once per language and a Spanish word also finds its Portuguese cognate, and an
//! English provision name finds sections in any language annotated with that provision. Words
//! are joined with AND by default; `OR`, `NOT` (or `-word`), `"phrases"`, `( )` groups,
//! `field:value` and `word^2` boosts work as in tantivy. Filters (country, region, area,
//! language, provision, date) are exact and do not change scores.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use std::ops::Range;
use tantivy::index::SegmentId;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Collector, FilterCollector, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, TermSetQuery,
};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, DocId, Index, IndexReader, Order, ReloadPolicy, Score, Searcher, SegmentReader,
    TantivyDocument, Term,
};

use super::schema::{self, Fields, LANGUAGE_SLOTS};
use super::{analyzers, index_error};
use crate::error::Error;

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
}

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

    /// HTML-escaped text with highlights in `<mark>`..`</mark>`.
    pub fn to_html(&self) -> String {
        self.render(escape_html, |s| format!("<mark>{}</mark>", escape_html(s)))
    }

    /// Plain text with highlights in `**`..`**` (Markdown bold).
    pub fn to_markdown(&self) -> String {
        self.render(str::to_string, |s| format!("**{s}**"))
    }
}

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An open index, ready for searches.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    parser: QueryParser,
    /// Country and provision names by term ordinal, per segment, read once at open.
    names: HashMap<SegmentId, Arc<SegmentNames>>,
}

impl SearchIndex {
    /// Opens the index generation in `dir`.
    pub fn open(dir: &std::path::Path) -> Result<SearchIndex, Error> {
        let mut index = Index::open_in_dir(dir).map_err(index_error)?;
        // Segments are searched in parallel, one thread a core (at most four).
        let threads = std::env::var("HARMONIA_SEARCH_THREADS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
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
        for f in fields.concept {
            parser.set_field_boost(f, 0.7);
        }
        let names = segment_names(&reader.searcher()).map_err(index_error)?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            parser,
            names,
        })
    }

    /// Number of sections in the index.
    pub fn num_sections(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Parses a query string, with a message for people when it is malformed.
    pub fn parse(&self, query: &str) -> Result<Box<dyn Query>, Error> {
        use tantivy::query::QueryParserError as E;
        self.parser.parse_query(query).map_err(|e| {
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
        let parsed = match text {
            Some(q) => Some(self.parse(q)?),
            None => None,
        };
        if let Some(q) = &parsed {
            clauses.push((Occur::Must, q.box_clone()));
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
            Box::new(BooleanQuery::new(clauses))
        };

        // The date filter runs as the documents are collected: one packed value a document,
        // cheaper than intersecting with two range queries.
        let day = match request.date {
            DateFilter::AsOf(date) => Some(schema::span_day(Some(date))),
            DateFilter::All => None,
        };
        let in_force = move |span: u64| day.is_none_or(|d| schema::span_covers(span, d));
        let limit = request.limit.max(1);
        let (scored, tally): (Vec<(f32, DocAddress)>, Tally) = if parsed.is_some() {
            let collector = (
                TopDocs::with_limit(limit).order_by_score(),
                TallyCollector { names: &self.names },
            );
            searcher
                .search(
                    &query,
                    &FilterCollector::new(schema::SPAN.to_string(), in_force, collector),
                )
                .map_err(index_error)?
        } else {
            let collector = (
                TopDocs::with_limit(limit).order_by_string_fast_field("section", Order::Asc),
                TallyCollector { names: &self.names },
            );
            let (listed, tally) = searcher
                .search(
                    &query,
                    &FilterCollector::new(schema::SPAN.to_string(), in_force, collector),
                )
                .map_err(index_error)?;
            (listed.into_iter().map(|(_, a)| (0.0, a)).collect(), tally)
        };
        let total = tally.total;
        let facets = Facets {
            country: tally.countries,
            provision: tally.provisions,
        };

        let snippets = Snippets::new(&searcher, parsed.as_deref(), f, request.snippet_chars)?;
        let mut hits = Vec::with_capacity(scored.len());
        for (score, address) in scored {
            let doc: TantivyDocument = searcher.doc(address).map_err(index_error)?;
            hits.push(self.hit(&doc, score, &snippets));
        }
        Ok(SearchResults {
            query: text.unwrap_or_default().to_string(),
            total,
            hits,
            facets,
        })
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
        }
    }

    /// The tantivy index, for tools that need more than [`SearchIndex::search`].
    pub fn index(&self) -> &Index {
        &self.index
    }
}

/// What [`TallyCollector`] counts: matching sections, per country and per provision.
#[derive(Default)]
struct Tally {
    total: usize,
    countries: BTreeMap<String, u64>,
    provisions: BTreeMap<String, u64>,
}

/// The values of the `country` and `provision` fast columns of one segment, by term
/// ordinal: read once when the index is opened, so counting never touches a dictionary.
#[derive(Debug, Default)]
struct SegmentNames {
    countries: Vec<String>,
    provisions: Vec<String>,
}

fn segment_names(searcher: &Searcher) -> tantivy::Result<HashMap<SegmentId, Arc<SegmentNames>>> {
    let all = |column: Option<StrColumn>| -> tantivy::Result<Vec<String>> {
        let mut out = Vec::new();
        if let Some(column) = column {
            let mut terms = column.dictionary().stream()?;
            while terms.advance() {
                out.push(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
        Ok(out)
    };
    let mut map = HashMap::new();
    for reader in searcher.segment_readers() {
        let names = SegmentNames {
            countries: all(reader.fast_fields().str("country")?)?,
            provisions: all(reader.fast_fields().str("provision")?)?,
        };
        map.insert(reader.segment_id(), Arc::new(names));
    }
    Ok(map)
}

/// Counts matching sections per country and provision from the `country` and `provision`
/// fast columns: per segment by term ordinal, turned into names once at the end.
struct TallyCollector<'a> {
    names: &'a HashMap<SegmentId, Arc<SegmentNames>>,
}

struct TallySegment {
    total: usize,
    country: Option<StrColumn>,
    provision: Option<StrColumn>,
    country_counts: Vec<u64>,
    provision_counts: Vec<u64>,
    names: Arc<SegmentNames>,
}

impl Collector for TallyCollector<'_> {
    type Fruit = Tally;
    type Child = TallySegment;

    fn for_segment(&self, _segment: u32, reader: &SegmentReader) -> tantivy::Result<TallySegment> {
        let country = reader.fast_fields().str("country")?;
        let provision = reader.fast_fields().str("provision")?;
        let names = self
            .names
            .get(&reader.segment_id())
            .cloned()
            .unwrap_or_default();
        Ok(TallySegment {
            total: 0,
            country_counts: vec![0; country.as_ref().map_or(0, |c| c.num_terms())],
            provision_counts: vec![0; provision.as_ref().map_or(0, |c| c.num_terms())],
            country,
            provision,
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
        if let Some(c) = &self.country {
            for ord in c.term_ords(doc) {
                if let Some(n) = self.country_counts.get_mut(ord as usize) {
                    *n += 1;
                }
            }
        }
        if let Some(p) = &self.provision {
            for ord in p.term_ords(doc) {
                if let Some(n) = self.provision_counts.get_mut(ord as usize) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> Tally {
        let named = |names: &[String], counts: &[u64]| -> BTreeMap<String, u64> {
            counts
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .filter_map(|(ord, &n)| Some((names.get(ord)?.clone(), n)))
                .collect()
        };
        Tally {
            total: self.total,
            countries: named(&self.names.countries, &self.country_counts),
            provisions: named(&self.names.provisions, &self.provision_counts),
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
        assert_eq!(s.to_markdown(), "… el <que> **accediere** sin …");
        assert_eq!(s.to_html(), "… el &lt;que&gt; <mark>accediere</mark> sin …");
    }

    #[test]
    fn leads_cut_at_words() {
        let s = lead("one two three four", 9);
        assert_eq!(s.text, "one two …");
        assert!(s.highlights.is_empty());
        assert_eq!(lead("short", 50).text, "short");
    }
}
