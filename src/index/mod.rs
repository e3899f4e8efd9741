//! Full-text search across countries and languages: a tantivy index with one document per
//! section (chapter headings without text of their own are left out).
//!
//! - [`schema`]: the fields of a document and their analysis;
//! - [`analyzers`]: lower-casing, stemming (es, pt, en, fr, de) and ASCII folding;
//! - [`scan`]: listing the corpus without reading it, hashing files on demand;
//! - [`manifest`]: what an index was built from, per file, to refresh only what changed;
//! - [`root`]: the index folder, its generations and its build lock (crash safety);
//! - [`build`]: full builds and incremental refreshes, streaming the corpus file by file;
//! - [`concept`]: matching query words against the provisions' titles, labels and terms;
//! - [`terms`]: the cross-language legal term table (`model-law/<framework>/terms.yaml`);
//! - [`plan`]: limits, elisions, stop words, natural-language queries and their
//!   minimum-should-match rule;
//! - [`morph`]: verb forms and German compounds, against the index's vocabulary;
//! - [`bridge`]: natural-language queries as concepts reached in every language, and why a
//!   section matched;
//! - [`eval`]: the labelled query set and its recall, MRR and nDCG;
//! - [`query`]: query parsing, filters, ranking, snippets and facets;
//! - [`exclusion`]: excluded words and phrases made safe for tantivy's scorers;
//! - [`verify`]: damage found and repaired, read-only indexes, full disks.
//!
//! ```no_run
//! use harmonia::corpus::CorpusSource;
//! use harmonia::diagnostic::Diagnostics;
//! use harmonia::index::{self, build, query::{SearchRequest, DateFilter}};
//!
//! # fn main() -> Result<(), harmonia::error::Error> {
//! let source = CorpusSource::BuiltIn;
//! let dir = index::default_location(&source)?;
//! let mut problems = Diagnostics::new();
//! let refreshed = build::refresh(&source, &dir, &build::Options::default(), &mut problems)?;
//! let search = index::SearchIndex::open(&refreshed.generation)?;
//! let request = SearchRequest { query: Some("acceso ilícito".into()), date: DateFilter::All, ..SearchRequest::default() };
//! for hit in search.search(&request)?.hits {
//!     println!("{} {}", hit.section, hit.heading);
//! }
//! # Ok(())
//! # }
//! ```

pub mod analyzers;
pub mod bridge;
pub mod build;
pub mod concept;
pub mod eval;
pub mod exclusion;
pub mod manifest;
pub mod morph;
pub mod plan;
pub mod query;
pub mod root;
pub mod scan;
pub mod schema;
pub mod terms;
pub mod verify;

use std::path::PathBuf;

pub use query::{SearchIndex, SearchRequest, SearchResults};

use crate::corpus::CorpusSource;
use crate::error::Error;

/// Where the index of a corpus lives unless `--index` says otherwise: `.harmonia/index` in a
/// corpus folder; for the built-in corpus, a folder of the user's cache named by a hash of
/// that corpus (so each harmonia version keeps its own).
pub fn default_location(source: &CorpusSource) -> Result<PathBuf, Error> {
    match source {
        CorpusSource::Dir(dir) => Ok(dir.join(".harmonia").join("index")),
        CorpusSource::BuiltIn => {
            let cache = dirs::cache_dir()
                .ok_or_else(|| Error::Usage("no cache folder is known for this user; give the index a folder with --index DIR".into()))?;
            let mut h = blake3::Hasher::new();
            for f in source.files()? {
                h.update(f.path.as_bytes());
                h.update(&[0]);
                h.update(&f.bytes);
                h.update(&[0]);
            }
            let hash = h.finalize().to_hex();
            Ok(cache
                .join("harmonia")
                .join(format!("index-{}", &hash[..16])))
        }
    }
}

/// Wraps a tantivy error.
pub(crate) fn index_error(e: impl std::fmt::Display) -> Error {
    Error::Index(e.to_string())
}

/// A positive whole number from the environment variable `name` (the tuning variables of
/// docs/search.md); `None` when unset or not a positive number.
pub(crate) fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
}
