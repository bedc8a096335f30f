//! Loading the corpus in the background and swapping it in.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use brief_core::corpus::{Corpus, ProblemSeverity};
use tower_lsp_server::ls_types as lsp;
use tracing::{error, info, warn};

use super::server::Server;
use crate::config::{choose_corpus, read_project_file};
use crate::load::{load_corpus, CorpusSource};

/// The corpus requests read, and where it came from.
pub(super) struct Served {
    pub(super) corpus: Corpus,
    pub(super) source: CorpusSource,
}

impl Server {
    /// Where the corpus comes from now: the editor's folders, else the
    /// workspace's `brief-lsp.toml`, else the embedded seeds.
    pub(super) fn corpus_source(&self) -> CorpusSource {
        let root = self.state.root.get().cloned().flatten();
        let settings = self
            .state
            .settings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let base = root.clone().unwrap_or_else(|| PathBuf::from("."));
        let explicit: Vec<PathBuf> = settings.corpus.iter().map(|p| base.join(p)).collect();
        let project = match root.as_deref().map(read_project_file).transpose() {
            Ok(project) => project.flatten(),
            Err(err) => {
                error!("{err:#}; using the embedded seed corpus");
                None
            }
        };
        choose_corpus(&explicit, project.as_ref().map(|(_, p)| p))
    }

    /// Loads the corpus in the background and swaps it in; requests keep
    /// reading the previous snapshot meanwhile.
    pub(super) async fn reindex(&self) {
        let generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let source = self.corpus_source();
        *self.state.loading.lock().unwrap_or_else(|e| e.into_inner()) = Some(source.clone());
        info!("indexing {}", source.describe());
        let (percent_tx, mut percent_rx) = tokio::sync::watch::channel(0u32);
        let progress = if self.state.progress_supported.load(Ordering::Relaxed) {
            let token = lsp::NumberOrString::String(format!("brief-lsp/index/{generation}"));
            match self.client.create_work_done_progress(token.clone()).await {
                Ok(()) => Some(
                    self.client
                        .progress(token, "Indexing corpus")
                        .with_percentage(0)
                        .begin()
                        .await,
                ),
                Err(err) => {
                    warn!("client refused a progress token: {err}");
                    None
                }
            }
        } else {
            None
        };
        let started = Instant::now();
        let loading = source.clone();
        let load = tokio::task::spawn_blocking(move || {
            load_corpus(&loading, &|done, total| {
                let _ = percent_tx.send((done * 100 / total.max(1)) as u32);
            })
        });
        tokio::pin!(load);
        let result = loop {
            tokio::select! {
                result = &mut load => break result,
                Ok(()) = percent_rx.changed() => {
                    let percent = *percent_rx.borrow_and_update();
                    if let Some(p) = &progress {
                        p.report(percent).await;
                    }
                }
            }
        };
        let current = self.state.generation.load(Ordering::SeqCst) == generation;
        if current {
            *self.state.loading.lock().unwrap_or_else(|e| e.into_inner()) = None;
        }
        let corpus = match result {
            Ok(Ok(corpus)) => corpus,
            Ok(Err(err)) => {
                let message = format!("brief-lsp: cannot load the corpus: {err:#}");
                error!("{message}");
                self.client.show_message(lsp::MessageType::ERROR, message).await;
                if let Some(p) = progress {
                    p.finish_with_message("failed").await;
                }
                return;
            }
            Err(err) => {
                error!("indexing failed: {err}");
                return;
            }
        };
        let summary = format!(
            "{} documents indexed in {:.2} s",
            corpus.documents.len(),
            started.elapsed().as_secs_f64()
        );
        if let Some(p) = progress {
            p.finish_with_message(summary.clone()).await;
        }
        if !current {
            return;
        }
        info!("{summary}");
        for problem in &corpus.problems {
            warn!("corpus: {problem}");
        }
        let errors = corpus
            .problems
            .iter()
            .filter(|p| p.severity == ProblemSeverity::Error)
            .count();
        if let Some(first) = corpus
            .problems
            .iter()
            .find(|p| p.severity == ProblemSeverity::Error)
        {
            let message = format!("brief-lsp: {errors} corpus problem(s); see the log. First: {first}");
            self.client.show_message(lsp::MessageType::WARNING, message).await;
        }
        self.state.corpus.store(Some(Arc::new(Served { corpus, source })));
        let uris = self
            .state
            .documents
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .uris();
        for uri in uris {
            self.publish_diagnostics(uri).await;
        }
    }
}
