//! brief-lsp's own requests, beside the protocol's.

use serde_json::json;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types as lsp;

use super::server::Server;

impl Server {
    /// `brief-lsp/documentText`: the server's copy of a brief, so tests can
    /// prove that edits are applied in order.
    pub async fn document_text(&self, params: lsp::TextDocumentIdentifier) -> Result<serde_json::Value> {
        let snapshot = self
            .snapshot(&params.uri)
            .ok_or_else(|| Error::invalid_params("document is not open"))?;
        Ok(json!({ "version": snapshot.version, "text": &*snapshot.brief.text }))
    }

    /// `brief-lsp/documents`: the served corpus's documents, for an editor's
    /// document picker.
    pub async fn documents(&self) -> Result<serde_json::Value> {
        let Some(served) = self.state.corpus.load_full() else {
            return Ok(json!([]));
        };
        let docs: Vec<serde_json::Value> = served
            .corpus
            .documents
            .iter()
            .map(|d| {
                json!({
                    "key": d.reference.key,
                    "title": d.reference.title,
                    "citation": d.reference.author_year(),
                    "uri": lsp::Uri::from_file_path(&d.path).map(|u| u.as_str().to_string()),
                })
            })
            .collect();
        Ok(json!(docs))
    }

    /// `brief-lsp/status`: the corpus being served and any load under way,
    /// for status bars and tests.
    pub async fn status(&self) -> Result<serde_json::Value> {
        let loading = self
            .state
            .loading
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let loading = loading.map(|s| s.describe());
        Ok(match self.state.corpus.load_full() {
            Some(served) => json!({
                "state": "ready",
                "documents": served.corpus.documents.len(),
                "problems": served.corpus.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "source": served.source.describe(),
                "loading": loading,
            }),
            None => json!({ "state": "indexing", "loading": loading }),
        })
    }
}
