//! The index folder and how a new index replaces the old one without readers ever seeing a
//! half-built index.
//!
//! ```text
//! <root>/CURRENT          name of the live generation, replaced atomically (write + rename)
//! <root>/gen-<token>/     one tantivy index and its manifest (a "generation")
//! <root>/build.lock       held (OS file lock) by whoever builds or updates
//! ```
//!
//! A full rebuild writes a new generation folder, commits it, writes its manifest, and only
//! then points `CURRENT` at it; a build killed at any point leaves `CURRENT` naming the old,
//! complete generation. Leftover generations are deleted by the next builder, under the lock.
//! The lock is an OS advisory lock (`flock`), released by the kernel when its process dies, so
//! a stale `build.lock` file (or tantivy's `.tantivy-writer.lock`) never blocks a later run.

use std::fs::{self, File, OpenOptions};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use fs4::fs_std::FileExt as _;

use crate::error::Error;
use crate::output;

const CURRENT: &str = "CURRENT";
const LOCK: &str = "build.lock";
const GEN_PREFIX: &str = "gen-";

/// An index folder.
#[derive(Clone, Debug)]
pub struct IndexRoot {
    dir: PathBuf,
}

/// The build lock, held until dropped.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

impl IndexRoot {
    /// Opens (creating it if needed) the index folder `dir`. Refuses a folder that holds other
    /// things than a harmonia index, so a mistyped `--index` never deletes anything.
    pub fn new(dir: &Path) -> Result<IndexRoot, Error> {
        if dir.exists() {
            if !dir.is_dir() {
                return Err(Error::Usage(format!(
                    "--index {} is a file, not a folder",
                    dir.display()
                )));
            }
            let ours = dir.join(CURRENT).exists() || dir.join(LOCK).exists();
            let empty = fs::read_dir(dir)
                .map_err(|source| Error::Io {
                    path: dir.to_path_buf(),
                    source,
                })?
                .next()
                .is_none();
            if !ours && !empty {
                return Err(Error::Usage(format!(
                    "{} is not a harmonia index folder and is not empty; give --index a new or empty folder",
                    dir.display()
                )));
            }
        } else {
            fs::create_dir_all(dir).map_err(|e| {
                Error::Usage(format!(
                    "cannot create the index folder {}: {e}; choose another with --index DIR",
                    dir.display()
                ))
            })?;
        }
        Ok(IndexRoot {
            dir: dir.to_path_buf(),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The live generation, if there is one and its folder exists.
    pub fn current(&self) -> Option<PathBuf> {
        let name = fs::read_to_string(self.dir.join(CURRENT)).ok()?;
        let name = name.trim();
        if !name.starts_with(GEN_PREFIX) || name.contains(['/', '\\']) {
            return None;
        }
        let dir = self.dir.join(name);
        dir.is_dir().then_some(dir)
    }

    /// Takes the build lock, waiting for another build to finish (and saying so on a
    /// terminal).
    pub fn lock(&self) -> Result<BuildLock, Error> {
        let path = self.dir.join(LOCK);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        let locked = file.try_lock_exclusive().map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        if !locked {
            if std::io::stderr().is_terminal() {
                output::eprint(
                    "waiting for another harmonia process to finish updating the index...\n",
                );
            }
            file.lock_exclusive().map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        }
        Ok(BuildLock { _file: file })
    }

    /// Takes the build lock only if it is free.
    pub fn try_lock(&self) -> Option<BuildLock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK))
            .ok()?;
        matches!(file.try_lock_exclusive(), Ok(true)).then_some(BuildLock { _file: file })
    }

    /// Creates a fresh, empty generation folder (call with the lock held).
    pub fn new_generation(&self, _lock: &BuildLock) -> Result<PathBuf, Error> {
        let dir = self.dir.join(format!("{GEN_PREFIX}{}", token()));
        fs::create_dir(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        Ok(dir)
    }

    /// Makes `generation` the live one (atomically), then deletes the others.
    pub fn publish(&self, generation: &Path, lock: &BuildLock) -> Result<(), Error> {
        let name = generation
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        output::write_atomic(&self.dir.join(CURRENT), name.as_bytes())?;
        self.clean(lock);
        Ok(())
    }

    /// Deletes every generation but the live one and leftover temporary files: what builds
    /// killed half-way leave behind. Failures are ignored (a reader on another system may
    /// still hold files open); the next build tries again.
    pub fn clean(&self, _lock: &BuildLock) {
        let live = self.current();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(GEN_PREFIX) && path.is_dir() && Some(&path) != live.as_ref() {
                let _ = fs::remove_dir_all(&path);
            } else if name.starts_with(".harmonia-") && name.ends_with(".tmp") {
                let _ = fs::remove_file(&path);
            }
        }
    }
}

/// A token unique to this process and moment: names generations and commits.
pub fn token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut h = blake3::Hasher::new();
    h.update(&now.to_le_bytes());
    h.update(&std::process::id().to_le_bytes());
    h.update(&COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    h.finalize().to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        assert!(IndexRoot::new(dir.path()).is_err());
        assert!(IndexRoot::new(&dir.path().join("new")).is_ok());
    }

    #[test]
    fn publishing_replaces_and_cleans() {
        let dir = tempfile::tempdir().unwrap();
        let root = IndexRoot::new(dir.path()).unwrap();
        let lock = root.lock().unwrap();
        let a = root.new_generation(&lock).unwrap();
        root.publish(&a, &lock).unwrap();
        assert_eq!(root.current(), Some(a.clone()));
        let b = root.new_generation(&lock).unwrap();
        let half_built = root.new_generation(&lock).unwrap();
        root.publish(&b, &lock).unwrap();
        assert_eq!(root.current(), Some(b));
        assert!(!a.exists() && !half_built.exists());
    }

    #[test]
    fn a_stale_lock_file_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(LOCK), "left by a killed process").unwrap();
        let root = IndexRoot::new(dir.path()).unwrap();
        let held = root.try_lock();
        assert!(held.is_some());
        assert!(root.try_lock().is_none(), "a held lock is exclusive");
    }
}
