//! Building and refreshing the index.
//!
//! [`refresh`] compares the corpus with the live generation's manifest and does the least
//! work that makes the index match it:
//!
//! - nothing, when every file is unchanged (size and time, else its blake3 hash);
//! - an update in place, when statute files were added, changed or removed (or a
//!   `country.yaml` changed: its country's statutes are redone): the documents of those files
//!   are deleted by their `file` term and the files indexed again, in one tantivy commit;
//! - a full rebuild into a new generation, when there is no usable index, the model law
//!   changed (the concept texts and areas depend on it), the schema version changed, or the
//!   manifest does not match the index's last commit.
//!
//! Statute files are read, parsed and turned into documents by worker threads, one file at a
//! time, and fed to the tantivy writer: memory stays bounded whatever the corpus size. A
//! corpus with errors is never indexed: the build is abandoned before its commit. A full
//! build merges nothing while documents stream in, then merges its segments into up to four
//! of about equal size, so that searches can spread over the cores.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use super::concept::ConceptTexts;
use super::manifest::{FileRecord, Manifest};
use super::root::{self, BuildLock, IndexRoot};
use super::scan::{self, CorpusFile, Kind};
use super::schema::{self, Fields, SCHEMA_VERSION};
use super::terms::TermTable;
use super::{analyzers, env_usize, index_error, verify};
use crate::corpus::load::{load_files, read_statute_file};
use crate::corpus::{Corpus, CorpusSource, Statute};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::error::Error;

/// How to refresh.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Rebuild from scratch even when the index is up to date.
    pub rebuild: bool,
    /// Show a progress bar (on a terminal only).
    pub progress: bool,
    /// Check an up-to-date index for damage ([`super::verify::verify`]: every segment file
    /// against its checksum) and rebuild it when damaged.
    pub verify: bool,
}

/// What a refresh did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The index was up to date.
    Fresh,
    /// Changed files were reindexed in place.
    Updated,
    /// A new index was built from scratch.
    Rebuilt,
}

/// What a refresh did, in numbers.
#[derive(Clone, Debug)]
pub struct Report {
    /// What was done.
    pub action: Action,
    /// Statute files (re)indexed.
    pub files_indexed: usize,
    /// Statute files whose documents were removed (deleted from the corpus).
    pub files_removed: usize,
    /// Sections (documents) added.
    pub sections_indexed: u64,
    /// Bytes of statute files read and indexed.
    pub bytes_indexed: u64,
    /// Statute files in the index now.
    pub files_total: usize,
    /// Sections in the index now.
    pub sections_total: u64,
    /// Wall time of the refresh, in seconds.
    pub seconds: f64,
}

/// A refreshed index, ready to open.
#[derive(Debug)]
pub struct Refreshed {
    /// The live generation folder.
    pub generation: PathBuf,
    /// What was done.
    pub report: Report,
    /// The model law and countries of the corpus (statutes left out), for validating filters.
    pub skeleton: Corpus,
    /// The damage found and repaired by rebuilding, when [`Options::verify`] found some.
    pub repaired: Option<verify::Damage>,
}

/// Brings the index in `root` up to date with the corpus at `source`. Corpus errors are
/// added to `diagnostics` and end the refresh with [`Error::InvalidCorpus`], leaving the
/// previous index untouched.
pub fn refresh(
    source: &CorpusSource,
    root: &Path,
    options: &Options,
    diagnostics: &mut Diagnostics,
) -> Result<Refreshed, Error> {
    let explain = |e: Error| {
        let corpus_bytes = scan::scan(source)
            .map(|files| files.iter().map(|f| f.size).sum())
            .unwrap_or(0);
        verify::explain_failure(root, e, corpus_bytes)
    };
    let refreshed = refresh_once(source, root, options, diagnostics).map_err(explain)?;
    if !options.verify || refreshed.report.action != Action::Fresh {
        return Ok(refreshed);
    }
    let Err(damage) = verify::verify(&refreshed.generation) else {
        return Ok(refreshed);
    };
    let rebuild = Options {
        rebuild: true,
        ..options.clone()
    };
    let mut repaired = refresh_once(source, root, &rebuild, diagnostics)
        .map_err(explain)
        .map_err(|e| Error::DamagedIndex {
            dir: root.to_path_buf(),
            damage: damage.what.clone(),
            why: e.to_string(),
        })?;
    repaired.repaired = Some(damage);
    Ok(repaired)
}

/// One refresh, without checking for damage or explaining failures.
fn refresh_once(
    source: &CorpusSource,
    root: &Path,
    options: &Options,
    diagnostics: &mut Diagnostics,
) -> Result<Refreshed, Error> {
    let started = Instant::now();
    let scanned_at_ns = now_ns();
    let files = scan::scan(source)?;
    let (skeleton, terms) = load_skeleton(source, &files, diagnostics)?;
    let state = CorpusState::of(&files)?;
    let root = IndexRoot::new(root)?;

    let mut lock: Option<BuildLock> = None;
    loop {
        if options.rebuild && lock.is_none() {
            lock = Some(root.lock()?);
        }
        let plan = if options.rebuild {
            Plan::Full
        } else {
            plan(&root, &files, &state)?
        };
        if let Plan::Fresh {
            generation,
            manifest,
            restat,
        } = plan
        {
            // Nothing to index. If no one else is building, delete what killed builds left
            // behind, and record the new times of files touched but not changed, so later
            // runs need not hash them again.
            if let Some(l) = lock.take().or_else(|| root.try_lock()) {
                root.clean(&l);
                if !restat.is_empty() && root.current().as_ref() == Some(&generation) {
                    let mut m = manifest.clone();
                    for (path, size, mtime) in restat {
                        if let Some(r) = m.files.get_mut(&path) {
                            r.size = size;
                            r.mtime_ns = mtime;
                        }
                    }
                    m.scanned_at_ns = scanned_at_ns;
                    let _ = m.write(&generation);
                }
            }
            let report = Report {
                action: Action::Fresh,
                files_indexed: 0,
                files_removed: 0,
                sections_indexed: 0,
                bytes_indexed: 0,
                files_total: manifest.files.len(),
                sections_total: manifest.files.values().map(|r| u64::from(r.sections)).sum(),
                seconds: started.elapsed().as_secs_f64(),
            };
            return Ok(Refreshed {
                generation,
                report,
                skeleton,
                repaired: None,
            });
        }
        let Some(held) = lock.take() else {
            // Work to do: take the lock, then look again, since another process may have
            // done it meanwhile.
            lock = Some(root.lock()?);
            continue;
        };
        root.clean(&held);
        let job = Job {
            root: &root,
            files: &files,
            skeleton: &skeleton,
            terms: &terms,
            state: &state,
            scanned_at_ns,
            corpus: source.describe(),
        };
        let (generation, mut report) = match plan {
            Plan::Update {
                generation,
                manifest,
                add,
                remove,
            } => job.update(generation, manifest, &add, &remove, options, diagnostics)?,
            _ => job.full(&held, options, diagnostics)?,
        };
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(Refreshed {
            generation,
            report,
            skeleton,
            repaired: None,
        });
    }
}

fn now_ns() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_nanos()).ok())
        .unwrap_or_default()
}

/// Reads the model law and the country records (small), checks statute folders have a
/// country record, and fails on any error.
fn load_skeleton(
    source: &CorpusSource,
    files: &[CorpusFile],
    diagnostics: &mut Diagnostics,
) -> Result<(Corpus, TermTable), Error> {
    let mut small = Vec::new();
    for f in files
        .iter()
        .filter(|f| matches!(f.kind, Kind::Model | Kind::Country))
    {
        small.push(f.read()?);
    }
    let loaded = load_files(&small, source.describe());
    let mut found = errors_only(loaded.diagnostics);
    let mut table_problems = Diagnostics::new();
    let terms = TermTable::read(&small, &loaded.corpus, &mut table_problems);
    found.extend(errors_only(table_problems));
    let with_country: BTreeSet<&str> = files
        .iter()
        .filter(|f| f.kind == Kind::Country)
        .filter_map(|f| f.country_folder())
        .collect();
    let mut reported = BTreeSet::new();
    for f in files.iter().filter(|f| f.kind == Kind::Statute) {
        let Some(folder) = f.country_folder() else {
            continue;
        };
        if with_country.contains(folder) || !reported.insert(folder) {
            continue;
        }
        let dir = format!("statutes/{folder}");
        if folder.len() == 2 && folder.chars().all(|c| c.is_ascii_lowercase()) {
            found.push(
                Diagnostic::error(
                    format!("{dir}/country.yaml"),
                    format!("country folder `{dir}` has no country.yaml"),
                )
                .id(folder.to_ascii_uppercase())
                .hint("add country.yaml with at least `code` and `name` (see the README)"),
            );
        } else {
            found.push(
                Diagnostic::error(&dir, format!("country folder `{folder}` is not a lower-case ISO 3166-1 alpha-2 code"))
                    .id(folder)
                    .hint("name country folders by their two-letter code in lower case, e.g. `statutes/ar`"),
            );
        }
    }
    if found.has_errors() {
        let errors = found.error_count();
        diagnostics.extend(found);
        return Err(Error::InvalidCorpus { errors });
    }
    Ok((loaded.corpus, terms))
}

fn errors_only(d: Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::new();
    for x in d.iter().filter(|x| x.severity == Severity::Error) {
        out.push(x.clone());
    }
    out
}

/// Hashes of what every document depends on besides its own file.
struct CorpusState {
    model_hash: String,
    countries: BTreeMap<String, String>,
}

impl CorpusState {
    fn of(files: &[CorpusFile]) -> Result<CorpusState, Error> {
        let mut model = blake3::Hasher::new();
        let mut countries = BTreeMap::new();
        for f in files {
            match f.kind {
                Kind::Model => {
                    model.update(f.path.as_bytes());
                    model.update(&[0]);
                    model.update(f.hash()?.as_bytes());
                }
                Kind::Country => {
                    countries.insert(f.path.clone(), f.hash()?);
                }
                _ => {}
            }
        }
        Ok(CorpusState {
            model_hash: model.finalize().to_hex().to_string(),
            countries,
        })
    }
}

enum Plan {
    Fresh {
        generation: PathBuf,
        manifest: Manifest,
        restat: Vec<(String, u64, Option<i64>)>,
    },
    Update {
        generation: PathBuf,
        manifest: Manifest,
        add: Vec<usize>,
        remove: Vec<String>,
    },
    Full,
}

/// Compares the corpus with the live generation.
fn plan(root: &IndexRoot, files: &[CorpusFile], state: &CorpusState) -> Result<Plan, Error> {
    let Some(generation) = root.current() else {
        return Ok(Plan::Full);
    };
    let Some(manifest) = Manifest::read(&generation) else {
        return Ok(Plan::Full);
    };
    if ConceptTexts::read(&generation).is_none() || TermTable::load(&generation).is_none() {
        return Ok(Plan::Full);
    }
    if manifest.schema != SCHEMA_VERSION
        || manifest.model_hash != state.model_hash
        || !commit_matches(&generation, &manifest)
    {
        return Ok(Plan::Full);
    }
    let changed_countries: BTreeSet<&str> = state
        .countries
        .iter()
        .filter(|(path, hash)| manifest.countries.get(*path) != Some(hash))
        .map(|(path, _)| path.as_str())
        .chain(
            manifest
                .countries
                .keys()
                .filter(|p| !state.countries.contains_key(*p))
                .map(String::as_str),
        )
        .filter_map(|p| {
            p.strip_prefix("statutes/")
                .and_then(|r| r.split('/').next())
        })
        .collect();
    let mut add = Vec::new();
    let mut restat = Vec::new();
    let mut present = BTreeSet::new();
    for (i, f) in files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == Kind::Statute)
    {
        present.insert(f.path.as_str());
        if f.country_folder()
            .is_some_and(|c| changed_countries.contains(c))
        {
            add.push(i);
            continue;
        }
        match manifest.files.get(&f.path) {
            None => add.push(i),
            Some(r) if manifest.unchanged_by_stat(r, f.size, f.mtime_ns) => {}
            Some(r) => {
                if f.hash()? == r.hash {
                    // Same content: remember its size and time so the next run trusts them.
                    restat.push((f.path.clone(), f.size, f.mtime_ns));
                } else {
                    add.push(i);
                }
            }
        }
    }
    let remove: Vec<String> = manifest
        .files
        .keys()
        .filter(|p| !present.contains(p.as_str()))
        .cloned()
        .collect();
    if add.is_empty() && remove.is_empty() {
        return Ok(Plan::Fresh {
            generation,
            manifest,
            restat,
        });
    }
    Ok(Plan::Update {
        generation,
        manifest,
        add,
        remove,
    })
}

/// True when the index's last commit is the one the manifest describes.
fn commit_matches(generation: &Path, manifest: &Manifest) -> bool {
    let Ok(index) = Index::open_in_dir(generation) else {
        return false;
    };
    match index.load_metas() {
        Ok(meta) => meta.payload.as_deref() == Some(manifest.commit.as_str()),
        Err(_) => false,
    }
}

struct Job<'a> {
    root: &'a IndexRoot,
    files: &'a [CorpusFile],
    skeleton: &'a Corpus,
    terms: &'a TermTable,
    state: &'a CorpusState,
    scanned_at_ns: i64,
    corpus: String,
}

impl Job<'_> {
    fn full(
        &self,
        lock: &BuildLock,
        options: &Options,
        diagnostics: &mut Diagnostics,
    ) -> Result<(PathBuf, Report), Error> {
        let generation = self.root.new_generation(lock)?;
        let result = self.full_into(&generation, options, diagnostics);
        match result {
            Ok(report) => {
                self.root.publish(&generation, lock)?;
                Ok((generation, report))
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&generation);
                Err(e)
            }
        }
    }

    fn full_into(
        &self,
        generation: &Path,
        options: &Options,
        diagnostics: &mut Diagnostics,
    ) -> Result<Report, Error> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(generation, schema).map_err(index_error)?;
        analyzers::register(&index);
        let mut writer = new_writer(&index)?;
        // No merging while documents stream in: the segments are merged once, at the end,
        // into a few of equal size (see `balance_segments`).
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let todo: Vec<&CorpusFile> = self
            .files
            .iter()
            .filter(|f| f.kind == Kind::Statute)
            .collect();
        let done = self.index_files(&writer, &fields, &todo, &HashMap::new(), options)?;
        if done.diagnostics.has_errors() {
            let errors = done.diagnostics.error_count();
            diagnostics.extend(done.diagnostics);
            return Err(Error::InvalidCorpus { errors });
        }
        let mut manifest = self.manifest();
        manifest.files = done.records.into_iter().collect();
        commit(&mut writer, &manifest.commit)?;
        balance_segments(&index, &mut writer)?;
        writer.wait_merging_threads().map_err(index_error)?;
        ConceptTexts::of(self.skeleton, self.terms).write(generation)?;
        self.terms.write(generation)?;
        manifest.write(generation)?;
        Ok(Report {
            action: Action::Rebuilt,
            files_indexed: todo.len(),
            files_removed: 0,
            sections_indexed: done.sections,
            bytes_indexed: done.bytes,
            files_total: manifest.files.len(),
            sections_total: done.sections,
            seconds: 0.0,
        })
    }

    fn update(
        &self,
        generation: PathBuf,
        old: Manifest,
        add: &[usize],
        remove: &[String],
        options: &Options,
        diagnostics: &mut Diagnostics,
    ) -> Result<(PathBuf, Report), Error> {
        let index = Index::open_in_dir(&generation).map_err(index_error)?;
        analyzers::register(&index);
        let fields = schema::fields_of(&index.schema())
            .ok_or_else(|| Error::Index("the index has an unexpected schema".into()))?;
        let mut writer = new_writer(&index)?;
        let todo: Vec<&CorpusFile> = add.iter().map(|&i| &self.files[i]).collect();
        for path in todo.iter().map(|f| &f.path).chain(remove) {
            writer.delete_term(Term::from_field_text(fields.file, path));
        }
        let redone: BTreeSet<&str> = todo
            .iter()
            .map(|f| f.path.as_str())
            .chain(remove.iter().map(String::as_str))
            .collect();
        let kept: HashMap<String, String> = old
            .files
            .iter()
            .filter(|(p, _)| !redone.contains(p.as_str()))
            .map(|(p, r)| (r.statute.clone(), p.clone()))
            .collect();
        let done = self.index_files(&writer, &fields, &todo, &kept, options)?;
        if done.diagnostics.has_errors() {
            let errors = done.diagnostics.error_count();
            diagnostics.extend(done.diagnostics);
            writer.rollback().map_err(index_error)?;
            return Err(Error::InvalidCorpus { errors });
        }
        let mut manifest = self.manifest();
        manifest.files = old.files;
        for path in remove {
            manifest.files.remove(path);
        }
        manifest.files.extend(done.records);
        commit(&mut writer, &manifest.commit)?;
        writer.wait_merging_threads().map_err(index_error)?;
        manifest.write(&generation)?;
        let report = Report {
            action: Action::Updated,
            files_indexed: todo.len(),
            files_removed: remove.len(),
            sections_indexed: done.sections,
            bytes_indexed: done.bytes,
            files_total: manifest.files.len(),
            sections_total: manifest.files.values().map(|r| u64::from(r.sections)).sum(),
            seconds: 0.0,
        };
        Ok((generation, report))
    }

    fn manifest(&self) -> Manifest {
        Manifest {
            schema: SCHEMA_VERSION,
            commit: root::token(),
            corpus: self.corpus.clone(),
            scanned_at_ns: self.scanned_at_ns,
            model_hash: self.state.model_hash.clone(),
            countries: self.state.countries.clone(),
            files: BTreeMap::new(),
        }
    }

    /// Reads, parses and indexes `todo` on worker threads. `statutes` maps the statute ids
    /// already in the index (from files not redone) to their files, to catch duplicates.
    fn index_files(
        &self,
        writer: &IndexWriter,
        fields: &Fields,
        todo: &[&CorpusFile],
        statutes: &HashMap<String, String>,
        options: &Options,
    ) -> Result<Indexed, Error> {
        let docs = DocBuilder::new(fields, self.skeleton);
        let total: u64 = todo.iter().map(|f| f.size).sum();
        let progress = progress_bar(options.progress && total > 8 * 1024 * 1024, total);
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let workers = parse_threads().min(todo.len().max(1));
        let mut out = Indexed::default();
        let mut seen: HashMap<String, String> = statutes.clone();
        let result = std::thread::scope(|scope| -> Result<(), Error> {
            let (tx, rx) = mpsc::sync_channel::<Result<Parsed, Error>>(workers * 2);
            for _ in 0..workers {
                let tx = tx.clone();
                let (next, stop, docs) = (&next, &stop, &docs);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= todo.len() || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if tx.send(parse_file(todo[i], docs)).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            for parsed in rx {
                let parsed = match parsed {
                    Ok(p) => p,
                    Err(e) => {
                        stop.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                };
                progress.inc(parsed.size);
                out.bytes += parsed.size;
                out.diagnostics.extend(parsed.diagnostics);
                let Some((statute, docs)) = parsed.statute else {
                    continue;
                };
                if let Some(first) = seen.get(&statute) {
                    out.diagnostics.push(
                        Diagnostic::error(&parsed.path, format!("duplicate statute id `{statute}`"))
                            .id(&statute)
                            .hint(format!("`{first}` already uses this id; statute ids must be unique in the corpus")),
                    );
                    continue;
                }
                seen.insert(statute.clone(), parsed.path.clone());
                if out.diagnostics.has_errors() {
                    continue; // keep parsing to report every error, but stop feeding the writer
                }
                let sections = docs.len() as u32;
                for doc in docs {
                    if let Err(e) = writer.add_document(doc) {
                        stop.store(true, Ordering::Relaxed);
                        return Err(index_error(e));
                    }
                }
                out.sections += u64::from(sections);
                let record = FileRecord {
                    size: parsed.size,
                    mtime_ns: parsed.mtime_ns,
                    hash: parsed.hash,
                    statute,
                    sections,
                };
                out.records.push((parsed.path, record));
            }
            Ok(())
        });
        progress.finish_and_clear();
        result?;
        Ok(out)
    }
}

#[derive(Default)]
struct Indexed {
    records: Vec<(String, FileRecord)>,
    diagnostics: Diagnostics,
    sections: u64,
    bytes: u64,
}

/// One statute file, read and turned into documents by a worker.
struct Parsed {
    path: String,
    size: u64,
    mtime_ns: Option<i64>,
    hash: String,
    /// Statute id and documents, when the file has no errors.
    statute: Option<(String, Vec<TantivyDocument>)>,
    diagnostics: Diagnostics,
}

fn parse_file(file: &CorpusFile, docs: &DocBuilder) -> Result<Parsed, Error> {
    let source = file.read()?;
    let hash = scan::hash_bytes(&source.bytes);
    let size = if source.too_large.is_some() {
        file.size
    } else {
        source.bytes.len() as u64
    };
    let (statute, diagnostics) = read_statute_file(&docs.corpus.frameworks, &source);
    let diagnostics = errors_only(diagnostics);
    let statute = match statute {
        Some(s) if !diagnostics.has_errors() => Some((s.id.clone(), docs.documents(&s))),
        _ => None,
    };
    Ok(Parsed {
        path: file.path.clone(),
        size,
        mtime_ns: file.mtime_ns,
        hash,
        statute,
        diagnostics,
    })
}

fn commit(writer: &mut IndexWriter, token: &str) -> Result<(), Error> {
    let mut prepared = writer.prepare_commit().map_err(index_error)?;
    prepared.set_payload(token);
    prepared.commit().map_err(index_error)?;
    Ok(())
}

/// Threads that parse statute files; tantivy adds its own indexing threads.
fn parse_threads() -> usize {
    env_usize("HARMONIA_PARSE_THREADS")
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

fn new_writer(index: &Index) -> Result<IndexWriter, Error> {
    // Each indexing thread needs at least 15 MB. 2 threads of 256 MB keep a large build's
    // peak memory near 600 MiB, and each flush makes a segment of about 300,000 sections: a
    // 1 GiB corpus gives four segments of equal size, the shape searches want, with nothing
    // left to merge (merging rewrites every posting and was an eighth of a build).
    let threads = env_usize("HARMONIA_INDEX_THREADS").unwrap_or(2);
    let mb = env_usize("HARMONIA_INDEX_MB").unwrap_or(256).max(15);
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(mb * 1024 * 1024)
        .num_merge_threads(merge_threads())
        .build();
    index.writer_with_options(options).map_err(index_error)
}

/// Merges run at once at the end of a full build: two, so that both cores work, where one
/// merge after the other left one idle for the last eighth of a build.
fn merge_threads() -> usize {
    env_usize("HARMONIA_MERGE_THREADS").unwrap_or(2)
}

/// Most segments a full build leaves: searches run one thread a segment (up to four).
const MAX_SEGMENTS: usize = 4;
/// Sections per segment below which a build leaves fewer segments than [`MAX_SEGMENTS`]:
/// splitting a small index buys nothing and costs a little on every search.
const SECTIONS_PER_SEGMENT: u64 = 100_000;

/// Merges the segments of a fresh build into a few of about equal size (see [`merge_plan`]),
/// [`merge_threads`] merges at a time. Equal segments let a search use every core: tantivy's
/// default merge policy left one segment with most documents and small ones beside it, so one
/// thread did most of the work. Merging a few groups at a time, rather than all, bounds the
/// index files the merges map into memory to half of the index.
fn balance_segments(index: &Index, writer: &mut IndexWriter) -> Result<(), Error> {
    // Ids and sizes only: tantivy keeps the files of every segment whose `SegmentMeta` is
    // still alive somewhere, so holding the metas across the merges would keep the merged
    // segments on disk (at 1 GiB, an index twice its size).
    let segments: Vec<(SegmentId, u64)> = index
        .searchable_segment_metas()
        .map_err(index_error)?
        .iter()
        .map(|m| (m.id(), u64::from(m.num_docs())))
        .collect();
    let sizes: Vec<u64> = segments.iter().map(|(_, n)| *n).collect();
    let plan: Vec<Vec<usize>> = merge_plan(&sizes)
        .into_iter()
        .filter(|g| g.len() > 1)
        .collect();
    for batch in plan.chunks(merge_threads()) {
        let running: Vec<_> = batch
            .iter()
            .map(|group| {
                let ids: Vec<SegmentId> = group.iter().map(|&i| segments[i].0).collect();
                writer.merge(&ids)
            })
            .collect();
        for merge in running {
            merge.wait().map_err(index_error)?;
        }
    }
    Ok(())
}

/// Groups segments (given by their number of sections) into one group per
/// [`SECTIONS_PER_SEGMENT`] sections, at least one and at most [`MAX_SEGMENTS`], each group
/// to become one segment: largest first, each into the group with the fewest sections so far.
/// Returns indexes into `sizes`.
fn merge_plan(sizes: &[u64]) -> Vec<Vec<usize>> {
    let total: u64 = sizes.iter().sum();
    let groups = (total.div_ceil(SECTIONS_PER_SEGMENT) as usize).clamp(1, MAX_SEGMENTS);
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let mut plan: Vec<(u64, Vec<usize>)> = vec![(0, Vec::new()); groups];
    for i in order {
        if let Some(group) = plan.iter_mut().min_by_key(|(n, _)| *n) {
            group.0 += sizes[i];
            group.1.push(i);
        }
    }
    plan.into_iter()
        .map(|(_, g)| g)
        .filter(|g| !g.is_empty())
        .collect()
}

fn progress_bar(show: bool, total: u64) -> ProgressBar {
    if !show || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "indexing {bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Turns statutes into documents.
struct DocBuilder<'a> {
    fields: &'a Fields,
    corpus: &'a Corpus,
    /// Provision id -> its area, lower case.
    areas: HashMap<&'a str, String>,
    regions: HashMap<String, String>,
}

impl<'a> DocBuilder<'a> {
    fn new(fields: &'a Fields, corpus: &'a Corpus) -> DocBuilder<'a> {
        let areas = corpus
            .frameworks
            .iter()
            .flat_map(|fw| &fw.provisions)
            .map(|p| (p.id.as_str(), p.area.to_lowercase()))
            .collect();
        let regions = corpus
            .countries
            .iter()
            .filter_map(|c| Some((c.code.to_string(), c.region.clone()?)))
            .collect();
        DocBuilder {
            fields,
            corpus,
            areas,
            regions,
        }
    }

    fn documents(&self, statute: &Statute) -> Vec<TantivyDocument> {
        let f = self.fields;
        let slot = schema::slot_of(&statute.language);
        let country = statute.country.to_string();
        let mut docs = Vec::new();
        for section in statute.sections.iter().filter(|s| !s.is_heading_only()) {
            let mut doc = TantivyDocument::default();
            doc.add_text(f.section, section.id.to_string());
            doc.add_text(f.statute, &statute.id);
            doc.add_text(f.file, &statute.file);
            doc.add_u64(f.line, u64::from(section.line));
            doc.add_text(f.title, &statute.title);
            doc.add_text(f.country, &country);
            if let Some(region) = self.regions.get(&country) {
                doc.add_text(f.region, region);
            }
            doc.add_text(f.language, &statute.language);
            doc.add_text(f.heading, &section.heading);
            for c in &section.context {
                doc.add_text(f.context, c);
            }
            doc.add_text(f.text[slot], &section.text);
            doc.add_text(
                f.facets,
                schema::facet_key(
                    &country,
                    section
                        .implementations()
                        .iter()
                        .map(|i| i.provision.as_str()),
                ),
            );
            let mut areas: Vec<&str> = Vec::new();
            for imp in section.implementations() {
                doc.add_text(f.provision, imp.provision.as_str());
                if let Some(area) = self.areas.get(imp.provision.as_str()) {
                    if !areas.contains(&area.as_str()) {
                        areas.push(area);
                    }
                }
            }
            for a in areas {
                doc.add_text(f.area, a);
            }
            let (start, end) = (section.start(statute), section.end(statute));
            doc.add_i64(f.start, start.map_or(i64::MAX, schema::day_number));
            doc.add_i64(f.end, end.map_or(i64::MAX, schema::day_number));
            doc.add_u64(f.span, schema::span(start, end));
            docs.push(doc);
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(sizes: &[u64], plan: &[Vec<usize>]) -> Vec<u64> {
        plan.iter()
            .map(|g| g.iter().map(|&i| sizes[i]).sum())
            .collect()
    }

    #[test]
    fn small_indexes_merge_into_one_segment() {
        assert_eq!(merge_plan(&[30_000, 20_000, 5]), [vec![0, 1, 2]]);
        assert_eq!(merge_plan(&[7]), [vec![0]]);
        assert!(merge_plan(&[]).iter().all(Vec::is_empty));
    }

    #[test]
    fn large_indexes_merge_into_equal_segments() {
        // Ten segments of a 1.2 million section build, as two indexing threads leave them.
        let sizes = [
            120_000, 118_000, 121_000, 119_000, 117_000, 122_000, 116_000, 120_000, 118_000, 95_000,
        ];
        let plan = merge_plan(&sizes);
        assert_eq!(plan.len(), MAX_SEGMENTS);
        let mut all: Vec<usize> = plan.concat();
        all.sort();
        assert_eq!(
            all,
            (0..sizes.len()).collect::<Vec<_>>(),
            "each segment once"
        );
        let per = sections(&sizes, &plan);
        let (lo, hi) = (per.iter().min().unwrap(), per.iter().max().unwrap());
        assert!(hi - lo <= 125_000, "{per:?}");
        // 250,000 sections: three groups.
        assert_eq!(merge_plan(&[100_000, 100_000, 50_000]).len(), 3);
    }
}
