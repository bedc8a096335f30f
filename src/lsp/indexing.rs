//! Loading the corpus in the background and swapping it in.
//!
//! [`Server::request_reload`] (a full load: the workspace assembled afresh)
//! and [`Server::request_update`] (a corpus file changed: only what changed
//! is read and indexed again, see `crate::live`) are the entry points; they
//! never wait. One worker task runs the loads; requests that arrive during a
//! load are coalesced into one more after it (a full reload wins over
//! updates), and a full load overtaken by a newer one is thrown away rather
//! than swapped in. Requests keep reading the previous corpus meanwhile.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use brief_core::corpus::ProblemSeverity;
use brief_core::snapshot::Snapshot;
use brief_core::text::counted;
use tower_lsp_server::ls_types as lsp;
use tracing::{error, info, warn};

use super::server::Server;
use super::state::{CorpusStatus, Served};
use crate::live::LiveLoad;
use crate::load::CorpusSource;

type ProgressHandle =
    tower_lsp_server::OngoingProgress<tower_lsp_server::Bounded, tower_lsp_server::NotCancellable>;

impl Server {
    /// Asks for the corpus to be loaded again (`reason` goes to the log).
    /// Returns at once: the load runs in the reload worker, after any load
    /// under way; several requests in a row make one load.
    pub(super) fn request_reload(&self, reason: &str) {
        info!("corpus reload requested: {reason}");
        self.state.full_reload.store(true, Ordering::SeqCst);
        self.wake_reload_worker();
    }

    /// Asks for the corpus to be brought up to date with its folders (a
    /// source was added, changed or removed). Returns at once, like
    /// [`Server::request_reload`].
    pub(super) fn request_update(&self, reason: &str) {
        info!("corpus update requested: {reason}");
        self.wake_reload_worker();
    }

    fn wake_reload_worker(&self) {
        let reloads = self.state.reloads.get_or_init(|| {
            let (tx, rx) = tokio::sync::watch::channel(0u64);
            tokio::spawn(self.clone().reload_worker(rx));
            tx
        });
        reloads.send_modify(|n| *n += 1);
    }

    async fn reload_worker(self, mut requests: tokio::sync::watch::Receiver<u64>) {
        while requests.changed().await.is_ok() {
            let generation = *requests.borrow_and_update();
            let loaded = self.live().is_some();
            if self.state.full_reload.swap(false, Ordering::SeqCst) || !loaded {
                self.reindex(generation).await;
            } else {
                self.update(generation).await;
            }
        }
    }

    fn set_status(&self, status: CorpusStatus) {
        *self.state.status.lock().unwrap_or_else(|e| e.into_inner()) = status;
    }

    /// Swaps in a corpus, ready, and checks the open briefs again. The swap
    /// happens under the status lock, so that `brief-lsp/status` never
    /// pairs the new corpus with the old state.
    fn serve(&self, corpus: Arc<Snapshot>, source: CorpusSource, warning: Option<String>) {
        {
            let mut status = self.state.status.lock().unwrap_or_else(|e| e.into_inner());
            // An update of a damaged corpus keeps the damage (and the
            // reload it asked for).
            if !corpus.found_damage() {
                self.state.damaged_index.store(false, Ordering::SeqCst);
            }
            self.state.corpus.store(Some(Arc::new(Served { corpus, source })));
            *status = CorpusStatus::Ready { warning };
        }
        self.refresh_diagnostics();
    }

    /// One load: the workspace assembled afresh, the corpus read and built
    /// on a blocking thread (reporting `$/progress`), swapped in unless a
    /// newer request came meanwhile.
    async fn reindex(&self, generation: u64) {
        if self.state.damaged_index.load(Ordering::SeqCst) {
            if let Some(live) = &*self.live() {
                live.discard_index();
            }
        }
        let workspace = self.rebuild_workspace(self.settings(), None);
        self.report_configuration(&workspace.errors);
        let source = workspace.corpus.clone();
        info!("indexing {}", source.describe());
        self.set_status(CorpusStatus::Indexing {
            source: source.describe(),
            percent: 0,
        });
        let (percent_tx, mut percent_rx) = tokio::sync::watch::channel(0u32);
        let progress = self.begin_progress(generation, "Indexing corpus").await;
        let started = Instant::now();
        let (loading, exclude) = (source.clone(), workspace.corpus_exclude.clone());
        let load = tokio::task::spawn_blocking(move || {
            LiveLoad::load(&loading, &exclude, &|done, total| {
                let _ = percent_tx.send((done * 100 / total.max(1)) as u32);
            })
            .map(|(corpus, origin, live)| {
                info!("corpus: {origin:?}");
                (corpus, live)
            })
        });
        tokio::pin!(load);
        let result = loop {
            tokio::select! {
                result = &mut load => break result,
                Ok(()) = percent_rx.changed() => {
                    let percent = *percent_rx.borrow_and_update();
                    self.set_status(CorpusStatus::Indexing { source: source.describe(), percent });
                    if let Some(p) = &progress {
                        p.report(percent).await;
                    }
                }
            }
        };
        let overtaken = self.state.full_reload.load(Ordering::SeqCst);
        let (corpus, live) = match result {
            Ok(Ok(loaded)) => loaded,
            Ok(Err(err)) => {
                let reason = format!("cannot load the corpus: {err:#}");
                self.fail(&reason, overtaken, progress).await;
                return;
            }
            Err(err) => {
                self.fail(&format!("indexing failed: {err}"), overtaken, progress)
                    .await;
                return;
            }
        };
        let summary = format!(
            "{} indexed in {:.2} s",
            counted(corpus.documents.len(), "document"),
            started.elapsed().as_secs_f64()
        );
        if let Some(p) = progress {
            p.finish_with_message(summary.clone()).await;
        }
        if overtaken {
            info!("a newer reload was requested; this load is dropped");
            return;
        }
        info!("{summary}");
        let warning = self.report_problems(&corpus, None);
        let folders = live.folders();
        let corpus = Arc::new(corpus);
        *self.state.live.lock().unwrap_or_else(|e| e.into_inner()) = Some(live);
        self.serve(corpus, source, warning);
        // Spawned: registering waits on the client, and the worker must not.
        let server = self.clone();
        let root = workspace.root.clone();
        tokio::spawn(async move { server.watch_corpus(folders, root).await });
    }

    fn live(&self) -> std::sync::MutexGuard<'_, Option<LiveLoad>> {
        self.state.live.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// One update: the changed files read and indexed on a blocking thread
    /// (reporting `$/progress`), the result swapped in and the open briefs
    /// checked again; then the index stored for the next start.
    async fn update(&self, generation: u64) {
        let (Some(served), Some(mut live)) = (self.state.corpus.load_full(), self.live().take()) else {
            return;
        };
        let progress = self.begin_progress(generation, "Updating corpus").await;
        let started = Instant::now();
        let previous = served.clone();
        let result = tokio::task::spawn_blocking(move || {
            let update = live.update(&previous.corpus, &|_, _| {});
            (live, update)
        })
        .await;
        let update = match result {
            Ok((live, update)) => {
                *self.live() = Some(live);
                update
            }
            Err(err) => Err(anyhow::anyhow!("{err}")),
        };
        let update = match update {
            Ok(Some(update)) => update,
            Ok(None) => {
                if let Some(p) = progress {
                    p.finish_with_message("no change").await;
                }
                return;
            }
            Err(err) => {
                // Keep serving what there is; a full reload starts afresh.
                self.fail(&format!("cannot update the corpus: {err:#}"), false, progress)
                    .await;
                self.request_reload("the update failed");
                return;
            }
        };
        let summary = format!(
            "{} changed and {} removed file(s) indexed in {:.2} s",
            update.read,
            update.removed,
            started.elapsed().as_secs_f64()
        );
        info!("{summary}");
        let warning = self.report_problems(&update.corpus, Some(&served.corpus));
        let corpus = Arc::new(update.corpus);
        self.serve(corpus.clone(), served.source.clone(), warning);
        if let Some(p) = progress {
            p.finish_with_message(summary).await;
        }
        let store = update.store;
        tokio::task::spawn_blocking(move || store.write(&corpus));
    }

    async fn begin_progress(&self, generation: u64, title: &str) -> Option<ProgressHandle> {
        if !self.caps().progress {
            return None;
        }
        let token = lsp::NumberOrString::String(format!("brief-lsp/index/{generation}"));
        match self.client.create_work_done_progress(token.clone()).await {
            Ok(()) => Some(
                self.client
                    .progress(token, title.to_string())
                    .with_percentage(0)
                    .begin()
                    .await,
            ),
            Err(err) => {
                warn!("client refused a progress token: {err}");
                None
            }
        }
    }

    /// A load failed: say so, and keep serving what did load before.
    async fn fail(&self, reason: &str, overtaken: bool, progress: Option<ProgressHandle>) {
        error!("{reason}");
        if let Some(p) = progress {
            p.finish_with_message("failed").await;
        }
        if overtaken {
            return;
        }
        self.show(lsp::MessageType::ERROR, format!("brief-lsp: {reason}"));
        self.set_status(CorpusStatus::Failed {
            reason: reason.to_string(),
        });
    }

    /// Logs the corpus's problems and shows the first error, or a warning
    /// for an empty corpus; returns that warning for the status. Sources
    /// that could not be read are named in a warning of their own: without
    /// it the analyst would see only the log, and citations of them fail.
    /// An update says them only if they changed from `before`'s.
    fn report_problems(&self, corpus: &Snapshot, before: Option<&Snapshot>) -> Option<String> {
        for problem in &corpus.problems {
            warn!("corpus: {problem}");
        }
        let changed = before.is_none_or(|b| b.unreadable_sources() != corpus.unreadable_sources());
        if let Some(unreadable) = unreadable_summary(corpus).filter(|_| changed) {
            self.show(lsp::MessageType::WARNING, format!("brief-lsp: {unreadable}"));
        }
        let errors: Vec<_> = corpus
            .problems
            .iter()
            .filter(|p| p.severity == ProblemSeverity::Error)
            .collect();
        let warning = if corpus.documents.is_empty() {
            Some(crate::load::NO_DOCUMENTS.to_string())
        } else {
            errors
                .first()
                .map(|first| format!("{} corpus problem(s); see the log. First: {first}", errors.len()))
        };
        if let Some(w) = &warning {
            self.show(lsp::MessageType::WARNING, format!("brief-lsp: {w}"));
        }
        warning
    }
}

/// How many corpus sources could not be read, and the first few of them
/// with why.
fn unreadable_summary(corpus: &Snapshot) -> Option<String> {
    const NAMED: usize = 3;
    let unreadable = corpus.unreadable_sources();
    let first = unreadable.first()?;
    let mut summary = format!(
        "{} could not be read; citing {} is flagged. {first}",
        counted(unreadable.len(), "corpus source"),
        if unreadable.len() == 1 { "it" } else { "them" }
    );
    for problem in unreadable.iter().skip(1).take(NAMED - 1) {
        summary.push_str(&format!("; {problem}"));
    }
    if unreadable.len() > NAMED {
        summary.push_str(&format!("; and {} more (see the log)", unreadable.len() - NAMED));
    }
    Some(summary)
}
