//! Protocol parameters as what the handlers pass on.

use tower_lsp_server::ls_types as lsp;

/// The brief and the cursor of a positional request.
pub fn position(params: lsp::TextDocumentPositionParams) -> (lsp::Uri, lsp::Position) {
    (params.text_document.uri, params.position)
}

/// The names of the watched files that changed.
pub fn file_names(params: &lsp::DidChangeWatchedFilesParams) -> Vec<String> {
    params
        .changes
        .iter()
        .filter_map(|c| {
            c.uri
                .to_file_path()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .collect()
}
