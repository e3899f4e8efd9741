//! The manifest: what an index generation was built from, file by file, so a search can tell
//! whether the corpus changed since and reindex only what did.
//!
//! It is written atomically beside the tantivy files after each commit, and names that
//! commit with a token also stored in tantivy's own commit payload (`meta.json`). A manifest
//! whose token differs from the index's (a build killed between the two writes) or whose
//! schema version differs is not trusted: the index is rebuilt.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::output;

/// File name of the manifest inside a generation folder.
pub const FILE_NAME: &str = "harmonia-manifest.json";

/// What an index generation holds.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Schema version ([`super::schema::SCHEMA_VERSION`]).
    pub schema: u32,
    /// Token of the tantivy commit this manifest describes (also its commit payload).
    pub commit: String,
    /// The corpus, for people.
    pub corpus: String,
    /// When the corpus was scanned for this commit, in nanoseconds since 1970: files modified
    /// within [`RACY_NS`] of it are hashed again rather than trusted by size and time.
    pub scanned_at_ns: i64,
    /// Hash over every `model-law/` file (paths and contents).
    pub model_hash: String,
    /// `country.yaml` path -> content hash.
    pub countries: BTreeMap<String, String>,
    /// Statute file path -> what was indexed from it.
    pub files: BTreeMap<String, FileRecord>,
}

/// One indexed statute file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FileRecord {
    /// Size in bytes when indexed.
    pub size: u64,
    /// Modification time (ns since 1970) when indexed; `None` for built-in files.
    pub mtime_ns: Option<i64>,
    /// blake3 of the content.
    pub hash: String,
    /// The statute id it holds.
    pub statute: String,
    /// How many documents (sections) it gave.
    pub sections: u32,
}

/// A file modified this close (in ns) before a scan may change again within the same
/// timestamp tick, so its size and time prove nothing: it is hashed.
pub const RACY_NS: i64 = 2_000_000_000;

impl Manifest {
    /// Reads the manifest in `dir`; `None` when missing or unreadable (the index is rebuilt).
    pub fn read(dir: &Path) -> Option<Manifest> {
        let bytes = std::fs::read(dir.join(FILE_NAME)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes the manifest into `dir`, atomically.
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        let json = serde_json::to_vec(self)
            .map_err(|e| Error::Index(format!("cannot encode the manifest: {e}")))?;
        output::write_atomic(&dir.join(FILE_NAME), &json)
    }

    /// True when `record` can be trusted for a file of this size and time without hashing it.
    pub fn unchanged_by_stat(&self, record: &FileRecord, size: u64, mtime_ns: Option<i64>) -> bool {
        match (record.mtime_ns, mtime_ns) {
            (Some(a), Some(b)) => {
                record.size == size && a == b && b < self.scanned_at_ns.saturating_sub(RACY_NS)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_not_trusted_by_stat() {
        let m = Manifest {
            scanned_at_ns: 10_000_000_000,
            ..Manifest::default()
        };
        let r = FileRecord {
            size: 5,
            mtime_ns: Some(1),
            ..FileRecord::default()
        };
        assert!(m.unchanged_by_stat(&r, 5, Some(1)));
        assert!(!m.unchanged_by_stat(&r, 6, Some(1)));
        let recent = FileRecord {
            size: 5,
            mtime_ns: Some(9_000_000_000),
            ..FileRecord::default()
        };
        assert!(!m.unchanged_by_stat(&recent, 5, Some(9_000_000_000)));
    }

    #[test]
    fn manifests_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Manifest {
            schema: 1,
            commit: "abc".into(),
            ..Manifest::default()
        };
        m.files.insert(
            "statutes/ar/x.md".into(),
            FileRecord {
                size: 3,
                hash: "h".into(),
                ..FileRecord::default()
            },
        );
        m.write(dir.path()).unwrap();
        let back = Manifest::read(dir.path()).unwrap();
        assert_eq!(back.commit, "abc");
        assert_eq!(back.files["statutes/ar/x.md"].size, 3);
        assert!(Manifest::read(&dir.path().join("missing")).is_none());
    }
}
