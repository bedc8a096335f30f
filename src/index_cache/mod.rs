//! The persistent index: a corpus's snapshot stored in the user's cache
//! folder (`$XDG_CACHE_HOME/brief-lsp/index/`, never the corpus folder),
//! written after a cold build and memory-mapped on the next start.
//!
//! The core lays the snapshot out as bytes and reads it back in place; this
//! module does the files: one index per corpus (folders and excludes), named
//! by their hash; [`Inputs`] in the header say what it was built from. A
//! stale, truncated, corrupt or foreign file is rebuilt, never trusted and
//! never fatal. Files are never changed in place: a writer writes a
//! temporary file in the same folder, syncs it and renames it over the old
//! one, so a reader (another server) keeps a whole file, old or new. A lock
//! file keeps two servers from writing the same index at once. Storing an
//! index also deletes what this build cannot use (`prune`).

mod inputs;
mod prune;

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use anyhow::Context;
use brief_core::shared::{Backing, Release, SharedBytes};
use brief_core::snapshot::{read_inputs, read_snapshot, write_snapshot, LiveCorpus, Snapshot, StoredError};
use memmap2::Mmap;
use xxhash_rust::xxh3::xxh3_64;

pub use inputs::{problems_by_path, Inputs};

use crate::load::{list_source, read_listings, with_problems, CorpusSource, Listing};

static OFF: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Turns the cache off for this process (`brief-lsp --no-cache`, for the server).
pub fn turn_off() {
    OFF.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Where indexes live.
pub fn cache_folder() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("brief-lsp").join("index"))
}

/// The index file of a corpus: its folders and excludes, hashed.
fn index_path(dir: &Path, listings: &[Listing], exclude: &[String]) -> PathBuf {
    let mut key = String::new();
    for l in listings {
        key.push_str(&l.root.to_string_lossy());
        key.push('\0');
    }
    key.push('\x01');
    key.push_str(&exclude.join("\0"));
    dir.join(format!("{:016x}.idx", xxh3_64(key.as_bytes())))
}

/// When a warm start checks the big arrays of the index it opens (the
/// directory and tables are always checked as it opens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// All of it, before the corpus is used: for the CLI, which prints as
    /// it goes and so cannot throw away what it computed.
    Now,
    /// Each array on its first read, so that a start reads only what its
    /// first requests need: for the server, which throws away what it
    /// computed from a damaged index (`Snapshot::found_damage`), discards
    /// the index and rebuilds.
    OnFirstRead,
}

/// How a load went, for logs and `--verbose` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Opened from the index file.
    Warm,
    /// Built from the files (and stored, if `stored`).
    Cold { stored: bool },
    /// Built from the files; caching is off or does not apply.
    Uncached,
}

/// A loaded corpus, with what keeping it up to date needs.
pub struct Load {
    pub corpus: Snapshot,
    pub origin: Origin,
    /// The folders as listed for the load (a cold build read these files).
    pub listings: Vec<Listing>,
    /// The build's per-document parts, when asked for and built cold.
    pub live: Option<LiveCorpus>,
    /// Where the corpus's index is stored, when caching applies.
    pub index: Option<PathBuf>,
    /// Why the stored index could not be opened, when it was there but
    /// damaged (not merely stale), so the corpus was built again.
    pub damaged: Option<String>,
}

/// Loads a corpus: from its index file when that is valid for the corpus as
/// it is on disk now (checked as `check` says), else by a cold build, which
/// is then stored. With `use_cache` off (`--no-cache`), neither reads nor
/// writes an index. Keeps a cold build's parts for updates when
/// `keep_parts` (the server).
pub fn load(
    source: &CorpusSource,
    exclude: &[String],
    use_cache: bool,
    keep_parts: bool,
    check: Check,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> anyhow::Result<Load> {
    let (listings, problems) = list_source(source, exclude)?;
    let use_cache = use_cache && !OFF.load(std::sync::atomic::Ordering::Relaxed);
    let dir = cache_folder().filter(|_| use_cache && matches!(source, CorpusSource::Folders(_)));
    let path = dir.as_ref().map(|d| index_path(d, &listings, exclude));
    let mut damaged = None;
    if let Some(path) = &path {
        let started = Instant::now();
        match open(path, exclude, &listings, check) {
            Ok(Some(Opened::Valid(corpus))) => {
                tracing::info!("opened the index {} in {:.0?}", path.display(), started.elapsed());
                return Ok(Load {
                    corpus: with_problems(*corpus, problems),
                    origin: Origin::Warm,
                    listings,
                    live: None,
                    index: Some(path.clone()),
                    damaged: None,
                });
            }
            Ok(None) => tracing::info!("no index {} yet; building", path.display()),
            Ok(Some(Opened::Stale(why))) => {
                tracing::info!("the index {} is stale: {why}; rebuilding", path.display())
            }
            Err(err) => {
                tracing::warn!("rebuilding the index {}: {err:#}", path.display());
                damaged = Some(format!("{err:#}"));
            }
        }
    }
    let built_at = SystemTime::now();
    let mut read_problems = Vec::new();
    let folders = read_listings(listings.clone(), &mut read_problems);
    let inputs = path
        .as_ref()
        .map(|_| Inputs::of_build(exclude, &listings, &folders, &read_problems, built_at));
    let (corpus, live) = if keep_parts {
        let (live, corpus) = LiveCorpus::build(folders, progress);
        (corpus, Some(live))
    } else {
        (Snapshot::build_with_progress(folders, progress), None)
    };
    let origin = match (&path, inputs) {
        (Some(path), Some(inputs)) => Origin::Cold {
            stored: store_or_warn(path, &corpus, &inputs),
        },
        _ => Origin::Uncached,
    };
    Ok(Load {
        corpus: with_problems(corpus, problems.into_iter().chain(read_problems)),
        origin,
        listings,
        live,
        index: path,
        damaged,
    })
}

/// Stores the index, logging (not failing) when it cannot; whether it did.
pub fn store_or_warn(path: &Path, corpus: &Snapshot, inputs: &Inputs) -> bool {
    if corpus.found_damage() {
        // Some of its texts read as blanks: the corpus is rebuilt instead.
        tracing::warn!("not storing {}: built from a damaged index", path.display());
        return false;
    }
    match store(path, corpus, inputs) {
        Ok(stored) => stored,
        Err(err) => {
            tracing::warn!("cannot store the index {}: {err:#}", path.display());
            false
        }
    }
}

/// Deletes an index found damaged after it opened, so that the next load
/// builds the corpus again.
pub fn discard(path: &Path) {
    match std::fs::remove_file(path) {
        Ok(()) => tracing::warn!("the index {} was damaged; deleted it to rebuild", path.display()),
        Err(err) => tracing::warn!("cannot delete the damaged index {}: {err}", path.display()),
    }
}

/// A stored index, for the corpus on disk now.
enum Opened {
    /// Built from another corpus than the one on disk now: why.
    Stale(String),
    Valid(Box<Snapshot>),
}

/// The stored snapshot at `path`, valid for `listings` or not; `None` if
/// there is none; an error if it is damaged.
fn open(
    path: &Path,
    exclude: &[String],
    listings: &[Listing],
    check: Check,
) -> anyhow::Result<Option<Opened>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err).context("cannot open"),
    };
    let (map, stored) = match map_with_inputs(&file) {
        Err(err) if written_by_another_build(&err) => return Ok(Some(Opened::Stale(format!("{err:#}")))),
        mapped => mapped?,
    };
    open_mapped(map, &stored, exclude, listings, check).map(Some)
}

/// Whether an index could not be read only because another build of
/// brief-lsp wrote it: after an upgrade that is expected, not damage.
fn written_by_another_build(err: &anyhow::Error) -> bool {
    matches!(
        err.downcast_ref::<StoredError>(),
        Some(StoredError::Format(_) | StoredError::Version(_))
    )
}

/// An index file mapped, and the inputs its header names.
fn map_with_inputs(file: &File) -> anyhow::Result<(Mmap, Inputs)> {
    // SAFETY: index files are never written in place (see the module
    // documentation), so the mapped bytes do not change under us; a file
    // truncated by something else could still fault, as any mmap can.
    let map = unsafe { Mmap::map(file) }.context("cannot map")?;
    let stored: Inputs = postcard::from_bytes(read_inputs(&map)?).context("unreadable inputs")?;
    Ok((map, stored))
}

/// The one validity check of a stored index, for a warm start and for
/// `cache info`: its inputs against the corpus as listed now, then the
/// cached texts of its PDFs and pages, which go-to-source opens (`cache
/// clear` or a cleaner may have taken them).
fn open_mapped(
    map: Mmap,
    stored: &Inputs,
    exclude: &[String],
    listings: &[Listing],
    check: Check,
) -> anyhow::Result<Opened> {
    if let Some(why) = stored.changed(exclude, listings) {
        return Ok(Opened::Stale(why));
    }
    let corpus = read_mapped(map, check)?;
    let gone = corpus
        .documents
        .iter()
        .find(|d| d.extracted_from.is_some() && !d.path.is_file());
    Ok(match gone {
        Some(doc) => Opened::Stale(format!(
            "the extracted text of {} is gone",
            doc.source_file().display()
        )),
        None => Opened::Valid(Box::new(with_problems(corpus, stored.unreadable()))),
    })
}

/// The snapshot in a mapped index file. The pages the opening reads (the
/// tables) and, with [`Check::Now`], every page the check reads are let go
/// stretch by stretch as it passes them, so that only what requests read
/// stays resident (it comes back from the page cache when read).
fn read_mapped(map: Mmap, check: Check) -> anyhow::Result<Snapshot> {
    let map = Arc::new(map);
    let backing: Backing = map.clone();
    let release: Release = Arc::new(move |start: usize, end: usize| {
        // SAFETY: a read-only shared file mapping: dropped pages are read
        // again from the file, unchanged.
        #[cfg(unix)]
        if let Err(err) =
            unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, start, end - start) }
        {
            tracing::debug!("madvise: {err}");
        }
        #[cfg(not(unix))]
        let _ = (&map, start, end);
    });
    let corpus = read_snapshot(&SharedBytes::new(backing), release)?;
    if check == Check::Now {
        corpus.verify_stored()?;
    }
    Ok(corpus)
}

/// Writes the index atomically; `false` if another process holds the lock
/// (it is writing the same index).
fn store(path: &Path, corpus: &Snapshot, inputs: &Inputs) -> anyhow::Result<bool> {
    let dir = path.parent().context("index path has no folder")?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let lock = File::create(path.with_extension("lock")).context("cannot create the lock file")?;
    if lock.try_lock().is_err() {
        return Ok(false);
    }
    let started = Instant::now();
    let inputs = postcard::to_stdvec(inputs)?;
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let written = (|| -> anyhow::Result<()> {
        let file = File::create(&tmp)?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        write_snapshot(corpus, &inputs, &mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    tracing::info!("stored the index {} in {:.0?}", path.display(), started.elapsed());
    prune::prune_stale(dir, SystemTime::now());
    Ok(true)
}

/// One index file, for `brief-lsp cache info`, checked in full.
#[derive(Debug)]
pub struct IndexInfo {
    pub path: PathBuf,
    pub bytes: u64,
    /// What it holds, or why the file is unusable.
    pub corpus: Result<IndexedCorpus, String>,
}

#[derive(Debug)]
pub struct IndexedCorpus {
    pub roots: Vec<String>,
    pub files: usize,
    /// Why a warm start would not use it for its corpus as it is on disk
    /// now (and would rebuild it), or `None` when it would.
    pub stale: Option<String>,
}

pub fn list_indexes() -> anyhow::Result<Vec<IndexInfo>> {
    let Some(dir) = cache_folder() else {
        return Ok(Vec::new());
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", dir.display())),
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "idx") {
            continue;
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let corpus = describe(&path).map_err(|e| format!("{e:#}"));
        out.push(IndexInfo { path, bytes, corpus });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn describe(path: &Path) -> anyhow::Result<IndexedCorpus> {
    let (map, stored) = map_with_inputs(&File::open(path)?)?;
    let roots: Vec<String> = stored.folders.iter().map(|f| f.root.clone()).collect();
    let files = stored.folders.iter().map(|f| f.files.len()).sum();
    let folders = CorpusSource::Folders(roots.iter().map(PathBuf::from).collect());
    let stale = match list_source(&folders, &stored.exclude) {
        Err(err) => Some(format!("{err:#}")),
        Ok((listings, _)) => match open_mapped(map, &stored, &stored.exclude, &listings, Check::Now)? {
            Opened::Valid(_) => None,
            Opened::Stale(why) => Some(why),
        },
    };
    Ok(IndexedCorpus { roots, files, stale })
}

/// What [`clear`] deleted.
#[derive(Debug, Default)]
pub struct Cleared {
    pub indexes: usize,
    /// Texts extracted from PDFs and web pages.
    pub extracted: usize,
    /// Lock files, and temporary files a store did not finish.
    pub other: usize,
    pub bytes: u64,
}

/// Deletes every index and extracted text.
pub fn clear() -> anyhow::Result<Cleared> {
    let (extracted, mut bytes) = clear_extracted()?;
    let mut cleared = Cleared {
        extracted,
        ..Cleared::default()
    };
    let Some(dir) = cache_folder() else {
        cleared.bytes = bytes;
        return Ok(cleared);
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            cleared.bytes = bytes;
            return Ok(cleared);
        }
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", dir.display())),
    };
    for entry in entries {
        let path = entry?.path();
        bytes += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        std::fs::remove_file(&path).with_context(|| format!("cannot delete {}", path.display()))?;
        match path.extension().and_then(|e| e.to_str()) {
            Some("idx") => cleared.indexes += 1,
            _ => cleared.other += 1,
        }
    }
    cleared.bytes = bytes;
    Ok(cleared)
}

/// Deletes the extracted texts of PDFs and web pages (`extract::cache`).
fn clear_extracted() -> anyhow::Result<(usize, u64)> {
    let dir = crate::extract::extracted_folder();
    let (mut files, mut bytes) = (0, 0);
    for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            files += 1;
            bytes += entry.metadata().map_or(0, |m| m.len());
        }
    }
    match std::fs::remove_dir_all(&dir) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            Err(err).with_context(|| format!("cannot delete {}", dir.display()))
        }
        _ => Ok((files, bytes)),
    }
}
