//! brief-lsp's own requests, beside the protocol's.

use serde_json::json;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types as lsp;

use super::server::Server;

impl Server {
    /// `brief-lsp/documentText`: the server's copy of a brief, so tests can
    /// prove that edits are applied in order.
    pub async fn document_text(&self, params: lsp::TextDocumentIdentifier) -> Result<serde_json::Value> {
        let docs = self.state.documents.read().unwrap_or_else(|e| e.into_inner());
        let doc = docs
            .get(&params.uri)
            .ok_or_else(|| Error::invalid_params("document is not open"))?;
        let snapshot = super::server::snapshot_of(&self.state, &params.uri, doc);
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

    /// `brief-lsp/status`: `indexing` (with progress), `ready` or `failed`
    /// (with the reason), and the corpus being served meanwhile, if any.
    pub async fn status(&self) -> Result<serde_json::Value> {
        // The corpus is read under the status lock, which a load holds
        // while it swaps both: the answer never pairs a new corpus with the
        // old state.
        let (status, served) = {
            let status = self.state.status.lock().unwrap_or_else(|e| e.into_inner());
            (status.clone(), self.state.corpus.load_full())
        };
        let mut answer = status.to_json(served.is_some());
        if let Some(served) = served {
            answer["documents"] = json!(served.corpus.documents.len());
            answer["problems"] = json!(served
                .corpus
                .problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>());
            answer["source"] = json!(served.source.describe());
        }
        Ok(answer)
    }
}
