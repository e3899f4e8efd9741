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
    /// The disk holding the index (or an output) is full.
    #[error(
        "the disk holding {} is full ({free} free; the index needs about {needed}): free space there, or put the index on another disk with --index DIR",
        dir.display()
    )]
    DiskFull {
        /// The folder being written.
        dir: PathBuf,
        /// Free space left, in words (`12 KiB`).
        free: String,
        /// About what is needed, in words (`1.0 MiB`).
        needed: String,
    },
    /// The search index is damaged and could not be rebuilt where it is.
    #[error(
        "the search index in {} is damaged: {damage}; rebuilding it failed: {why}. Rebuild it with `harmonia index --rebuild --index {}` where the folder is writable, or delete that folder",
        dir.display(),
        dir.display()
    )]
    DamagedIndex {
        /// The index folder.
        dir: PathBuf,
        /// What is damaged.
        damage: String,
        /// Why it could not be rebuilt.
        why: String,
    },
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
