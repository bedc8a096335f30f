//! The language server: protocol handlers over an immutable corpus snapshot
//! and the open briefs. Handlers convert positions, call the core on a
//! blocking thread and convert the answer back.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use arc_swap::ArcSwapOption;
use brief_core::analysis::{self, Acceptance, CheckConfig, Finding};
use brief_core::brief::Brief;
use brief_core::snapshot::Snapshot;
use brief_core::text::PositionEncoding;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::{Client, LanguageServer};
use tracing::{error, info, warn};

use super::convert;
use super::documents::{DocumentSnapshot, Documents};
use super::indexing::Served;
use crate::accepted::{brief_key, read_accepted, today, ACCEPTED_FILE};
use crate::config::EditorSettings;
use crate::exclude::ExcludeConfig;
use crate::load::CorpusSource;

/// The command behind "Accept this finding": records it in accepted.toml.
pub(super) const ACCEPT_COMMAND: &str = "brief-lsp.acceptFinding";

/// How long typing must pause before a brief is re-checked.
const DEBOUNCE: Duration = Duration::from_millis(150);

#[derive(Clone)]
pub struct Server {
    pub(super) client: Client,
    pub(super) state: Arc<State>,
}

#[derive(Default)]
pub(super) struct State {
    pub(super) documents: RwLock<Documents>,
    pub(super) corpus: ArcSwapOption<Served>,
    encoding: OnceLock<PositionEncoding>,
    pub(super) root: OnceLock<Option<PathBuf>>,
    pub(super) settings: Mutex<EditorSettings>,
    /// Exclude patterns, from `brief-lsp.toml` and the settings.
    pub(super) exclude: Mutex<ExcludeConfig>,
    /// The checks' levels, from `brief-lsp.toml` and the settings.
    pub(super) checks: Mutex<Arc<CheckConfig>>,
    /// The source of a load under way, if one is.
    pub(super) loading: Mutex<Option<CorpusSource>>,
    /// Counts corpus loads, so that a slow old load never replaces a newer one.
    pub(super) generation: AtomicU64,
    pub(super) progress_supported: AtomicBool,
    inlay_refresh_supported: AtomicBool,
    /// The client watches files for us (`workspace/didChangeWatchedFiles`).
    watch_supported: AtomicBool,
    /// Findings accepted in this session, before the client has saved them
    /// to `accepted.toml`.
    pending_accepted: Mutex<Vec<Acceptance>>,
    /// The client pulls diagnostics (`textDocument/diagnostic`).
    pull_diagnostics: AtomicBool,
    diagnostic_refresh_supported: AtomicBool,
}

impl Server {
    pub fn new(client: Client) -> Server {
        Server {
            client,
            state: Arc::default(),
        }
    }

    fn encoding(&self) -> PositionEncoding {
        *self.state.encoding.get().unwrap_or(&PositionEncoding::Utf16)
    }

    fn checks(&self) -> Arc<CheckConfig> {
        self.state
            .checks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The project root a brief's accepted findings are recorded under: the
    /// workspace root, else the brief's folder.
    fn accept_root(&self, uri: &lsp::Uri) -> Option<PathBuf> {
        self.state.root.get().cloned().flatten().or_else(|| {
            let path = uri.to_file_path()?;
            path.parent().map(Path::to_path_buf)
        })
    }

    /// Whether the settings exclude this brief from checking (drafts,
    /// templates); patterns are relative to the workspace root.
    fn brief_excluded(&self, uri: &lsp::Uri) -> bool {
        let (Some(root), Some(path)) = (self.state.root.get().cloned().flatten(), uri.to_file_path()) else {
            return false;
        };
        let patterns = self
            .state
            .exclude
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .briefs
            .clone();
        let (matcher, _) = crate::exclude::matcher(&root, &patterns);
        crate::exclude::excludes(&matcher, &path)
    }

    /// The key entries use for a brief: its path relative to the root.
    fn accept_key(&self, uri: &lsp::Uri) -> String {
        match (self.accept_root(uri), uri.to_file_path()) {
            (Some(root), Some(path)) => brief_key(&root, &path),
            _ => uri.as_str().to_string(),
        }
    }

    /// The accepted findings of a brief: `accepted.toml`'s, read afresh
    /// (it is small, and the user may edit it), and this session's.
    fn accepted_for(&self, uri: &lsp::Uri) -> Vec<Acceptance> {
        let key = self.accept_key(uri);
        let mut all = match self.accept_root(uri).map(|root| read_accepted(&root)) {
            Some(Ok(entries)) => entries,
            Some(Err(err)) => {
                warn!("{err}; no findings are accepted from it");
                Vec::new()
            }
            None => Vec::new(),
        };
        all.extend(
            self.state
                .pending_accepted
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .cloned(),
        );
        all.retain(|a| a.brief == key);
        all
    }

    /// Asks the client to report changes to the files that configure the
    /// project, so that an edit to them takes effect without a restart.
    async fn watch_configuration_files(&self) {
        let watchers = [
            "**/brief-lsp.toml",
            "**/corpus.toml",
            "**/entities.toml",
            "**/.brief-lsp/accepted.toml",
        ]
        .into_iter()
        .map(|glob| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = lsp::Registration {
            id: "brief-lsp/watch-configuration".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(err) = self.client.register_capability(vec![registration]).await {
            warn!("client did not take the file watchers: {err}");
        }
    }

    /// Every open brief's snapshot, for answers that span them.
    fn open_snapshots(&self) -> Vec<(lsp::Uri, Arc<DocumentSnapshot>)> {
        let docs = self.state.documents.read().unwrap_or_else(|e| e.into_inner());
        docs.uris()
            .into_iter()
            .filter_map(|u| docs.get(&u).map(|d| (u, d.snapshot())))
            .collect()
    }

    pub(super) fn snapshot(&self, uri: &lsp::Uri) -> Option<Arc<DocumentSnapshot>> {
        let docs = self.state.documents.read().unwrap_or_else(|e| e.into_inner());
        let snapshot = docs.get(uri).map(|d| d.snapshot());
        if snapshot.is_none() {
            warn!("request for a document that is not open: {}", uri.as_str());
        }
        snapshot
    }

    fn current_version(&self, uri: &lsp::Uri) -> Option<i32> {
        let docs = self.state.documents.read().unwrap_or_else(|e| e.into_inner());
        docs.get(uri).map(|d| d.version)
    }

    /// Runs `f` on the corpus and a brief's snapshot on a blocking thread. A
    /// request before the corpus is indexed, or for an unknown document,
    /// answers `None` at once rather than waiting.
    async fn analyze<T, F>(&self, uri: &lsp::Uri, f: F) -> Result<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot, &DocumentSnapshot, PositionEncoding) -> Option<T> + Send + 'static,
    {
        let (Some(snapshot), Some(served)) = (self.snapshot(uri), self.state.corpus.load_full()) else {
            return Ok(None);
        };
        let enc = self.encoding();
        tokio::task::spawn_blocking(move || f(&served.corpus, &snapshot, enc))
            .await
            .map_err(|err| {
                error!("request failed: {err}");
                Error::internal_error()
            })
    }

    /// The diagnostics of an open brief as it is now, and its version;
    /// `None` for an unknown document or before the corpus is indexed.
    async fn compute_diagnostics(&self, uri: &lsp::Uri) -> Option<(i32, Vec<lsp::Diagnostic>)> {
        let (snapshot, served) = (self.snapshot(uri)?, self.state.corpus.load_full()?);
        let enc = self.encoding();
        let version = snapshot.version;
        if self.brief_excluded(uri) {
            return Some((version, Vec::new()));
        }
        let checks = self.checks();
        let accepted = self.accepted_for(uri);
        let task = tokio::task::spawn_blocking(move || {
            let corpus = &served.corpus;
            let view = snapshot.view();
            shown_findings(corpus, &snapshot.brief, &checks, &accepted)
                .iter()
                .map(|f| convert::diagnostic(corpus, &view, f, enc))
                .collect::<Vec<_>>()
        });
        match task.await {
            Ok(diagnostics) => Some((version, diagnostics)),
            Err(err) => {
                error!("checking {} failed: {err}", uri.as_str());
                None
            }
        }
    }

    pub(super) async fn publish_diagnostics(&self, uri: lsp::Uri) {
        match self.compute_diagnostics(&uri).await {
            // A newer version is on its way; its own check will publish.
            Some((version, diagnostics)) if self.current_version(&uri) == Some(version) => {
                self.client
                    .publish_diagnostics(uri, diagnostics, Some(version))
                    .await;
            }
            _ => {}
        }
    }

    /// Diagnostics are stale for every open brief: push them again, or ask
    /// a pulling client to pull (without waiting on its answer).
    pub(super) async fn refresh_diagnostics(&self) {
        if self.state.pull_diagnostics.load(Ordering::Relaxed) {
            if self.state.diagnostic_refresh_supported.load(Ordering::Relaxed) {
                let client = self.client.clone();
                tokio::spawn(async move {
                    if client.workspace_diagnostic_refresh().await.is_err() {
                        warn!("client did not refresh diagnostics");
                    }
                });
            }
            return;
        }
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

    /// Pushes diagnostics after `delay` if the brief is still at `version`;
    /// a pulling client asks for them itself.
    fn schedule_diagnostics(&self, uri: lsp::Uri, version: i32, delay: Duration) {
        if self.state.pull_diagnostics.load(Ordering::Relaxed) {
            return;
        }
        let server = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            if server.current_version(&uri) == Some(version) {
                server.publish_diagnostics(uri).await;
            }
        });
    }
}

/// The findings a brief shows: those its checks report, less the accepted.
fn shown_findings(
    corpus: &Snapshot,
    brief: &Brief,
    checks: &CheckConfig,
    accepted: &[Acceptance],
) -> Vec<Finding> {
    analysis::apply_acceptances(brief, analysis::diagnostics(corpus, brief, checks), accepted).0
}

fn negotiate_encoding(params: &lsp::InitializeParams) -> PositionEncoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&lsp::PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
        _ => PositionEncoding::Utf16,
    }
}

fn workspace_root(params: &lsp::InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri);
    #[allow(deprecated)]
    let uri = folder.or(params.root_uri.as_ref())?;
    uri.to_file_path().map(|p| p.into_owned())
}

impl LanguageServer for Server {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let enc = negotiate_encoding(&params);
        let _ = self.state.encoding.set(enc);
        let _ = self.state.root.set(workspace_root(&params));
        let progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        self.state.progress_supported.store(progress, Ordering::Relaxed);
        let workspace = params.capabilities.workspace.as_ref();
        let watch = workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration);
        self.state
            .watch_supported
            .store(watch.unwrap_or(false), Ordering::Relaxed);
        let refresh = workspace
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|i| i.refresh_support);
        // Pull only with a client that can be told to pull again: answers
        // before the corpus is indexed, or after a setting changes, are
        // stale, and only a refresh makes the client ask anew.
        let refresh_diagnostics = workspace
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        let pull = refresh_diagnostics
            && params
                .capabilities
                .text_document
                .as_ref()
                .and_then(|t| t.diagnostic.as_ref())
                .is_some();
        self.state.pull_diagnostics.store(pull, Ordering::Relaxed);
        self.state
            .diagnostic_refresh_supported
            .store(refresh_diagnostics, Ordering::Relaxed);
        self.state
            .inlay_refresh_supported
            .store(refresh.unwrap_or(false), Ordering::Relaxed);
        if let Some(options) = &params.initialization_options {
            match EditorSettings::from_json(options) {
                Ok(Some(settings)) => {
                    *self.state.settings.lock().unwrap_or_else(|e| e.into_inner()) = settings
                }
                Ok(None) => {}
                Err(err) => warn!("{err}; using defaults"),
            }
        }
        Ok(lsp::InitializeResult {
            capabilities: lsp::ServerCapabilities {
                position_encoding: Some(convert::encoding_kind(enc)),
                text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                    lsp::TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
                definition_provider: Some(lsp::OneOf::Left(true)),
                completion_provider: Some(lsp::CompletionOptions {
                    trigger_characters: Some(vec!["@".to_string()]),
                    ..Default::default()
                }),
                inlay_hint_provider: Some(lsp::OneOf::Left(true)),
                execute_command_provider: Some(lsp::ExecuteCommandOptions {
                    commands: vec![ACCEPT_COMMAND.to_string()],
                    ..Default::default()
                }),
                diagnostic_provider: pull.then(|| {
                    lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                        identifier: Some("brief-lsp".to_string()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        work_done_progress_options: Default::default(),
                    })
                }),
                document_symbol_provider: Some(lsp::OneOf::Left(true)),
                references_provider: Some(lsp::OneOf::Left(true)),
                workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
                code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                    lsp::CodeActionOptions {
                        code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            },
            server_info: Some(lsp::ServerInfo {
                name: "brief-lsp".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let server = self.clone();
        tokio::spawn(async move { server.reindex().await });
        if self.state.watch_supported.load(Ordering::Relaxed) {
            self.watch_configuration_files().await;
        }
    }

    async fn did_change_watched_files(&self, params: lsp::DidChangeWatchedFilesParams) {
        let names: Vec<String> = params
            .changes
            .iter()
            .filter_map(|c| {
                c.uri
                    .to_file_path()
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            })
            .collect();
        info!("configuration files changed: {}", names.join(", "));
        // The project file, a manifest or entity corrections change the
        // corpus; accepted findings only what is shown.
        if names.iter().any(|n| n != "accepted.toml") {
            self.reindex().await;
        } else {
            self.refresh_diagnostics().await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: lsp::DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.state
            .documents
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .open(doc.uri.clone(), &doc.text, doc.version);
        self.schedule_diagnostics(doc.uri, doc.version, Duration::ZERO);
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        // Applied before any `.await`: handlers run concurrently, and edits
        // must land in the order they arrived.
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        {
            let enc = self.encoding();
            let mut docs = self.state.documents.write().unwrap_or_else(|e| e.into_inner());
            let Some(doc) = docs.get_mut(&uri) else {
                warn!("change for a document that is not open: {}", uri.as_str());
                return;
            };
            for change in &params.content_changes {
                doc.apply(change, enc);
            }
            doc.version = version;
        }
        self.schedule_diagnostics(uri, version, DEBOUNCE);
    }

    async fn did_close(&self, params: lsp::DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state
            .documents
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .close(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_configuration(&self, params: lsp::DidChangeConfigurationParams) {
        let settings = match EditorSettings::from_json(&params.settings) {
            Ok(Some(settings)) => settings,
            Ok(None) => return,
            Err(err) => {
                self.client
                    .show_message(lsp::MessageType::WARNING, format!("brief-lsp: {err}"))
                    .await;
                return;
            }
        };
        let previous = std::mem::replace(
            &mut *self.state.settings.lock().unwrap_or_else(|e| e.into_inner()),
            settings.clone(),
        );
        if previous == settings {
            return;
        }
        // Inlay hints are pulled; ask the client to pull them again, without
        // waiting on its answer.
        if self.state.inlay_refresh_supported.load(Ordering::Relaxed) {
            let client = self.client.clone();
            tokio::spawn(async move {
                if client.inlay_hint_refresh().await.is_err() {
                    warn!("client did not refresh inlay hints");
                }
            });
        }
        if previous.corpus != settings.corpus || previous.exclude.corpus != settings.exclude.corpus {
            self.reindex().await;
        } else {
            let (_, errors) = self.read_configuration();
            self.report_configuration(errors).await;
            self.refresh_diagnostics().await;
        }
    }

    async fn hover(&self, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let pos = params.text_document_position_params;
        self.analyze(&pos.text_document.uri, move |corpus, snap, enc| {
            let view = snap.view();
            let hover = analysis::hover(corpus, &snap.brief, view.offset(pos.position, enc))?;
            Some(convert::hover(&view, hover, enc))
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        self.analyze(&pos.text_document.uri, move |corpus, snap, enc| {
            let offset = snap.view().offset(pos.position, enc);
            let locations: Vec<lsp::Location> = analysis::definition(corpus, &snap.brief, offset)
                .into_iter()
                .filter_map(|loc| convert::location(corpus, loc, enc))
                .collect();
            (!locations.is_empty()).then_some(lsp::GotoDefinitionResponse::Array(locations))
        })
        .await
    }

    async fn completion(&self, params: lsp::CompletionParams) -> Result<Option<lsp::CompletionResponse>> {
        let pos = params.text_document_position;
        self.analyze(&pos.text_document.uri, move |corpus, snap, enc| {
            let view = snap.view();
            let completions = analysis::completion(corpus, &snap.brief, view.offset(pos.position, enc))?;
            Some(convert::completion(&view, completions, enc))
        })
        .await
    }

    async fn diagnostic(
        &self,
        params: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        let items = self
            .compute_diagnostics(&params.text_document.uri)
            .await
            .map(|(_, d)| d)
            .unwrap_or_default();
        Ok(lsp::DocumentDiagnosticReportResult::Report(
            lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn execute_command(&self, params: lsp::ExecuteCommandParams) -> Result<Option<serde_json::Value>> {
        if params.command != ACCEPT_COMMAND {
            return Err(Error::invalid_params(format!(
                "unknown command {}",
                params.command
            )));
        }
        let (entry, uri): (Acceptance, lsp::Uri) = params
            .arguments
            .first()
            .cloned()
            .and_then(|args| serde_json::from_value(args).ok())
            .ok_or_else(|| Error::invalid_params("expected [[entry, briefUri]]"))?;
        let Some(root) = self.accept_root(&uri) else {
            return Err(Error::invalid_params(
                "the brief has no folder to record the finding in",
            ));
        };
        self.state
            .pending_accepted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(entry.clone());
        let edit = convert::append_accepted_edit(&root.join(ACCEPTED_FILE), &entry)
            .ok_or_else(|| Error::invalid_params("cannot name the accepted-findings file as a URI"))?;
        match self.client.apply_edit(edit).await {
            Ok(response) if !response.applied => {
                warn!(
                    "client did not record the accepted finding: {:?}",
                    response.failure_reason
                )
            }
            Ok(_) => {}
            Err(err) => warn!("client did not record the accepted finding: {err}"),
        }
        self.refresh_diagnostics().await;
        Ok(None)
    }

    async fn references(&self, params: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let pos = params.text_document_position;
        let open = self.open_snapshots();
        self.analyze(&pos.text_document.uri, move |corpus, snap, enc| {
            let offset = snap.view().offset(pos.position, enc);
            let (id, in_corpus) = analysis::references(corpus, &snap.brief, offset)?;
            let mut locations: Vec<lsp::Location> = in_corpus
                .into_iter()
                .filter_map(|loc| convert::location(corpus, loc, enc))
                .collect();
            for (uri, brief) in &open {
                let view = brief.view();
                let ranges = analysis::mentions_in_brief(corpus, &brief.brief, id);
                locations.extend(
                    ranges
                        .into_iter()
                        .map(|r| lsp::Location::new(uri.clone(), view.range(r, enc))),
                );
            }
            Some(locations)
        })
        .await
    }

    async fn symbol(
        &self,
        params: lsp::WorkspaceSymbolParams,
    ) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        let Some(served) = self.state.corpus.load_full() else {
            return Ok(None);
        };
        let enc = self.encoding();
        let symbols = tokio::task::spawn_blocking(move || {
            let corpus = &served.corpus;
            analysis::symbols(corpus, &params.query)
                .into_iter()
                .filter_map(|(entity, loc)| convert::entity_symbol(corpus, entity, loc?, enc))
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|err| {
            error!("workspace symbols failed: {err}");
            Error::internal_error()
        })?;
        Ok(Some(lsp::WorkspaceSymbolResponse::Flat(symbols)))
    }

    async fn document_symbol(
        &self,
        params: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        self.analyze(&params.text_document.uri, move |_, snap, enc| {
            let items = analysis::outline(&snap.brief);
            Some(lsp::DocumentSymbolResponse::Nested(convert::document_symbols(
                &snap.view(),
                items,
                enc,
            )))
        })
        .await
    }

    async fn inlay_hint(&self, params: lsp::InlayHintParams) -> Result<Option<Vec<lsp::InlayHint>>> {
        if !self
            .state
            .settings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .inlay_hints
        {
            return Ok(None);
        }
        self.analyze(&params.text_document.uri, move |corpus, snap, enc| {
            let view = snap.view();
            let range = view.offset(params.range.start, enc)..view.offset(params.range.end, enc);
            let hints = analysis::inlay_hints(corpus, &snap.brief)
                .into_iter()
                .filter(|h| range.contains(&h.offset) || range.end == h.offset)
                .map(|h| convert::inlay_hint(&view, h, enc))
                .collect();
            Some(hints)
        })
        .await
    }

    async fn code_action(&self, params: lsp::CodeActionParams) -> Result<Option<lsp::CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let checks = self.checks();
        let accepted = self.accepted_for(&uri);
        let key = self.accept_key(&uri);
        let date = today();
        self.analyze(&uri.clone(), move |corpus, snap, enc| {
            let view = snap.view();
            let range = view.offset(params.range.start, enc)..view.offset(params.range.end, enc);
            let actions: Vec<lsp::CodeActionOrCommand> =
                shown_findings(corpus, &snap.brief, &checks, &accepted)
                    .iter()
                    .filter(|f| f.range.start <= range.end && range.start <= f.range.end)
                    .flat_map(|f| {
                        let diagnostic = convert::diagnostic(corpus, &view, f, enc);
                        let entry = analysis::acceptance_for(&snap.brief, f, &key, &date);
                        let inline = analysis::inline_acceptance_edit(&snap.brief, f);
                        let mut actions = convert::code_actions(&uri, &view, f, &diagnostic, enc);
                        actions.extend(convert::accept_actions(
                            &uri,
                            &view,
                            &diagnostic,
                            &entry,
                            inline,
                            enc,
                        ));
                        actions
                    })
                    .collect();
            Some(actions)
        })
        .await
    }
}
