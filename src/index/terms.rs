//! The cross-language legal term table: rows of words that mean the same in the law of
//! different languages (`interceptación`, `interceptação`, `interception`, `Abfangen`),
//! kept as data in `model-law/<framework>/terms.yaml` and used by search to reach sections
//! written in another language than the query.
//!
//! ```yaml
//! terms:
//!   - id: interception            # lower-case letters, digits and `-`; unique in the corpus
//!     provisions: [bc-3]          # optional: the row's words also join these provisions'
//!                                 # concept texts (national offence names belong here)
//!     en: [interception, intercept, wiretapping]
//!     es: [interceptación, interceptar]
//!     pt: [interceptação, interceptar]
//!     fr: [interception, intercepter]
//!     de: [Abfangen, abfangen]
//! ```
//!
//! A row needs words in at least two languages (it is a bridge). A word may be several words
//! (`without authorisation`): it then matches as a phrase. [`TermTable::read`] checks every
//! row and reports each problem located at its file, line and column (`harmonia check` and
//! every index build run it); docs/search.md tells contributors how to extend the table.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use tantivy::tokenizer::TextAnalyzer;

use super::analyzers::{self, STEMMED};
use crate::corpus::source::SourceFile;
use crate::corpus::yaml::{self, Origin};
use crate::corpus::Corpus;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::output;

/// File name of a term table inside a framework folder.
pub const TABLE_FILE: &str = "terms.yaml";

/// File name of the term table inside an index generation.
pub const FILE_NAME: &str = "harmonia-terms.json";

/// The languages of the table, in the order of [`STEMMED`] (`es`, `pt`, `en`, `fr`, `de`).
pub const LANGUAGES: [&str; 5] = ["es", "pt", "en", "fr", "de"];

/// Longest word (phrase) of the table, in words: longer spans of a query are not looked up.
pub const MAX_PHRASE_WORDS: usize = 4;

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRow {
    /// Row id (`interception`).
    pub id: String,
    /// Provisions whose concept texts the row's words join.
    pub provisions: Vec<String>,
    /// Words per language, in the order of [`LANGUAGES`].
    pub words: [Vec<String>; 5],
    /// Where the row is defined (`model-law/budapest/terms.yaml:12`).
    pub at: String,
}

/// Every row of every framework's table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermTable {
    /// The rows, in file order.
    pub rows: Vec<TermRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    terms: Vec<RawRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    id: Spanned<String>,
    #[serde(default)]
    provisions: Vec<Spanned<String>>,
    #[serde(default)]
    es: Vec<Spanned<String>>,
    #[serde(default)]
    pt: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    fr: Vec<Spanned<String>>,
    #[serde(default)]
    de: Vec<Spanned<String>>,
    /// Free text for contributors (a source, a caveat); not used by search.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

impl TermTable {
    /// Reads the `terms.yaml` of every framework folder among `files`, checking each row
    /// against `corpus` (its provisions); every problem goes to `out`, located.
    pub fn read(files: &[SourceFile], corpus: &Corpus, out: &mut Diagnostics) -> TermTable {
        let mut table = TermTable::default();
        let mut ids: HashMap<String, String> = HashMap::new();
        for f in files.iter().filter(|f| is_table(&f.path)) {
            let Ok(text) = std::str::from_utf8(&f.bytes) else {
                out.push(
                    Diagnostic::error(&f.path, "the term table is not UTF-8 text")
                        .hint("save the file as UTF-8"),
                );
                continue;
            };
            let mut d = Diagnostics::new();
            read_file(&f.path, text, corpus, &mut ids, &mut table, &mut d);
            for x in d.iter() {
                out.push(x.clone().with_source(text));
            }
        }
        table
    }

    /// Reads the table of the generation in `dir`; `None` when missing or unreadable.
    pub fn load(dir: &Path) -> Option<TermTable> {
        let bytes = std::fs::read(dir.join(FILE_NAME)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes the table into `dir`, atomically.
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        let json = serde_json::to_vec(self)
            .map_err(|e| Error::Index(format!("cannot encode the term table: {e}")))?;
        output::write_atomic(&dir.join(FILE_NAME), &json)
    }

    /// The rows naming provision `id`.
    pub fn for_provision<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a TermRow> + 'a {
        self.rows
            .iter()
            .filter(move |r| r.provisions.iter().any(|p| p == id))
    }
}

/// True for `model-law/<framework>/terms.yaml`.
pub fn is_table(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    matches!(parts.as_slice(), ["model-law", _, name] if *name == TABLE_FILE)
}

fn read_file(
    path: &str,
    text: &str,
    corpus: &Corpus,
    ids: &mut HashMap<String, String>,
    table: &mut TermTable,
    out: &mut Diagnostics,
) {
    let origin = Origin { line: 1, indent: 0 };
    let raw: RawTable = match yaml::parse(path, text, origin) {
        Ok(r) => r,
        Err(e) => {
            let e = if e.message.contains("missing field") {
                e.hint("the file holds `terms:`, a list of rows with an `id` and words per language (see docs/search.md)")
            } else {
                e
            };
            return out.push(e);
        }
    };
    let known: Vec<&str> = corpus
        .frameworks
        .iter()
        .flat_map(|f| f.provisions.iter().map(|p| p.id.as_str()))
        .collect();
    let locate = |value: &Spanned<String>| {
        yaml::file_position(origin, value.referenced.line(), value.referenced.column())
    };
    let mut analyzers: Vec<TextAnalyzer> = STEMMED
        .iter()
        .map(|(_, l)| analyzers::stemmed(*l))
        .collect();
    for raw in raw.terms {
        let (line, column) = locate(&raw.id);
        let id = raw.id.value.trim().to_string();
        let err = |value: &Spanned<String>, message: String| {
            let (l, c) = locate(value);
            Diagnostic::error(path, message)
                .at(l, c)
                .width(value.value.chars().count())
                .id(id.clone())
        };
        let mut ok = true;
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            out.push(
                err(
                    &raw.id,
                    format!("term row id `{id}` must be lower-case letters, digits and `-`"),
                )
                .hint("name the row after its meaning in English, e.g. `interception`"),
            );
            ok = false;
        } else if let Some(first) = ids.get(&id) {
            out.push(
                err(&raw.id, format!("duplicate term row id `{id}`")).hint(format!(
                    "{first} already defines it; merge the two rows or rename one"
                )),
            );
            ok = false;
        }
        let mut provisions = Vec::new();
        for p in &raw.provisions {
            let pid = p.value.trim().to_lowercase();
            if known.contains(&pid.as_str()) {
                provisions.push(pid);
            } else {
                out.push(
                    err(p, format!("term row `{id}` names the provision `{pid}`, which no framework defines"))
                        .suggest(&pid, known.iter().copied()),
                );
                ok = false;
            }
        }
        let mut words: [Vec<String>; 5] = Default::default();
        for (slot, list) in [&raw.es, &raw.pt, &raw.en, &raw.fr, &raw.de]
            .into_iter()
            .enumerate()
        {
            for w in list {
                let word = w.value.split_whitespace().collect::<Vec<_>>().join(" ");
                let n = analyse(&mut analyzers[slot], &word).len();
                if n == 0 {
                    out.push(
                        err(
                            w,
                            format!(
                                "term row `{id}` has a {} word with no letters or digits",
                                LANGUAGES[slot]
                            ),
                        )
                        .hint("write the word as it appears in statutes, or remove it"),
                    );
                    ok = false;
                } else if n > MAX_PHRASE_WORDS {
                    out.push(
                        err(w, format!("`{word}` has {n} words; a term of the table has at most {MAX_PHRASE_WORDS}"))
                            .hint("keep the words that name the concept; search finds the rest"),
                    );
                    ok = false;
                } else if words[slot].iter().any(|x| x.eq_ignore_ascii_case(&word)) {
                    out.push(
                        Diagnostic::warning(
                            path,
                            format!("`{word}` is listed twice in term row `{id}`"),
                        )
                        .at(locate(w).0, locate(w).1)
                        .id(id.clone())
                        .hint("remove one of them"),
                    );
                } else {
                    words[slot].push(word);
                }
            }
        }
        let languages = words.iter().filter(|w| !w.is_empty()).count();
        if languages < 2 {
            out.push(
                Diagnostic::error(path, format!("term row `{id}` has words in {languages} language; a row links at least two"))
                    .at(line, column)
                    .id(id.clone())
                    .hint("add the word for the same legal concept in another of es, pt, en, fr, de"),
            );
            ok = false;
        }
        if ok {
            ids.insert(id.clone(), format!("{path}:{line}"));
            table.rows.push(TermRow {
                id,
                provisions,
                words,
                at: format!("{path}:{line}"),
            });
        }
    }
}

/// The table analysed for lookups: for each language, the analysed form of every word (its
/// stems, in order) and the rows it belongs to.
pub struct TermIndex {
    /// Per language of [`LANGUAGES`]: analysed words -> rows.
    by_words: Vec<HashMap<Vec<String>, Vec<usize>>>,
}

impl TermIndex {
    /// Analyses every word of `table` with the stemmed analyzer of its language.
    pub fn new(table: &TermTable) -> TermIndex {
        let mut by_words: Vec<HashMap<Vec<String>, Vec<usize>>> =
            vec![HashMap::new(); LANGUAGES.len()];
        for (slot, (_, language)) in STEMMED.iter().enumerate() {
            let mut analyzer = analyzers::stemmed(*language);
            for (row, r) in table.rows.iter().enumerate() {
                for w in &r.words[slot] {
                    let key = analyse(&mut analyzer, w);
                    if key.is_empty() {
                        continue;
                    }
                    let rows = by_words[slot].entry(key).or_default();
                    if !rows.contains(&row) {
                        rows.push(row);
                    }
                }
            }
        }
        TermIndex { by_words }
    }

    /// The rows holding `words` (already analysed with language `slot`'s analyzer) as one of
    /// their words in that language.
    pub fn rows(&self, slot: usize, words: &[String]) -> &[usize] {
        self.by_words
            .get(slot)
            .and_then(|m| m.get(words))
            .map_or(&[], Vec::as_slice)
    }
}

/// The terms `analyzer` makes of `text`.
pub fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Rows per provision, for the concept texts: provision id -> words per language slot.
pub fn provision_words(table: &TermTable) -> BTreeMap<String, [Vec<String>; 5]> {
    let mut out: BTreeMap<String, [Vec<String>; 5]> = BTreeMap::new();
    for r in &table.rows {
        for p in &r.provisions {
            let e = out.entry(p.clone()).or_default();
            for (slot, words) in r.words.iter().enumerate() {
                e[slot].extend(words.iter().cloned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_files;
    use std::borrow::Cow;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            bytes: Cow::Owned(text.as_bytes().to_vec()),
            built_in: false,
            too_large: None,
        }
    }

    fn corpus() -> Corpus {
        let files: Vec<SourceFile> = crate::corpus::CorpusSource::BuiltIn
            .files()
            .unwrap()
            .into_iter()
            .filter(|f| f.path.starts_with("model-law/"))
            .collect();
        load_files(&files, "test".into()).corpus
    }

    #[test]
    fn rows_are_read_and_checked_with_locations() {
        let text = "terms:\n  - id: interception\n    provisions: [bc-3]\n    es: [interceptación]\n    de: [Abfangen]\n  - id: Bad Id\n    es: [x]\n    en: [y]\n  - id: lonely\n    es: [solo]\n  - id: interception\n    es: [a]\n    en: [b]\n  - id: typo\n    provisions: [bc-33x]\n    es: [a]\n    en: [b]\n";
        let mut d = Diagnostics::new();
        let t = TermTable::read(
            &[file("model-law/budapest/terms.yaml", text)],
            &corpus(),
            &mut d,
        );
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].words[4], ["Abfangen"]);
        let errors: Vec<(u32, String)> = d
            .iter()
            .map(|x| (x.line.unwrap_or(0), x.message.clone()))
            .collect();
        assert_eq!(d.error_count(), 4, "{errors:?}");
        assert!(errors.iter().any(|(l, m)| *l == 6 && m.contains("Bad Id")));
        assert!(errors
            .iter()
            .any(|(l, m)| *l == 9 && m.contains("1 language")));
        assert!(errors
            .iter()
            .any(|(l, m)| *l == 11 && m.contains("duplicate")));
        assert!(errors.iter().any(|(l, m)| *l == 15 && m.contains("bc-33x")));
    }

    #[test]
    fn unknown_keys_and_bad_yaml_are_located() {
        let mut d = Diagnostics::new();
        TermTable::read(
            &[file(
                "model-law/budapest/terms.yaml",
                "terms:\n  - id: x\n    es: [a]\n    it: [b]\n",
            )],
            &corpus(),
            &mut d,
        );
        let x = d.iter().next().unwrap();
        assert_eq!(x.line, Some(4));
        assert!(x.message.contains("it"), "{}", x.message);
        let mut d = Diagnostics::new();
        TermTable::read(
            &[file("model-law/budapest/terms.yaml", "terms: [\n")],
            &corpus(),
            &mut d,
        );
        assert_eq!(d.error_count(), 1);
    }

    #[test]
    fn the_shipped_table_is_clean_and_looks_words_up_in_any_form() {
        let files = crate::corpus::CorpusSource::BuiltIn.files().unwrap();
        let mut d = Diagnostics::new();
        let t = TermTable::read(&files, &corpus(), &mut d);
        assert!(!d.has_errors(), "{d:?}");
        assert!(t.rows.len() >= 40, "{}", t.rows.len());
        let index = TermIndex::new(&t);
        let mut es = analyzers::stemmed(STEMMED[0].1);
        let rows = index.rows(0, &analyse(&mut es, "Interceptaciones"));
        assert!(rows.iter().any(|&r| t.rows[r].id == "interception"));
        assert!(is_table("model-law/budapest/terms.yaml"));
        assert!(!is_table("statutes/ar/terms.yaml"));
    }
}
