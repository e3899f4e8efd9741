//! The library's error type. Problems *in* a corpus are [`crate::diagnostic::Diagnostic`]s,
//! collected and reported together; an [`Error`] is what stops a command: a file that cannot
//! be read or written, a corpus with errors, a bad argument, a broken index or template.

use std::path::PathBuf;

/// What stopped a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An output could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The corpus has errors (they were printed before this).
    #[error("the corpus has {errors} error(s); `harmonia check` lists them")]
    InvalidCorpus {
        /// How many.
        errors: usize,
    },
    /// A file to import or suggest for has errors (they were printed before this); nothing
    /// was written.
    #[error("{path}: {errors} error(s); nothing was written")]
    InvalidInput {
        /// The file.
        path: String,
        /// How many errors.
        errors: usize,
    },
    /// The arguments do not make sense together, or name something that does not exist.
    #[error("{0}")]
    Usage(String),
    /// The search index could not be built, opened or queried.
    #[error("search index: {0}")]
    Index(String),
    /// A template failed to load or render.
    #[error("template: {0}")]
    Template(String),
}

impl Error {
    /// The process exit code for this error: 1 for corpus errors, 2 for usage and I/O.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::InvalidCorpus { .. } | Error::InvalidInput { .. } => 1,
            _ => 2,
        }
    }
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
