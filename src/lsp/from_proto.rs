//! Protocol parameters as what the handlers pass on.

use std::path::PathBuf;

use tower_lsp_server::ls_types as lsp;

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
