//! The index schema: one document per section, and the names of its fields.
//!
//! | field | analysis | holds |
//! |---|---|---|
//! | `section`, `statute`, `file` | exact | ids, the statute file (deletion key) |
//! | `country`, `region`, `language`, `area`, `provision` | keyword | filter values |
//! | `heading`, `context`, `title` | folded | the heading, the chapter headings above it, the statute title |
//! | `text_es` .. `text_de`, `text_other` | stemmed per language / folded | the section text, in its statute's language field |
//! | `concept_es` .. `concept_de`, `concept_other` | stemmed per language / folded | nothing: queries name them, and [`super::concept`] matches them against the provisions' titles, element labels and terms |
//! | `start`, `end` | i64 days since 1970-01-01, stored | in-force dates (`i64::MAX` for never / open-ended) |
//! | `span` | u64 fast | both dates packed in one value, for the as-of filter |
//! | `facets` | raw, fast only | the country and provisions in one value ([`facet_key`]), for the counts |
//!
//! `section` is also a fast (columnar) field: listings are sorted by section. Facet counts
//! read one `facets` value a matching section, without touching postings: one column read
//! where a country column and a provision column took four or five.
//!
//! Changing the schema or an analyzer means bumping [`SCHEMA_VERSION`]: indexes of another
//! version are rebuilt, never misread.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STORED,
    STRING,
};

use super::analyzers::{self, FOLDED, KEYWORD};

/// Version of the schema and analyzers; stored in the manifest.
pub const SCHEMA_VERSION: u32 = 4;

/// Field groups that hold text per language: the stemmed languages, then `other`.
pub const LANGUAGE_SLOTS: [&str; 6] = ["es", "pt", "en", "fr", "de", "other"];

/// Handles of every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// `<statute>#<section>`, exact, stored, fast (listing order).
    pub section: Field,
    /// Statute id, exact, stored.
    pub statute: Field,
    /// Corpus-relative path of the statute file, exact, stored: the key to delete a file's docs.
    pub file: Field,
    /// Line of the section heading, stored.
    pub line: Field,
    /// Statute title, folded, stored.
    pub title: Field,
    /// Country code, keyword, stored.
    pub country: Field,
    /// Region of the country, keyword, stored.
    pub region: Field,
    /// Language of the statute, keyword, stored.
    pub language: Field,
    /// Areas of the provisions implemented, keyword.
    pub area: Field,
    /// Provisions implemented, keyword, stored.
    pub provision: Field,
    /// Heading text, folded, stored.
    pub heading: Field,
    /// Chapter headings above the section, folded, stored (one value each).
    pub context: Field,
    /// Text fields, one per [`LANGUAGE_SLOTS`] entry, stored.
    pub text: [Field; 6],
    /// Concept fields, one per [`LANGUAGE_SLOTS`] entry: empty, for the query parser (see
    /// [`super::concept`]).
    pub concept: [Field; 6],
    /// First day in force (days since 1970-01-01; `i64::MAX` when never in force), stored.
    pub start: Field,
    /// Last day in force (`i64::MAX` when not repealed), stored.
    pub end: Field,
    /// Start and end packed by [`span`], fast: the as-of filter reads one value a document.
    pub span: Field,
    /// Country and provisions by [`facet_key`], fast only: facet counts read one value a
    /// document.
    pub facets: Field,
}

fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

fn keyword_options() -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(KEYWORD)
        .set_index_option(IndexRecordOption::Basic);
    TextOptions::default()
        .set_indexing_options(indexing)
        .set_stored()
}

/// Name of the fast field holding [`span`].
pub const SPAN: &str = "span";

/// Name of the fast field holding [`facet_key`].
pub const FACETS: &str = "facets";

/// A section's country and the provisions it implements as one value: the country code, then
/// each provision id once, in order, separated by spaces (neither holds one).
pub fn facet_key<'a>(country: &str, provisions: impl IntoIterator<Item = &'a str>) -> String {
    let mut ids: Vec<&str> = provisions.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut key = country.to_string();
    for id in ids {
        key.push(' ');
        key.push_str(id);
    }
    key
}

/// The country and the provisions of a [`facet_key`].
pub fn split_facet_key(key: &str) -> (&str, impl Iterator<Item = &str>) {
    let mut parts = key.split(' ');
    (parts.next().unwrap_or_default(), parts)
}

/// Name of the text field of a language slot (`text_es`).
pub fn text_field_name(slot: &str) -> String {
    format!("text_{slot}")
}

/// Name of the concept field of a language slot (`concept_es`).
pub fn concept_field_name(slot: &str) -> String {
    format!("concept_{slot}")
}

/// The analyzer of a language slot's text and concept fields.
pub fn slot_analyzer(slot: &str) -> String {
    if slot == "other" {
        FOLDED.to_string()
    } else {
        analyzers::stemmed_name(slot)
    }
}

/// The language slot a statute language goes to (`other` for languages without a stemmer).
pub fn slot_of(language: &str) -> usize {
    LANGUAGE_SLOTS
        .iter()
        .position(|s| *s == language && *s != "other")
        .unwrap_or(LANGUAGE_SLOTS.len() - 1)
}

/// Builds the schema and the handles of its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let dates = NumericOptions::default().set_stored();
    let section = b.add_text_field("section", (STRING | STORED).set_fast("raw"));
    let statute = b.add_text_field("statute", STRING | STORED);
    let file = b.add_text_field("file", STRING | STORED);
    let line = b.add_u64_field("line", STORED);
    let title = b.add_text_field("title", text_options(FOLDED, true));
    let country = b.add_text_field("country", keyword_options());
    let region = b.add_text_field("region", keyword_options());
    let language = b.add_text_field("language", keyword_options());
    let area = b.add_text_field("area", keyword_options());
    let provision = b.add_text_field("provision", keyword_options());
    let heading = b.add_text_field("heading", text_options(FOLDED, true));
    let context = b.add_text_field("context", text_options(FOLDED, true));
    let text = LANGUAGE_SLOTS.map(|slot| {
        b.add_text_field(
            &text_field_name(slot),
            text_options(&slot_analyzer(slot), true),
        )
    });
    let concept = LANGUAGE_SLOTS.map(|slot| {
        b.add_text_field(
            &concept_field_name(slot),
            text_options(&slot_analyzer(slot), false),
        )
    });
    let start = b.add_i64_field("start", dates.clone());
    let end = b.add_i64_field("end", dates);
    let span = b.add_u64_field(SPAN, NumericOptions::default().set_fast());
    let facets = b.add_text_field(FACETS, TextOptions::default().set_fast("raw"));
    let fields = Fields {
        section,
        statute,
        file,
        line,
        title,
        country,
        region,
        language,
        area,
        provision,
        heading,
        context,
        text,
        concept,
        start,
        end,
        span,
        facets,
    };
    (b.build(), fields)
}

/// The field handles of an opened index, checked against [`build`].
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let (expected, fields) = build();
    (expected == *schema).then_some(fields)
}

/// A date as the index stores it: days since 1970-01-01.
pub fn day_number(date: chrono::NaiveDate) -> i64 {
    date.signed_duration_since(chrono::NaiveDate::default())
        .num_days()
}

/// Packs a section's first and last day in force into one value: the first day in the high
/// 32 bits, the last in the low 32, each as days since 1970 shifted by 2^31 so earlier dates
/// stay positive; `None` (never in force, or never repealed) is `u32::MAX`.
pub fn span(start: Option<chrono::NaiveDate>, end: Option<chrono::NaiveDate>) -> u64 {
    (u64::from(span_day(start)) << 32) | u64::from(span_day(end))
}

/// A day as [`span`] stores it.
pub fn span_day(date: Option<chrono::NaiveDate>) -> u32 {
    match date {
        Some(d) => u32::try_from(day_number(d) + (1i64 << 31))
            .unwrap_or(u32::MAX - 1)
            .min(u32::MAX - 1),
        None => u32::MAX,
    }
}

/// True when a [`span`] value is in force on `day` (a [`span_day`] value).
pub fn span_covers(span: u64, day: u32) -> bool {
    let start = (span >> 32) as u32;
    let end = span as u32;
    start <= day && day <= end && start != u32::MAX
}

/// The inverse of [`day_number`] (`None` for the open-ended marker).
pub fn day_date(n: i64) -> Option<chrono::NaiveDate> {
    if n == i64::MAX {
        return None;
    }
    chrono::NaiveDate::default().checked_add_signed(chrono::TimeDelta::try_days(n)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_route_languages() {
        assert_eq!(LANGUAGE_SLOTS[slot_of("pt")], "pt");
        assert_eq!(LANGUAGE_SLOTS[slot_of("it")], "other");
        assert_eq!(LANGUAGE_SLOTS[slot_of("other")], "other");
    }

    #[test]
    fn days_round_trip() {
        let d = chrono::NaiveDate::from_ymd_opt(2008, 6, 25).unwrap();
        assert_eq!(day_date(day_number(d)), Some(d));
        assert_eq!(day_date(i64::MAX), None);
    }

    #[test]
    fn spans_filter_by_date() {
        let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd);
        let s = span(d(2008, 6, 25), d(2021, 5, 27));
        assert!(span_covers(s, span_day(d(2008, 6, 25))));
        assert!(span_covers(s, span_day(d(2021, 5, 27))));
        assert!(!span_covers(s, span_day(d(2021, 5, 28))));
        assert!(!span_covers(s, span_day(d(2008, 6, 24))));
        assert!(span_covers(
            span(d(1940, 1, 1), None),
            span_day(d(2026, 1, 1))
        ));
        assert!(!span_covers(span(None, None), span_day(d(2026, 1, 1))));
    }

    #[test]
    fn facet_keys_round_trip() {
        let key = facet_key("AR", ["bc-3", "bc-2", "bc-3"]);
        assert_eq!(key, "AR bc-2 bc-3");
        let (country, provisions) = split_facet_key(&key);
        assert_eq!(country, "AR");
        assert_eq!(provisions.collect::<Vec<_>>(), ["bc-2", "bc-3"]);
        let (country, mut provisions) = split_facet_key("BR");
        assert_eq!(country, "BR");
        assert_eq!(provisions.next(), None);
    }

    #[test]
    fn schemas_compare_equal() {
        assert!(fields_of(&build().0).is_some());
    }
}
