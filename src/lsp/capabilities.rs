//! The client's capabilities, resolved once at `initialize` into one value,
//! and the server's, announced in answer.

use std::path::PathBuf;

use brief_core::text::PositionEncoding;
use tower_lsp_server::ls_types as lsp;

use super::position::encoding_kind;

/// What the client can do, as the server uses it.
#[derive(Clone, Debug)]
pub struct ClientCaps {
    pub encoding: PositionEncoding,
    pub progress: bool,
    pub inlay_refresh: bool,
    /// The client watches files for us (`workspace/didChangeWatchedFiles`).
    pub watch_files: bool,
    /// The client pulls diagnostics (`textDocument/diagnostic`).
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
}

impl Default for ClientCaps {
    /// A client that negotiated nothing: UTF-16 positions, nothing optional.
    fn default() -> ClientCaps {
        ClientCaps {
            encoding: PositionEncoding::Utf16,
            progress: false,
            inlay_refresh: false,
            watch_files: false,
            pull_diagnostics: false,
            diagnostic_refresh: false,
        }
    }
}

impl ClientCaps {
    pub fn resolve(params: &lsp::InitializeParams) -> ClientCaps {
        let caps = &params.capabilities;
        let offered = caps.general.as_ref().and_then(|g| g.position_encodings.as_ref());
        let encoding = match offered {
            Some(kinds) if kinds.contains(&lsp::PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
            _ => PositionEncoding::Utf16,
        };
        let workspace = caps.workspace.as_ref();
        let diagnostic_refresh = workspace
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        // Pull only with a client that can be told to pull again: answers
        // before the corpus is indexed, or after a setting changes, are
        // stale, and only a refresh makes the client ask anew.
        let pull_diagnostics = diagnostic_refresh
            && caps
                .text_document
                .as_ref()
                .and_then(|t| t.diagnostic.as_ref())
                .is_some();
        ClientCaps {
            encoding,
            progress: caps
                .window
                .as_ref()
                .and_then(|w| w.work_done_progress)
                .unwrap_or(false),
            inlay_refresh: workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|i| i.refresh_support)
                .unwrap_or(false),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            pull_diagnostics,
            diagnostic_refresh,
        }
    }
}

/// The editor's workspace folder: the first folder, else the root URI.
pub fn workspace_folder(params: &lsp::InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri);
    #[allow(deprecated)]
    let uri = folder.or(params.root_uri.as_ref())?;
    uri.to_file_path().map(|p| p.into_owned())
}

pub fn server_capabilities(caps: &ClientCaps) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(encoding_kind(caps.encoding)),
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
        diagnostic_provider: caps.pull_diagnostics.then(|| {
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
    }
}
