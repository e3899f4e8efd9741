//! Listing a corpus for indexing without reading it: paths, sizes and modification times,
//! with each file's bytes read (and hashed) only when it has to be.
//!
//! The walk follows the rules of [`crate::corpus::source`]: `model-law/<framework>/<file>`
//! and `statutes/<cc>/<file>`, hidden entries skipped, and a folder without `model-law/`
//! borrowing the built-in frameworks. Statute files are read one at a time while indexing,
//! so a corpus of any size is indexed in bounded memory.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::corpus::source::{CorpusSource, SourceFile, MAX_FILE_BYTES};
use crate::error::Error;

/// What a corpus file is to the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Under `model-law/`: any change rebuilds the whole index.
    Model,
    /// `statutes/<cc>/country.yaml`: a change reindexes the country's statutes.
    Country,
    /// `statutes/<cc>/*.md`: one statute, indexed on its own.
    Statute,
    /// Anything else: ignored, as the corpus reader ignores it.
    Other,
}

/// One corpus file, not yet read.
#[derive(Clone, Debug)]
pub struct CorpusFile {
    /// Path relative to the corpus, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (`None` for built-in files).
    pub mtime_ns: Option<i64>,
    /// What the file is.
    pub kind: Kind,
    origin: Origin,
}

#[derive(Clone, Debug)]
enum Origin {
    BuiltIn(&'static [u8]),
    Disk(PathBuf),
}

impl CorpusFile {
    /// The country folder of a file under `statutes/` (`ar`).
    pub fn country_folder(&self) -> Option<&str> {
        self.path
            .strip_prefix("statutes/")
            .and_then(|r| r.split('/').next())
    }

    /// Reads the file as the corpus reader wants it (oversized files are flagged, not read).
    pub fn read(&self) -> Result<SourceFile, Error> {
        let (bytes, built_in) = match &self.origin {
            Origin::BuiltIn(b) => (Cow::Borrowed(*b), true),
            Origin::Disk(_) if self.size > MAX_FILE_BYTES => {
                return Ok(SourceFile {
                    path: self.path.clone(),
                    bytes: Cow::Borrowed(&[]),
                    built_in: false,
                    too_large: Some(self.size),
                })
            }
            Origin::Disk(p) => (
                Cow::Owned(fs::read(p).map_err(|source| Error::Io {
                    path: p.clone(),
                    source,
                })?),
                false,
            ),
        };
        Ok(SourceFile {
            path: self.path.clone(),
            bytes,
            built_in,
            too_large: None,
        })
    }

    /// The blake3 hash of the file's content, in hex.
    pub fn hash(&self) -> Result<String, Error> {
        match &self.origin {
            Origin::BuiltIn(b) => Ok(blake3::hash(b).to_hex().to_string()),
            Origin::Disk(p) => {
                let mut hasher = blake3::Hasher::new();
                let mut f = fs::File::open(p).map_err(|source| Error::Io {
                    path: p.clone(),
                    source,
                })?;
                std::io::copy(&mut f, &mut hasher).map_err(|source| Error::Io {
                    path: p.clone(),
                    source,
                })?;
                Ok(hasher.finalize().to_hex().to_string())
            }
        }
    }
}

/// Hash of bytes already read, in the same form as [`CorpusFile::hash`].
pub fn hash_bytes(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

fn kind_of(path: &str) -> Kind {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["model-law", _, _] => Kind::Model,
        ["statutes", _, "country.yaml"] => Kind::Country,
        ["statutes", _, name] if name.ends_with(".md") => Kind::Statute,
        _ => Kind::Other,
    }
}

/// Lists the files of a corpus, sorted by path.
pub fn scan(source: &CorpusSource) -> Result<Vec<CorpusFile>, Error> {
    let built_in = |keep: &dyn Fn(&str) -> bool| -> Result<Vec<CorpusFile>, Error> {
        Ok(CorpusSource::BuiltIn
            .files()?
            .into_iter()
            .filter(|f| keep(&f.path))
            .filter_map(|f| match f.bytes {
                Cow::Borrowed(b) => Some(CorpusFile {
                    kind: kind_of(&f.path),
                    size: b.len() as u64,
                    mtime_ns: None,
                    path: f.path,
                    origin: Origin::BuiltIn(b),
                }),
                Cow::Owned(_) => None,
            })
            .collect())
    };
    let mut files = match source {
        CorpusSource::BuiltIn => built_in(&|_| true)?,
        CorpusSource::Dir(dir) => {
            let meta = fs::metadata(dir).map_err(|source| Error::Io {
                path: dir.clone(),
                source,
            })?;
            if !meta.is_dir() {
                return Err(Error::Usage(format!(
                    "{} is not a folder (--corpus takes a corpus folder)",
                    dir.display()
                )));
            }
            let mut files = Vec::new();
            if dir.join("model-law").is_dir() {
                walk(dir, "model-law", &mut files)?;
            } else {
                files.extend(built_in(&|p| p.starts_with("model-law/"))?);
            }
            if dir.join("statutes").is_dir() {
                walk(dir, "statutes", &mut files)?;
            }
            files
        }
    };
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn walk(root: &Path, top: &str, files: &mut Vec<CorpusFile>) -> Result<(), Error> {
    for f in crate::corpus::source::walk(root, top)? {
        let mtime_ns = f
            .meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_nanos()).ok());
        files.push(CorpusFile {
            kind: kind_of(&f.rel),
            size: f.meta.len(),
            path: f.rel,
            mtime_ns,
            origin: Origin::Disk(f.path),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_format() {
        assert_eq!(kind_of("model-law/budapest/framework.yaml"), Kind::Model);
        assert_eq!(kind_of("statutes/ar/country.yaml"), Kind::Country);
        assert_eq!(kind_of("statutes/ar/ley.md"), Kind::Statute);
        assert_eq!(kind_of("statutes/ar/notes.txt"), Kind::Other);
    }

    #[test]
    fn the_built_in_corpus_lists_without_copying() {
        let files = scan(&CorpusSource::BuiltIn).unwrap();
        assert!(files.iter().any(|f| f.kind == Kind::Statute));
        let f = files.iter().find(|f| f.kind == Kind::Model).unwrap();
        assert_eq!(f.hash().unwrap(), hash_bytes(&f.read().unwrap().bytes));
    }
}
