//! Loading the corpus in the background and swapping it in.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use brief_core::corpus::ProblemSeverity;
use brief_core::snapshot::Snapshot;
use tower_lsp_server::ls_types as lsp;
use tracing::{error, info, warn};

use super::server::Server;
use crate::config::{check_config, choose_corpus, read_project_file};
use crate::index_cache::load_corpus_cached;
use crate::load::CorpusSource;

/// The corpus requests read, and where it came from.
pub(super) struct Served {
    pub(super) corpus: Snapshot,
    pub(super) source: CorpusSource,
}

impl Server {
    /// Reads the workspace's `brief-lsp.toml` and the editor's settings:
    /// sets the checks' levels, and says where the corpus comes from (the
    /// editor's folders, else the file's, else the embedded seeds). Also
    /// returns what could not be understood, for the user to see.
    pub(super) fn read_configuration(&self) -> (CorpusSource, Vec<String>) {
        let root = self.state.root.get().cloned().flatten();
        let settings = self
            .state
            .settings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let base = root.clone().unwrap_or_else(|| PathBuf::from("."));
        let explicit: Vec<PathBuf> = settings.corpus.iter().map(|p| base.join(p)).collect();
        let mut errors = Vec::new();
        let project = match root.as_deref().map(read_project_file).transpose() {
            Ok(project) => project.flatten().map(|(_, p)| p),
            Err(err) => {
                errors.push(format!("{err:#}; using the embedded seed corpus"));
                None
            }
        };
        let (checks, check_errors) = check_config(project.as_ref(), Some(&settings));
        errors.extend(check_errors);
        *self.state.checks.lock().unwrap_or_else(|e| e.into_inner()) = Arc::new(checks);
        let exclude = project
            .as_ref()
            .map(|p| p.exclude.clone())
            .unwrap_or_default()
            .then(&settings.exclude);
        *self.state.exclude.lock().unwrap_or_else(|e| e.into_inner()) = exclude;
        (choose_corpus(&explicit, project.as_ref()), errors)
    }

    /// Shows configuration problems once, and logs them.
    pub(super) async fn report_configuration(&self, errors: Vec<String>) {
        if errors.is_empty() {
            return;
        }
        for err in &errors {
            error!("configuration: {err}");
        }
        let message = format!("brief-lsp: {}", errors.join("; "));
        self.client.show_message(lsp::MessageType::WARNING, message).await;
    }

    /// Loads the corpus in the background and swaps it in; requests keep
    /// reading the previous snapshot meanwhile.
    pub(super) async fn reindex(&self) {
        let generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let (source, errors) = self.read_configuration();
        self.report_configuration(errors).await;
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
        let exclude = self
            .state
            .exclude
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .corpus
            .clone();
        let load = tokio::task::spawn_blocking(move || {
            load_corpus_cached(&loading, &exclude, true, &|done, total| {
                let _ = percent_tx.send((done * 100 / total.max(1)) as u32);
            })
            .map(|(corpus, origin)| {
                info!("corpus: {origin:?}");
                corpus
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
        self.refresh_diagnostics().await;
    }
}
