//! An index that checks itself: damage is found and repaired rather than reported as "up to
//! date" or shown as a raw tantivy error, a read-only index is searched without any lock
//! file, and a full disk is named as such.
//!
//! - [`verify`] reads a generation the way a search would (meta, manifest, concept texts,
//!   every segment opened) and checks every segment file against the CRC tantivy wrote in
//!   its footer. `harmonia index` runs it on every call (it reads the whole index once: well
//!   under a second for the shipped corpus); `harmonia search` runs it only when a search
//!   fails ([`search_healing`]) and then rebuilds the index and searches again.
//! - [`ReadOnlyTolerant`] is the directory searches open: tantivy takes a lock file while
//!   it opens segment readers, which a read-only folder cannot hold. Nothing writes to a
//!   read-only folder, so no lock is needed there; the wrapper hands out an empty lock when
//!   the file system refuses one as read-only or not permitted.
//! - [`explain_failure`] turns a failed build on a full disk (whatever tantivy made of the
//!   `ENOSPC`: an I/O error, an internal error, "an index writer was killed") into
//!   [`Error::DiskFull`], which says how much is free and how much the index needs.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::Index;

use super::concept::ConceptTexts;
use super::manifest::Manifest;
use super::query::SearchIndex;
use crate::error::Error;

/// What is wrong with a damaged generation, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damage {
    /// The damaged generation folder.
    pub generation: PathBuf,
    /// What was found (a file failing its checksum, a missing file, an unreadable record).
    pub what: String,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.what, self.generation.display())
    }
}

/// Checks the index generation in `generation`: its records can be read, every segment
/// opens, and every segment file matches its checksum.
pub fn verify(generation: &Path) -> Result<(), Damage> {
    let damage = |what: String| Damage {
        generation: generation.to_path_buf(),
        what,
    };
    if Manifest::read(generation).is_none() {
        return Err(damage("its manifest is missing or unreadable".into()));
    }
    if ConceptTexts::read(generation).is_none() {
        return Err(damage(format!(
            "its {} is missing or unreadable",
            super::concept::FILE_NAME
        )));
    }
    let directory = ReadOnlyTolerant::open(generation).map_err(|e| {
        damage(format!(
            "its folder cannot be opened ({})",
            plain(&e.to_string())
        ))
    })?;
    let index = Index::open(directory).map_err(|e| {
        damage(format!(
            "its records cannot be read ({})",
            plain(&e.to_string())
        ))
    })?;
    let damaged = index
        .validate_checksum()
        .map_err(|e| damage(plain(&e.to_string())))?;
    if !damaged.is_empty() {
        let mut names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
        names.sort();
        return Err(damage(format!(
            "{} fail{} its checksum",
            names.join(", "),
            if names.len() == 1 { "s" } else { "" }
        )));
    }
    // Missing segment files are not checksummed (tantivy checks only the files it finds):
    // opening every segment finds them.
    SearchIndex::open(generation)
        .map(drop)
        .map_err(|e| damage(plain(&e.to_string())))
}

/// A tantivy error about a file, in words: which file, and whether it is missing, cut
/// short or unreadable (tantivy's own text is Rust debug output).
fn plain(error: &str) -> String {
    let file = ["filepath: \"", "FileDoesNotExist(\"", "at path \""]
        .iter()
        .find_map(|marker| {
            let start = error.find(marker)? + marker.len();
            let end = error[start..].find('"')? + start;
            Some(error[start..end].to_string())
        })
        .map(|p| {
            Path::new(&p)
                .file_name()
                .map_or(p.clone(), |n| n.to_string_lossy().into_owned())
        });
    let what = if error.contains("FileDoesNotExist") || error.contains("NotFound") {
        "is missing"
    } else if error.contains("UnexpectedEof")
        || error.contains("smaller than")
        || error.contains("InvalidData")
        || error.contains("corrupted")
    {
        "is cut short or corrupted"
    } else {
        "cannot be read"
    };
    match file {
        Some(f) => format!("segment file {f} {what}"),
        None => format!("a file of the index {what}"),
    }
}

/// Runs `search` on the live index; when it fails and the index turns out to be damaged,
/// rebuilds the index with `rebuild` and runs `search` once more. Returns the result and,
/// when a repair happened, what was repaired. A failure that is not damage is returned as
/// it is; a damaged index that cannot be rebuilt (a read-only folder) gives an error that
/// says what is damaged and how to repair it.
pub fn search_healing<T>(
    generation: &Path,
    mut search: impl FnMut(&Path) -> Result<T, Error>,
    rebuild: impl FnOnce() -> Result<PathBuf, Error>,
) -> Result<(T, Option<Damage>), Error> {
    let first = match search(generation) {
        Ok(v) => return Ok((v, None)),
        Err(e) => e,
    };
    // Another process published a newer index and deleted this one meanwhile: not damage.
    if !generation.exists() {
        return Err(first);
    }
    let Err(damage) = verify(generation) else {
        return Err(first);
    };
    let root = generation.parent().unwrap_or(generation).to_path_buf();
    let fresh = rebuild().map_err(|e| Error::DamagedIndex {
        dir: root.clone(),
        damage: damage.what.clone(),
        why: e.to_string(),
    })?;
    Ok((search(&fresh)?, Some(damage)))
}

/// A failed build or update explained: on a full disk (an `ENOSPC` anywhere in the
/// message, a killed index writer, or less than 1 MiB left where the index is), an
/// [`Error::DiskFull`] naming the folder, the free space and about what the index needs
/// (`corpus_bytes` of statute text; an index takes about three times as much while it is
/// built). Other errors are returned unchanged.
pub fn explain_failure(dir: &Path, error: Error, corpus_bytes: u64) -> Error {
    let free = fs4::available_space(existing_ancestor(dir)).ok();
    explain_with(dir, error, corpus_bytes, free)
}

/// [`explain_failure`] with the free space given (tests inject it).
pub fn explain_with(dir: &Path, error: Error, corpus_bytes: u64, free: Option<u64>) -> Error {
    let text = error.to_string();
    let says_full = text.contains("os error 28")
        || text.contains("No space left")
        || text.contains("StorageFull")
        || text.contains("storage full");
    let writer_died = text.contains("index writer was killed");
    let nearly_full = free.is_some_and(|f| f < 1024 * 1024);
    let failed_writing = matches!(
        error,
        Error::Index(_) | Error::Write { .. } | Error::Io { .. }
    );
    if says_full || (failed_writing && (writer_died || nearly_full)) {
        Error::DiskFull {
            dir: dir.to_path_buf(),
            free: free.map_or_else(|| "unknown".into(), human_bytes),
            needed: human_bytes(corpus_bytes.saturating_mul(3).max(1024 * 1024)),
        }
    } else {
        error
    }
}

fn existing_ancestor(dir: &Path) -> &Path {
    dir.ancestors()
        .find(|p| p.exists())
        .unwrap_or_else(|| Path::new("."))
}

fn human_bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MiB", n as f64 / 1048576.0)
    } else {
        format!("{:.0} KiB", (n as f64 / 1024.0).ceil())
    }
}

/// tantivy's memory-mapped directory, except that a lock the file system refuses as
/// read-only (or not permitted) is granted as an empty lock: on a read-only folder no one
/// can write, so there is nothing to lock against. Searches open indexes through it.
#[derive(Clone, Debug)]
pub struct ReadOnlyTolerant<D: Directory + Clone = MmapDirectory> {
    inner: D,
}

impl ReadOnlyTolerant<MmapDirectory> {
    /// Opens the folder `dir`.
    pub fn open(dir: &Path) -> Result<ReadOnlyTolerant<MmapDirectory>, Error> {
        let inner = MmapDirectory::open(dir).map_err(|e| Error::Index(e.to_string()))?;
        Ok(ReadOnlyTolerant { inner })
    }
}

impl<D: Directory + Clone> ReadOnlyTolerant<D> {
    /// Wraps any directory (tests wrap one that fails like a read-only file system).
    pub fn wrap(inner: D) -> ReadOnlyTolerant<D> {
        ReadOnlyTolerant { inner }
    }
}

/// True for the errors a read-only folder gives when asked to create a file.
pub fn is_read_only(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
    )
}

impl<D: Directory + Clone> Directory for ReadOnlyTolerant<D> {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }
    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }
    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e)) if is_read_only(&e) => Ok(DirectoryLock::from(Box::new(()))),
            other => other,
        }
    }
    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_named_whatever_tantivy_says() {
        let dir = Path::new("/mnt/small/index");
        for text in [
            "An IO error occurred: 'No space left on device (os error 28)'",
            "Internal error: 'No space left on device (os error 28)'",
        ] {
            let e = explain_with(dir, Error::Index(text.into()), 300_000, Some(0));
            let message = e.to_string();
            assert!(
                message.contains("disk") && message.contains("full"),
                "{message}"
            );
            assert!(message.contains("/mnt/small/index"), "{message}");
            assert!(message.contains("0 KiB free"), "{message}");
            assert!(message.contains("1.0 MiB"), "{message}");
        }
        // A killed writer on a nearly full disk is a full disk; elsewhere it is not.
        let killed = "An error occurred in a thread: 'An index writer was killed.. A worker thread encountered an error (io::Error most likely) or panicked.'";
        let e = explain_with(dir, Error::Index(killed.into()), 10, Some(4096));
        assert!(matches!(e, Error::DiskFull { .. }), "{e}");
        let e = explain_with(dir, Error::Usage("bad --index".into()), 10, Some(0));
        assert!(matches!(e, Error::Usage(_)));
        let e = explain_with(dir, Error::Index("schema".into()), 10, Some(1 << 30));
        assert!(matches!(e, Error::Index(_)));
    }

    /// A directory whose lock files cannot be created, like a read-only mount.
    #[derive(Clone, Debug)]
    struct ReadOnlyFs(MmapDirectory);

    impl Directory for ReadOnlyFs {
        fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
            self.0.get_file_handle(path)
        }
        fn delete(&self, path: &Path) -> Result<(), DeleteError> {
            self.0.delete(path)
        }
        fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
            self.0.exists(path)
        }
        fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
            Err(OpenWriteError::wrap_io_error(
                io::Error::from(io::ErrorKind::ReadOnlyFilesystem),
                path.to_path_buf(),
            ))
        }
        fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
            self.0.atomic_read(path)
        }
        fn atomic_write(&self, _: &Path, _: &[u8]) -> io::Result<()> {
            Err(io::Error::from(io::ErrorKind::ReadOnlyFilesystem))
        }
        fn sync_directory(&self) -> io::Result<()> {
            Ok(())
        }
        fn acquire_lock(&self, _: &Lock) -> Result<DirectoryLock, LockError> {
            Err(LockError::IoError(Arc::new(io::Error::from(
                io::ErrorKind::ReadOnlyFilesystem,
            ))))
        }
        fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
            self.0.watch(watch_callback)
        }
    }

    fn small_index(dir: &Path) {
        use tantivy::schema::{Schema, TEXT};
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_dir(dir, schema.build()).unwrap();
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        writer
            .add_document(tantivy::doc!(text => "acceso"))
            .unwrap();
        writer.commit().unwrap();
        writer.wait_merging_threads().unwrap();
    }

    #[test]
    fn read_only_indexes_open_for_reading() {
        let dir = tempfile::tempdir().unwrap();
        small_index(dir.path());
        let read_only = ReadOnlyFs(MmapDirectory::open(dir.path()).unwrap());
        // Plain: tantivy cannot take its lock to open the segments.
        let plain = Index::open(read_only.clone()).unwrap();
        assert!(plain
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .is_err());
        // Tolerant: it opens and finds the document.
        let index = Index::open(ReadOnlyTolerant::wrap(read_only)).unwrap();
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .unwrap();
        assert_eq!(reader.searcher().num_docs(), 1);
    }

    #[test]
    fn damage_is_described_in_words() {
        let d = plain("Failed to open file for read: 'IoError { io_error: Custom { kind: UnexpectedEof, error: \"File corrupted. The file is smaller than 4 bytes (len=0).\" }, filepath: \"3097f4.store\" }'");
        assert_eq!(d, "segment file 3097f4.store is cut short or corrupted");
        let d =
            plain("Failed to open file for read: 'FileDoesNotExist(\"/tmp/ci/gen-1/1c6a.fast\")'");
        assert_eq!(d, "segment file 1c6a.fast is missing");
    }

    #[test]
    fn other_lock_errors_stay_errors() {
        assert!(!is_read_only(&io::Error::from(io::ErrorKind::StorageFull)));
        assert!(is_read_only(&io::Error::from(
            io::ErrorKind::ReadOnlyFilesystem
        )));
    }
}
