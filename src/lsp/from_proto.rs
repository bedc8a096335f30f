//! Protocol parameters as what the handlers pass on.

use std::path::PathBuf;

use tower_lsp_server::ls_types as lsp;
use tracing::warn;

use crate::config::EditorSettings;

/// The brief and the cursor of a positional request.
pub fn position(params: lsp::TextDocumentPositionParams) -> (lsp::Uri, lsp::Position) {
    (params.text_document.uri, params.position)
}

/// The paths of the watched files that changed.
pub fn watched_paths(params: &lsp::DidChangeWatchedFilesParams) -> Vec<PathBuf> {
    params
        .changes
        .iter()
        .filter_map(|c| c.uri.to_file_path().map(|p| p.into_owned()))
        .collect()
}

/// The settings the client sent with `initialize`; the defaults, with a
/// warning, when they cannot be read.
pub fn initialization_settings(params: &lsp::InitializeParams) -> EditorSettings {
    match params
        .initialization_options
        .as_ref()
        .map(EditorSettings::from_json)
    {
        Some(Ok(Some(settings))) => settings,
        Some(Err(err)) => {
            warn!("{err}; using defaults");
            EditorSettings::default()
        }
        _ => EditorSettings::default(),
    }
}
