//! # harmonia
//!
//! A cybercrime legislation harmonization analyzer. harmonia keeps national statutes as
//! annotated Markdown and YAML, maps each section element by element against the model
//! provisions of a framework (the Budapest Convention by default), and derives from that
//! gaps, comparison matrices, penalty comparisons, dual-criminality checks, search and
//! reports.
//!
//! The pipeline, one module a stage:
//!
//! - [`corpus`]: read and validate a corpus (FORMAT.md) into typed values;
//! - [`diagnostic`]: located errors and warnings, reported together;
//! - [`index`]: full-text search across countries and languages (tantivy);
//! - [`render`]: drafts and reports through templates;
//! - [`import`]: published statutes (Markdown, Akoma Ntoso, plain text) into the format;
//! - [`suggest`]: proposed mappings and penalties for unannotated sections, measured;
//! - [`cli`]: the `harmonia` command line, one file a subcommand.
//!
//! ```
//! use harmonia::corpus::{self, CorpusSource};
//!
//! # fn main() -> Result<(), harmonia::error::Error> {
//! let loaded = corpus::load(&CorpusSource::BuiltIn)?;
//! assert!(!loaded.diagnostics.has_errors());
//! if let Some(budapest) = loaded.corpus.framework("bc") {
//!     assert!(budapest.provision_str("bc-2").is_some());
//! }
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

pub mod cli;
pub mod corpus;
pub mod diagnostic;
pub mod error;
pub mod gap;
pub mod id;
pub mod import;
pub mod index;
pub mod output;
pub mod render;
pub mod suggest;

pub use error::{Error, Result};
