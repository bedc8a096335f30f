//! The state the server keeps besides its open briefs, as plain types: the
//! served corpus, its loading status, and how its folders are watched. The
//! modules that change them (`indexing`, `watch`) sit above `server`; these
//! types sit below it, so that no module of `lsp/` imports one that imports it.

use std::path::PathBuf;
use std::sync::Arc;

use brief_core::snapshot::Snapshot;
use notify_debouncer_full::notify::RecommendedWatcher;
use notify_debouncer_full::{Debouncer, RecommendedCache};
use serde_json::json;

use crate::load::CorpusSource;

pub(super) type OwnWatcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// The corpus requests read, and where it came from.
pub(super) struct Served {
    pub(super) corpus: Arc<Snapshot>,
    pub(super) source: CorpusSource,
}

/// What `brief-lsp/status` reports about loading.
#[derive(Clone, Debug, Default)]
pub(super) enum CorpusStatus {
    #[default]
    Starting,
    Indexing {
        source: String,
        percent: u32,
    },
    Ready {
        warning: Option<String>,
    },
    Failed {
        reason: String,
    },
}

impl CorpusStatus {
    /// The status's fields; `serving`: a corpus is served meanwhile (then a
    /// reload under way reads `ready` with `loading` set, as requests are
    /// answered from the corpus already there).
    pub(super) fn to_json(&self, serving: bool) -> serde_json::Value {
        match self {
            CorpusStatus::Starting => json!({ "state": "indexing", "loading": null, "percent": 0 }),
            CorpusStatus::Indexing { source, percent } => {
                let state = if serving { "ready" } else { "indexing" };
                json!({ "state": state, "loading": source, "percent": percent })
            }
            CorpusStatus::Ready { warning } => {
                json!({ "state": "ready", "loading": null, "warning": warning })
            }
            CorpusStatus::Failed { reason } => {
                json!({ "state": "failed", "loading": null, "reason": reason })
            }
        }
    }
}

/// How the corpus folders are watched now.
#[derive(Default)]
pub(super) struct CorpusWatch {
    pub(super) folders: Vec<PathBuf>,
    /// The project's folder, watched (not its subfolders) for
    /// `brief-lsp.toml` when the client does not watch files.
    pub(super) root: Option<PathBuf>,
    /// The client watches them for us (our registration is in force).
    pub(super) registered: bool,
    /// Our own watcher; dropping it stops it.
    pub(super) own: Option<OwnWatcher>,
}
