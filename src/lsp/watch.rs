//! Watching the corpus folders, so that a source saved into one counts at
//! once: through the client (`workspace/didChangeWatchedFiles`, registered
//! for the folders) where it offers dynamic registration, else with the
//! server's own watcher (`notify`, debounced by `notify-debouncer-full`,
//! whose events keep their kind: inotify reports every open, and our own
//! reading and listing of the folders must not count as changes).
//! Either way a change only asks for an update; the update lists the
//! folders again and reads what changed (`crate::live`). Without the
//! client's watching, the server's own watcher also watches the project's
//! folder (that of `brief-lsp.toml`, else the workspace's), not its
//! subfolders, so that a changed or new `brief-lsp.toml` reloads the project.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult};
use tower_lsp_server::ls_types as lsp;
use tracing::{info, warn};

use super::server::Server;
use super::state::OwnWatcher;

/// Events closer together than this make one update: an editor's save is
/// several (a temporary file, a rename, a metadata change), and copying a
/// folder of sources is many.
const DEBOUNCE: Duration = Duration::from_millis(300);
const REGISTRATION: &str = "brief-lsp/watch-corpus";

/// The files that configure the project; a change to one reloads it all
/// (except `accepted.toml`, which only changes what is shown).
const CONFIGURATION: [&str; 3] = ["brief-lsp.toml", "corpus.toml", "entities.toml"];
const ACCEPTED: &str = "accepted.toml";

impl Server {
    /// Watches `folders` (the corpus just loaded), and, when the client
    /// does not watch files, the project's folder `root`; unless they are
    /// already.
    pub(super) async fn watch_corpus(&self, folders: Vec<PathBuf>, root: PathBuf) {
        let was_registered = {
            let mut watch = self.state.watching.lock().unwrap_or_else(|e| e.into_inner());
            if watch.folders == folders && watch.root.as_ref() == Some(&root) {
                return;
            }
            watch.folders = folders.clone();
            watch.root = Some(root.clone());
            watch.own = None;
            std::mem::take(&mut watch.registered)
        };
        if !self.caps().watch_files {
            let own = self.own_watcher(&folders, Some(&root));
            self.state.watching.lock().unwrap_or_else(|e| e.into_inner()).own = own;
            return;
        }
        if was_registered {
            let old = lsp::Unregistration {
                id: REGISTRATION.to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
            };
            if let Err(err) = self.client.unregister_capability(vec![old]).await {
                warn!("client did not drop the corpus watchers: {err}");
            }
        }
        if folders.is_empty() {
            return;
        }
        let watchers = folders
            .iter()
            .map(|folder| lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(format!("{}/**", folder.display())),
                kind: None,
            })
            .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = lsp::Registration {
            id: REGISTRATION.to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        match self.client.register_capability(vec![registration]).await {
            Ok(()) => {
                info!("the client watches the corpus folders");
                self.state
                    .watching
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .registered = true;
            }
            Err(err) => {
                warn!("client did not take the corpus watchers ({err}); watching them ourselves");
                let own = self.own_watcher(&folders, None);
                self.state.watching.lock().unwrap_or_else(|e| e.into_inner()).own = own;
            }
        }
    }

    /// A watcher of our own on `folders` and the files right in `root`;
    /// every debounced batch of changes is taken as the client's would be
    /// ([`Server::watched_files_changed`]).
    fn own_watcher(&self, folders: &[PathBuf], root: Option<&Path>) -> Option<OwnWatcher> {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Vec<PathBuf>>();
        let handler = move |events: DebounceEventResult| match events {
            Ok(events) => {
                let changed: Vec<PathBuf> = events
                    .into_iter()
                    .filter(|e| !e.kind.is_access())
                    .flat_map(|e| e.event.paths)
                    .collect();
                if !changed.is_empty() {
                    let _ = tx.send(changed);
                }
            }
            Err(errors) => {
                for err in errors {
                    warn!("file watcher: {err}");
                }
            }
        };
        let mut debouncer = match new_debouncer(DEBOUNCE, None, handler) {
            Ok(debouncer) => debouncer,
            Err(err) => {
                warn!("cannot watch the corpus folders: {err}; changes count after a restart");
                return None;
            }
        };
        let watched = folders
            .iter()
            .map(|f| (f.as_path(), RecursiveMode::Recursive))
            .chain(root.map(|r| (r, RecursiveMode::NonRecursive)));
        for (path, mode) in watched {
            if let Err(err) = debouncer.watch(path, mode) {
                warn!("cannot watch {}: {err}", path.display());
            }
        }
        let server = self.clone();
        tokio::spawn(async move {
            while let Some(changed) = rx.recv().await {
                server.watched_files_changed(&changed);
            }
        });
        info!("watching the corpus folders and the project file ourselves");
        Some(debouncer)
    }

    /// Files the client reports changed: the configuration reloads the
    /// project, `accepted.toml` is read again, a corpus file updates the
    /// corpus; anything else is not ours.
    pub(super) fn watched_files_changed(&self, paths: &[PathBuf]) {
        let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
        let is = |p: &PathBuf, names: &[&str]| name(p).is_some_and(|n| names.contains(&n.as_str()));
        if paths.iter().any(|p| is(p, &CONFIGURATION)) {
            self.request_reload("configuration files changed");
            return;
        }
        if paths.iter().any(|p| is(p, &[ACCEPTED])) {
            self.reread_accepted();
        }
        let folders = self
            .state
            .watching
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .folders
            .clone();
        let in_corpus: Vec<&PathBuf> = paths
            .iter()
            .filter(|p| folders.iter().any(|f| p.starts_with(f)))
            .collect();
        if let Some(first) = in_corpus.first() {
            self.request_update(&format!(
                "{} corpus file(s) changed, first {}",
                in_corpus.len(),
                first.display()
            ));
        }
    }
}
