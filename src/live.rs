//! The served corpus kept up to date with its folders: on a change, the
//! folders are listed again (stat only), the files whose size or mtime moved
//! (or that are new) are read, and the core updates the snapshot from them
//! (`brief_core::snapshot::LiveCorpus`); then the index is stored again, so
//! that the next start opens the corpus as it is now.
//!
//! Listing again, rather than trusting the paths a watcher names, makes one
//! path for both watchers and for everything they report differently:
//! renames, whole folders, editors that save through a temporary file,
//! excludes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use anyhow::Context;
use brief_core::snapshot::{LiveCorpus, Snapshot, UpdateFile, UpdateFolder};
use xxhash_rust::xxh3::xxh3_64;

use crate::index_cache::problems_by_path;
use crate::index_cache::{self, Check, Inputs, Load, Origin};
use crate::load::{list_source, read_listed, source_of, with_problems, CorpusSource, Listing};

/// What a file looked like when it was last read.
type Stamp = (u64, Option<SystemTime>);

/// A corpus as loaded, and what updating it needs.
pub struct LiveLoad {
    source: CorpusSource,
    exclude: Vec<String>,
    /// What the core keeps between updates; after a warm start, made at
    /// the first update from the parts stored in the index (decoding them
    /// takes a fraction of an update, and until then they stay on disk:
    /// 220 MiB of heap at 200 MB of corpus; BENCHMARKS, part 7).
    core: Option<LiveCorpus>,
    stamps: HashMap<PathBuf, Stamp>,
    index: Option<PathBuf>,
}

/// What an update changed.
pub struct Update {
    pub corpus: Snapshot,
    /// Files read because they are new or changed, and files gone.
    pub read: usize,
    pub removed: usize,
    pub store: PendingStore,
}

/// Where and with what inputs an updated corpus's index is to be stored.
pub struct PendingStore(Option<(PathBuf, Inputs)>);

fn stamps_of(listings: &[Listing]) -> HashMap<PathBuf, Stamp> {
    listings
        .iter()
        .flat_map(|l| &l.files)
        .map(|f| (f.path.clone(), (f.size, f.written)))
        .collect()
}

impl LiveLoad {
    /// Loads `source` as the server does (from the stored index when it is
    /// valid), keeping what updates need.
    pub fn load(
        source: &CorpusSource,
        exclude: &[String],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> anyhow::Result<(Snapshot, Origin, LiveLoad)> {
        let Load {
            corpus,
            origin,
            listings,
            live,
            index,
            ..
        } = index_cache::load(source, exclude, true, true, Check::OnFirstRead, progress)?;
        let live = LiveLoad {
            source: source.clone(),
            exclude: exclude.to_vec(),
            core: live,
            stamps: stamps_of(&listings),
            index,
        };
        Ok((corpus, origin, live))
    }

    /// Deletes the stored index this load opened, found damaged since, so
    /// that the next load builds the corpus afresh.
    pub fn discard_index(&self) {
        if let Some(path) = &self.index {
            index_cache::discard(path);
        }
    }

    /// The corpus folders, for watching; none for the embedded seeds.
    pub fn folders(&self) -> Vec<PathBuf> {
        match &self.source {
            CorpusSource::Folders(dirs) => dirs.clone(),
            CorpusSource::Embedded => Vec::new(),
        }
    }

    /// The corpus as its folders are now, if a file was added, changed or
    /// removed since `previous` (the snapshot this load gave last).
    pub fn update(
        &mut self,
        previous: &Snapshot,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> anyhow::Result<Option<Update>> {
        if matches!(self.source, CorpusSource::Embedded) {
            return Ok(None);
        }
        let (listings, problems) = list_source(&self.source, &self.exclude)?;
        let core = match ready(&mut self.core, previous) {
            Ok(core) => core,
            Err(err) => {
                // A stored index whose parts cannot be read is no use to the
                // next start either: it is rebuilt then.
                if let Some(path) = &self.index {
                    if let Err(err) = std::fs::remove_file(path) {
                        tracing::warn!("cannot remove the index {}: {err}", path.display());
                    }
                }
                return Err(err);
            }
        };
        let mut read_problems = Vec::new();
        // The problems of files still unreadable and unchanged: said again,
        // but no reason for an update.
        let mut still_unreadable = Vec::new();
        let mut read = HashMap::new();
        let was_unreadable = problems_by_path(&previous.problems);
        let mut folders = Vec::with_capacity(listings.len());
        for listing in &listings {
            let mut files = Vec::with_capacity(listing.files.len());
            // Every listed file stays listed, an unreadable one too: it is
            // stamped with its problem, so it does not make the next start stale.
            for file in &listing.files {
                // A PDF's or web page's document is its cached text.
                let known_as = crate::extract::document_path(file);
                let same_stamp = self.stamps.get(&file.path) == Some(&(file.size, file.written));
                if same_stamp {
                    let problem = was_unreadable.get(file.path.as_path());
                    if let Some(problem) = problem.filter(|_| !core.knows(&known_as)) {
                        still_unreadable.push((*problem).clone());
                        continue;
                    }
                }
                if same_stamp && core.knows(&known_as) {
                    files.push(UpdateFile {
                        path: known_as,
                        rel_path: file.rel_path.clone(),
                        extracted: None,
                        bytes: None,
                    });
                    continue;
                }
                let bytes = match read_listed(file) {
                    Ok(bytes) => bytes,
                    Err(problem) => {
                        read_problems.push(problem);
                        continue;
                    }
                };
                read.insert(file.path.clone(), (bytes.len() as u64, xxh3_64(&bytes)));
                match source_of(file, bytes) {
                    Ok(source) => {
                        files.push(UpdateFile {
                            path: source.path,
                            rel_path: source.rel_path,
                            extracted: source.extracted,
                            bytes: Some(source.bytes),
                        });
                    }
                    Err(problem) => read_problems.push(problem),
                }
            }
            folders.push(UpdateFolder {
                manifest: listing.manifest.clone(),
                entities: listing.entities.clone(),
                files,
            });
        }
        let now = stamps_of(&listings);
        let removed = self.stamps.keys().filter(|p| !now.contains_key(*p)).count();
        if read.is_empty() && removed == 0 && read_problems.is_empty() {
            return Ok(None);
        }
        let built_at = SystemTime::now();
        read_problems.extend(still_unreadable);
        let corpus = core
            .update(previous, folders, progress)
            .context("cannot read the stored index's parts")?;
        let store = self.index.clone().map(|path| {
            (
                path,
                Inputs::of_update(&self.exclude, &listings, &read, &read_problems, built_at),
            )
        });
        self.stamps = now;
        Ok(Some(Update {
            corpus: with_problems(corpus, problems.into_iter().chain(read_problems)),
            read: read.len(),
            removed,
            store: PendingStore(store),
        }))
    }
}

/// The live corpus for updating `previous`: the one kept, else one made
/// now from `previous`'s stored parts.
fn ready<'a>(core: &'a mut Option<LiveCorpus>, previous: &Snapshot) -> anyhow::Result<&'a mut LiveCorpus> {
    if core.is_none() {
        let made = LiveCorpus::from_snapshot(previous).context("cannot read the stored index's parts")?;
        *core = Some(made);
    }
    core.as_mut().context("no live corpus")
}

impl PendingStore {
    /// Stores the updated `corpus`'s index (slow on a large corpus: call it
    /// after the corpus is served). Problems met listing and reading are in
    /// the stored index too; the next start reports each once.
    pub fn write(&self, corpus: &Snapshot) {
        if let Some((path, inputs)) = &self.0 {
            index_cache::store_or_warn(path, corpus, inputs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After a (here simulated) warm start the first update makes the live
    /// corpus from the served snapshot's stored parts, and equals a cold
    /// load of the new folder.
    #[test]
    fn the_first_update_after_a_warm_start_equals_a_cold_load() {
        crate::index_cache::turn_off();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "The non-\nproliferation treaty, said Lavrov.\n",
        )
        .unwrap();
        let source = CorpusSource::Folders(vec![dir.path().to_path_buf()]);
        let texts = |s: &Snapshot| {
            s.documents
                .iter()
                .map(|d| (d.reference.key.clone(), d.normalized.to_string()))
                .collect::<Vec<_>>()
        };
        let (corpus, _, mut live) = LiveLoad::load(&source, &[], &|_, _| {}).unwrap();
        live.core = None;
        std::fs::write(dir.path().join("b.txt"), "A non-proliferation talk.\n").unwrap();
        let update = live
            .update(&corpus, &|_, _| {})
            .unwrap()
            .expect("b.txt was added");
        assert!(live.core.is_some(), "made at the update");
        let (cold, _, _) = LiveLoad::load(&source, &[], &|_, _| {}).unwrap();
        assert_eq!(texts(&update.corpus), texts(&cold));
        assert!(
            texts(&cold)[0].1.contains("non-proliferation"),
            "{:?}",
            texts(&cold)
        );
    }

    #[test]
    fn an_update_reads_only_what_changed_and_sees_no_change_as_none() {
        crate::index_cache::turn_off();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Alpha document about trade.\n").unwrap();
        let source = CorpusSource::Folders(vec![dir.path().to_path_buf()]);
        let (corpus, _, mut live) = LiveLoad::load(&source, &[], &|_, _| {}).unwrap();
        assert_eq!(corpus.keys().collect::<Vec<_>>(), ["a"]);
        assert!(
            live.update(&corpus, &|_, _| {}).unwrap().is_none(),
            "nothing changed"
        );

        std::fs::write(dir.path().join("b.txt"), "Beta document about arms.\n").unwrap();
        let update = live
            .update(&corpus, &|_, _| {})
            .unwrap()
            .expect("b.txt was added");
        assert_eq!((update.read, update.removed), (1, 0));
        assert_eq!(update.corpus.keys().collect::<Vec<_>>(), ["a", "b"]);

        std::fs::remove_file(dir.path().join("a.txt")).unwrap();
        let corpus = update.corpus;
        let update = live
            .update(&corpus, &|_, _| {})
            .unwrap()
            .expect("a.txt was deleted");
        assert_eq!((update.read, update.removed), (0, 1));
        assert_eq!(update.corpus.keys().collect::<Vec<_>>(), ["b"]);
    }
}
