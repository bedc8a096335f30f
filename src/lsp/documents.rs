//! Open briefs: a rope per document for incremental edits, and an immutable
//! snapshot (text, line index, parsed brief) handed to the analysis.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, Weak};

use brief_core::analysis::Finding;
use brief_core::brief::Brief;
use brief_core::text::{LineIndex, PositionEncoding};
use ropey::Rope;
use tower_lsp_server::ls_types as lsp;

use super::indexing::Served;
use super::position::{rope_char, TextView};
use crate::workspace::Workspace;

type FindingsKey = (Weak<Served>, Weak<Workspace>);

pub struct OpenDocument {
    rope: Rope,
    pub version: i32,
    /// With the workspace its bibliography was read for.
    snapshot: Mutex<Option<(Weak<Workspace>, Arc<DocumentSnapshot>)>>,
}

/// One version of a brief, parsed; shared with requests and diagnostics.
pub struct DocumentSnapshot {
    pub version: i32,
    pub index: LineIndex,
    pub brief: Brief,
    /// The findings shown, with the corpus and workspace they were computed
    /// for: diagnostics and code actions on this version share them. Weak,
    /// so an old corpus is freed; its allocation stays, so a new one never
    /// takes its address and passes for it.
    findings: Mutex<Option<(FindingsKey, Arc<Vec<Finding>>)>>,
}

impl DocumentSnapshot {
    /// The findings for `key` (the corpus and workspace they depend on),
    /// computed by `compute` the first time.
    pub fn findings(
        &self,
        served: &Arc<Served>,
        workspace: &Arc<Workspace>,
        compute: impl FnOnce() -> Vec<Finding>,
    ) -> Arc<Vec<Finding>> {
        let key = (Arc::downgrade(served), Arc::downgrade(workspace));
        let mut cached = self.findings.lock().unwrap_or_else(|e| e.into_inner());
        match &*cached {
            Some(((s, w), findings)) if s.ptr_eq(&key.0) && w.ptr_eq(&key.1) => findings.clone(),
            _ => {
                let findings = Arc::new(compute());
                *cached = Some((key, findings.clone()));
                findings
            }
        }
    }

    pub fn view(&self) -> TextView<'_> {
        TextView {
            text: &self.brief.text,
            index: &self.index,
        }
    }
}

impl OpenDocument {
    pub fn new(text: &str, version: i32) -> OpenDocument {
        OpenDocument {
            rope: Rope::from_str(text),
            version,
            snapshot: Mutex::new(None),
        }
    }

    /// Applies one content change; a change without a range replaces all.
    pub fn apply(&mut self, change: &lsp::TextDocumentContentChangeEvent, enc: PositionEncoding) {
        match change.range {
            Some(range) => {
                let start = rope_char(&self.rope, range.start, enc);
                let end = rope_char(&self.rope, range.end, enc);
                let (start, end) = (start.min(end), start.max(end));
                self.rope.remove(start..end);
                self.rope.insert(start, &change.text);
            }
            None => self.rope = Rope::from_str(&change.text),
        }
        *self.snapshot.get_mut().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// This version parsed, citing from the bibliography its front matter
    /// and `workspace` name (read again for a new workspace). `dir` is the
    /// brief's folder.
    pub fn snapshot(&self, workspace: Option<&Arc<Workspace>>, dir: Option<&Path>) -> Arc<DocumentSnapshot> {
        let mut cached = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        let key = workspace.map(Arc::downgrade).unwrap_or_default();
        if let Some((for_workspace, snapshot)) = &*cached {
            if for_workspace.ptr_eq(&key) {
                return snapshot.clone();
            }
        }
        let text: Arc<str> = Arc::from(self.rope.to_string());
        let mut brief = Brief::parse(text.clone());
        if let Some(workspace) = workspace {
            let references = crate::bibliography::brief_references(&brief, dir, workspace);
            brief = brief.with_references(references);
        }
        let snapshot = Arc::new(DocumentSnapshot {
            version: self.version,
            index: LineIndex::new(&text),
            brief,
            findings: Mutex::new(None),
        });
        *cached = Some((key, snapshot.clone()));
        snapshot
    }
}

#[derive(Default)]
pub struct Documents {
    open: HashMap<lsp::Uri, OpenDocument>,
}

impl Documents {
    pub fn open(&mut self, uri: lsp::Uri, text: &str, version: i32) {
        self.open.insert(uri, OpenDocument::new(text, version));
    }

    pub fn close(&mut self, uri: &lsp::Uri) {
        self.open.remove(uri);
    }

    pub fn get(&self, uri: &lsp::Uri) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    pub fn get_mut(&mut self, uri: &lsp::Uri) -> Option<&mut OpenDocument> {
        self.open.get_mut(uri)
    }

    pub fn uris(&self) -> Vec<lsp::Uri> {
        self.open.keys().cloned().collect()
    }
}
