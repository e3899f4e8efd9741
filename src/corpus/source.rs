//! Where a corpus comes from: the one compiled into the binary, or a folder. A folder
//! without `model-law/` borrows the built-in frameworks, so a country team can check its
//! statutes against Budapest without copying the model law.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Error;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Files larger than this are refused with a message rather than read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A corpus to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusSource {
    /// The corpus shipped inside the binary.
    BuiltIn,
    /// A folder holding `model-law/` and/or `statutes/`.
    Dir(PathBuf),
}

/// One file of a corpus, read.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the corpus, `/`-separated.
    pub path: String,
    /// Its bytes; empty when `too_large` is set.
    pub bytes: Cow<'static, [u8]>,
    /// True when the file comes from the binary.
    pub built_in: bool,
    /// Set (to the size) when the file was too large to read.
    pub too_large: Option<u64>,
}

impl CorpusSource {
    /// The folder given with `--corpus`, or the built-in corpus.
    pub fn new(dir: Option<PathBuf>) -> CorpusSource {
        dir.map_or(CorpusSource::BuiltIn, CorpusSource::Dir)
    }

    /// How to name the corpus to a person.
    pub fn describe(&self) -> String {
        match self {
            CorpusSource::BuiltIn => "the built-in corpus".to_string(),
            CorpusSource::Dir(d) => d.display().to_string(),
        }
    }

    /// The folder, for a folder corpus.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            CorpusSource::BuiltIn => None,
            CorpusSource::Dir(d) => Some(d),
        }
    }

    /// Every corpus file (framework and country folders, one level deep), sorted by path.
    pub fn files(&self) -> Result<Vec<SourceFile>, Error> {
        let mut files = Vec::new();
        match self {
            CorpusSource::BuiltIn => files.extend(built_in(|_| true)),
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
                if dir.join("model-law").is_dir() {
                    read_tree(dir, "model-law", &mut files)?;
                } else {
                    files.extend(built_in(|p| p.starts_with("model-law/")));
                }
                if dir.join("statutes").is_dir() {
                    read_tree(dir, "statutes", &mut files)?;
                }
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }
}

/// The built-in templates, `(path relative to templates/, bytes)`.
pub fn built_in_templates() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    embedded::TEMPLATES
        .iter()
        .map(|(p, b)| (p.strip_prefix("templates/").unwrap_or(p), *b))
}

fn built_in(keep: impl Fn(&str) -> bool) -> impl Iterator<Item = SourceFile> {
    embedded::CORPUS
        .iter()
        .filter(move |(p, _)| keep(p) && depth_ok(p))
        .map(|(p, b)| SourceFile {
            path: (*p).to_string(),
            bytes: Cow::Borrowed(*b),
            built_in: true,
            too_large: None,
        })
}

/// `top/<folder>/<file>`: the only depth the format gives meaning to.
fn depth_ok(path: &str) -> bool {
    path.split('/').count() == 3
}

/// A file found in a corpus folder, not yet read.
#[derive(Debug)]
pub struct FoundFile {
    /// Path relative to the corpus, `/`-separated (`statutes/ar/ley-26388.md`).
    pub rel: String,
    /// Path on disk.
    pub path: PathBuf,
    /// Its metadata (size, modification time).
    pub meta: fs::Metadata,
}

/// Lists the files at `root/top/<folder>/<file>`, the only depth the format gives meaning
/// to, skipping hidden entries (such as `.harmonia/`). Used by the reader and by the search
/// index's change detection, so both see the same files.
pub fn walk(root: &Path, top: &str) -> Result<Vec<FoundFile>, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut found = Vec::new();
    let top_dir = root.join(top);
    for entry in fs::read_dir(&top_dir).map_err(io(&top_dir))? {
        let entry = entry.map_err(io(&top_dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') || !path.is_dir() {
            continue;
        }
        for file in fs::read_dir(&path).map_err(io(&path))? {
            let file = file.map_err(io(&path))?;
            let fname = file.file_name().to_string_lossy().into_owned();
            let fpath = file.path();
            if fname.starts_with('.') || !fpath.is_file() {
                continue;
            }
            let meta = fs::metadata(&fpath).map_err(io(&fpath))?;
            found.push(FoundFile {
                rel: format!("{top}/{name}/{fname}"),
                path: fpath,
                meta,
            });
        }
    }
    Ok(found)
}

fn read_tree(root: &Path, top: &str, files: &mut Vec<SourceFile>) -> Result<(), Error> {
    for f in walk(root, top)? {
        let size = f.meta.len();
        if size > MAX_FILE_BYTES {
            files.push(SourceFile {
                path: f.rel,
                bytes: Cow::Borrowed(&[]),
                built_in: false,
                too_large: Some(size),
            });
            continue;
        }
        let bytes = fs::read(&f.path).map_err(|source| Error::Io {
            path: f.path.clone(),
            source,
        })?;
        files.push(SourceFile {
            path: f.rel,
            bytes: Cow::Owned(bytes),
            built_in: false,
            too_large: None,
        });
    }
    Ok(())
}
