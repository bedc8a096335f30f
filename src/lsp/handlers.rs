//! The protocol's requests and notifications. Each handler has one shape:
//! the parameters from the protocol, one core call on a blocking thread, the
//! answer to the protocol. Each runs in a tracing span named by its method
//! (`span.rs`).

use std::time::Duration;

use brief_core::analysis::{self, AcceptTarget, Finding};
use brief_core::text::TextRange;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::LanguageServer;
use tracing::info;

use super::capabilities::{server_capabilities, workspace_folder, ClientCaps};
use super::from_proto;
use super::server::{RequestContext, Server, DEBOUNCE};
use super::to_proto::{self, ActionTargets};
use crate::accepted::today;
use crate::config::EditorSettings;

impl RequestContext {
    fn range(&self, range: lsp::Range) -> TextRange {
        TextRange::new(self.offset(range.start), self.offset(range.end))
    }

    /// Where accepting a finding of this brief is recorded.
    fn accept_target<'a>(&'a self, brief_key: &'a str, date: &'a str) -> AcceptTarget<'a> {
        AcceptTarget {
            brief_key,
            date,
            file_text: self.workspace.accepted.text.as_deref(),
        }
    }

    /// The core's code actions as the protocol's: quick fixes on the brief,
    /// acceptances as edits to the accepted-findings file.
    fn code_actions(
        &self,
        shown: &[Finding],
        actions: Vec<analysis::CodeAction>,
        target: AcceptTarget,
    ) -> Vec<lsp::CodeActionOrCommand> {
        let targets = ActionTargets {
            brief: &self.uri,
            accepted_uri: lsp::Uri::from_file_path(self.workspace.accepted_path()),
            accepted_text: target.file_text,
        };
        let view = self.view();
        to_proto::code_actions(&self.served.corpus, &view, &targets, shown, actions, self.enc)
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let (caps, settings) = (
            ClientCaps::resolve(&params),
            from_proto::initialization_settings(&params),
        );
        let capabilities = server_capabilities(&caps);
        self.start_session(workspace_folder(&params), settings, caps);
        Ok(to_proto::initialize_result(capabilities))
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        self.request_reload("start");
        if self.caps().watch_files {
            self.watch_configuration_files().await;
        }
    }

    async fn did_change_watched_files(&self, params: lsp::DidChangeWatchedFilesParams) {
        let paths = from_proto::watched_paths(&params);
        info!("watched files changed: {}", paths.len());
        self.watched_files_changed(&paths);
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
        self.discover_from_brief(&doc.uri);
        self.schedule_diagnostics(doc.uri, doc.version, Duration::ZERO);
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        // Applied before any `.await`: handlers run concurrently, and edits
        // must land in the order they arrived.
        let (uri, version) = (params.text_document.uri, params.text_document.version);
        if self.apply_changes(&uri, version, &params.content_changes) {
            self.schedule_diagnostics(uri, version, DEBOUNCE);
        }
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
        match EditorSettings::from_json(&params.settings) {
            Ok(Some(settings)) => self.apply_settings(settings),
            Ok(None) => {}
            Err(err) => self.show(lsp::MessageType::WARNING, format!("brief-lsp: {err}")),
        }
    }

    async fn hover(&self, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let (uri, pos) = from_proto::position(params.text_document_position_params);
        self.analyze(&uri, move |cx| {
            let hover = analysis::hover(&cx.served.corpus, &cx.brief.brief, cx.offset(pos));
            Ok(hover.map(|h| to_proto::hover(&cx.view(), h, cx.enc)))
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let (uri, pos) = from_proto::position(params.text_document_position_params);
        self.go_to_source(&uri, pos).await
    }

    async fn completion(&self, params: lsp::CompletionParams) -> Result<Option<lsp::CompletionResponse>> {
        let (uri, pos) = from_proto::position(params.text_document_position);
        self.analyze(&uri, move |cx| {
            let found = analysis::completion(&cx.served.corpus, &cx.brief.brief, cx.offset(pos));
            Ok(found.map(|f| to_proto::completion(&cx.view(), f, cx.enc)))
        })
        .await
    }

    async fn diagnostic(
        &self,
        params: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        let found = self.compute_diagnostics(&params.text_document.uri).await?;
        Ok(to_proto::diagnostic_report(
            found.map(|(_, d)| d).unwrap_or_default(),
        ))
    }

    async fn references(&self, params: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let (uri, pos) = from_proto::position(params.text_document_position);
        let open = self.open_snapshots();
        self.analyze(&uri, move |cx| {
            let briefs: Vec<_> = open.iter().map(|(_, s)| &s.brief).collect();
            let found = analysis::references(&cx.served.corpus, &cx.brief.brief, cx.offset(pos), &briefs);
            Ok(found.map(|f| to_proto::references(&cx.served.corpus, &open, f, cx.enc)))
        })
        .await
    }

    async fn symbol(
        &self,
        params: lsp::WorkspaceSymbolParams,
    ) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        let enc = self.encoding();
        self.analyze_corpus(move |corpus| {
            let found = analysis::symbols(corpus, &params.query);
            Some(to_proto::workspace_symbols(corpus, found, enc))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        self.analyze(&params.text_document.uri, move |cx| {
            let items = analysis::outline(&cx.brief.brief);
            Ok(Some(to_proto::document_symbols(&cx.view(), items, cx.enc)))
        })
        .await
    }

    async fn inlay_hint(&self, params: lsp::InlayHintParams) -> Result<Option<Vec<lsp::InlayHint>>> {
        let enabled = self.settings().inlay_hints;
        self.analyze(&params.text_document.uri, move |cx| {
            let hints = analysis::inlay_hints(&cx.served.corpus, &cx.brief.brief, cx.range(params.range));
            Ok(enabled.then(|| to_proto::inlay_hints(&cx.view(), hints, cx.enc)))
        })
        .await
    }

    async fn code_action(&self, params: lsp::CodeActionParams) -> Result<Option<lsp::CodeActionResponse>> {
        let date = today();
        self.analyze(&params.text_document.uri, move |cx| {
            let (shown, key) = (cx.shown()?, cx.brief_key());
            let target = cx.accept_target(&key, &date);
            let actions = analysis::code_actions(&cx.brief.brief, &shown, cx.range(params.range), target);
            Ok(Some(cx.code_actions(&shown, actions, target)))
        })
        .await
    }
}
