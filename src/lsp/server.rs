//! The server's state and the helpers every handler shares: the open
//! briefs, the served corpus, the workspace behind one `ArcSwap`, the
//! client's capabilities resolved once, and the corpus status.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use arc_swap::ArcSwapOption;
use brief_core::analysis::{self, BriefRules, Cancel, Cancelled, Finding};
use brief_core::snapshot::Snapshot;
use brief_core::text::PositionEncoding;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::Client;
use tracing::{error, warn};

use super::cancel::{CancelFlag, CancelOnDrop};
use super::capabilities::ClientCaps;
use super::documents::{DocumentSnapshot, OpenBriefs, OpenDocument};
use super::position::TextView;
use super::state::{CorpusStatus, CorpusWatch, Served};
use super::to_proto;
use crate::config::EditorSettings;
use crate::live::LiveLoad;
use crate::workspace::Workspace;

/// How long typing must pause before a brief is re-checked.
pub(super) const DEBOUNCE: Duration = Duration::from_millis(150);

#[derive(Clone)]
pub struct Server {
    pub(super) client: Client,
    pub(super) state: Arc<State>,
}

#[derive(Default)]
pub(super) struct State {
    pub(super) documents: RwLock<OpenBriefs>,
    pub(super) corpus: ArcSwapOption<Served>,
    /// The project; set at `initialize`, rebuilt on configuration changes.
    pub(super) workspace: ArcSwapOption<Workspace>,
    pub(super) caps: OnceLock<ClientCaps>,
    /// The editor's workspace folder, where discovery starts.
    pub(super) folder: OnceLock<Option<PathBuf>>,
    pub(super) status: Mutex<CorpusStatus>,
    /// Reload and update requests: the newest number wins (see `request_reload`).
    pub(super) reloads: OnceLock<tokio::sync::watch::Sender<u64>>,
    /// A full reload is wanted, not only an update.
    pub(super) full_reload: AtomicBool,
    /// The served corpus's stored index failed a check after it opened:
    /// the next full reload deletes it first (see `index_damaged`).
    pub(super) damaged_index: AtomicBool,
    /// What updating the served corpus needs; taken by the worker while it
    /// updates.
    pub(super) live: Mutex<Option<LiveLoad>>,
    /// How the corpus folders are watched.
    pub(super) watching: Mutex<CorpusWatch>,
}

/// What a request on one brief sees: the corpus, the brief, the project.
pub(super) struct RequestContext {
    pub(super) served: Arc<Served>,
    pub(super) brief: Arc<DocumentSnapshot>,
    pub(super) workspace: Arc<Workspace>,
    pub(super) uri: lsp::Uri,
    pub(super) enc: PositionEncoding,
    /// Set when the client no longer waits for this request.
    request: CancelFlag,
}

impl RequestContext {
    pub(super) fn view(&self) -> TextView<'_> {
        self.brief.view()
    }

    pub(super) fn offset(&self, pos: lsp::Position) -> usize {
        self.view().offset(pos, self.enc)
    }

    /// The findings this brief shows, computed once per version, corpus and
    /// workspace (code actions reuse them); `Cancelled` once the request is
    /// cancelled or the version superseded.
    pub(super) fn shown(&self) -> std::result::Result<Arc<Vec<Finding>>, Cancelled> {
        let (request, superseded) = (&self.request, &self.brief.superseded);
        let asked = || request.is_cancelled() || superseded.is_cancelled();
        self.brief.findings(&self.served, &self.workspace, || {
            let path = self.uri.to_file_path();
            let excluded = path.as_deref().is_some_and(|p| self.workspace.excludes_brief(p));
            let accepted = self.workspace.accepted_for(&self.brief_key());
            let rules = BriefRules {
                checks: &self.workspace.checks,
                excluded,
                accepted: &accepted,
            };
            analysis::check_cancellable(&self.served.corpus, &self.brief.brief, rules, Cancel::new(&asked))
                .map(|checked| checked.shown)
        })
    }

    pub(super) fn brief_key(&self) -> String {
        match self.uri.to_file_path() {
            Some(path) => self.workspace.brief_key(&path),
            None => self.uri.as_str().to_string(),
        }
    }

    pub(super) fn diagnostics(&self) -> std::result::Result<Vec<lsp::Diagnostic>, Cancelled> {
        Ok(self.diagnostics_of(&self.shown()?))
    }

    fn diagnostics_of(&self, shown: &[Finding]) -> Vec<lsp::Diagnostic> {
        let view = self.view();
        shown
            .iter()
            .map(|f| to_proto::diagnostic(&self.served.corpus, &view, f, self.enc))
            .collect()
    }
}

/// An open brief's current snapshot, citing from the bibliography of the
/// current workspace and of the brief's front matter (relative to its folder).
pub(super) fn snapshot_of(state: &State, uri: &lsp::Uri, doc: &OpenDocument) -> Arc<DocumentSnapshot> {
    let workspace = state.workspace.load_full();
    let dir = uri.to_file_path().and_then(|p| p.parent().map(PathBuf::from));
    doc.snapshot(workspace.as_ref(), dir.as_deref())
}

impl Server {
    pub fn new(client: Client) -> Server {
        Server {
            client,
            state: Arc::default(),
        }
    }

    pub(super) fn caps(&self) -> ClientCaps {
        self.state.caps.get().cloned().unwrap_or_default()
    }

    pub(super) fn encoding(&self) -> PositionEncoding {
        self.caps().encoding
    }

    pub(super) fn settings(&self) -> EditorSettings {
        self.state
            .workspace
            .load()
            .as_ref()
            .map(|w| w.settings.clone())
            .unwrap_or_default()
    }

    /// Every open brief's snapshot, for answers that span them.
    pub(super) fn open_snapshots(&self) -> Vec<(lsp::Uri, Arc<DocumentSnapshot>)> {
        let docs = self.state.documents.read().unwrap_or_else(|e| e.into_inner());
        docs.uris()
            .into_iter()
            .filter_map(|u| docs.get(&u).map(|d| (u.clone(), snapshot_of(&self.state, &u, d))))
            .collect()
    }

    pub(super) fn current_version(&self, uri: &lsp::Uri) -> Option<i32> {
        let docs = self.state.documents.read().unwrap_or_else(|e| e.into_inner());
        docs.get(uri).map(|d| d.version)
    }

    /// The context of a request on `uri`, built (the brief parsed) on a
    /// blocking thread; `None` for an unknown brief or before the corpus.
    fn context(
        state: &State,
        uri: &lsp::Uri,
        enc: PositionEncoding,
        request: CancelFlag,
    ) -> Option<RequestContext> {
        let brief = {
            let docs = state.documents.read().unwrap_or_else(|e| e.into_inner());
            let Some(doc) = docs.get(uri) else {
                warn!("request for a document that is not open: {}", uri.as_str());
                return None;
            };
            snapshot_of(state, uri, doc)
        };
        Some(RequestContext {
            served: state.corpus.load_full()?,
            workspace: state.workspace.load_full()?,
            brief,
            uri: uri.clone(),
            enc,
            request,
        })
    }

    /// Runs `f` on a brief's context on a blocking thread. A request before
    /// the corpus is indexed, or for an unknown document, answers `None` at
    /// once rather than waiting. A cancelled request drops this future,
    /// which sets the context's request flag: a check in `f` stops (tower-lsp
    /// has answered `RequestCancelled`), and one not started never starts.
    /// A check cut short because an edit superseded the version answers
    /// `ContentModified`.
    pub(super) async fn analyze<T, F>(&self, uri: &lsp::Uri, f: F) -> Result<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(&RequestContext) -> std::result::Result<Option<T>, Cancelled> + Send + 'static,
    {
        let (state, uri, enc) = (self.state.clone(), uri.clone(), self.encoding());
        let request = CancelFlag::default();
        let _cancel_on_drop = CancelOnDrop(request.clone());
        let task = tokio::task::spawn_blocking(move || {
            if request.is_cancelled() {
                return Err(Cancelled);
            }
            match Server::context(&state, &uri, enc, request) {
                Some(cx) => f(&cx).map(|found| (found, cx.served.corpus.found_damage().then_some(cx.served))),
                None => Ok((None, None)),
            }
        });
        match task.await {
            Ok(Ok((_, Some(damaged)))) => Err(self.index_damaged(&damaged)),
            Ok(Ok((found, None))) => Ok(found),
            Ok(Err(Cancelled)) => Err(Error::new(ErrorCode::ContentModified)),
            Err(err) => {
                error!("request failed: {err}");
                Err(Error::internal_error())
            }
        }
    }

    /// Runs `f` on the served corpus on a blocking thread; `None` before the
    /// corpus is indexed.
    pub(super) async fn analyze_corpus<T, F>(&self, f: F) -> Result<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> Option<T> + Send + 'static,
    {
        let served = self.state.corpus.load_full();
        let task = tokio::task::spawn_blocking(move || {
            let served = served?;
            let found = f(&served.corpus);
            Some((found, served.corpus.found_damage().then_some(served)))
        });
        match task.await {
            Ok(Some((_, Some(damaged)))) => Err(self.index_damaged(&damaged)),
            Ok(found) => Ok(found.and_then(|(found, _)| found)),
            Err(err) => {
                error!("request failed: {err}");
                Err(Error::internal_error())
            }
        }
    }

    /// What a request computed from a corpus whose stored index turned out
    /// damaged is thrown away: the index is deleted and the corpus built
    /// again (once, however many requests see it), and the request answers
    /// `ContentModified`, as for a brief edited under it; the rebuilt
    /// corpus's diagnostics are pushed, or pulled after a refresh. A request
    /// that finishes on a damaged corpus already replaced changes nothing.
    fn index_damaged(&self, damaged: &Arc<Served>) -> Error {
        let served = self.state.corpus.load();
        let still_served = served.as_ref().is_some_and(|s| Arc::ptr_eq(s, damaged));
        if still_served
            && !self
                .state
                .damaged_index
                .swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            warn!("the stored index failed a check; rebuilding the corpus");
            self.request_reload("the stored index is damaged");
        }
        Error::new(ErrorCode::ContentModified)
    }

    /// Applies a `didChange`'s edits to an open brief, in order, and sets its
    /// version; `false` for a brief that is not open.
    pub(super) fn apply_changes(
        &self,
        uri: &lsp::Uri,
        version: i32,
        changes: &[lsp::TextDocumentContentChangeEvent],
    ) -> bool {
        let enc = self.encoding();
        let mut docs = self.state.documents.write().unwrap_or_else(|e| e.into_inner());
        let Some(doc) = docs.get_mut(uri) else {
            warn!("change for a document that is not open: {}", uri.as_str());
            return false;
        };
        for change in changes {
            doc.apply(change, enc);
        }
        doc.version = version;
        true
    }

    /// The diagnostics of an open brief as it is now, and its version.
    pub(super) async fn compute_diagnostics(
        &self,
        uri: &lsp::Uri,
    ) -> Result<Option<(i32, Vec<lsp::Diagnostic>)>> {
        self.refresh_accepted_if_changed();
        self.analyze(uri, |cx| Ok(Some((cx.brief.version, cx.diagnostics()?))))
            .await
    }

    /// `accepted.toml` saved since it was read: read it again (one `stat`
    /// per check), so that a client without file watching sees it too.
    fn refresh_accepted_if_changed(&self) {
        if let Some(ws) = self.state.workspace.load_full() {
            if ws.accepted_changed() {
                self.state
                    .workspace
                    .store(Some(Arc::new(ws.with_accepted_reread())));
            }
        }
    }

    /// Pushes an open brief's diagnostics, unless these very findings were
    /// pushed already: a brief opened as the corpus is swapped in is
    /// checked by both, and its client would get the same list twice.
    pub(super) async fn publish_diagnostics(&self, uri: lsp::Uri) {
        self.refresh_accepted_if_changed();
        let unpushed = self
            .analyze(&uri, |cx| {
                let shown = cx.shown()?;
                Ok(cx
                    .brief
                    .first_push(&shown)
                    .then(|| (cx.brief.version, cx.diagnostics_of(&shown))))
            })
            .await;
        match unpushed {
            // A newer version is on its way (or cut this check short); its
            // own check will publish.
            Ok(Some((version, diagnostics))) if self.current_version(&uri) == Some(version) => {
                self.client
                    .publish_diagnostics(uri, diagnostics, Some(version))
                    .await;
            }
            _ => {}
        }
    }

    /// Diagnostics are stale for every open brief: push them again, or ask
    /// a pulling client to pull; spawned, so no handler waits on it.
    pub(super) fn refresh_diagnostics(&self) {
        let server = self.clone();
        tokio::spawn(async move {
            let caps = server.caps();
            if caps.pull_diagnostics {
                if caps.diagnostic_refresh && server.client.workspace_diagnostic_refresh().await.is_err() {
                    warn!("client did not refresh diagnostics");
                }
                return;
            }
            let uris = server
                .state
                .documents
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .uris();
            for uri in uris {
                server.publish_diagnostics(uri).await;
            }
        });
    }

    /// Pushes diagnostics after `delay` if the brief is still at `version`;
    /// a pulling client asks for them itself.
    pub(super) fn schedule_diagnostics(&self, uri: lsp::Uri, version: i32, delay: Duration) {
        if self.caps().pull_diagnostics {
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

    /// What `initialize` fixes for the session: the workspace folder, the
    /// workspace assembled from it, and what the client can do.
    pub(super) fn start_session(&self, folder: Option<PathBuf>, settings: EditorSettings, caps: ClientCaps) {
        let _ = self.state.folder.set(folder);
        self.rebuild_workspace(settings, None);
        let _ = self.state.caps.set(caps);
    }

    /// Replaces the workspace with one assembled afresh (from the workspace
    /// folder, else `near`), with `settings`; returns it.
    pub(super) fn rebuild_workspace(
        &self,
        settings: EditorSettings,
        near: Option<PathBuf>,
    ) -> Arc<Workspace> {
        let start = self
            .state
            .folder
            .get()
            .cloned()
            .flatten()
            .or(near)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let workspace = Arc::new(Workspace::discover(&start, settings, &[]));
        self.state.workspace.store(Some(workspace.clone()));
        workspace
    }

    /// Shows configuration problems once, and logs them.
    pub(super) fn report_configuration(&self, errors: &[String]) {
        if errors.is_empty() {
            return;
        }
        for err in errors {
            error!("configuration: {err}");
        }
        self.show(
            lsp::MessageType::WARNING,
            format!("brief-lsp: {}", errors.join("; ")),
        );
    }

    /// Go-to-source: the core's locations, each extracted text they open
    /// kept on disk (written again if the cache was cleared meanwhile); a
    /// location whose text cannot be written is dropped, with a warning.
    pub(super) async fn go_to_source(
        &self,
        uri: &lsp::Uri,
        pos: lsp::Position,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let answer = self
            .analyze(uri, move |cx| {
                let mut found = analysis::definition(&cx.served.corpus, &cx.brief.brief, cx.offset(pos));
                let unwritable = crate::extract::texts_on_disk(&cx.served.corpus, &mut found);
                Ok(Some((
                    to_proto::definition(&cx.served.corpus, found, cx.enc),
                    unwritable,
                )))
            })
            .await?;
        let Some((locations, unwritable)) = answer else {
            return Ok(None);
        };
        for why in unwritable {
            self.show(
                lsp::MessageType::WARNING,
                format!("brief-lsp: go-to-source: {why}"),
            );
        }
        Ok(locations)
    }

    /// A `window/showMessage`, sent without waiting.
    pub(super) fn show(&self, typ: lsp::MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.show_message(typ, message).await });
    }

    /// `accepted.toml` changed: read it again and re-check.
    pub(super) fn reread_accepted(&self) {
        if let Some(ws) = self.state.workspace.load_full() {
            self.state
                .workspace
                .store(Some(Arc::new(ws.with_accepted_reread())));
        }
        self.refresh_diagnostics();
    }

    /// Without a workspace folder, the project is found from the first
    /// brief opened: walking up from its folder to a `brief-lsp.toml`.
    pub(super) fn discover_from_brief(&self, uri: &lsp::Uri) {
        let has_folder = self.state.folder.get().is_some_and(Option::is_some);
        let has_project = self
            .state
            .workspace
            .load()
            .as_ref()
            .is_some_and(|w| w.project_file.is_some());
        if has_folder || has_project {
            return;
        }
        let Some(dir) = uri.to_file_path().and_then(|p| p.parent().map(PathBuf::from)) else {
            return;
        };
        if crate::workspace::find_project_root(&dir).is_some() {
            self.rebuild_workspace(self.settings(), Some(dir));
            self.request_reload("found brief-lsp.toml above the brief");
        }
    }

    /// New editor settings: reload the corpus if they change it, else
    /// rebuild the workspace and re-check.
    pub(super) fn apply_settings(&self, settings: EditorSettings) {
        let previous = self.settings();
        if previous == settings {
            return;
        }
        if self.caps().inlay_refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                if client.inlay_hint_refresh().await.is_err() {
                    warn!("client did not refresh inlay hints");
                }
            });
        }
        let corpus_changed =
            previous.corpus != settings.corpus || previous.exclude.corpus != settings.exclude.corpus;
        let near = self.state.workspace.load().as_ref().map(|w| w.root.clone());
        let workspace = self.rebuild_workspace(settings, near);
        if corpus_changed {
            self.request_reload("settings changed the corpus");
        } else {
            self.report_configuration(&workspace.errors);
            self.refresh_diagnostics();
        }
    }

    /// Asks the client to report changes to the files that configure the
    /// project, so that an edit to them takes effect without a restart.
    pub(super) async fn watch_configuration_files(&self) {
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
}
