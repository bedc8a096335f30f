//! Open briefs: a rope per document for incremental edits, and an immutable
//! snapshot (text, line index, parsed brief) handed to the analysis.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, Weak};

use brief_core::analysis::{Cancelled, Finding};
use brief_core::brief::Brief;
use brief_core::text::{LineIndex, PositionEncoding};
use ropey::Rope;
use tower_lsp_server::ls_types as lsp;

use super::cancel::CancelFlag;
use super::position::{rope_char, TextView};
use super::state::Served;
use crate::workspace::Workspace;

type FindingsKey = (Weak<Served>, Weak<Workspace>);

pub struct OpenDocument {
    rope: Rope,
    pub version: i32,
    /// With the workspace its bibliography was read for.
    snapshot: Mutex<Option<(Weak<Workspace>, Arc<DocumentSnapshot>)>>,
    /// The snapshot an edit superseded, until the next one is parsed: that
    /// parse reuses its brief's trees (`Brief::next_version`), so a
    /// keystroke costs about the paragraph it touched.
    replaced: Mutex<Option<Arc<DocumentSnapshot>>>,
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
    /// The findings last pushed to the client (weak, as above).
    pushed: Mutex<Weak<Vec<Finding>>>,
    /// Set when a newer version or a close replaces this one: checks of it
    /// stop, and their diagnostics are not published.
    pub superseded: CancelFlag,
}

impl DocumentSnapshot {
    /// The findings for `key` (the corpus and workspace they depend on),
    /// computed by `compute` the first time it completes.
    pub fn findings(
        &self,
        served: &Arc<Served>,
        workspace: &Arc<Workspace>,
        compute: impl FnOnce() -> Result<Vec<Finding>, Cancelled>,
    ) -> Result<Arc<Vec<Finding>>, Cancelled> {
        let key = (Arc::downgrade(served), Arc::downgrade(workspace));
        let mut cached = self.findings.lock().unwrap_or_else(|e| e.into_inner());
        match &*cached {
            Some(((s, w), findings)) if s.ptr_eq(&key.0) && w.ptr_eq(&key.1) => Ok(findings.clone()),
            _ => {
                let findings = Arc::new(compute()?);
                *cached = Some((key, findings.clone()));
                Ok(findings)
            }
        }
    }

    /// Whether `findings` (as [`DocumentSnapshot::findings`] gave them)
    /// were not pushed yet; they now count as pushed.
    pub fn first_push(&self, findings: &Arc<Vec<Finding>>) -> bool {
        let mut pushed = self.pushed.lock().unwrap_or_else(|e| e.into_inner());
        let first = !std::ptr::eq(pushed.as_ptr(), Arc::as_ptr(findings));
        *pushed = Arc::downgrade(findings);
        first
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
            replaced: Mutex::new(None),
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
        self.supersede();
    }

    /// The text changed or the brief closed: the current snapshot is stale.
    fn supersede(&mut self) {
        if let Some((_, stale)) = self.snapshot.get_mut().unwrap_or_else(|e| e.into_inner()).take() {
            stale.superseded.cancel();
            *self.replaced.get_mut().unwrap_or_else(|e| e.into_inner()) = Some(stale);
        }
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
        // The same text for another workspace, else the version before.
        let previous = match &*cached {
            Some((_, same_text)) => Some(same_text.clone()),
            None => self.replaced.lock().unwrap_or_else(|e| e.into_inner()).take(),
        };
        let fresh = previous.is_none();
        let mut brief = match previous {
            Some(previous) => {
                let next = previous.brief.next_version(text.clone());
                drop_elsewhere(previous);
                next
            }
            None => Brief::parse(text.clone()),
        };
        if let Some(workspace) = workspace {
            let references = crate::bibliography::brief_references(&brief, dir, workspace);
            brief = brief.with_references(references);
        }
        let snapshot = Arc::new(DocumentSnapshot {
            version: self.version,
            index: LineIndex::new(&text),
            brief,
            findings: Mutex::new(None),
            pushed: Mutex::new(Weak::new()),
            superseded: CancelFlag::default(),
        });
        if fresh && text.len() >= LARGE_BRIEF {
            // So that the first keystroke reuses the tree (`Brief::settle`).
            let settling = snapshot.clone();
            let spawned = std::thread::Builder::new()
                .name("settle-brief".into())
                .spawn(move || settling.brief.settle());
            if let Err(err) = spawned {
                tracing::warn!("cannot settle the opened brief's tree: {err}");
            }
        }
        *cached = Some((key, snapshot.clone()));
        snapshot
    }
}

/// From this size up, an opened brief's tree is parsed again on a thread
/// of its own, and a replaced version is freed on one (freeing a 5 MB
/// brief's trees took 126 ms of the keystroke that replaced it). Below it
/// both cost a keystroke little, not a thread and a second tree.
const LARGE_BRIEF: usize = 256 * 1024;

fn drop_elsewhere(snapshot: Arc<DocumentSnapshot>) {
    if snapshot.brief.text.len() < LARGE_BRIEF {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("free-brief".into())
        .spawn(move || drop(snapshot));
    if let Err(err) = spawned {
        tracing::warn!("cannot free the replaced brief on a thread of its own: {err}");
    }
}

#[derive(Default)]
pub struct OpenBriefs {
    open: HashMap<lsp::Uri, OpenDocument>,
}

impl OpenBriefs {
    pub fn open(&mut self, uri: lsp::Uri, text: &str, version: i32) {
        if let Some(mut replaced) = self.open.insert(uri, OpenDocument::new(text, version)) {
            replaced.supersede();
        }
    }

    pub fn close(&mut self, uri: &lsp::Uri) {
        if let Some(mut doc) = self.open.remove(uri) {
            doc.supersede();
        }
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use brief_core::snapshot::Snapshot;

    use super::*;
    use crate::config::EditorSettings;
    use crate::load::CorpusSource;

    fn served() -> Arc<Served> {
        Arc::new(Served {
            corpus: Arc::new(Snapshot::build(Vec::new())),
            source: CorpusSource::Embedded,
        })
    }

    /// Issue 15, item 8: every code action recomputed all diagnostics. Code
    /// actions and diagnostics on one version share one computation; a new
    /// version, corpus or workspace computes afresh; a cancelled one is not
    /// kept.
    #[test]
    fn findings_are_computed_once_per_version_corpus_and_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Arc::new(Workspace::discover(dir.path(), EditorSettings::default(), &[]));
        let (corpus, computed) = (served(), Cell::new(0));
        let compute = || {
            computed.set(computed.get() + 1);
            Ok(Vec::new())
        };
        let mut doc = OpenDocument::new("# Brief\n", 1);
        let v1 = doc.snapshot(Some(&workspace), None);
        assert!(v1.findings(&corpus, &workspace, || Err(Cancelled)).is_err());
        v1.findings(&corpus, &workspace, compute).unwrap();
        v1.findings(&corpus, &workspace, compute).unwrap();
        assert!(Arc::ptr_eq(&v1, &doc.snapshot(Some(&workspace), None)));
        doc.snapshot(Some(&workspace), None)
            .findings(&corpus, &workspace, compute)
            .unwrap();
        assert_eq!(computed.get(), 1, "one version, one computation");

        v1.findings(&served(), &workspace, compute).unwrap();
        assert_eq!(computed.get(), 2, "another corpus");

        let change = lsp::TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "# Brief, edited\n".into(),
        };
        doc.apply(&change, PositionEncoding::Utf16);
        assert!(v1.superseded.is_cancelled());
        let v2 = doc.snapshot(Some(&workspace), None);
        assert!(!v2.superseded.is_cancelled());
        v2.findings(&corpus, &workspace, compute).unwrap();
        assert_eq!(computed.get(), 3, "another version");
    }
}
