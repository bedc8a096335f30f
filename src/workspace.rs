//! The project, assembled once: its root (the folder of the nearest
//! `brief-lsp.toml`, found by walking up as git, cargo and ruff do), the
//! editor's settings, the checks' levels, the compiled exclude patterns and
//! the accepted findings. `brief-lsp check` and the server build it with the
//! same code; the server rebuilds it when configuration or a watched file
//! changes, and re-reads `accepted.toml` only when that file changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use brief_core::analysis::{Acceptance, CheckConfig};
use ignore::gitignore::Gitignore;

use crate::accepted::{brief_key, read_accepted, ACCEPTED_FILE};
use crate::config::{
    check_config, choose_corpus, read_project_file, EditorSettings, ProjectFile, PROJECT_FILE,
};
use crate::exclude::{excludes, matcher, ExcludeConfig};
use crate::load::CorpusSource;
use crate::written::stamp;

pub struct Workspace {
    /// Where briefs' keys and the accepted-findings file are relative to:
    /// the folder of `brief-lsp.toml`, else the folder discovery started in.
    pub root: PathBuf,
    /// The `brief-lsp.toml` in use, if one was found.
    pub project_file: Option<PathBuf>,
    pub settings: EditorSettings,
    pub checks: Arc<CheckConfig>,
    pub corpus: CorpusSource,
    /// Patterns of corpus files to leave out, relative to each folder.
    pub corpus_exclude: Vec<String>,
    briefs_excluded: Gitignore,
    pub accepted: Accepted,
    /// The project's bibliography files (`brief-lsp.toml`'s `bibliography`).
    pub bibliography: Vec<PathBuf>,
    /// `[bibliography-documents]`: keys to corpus file paths.
    pub bibliography_documents: BTreeMap<String, String>,
    /// What could not be understood, for the user to see.
    pub errors: Vec<String>,
    /// Why the project file could not be read, if it could not: the
    /// server goes on with defaults, but `check` must not pass on them.
    pub project_error: Option<String>,
}

/// `accepted.toml` as read: its text, its entries, and the file's stamp, to
/// tell when it changed.
#[derive(Default)]
pub struct Accepted {
    pub text: Option<String>,
    pub entries: Vec<Acceptance>,
    stamp: Option<(SystemTime, u64)>,
}

/// The nearest folder at or above `start` holding `brief-lsp.toml`: any
/// kind of file, so that a FIFO or folder of that name is reported when
/// read rather than passed over in silence.
pub fn find_project_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(PROJECT_FILE).exists())
        .map(Path::to_path_buf)
}

impl Accepted {
    fn read(root: &Path, errors: &mut Vec<String>) -> Accepted {
        let path = root.join(ACCEPTED_FILE);
        let stamp = stamp(&path);
        let text = std::fs::read_to_string(&path).ok();
        let entries = read_accepted(root).unwrap_or_else(|err| {
            errors.push(format!("{err}; no findings are accepted from it"));
            Vec::new()
        });
        Accepted { text, entries, stamp }
    }
}

impl Workspace {
    /// Assembles the project found from `start` (a brief's folder, the
    /// editor's workspace folder or the current folder). `explicit_corpus`
    /// (the CLI's `--corpus`) wins over the settings' folders, which win over
    /// the file's; relative settings folders are relative to `start`.
    pub fn discover(start: &Path, settings: EditorSettings, explicit_corpus: &[PathBuf]) -> Workspace {
        let found = find_project_root(start);
        let root = found.clone().unwrap_or_else(|| start.to_path_buf());
        let mut errors = Vec::new();
        let mut project_error = None;
        let (project_file, project): (Option<PathBuf>, Option<ProjectFile>) =
            match found.as_deref().map(read_project_file).transpose() {
                Ok(Some(Some((path, file)))) => (Some(path), Some(file)),
                Ok(_) => (None, None),
                Err(err) => {
                    errors.push(format!("{err:#}; using the embedded seed corpus"));
                    project_error = Some(format!("{err:#}"));
                    (None, None)
                }
            };
        let (checks, check_errors) = check_config(project.as_ref(), Some(&settings));
        errors.extend(check_errors);
        let exclude = project
            .as_ref()
            .map(|p| p.exclude.clone())
            .unwrap_or_default()
            .then(&settings.exclude);
        let (briefs_excluded, exclude_errors) = matcher(&root, &exclude.briefs);
        errors.extend(exclude_errors);
        let explicit: Vec<PathBuf> = if explicit_corpus.is_empty() {
            settings.corpus.iter().map(|p| start.join(p)).collect()
        } else {
            explicit_corpus.to_vec()
        };
        let corpus = choose_corpus(&explicit, project.as_ref());
        let accepted = Accepted::read(&root, &mut errors);
        let ExcludeConfig {
            corpus: corpus_exclude,
            ..
        } = exclude;
        let bibliography = project
            .as_ref()
            .map(|p| p.bibliography.clone())
            .unwrap_or_default();
        let bibliography_documents = project
            .as_ref()
            .map(|p| {
                p.bibliography_documents
                    .iter()
                    .map(|(key, path)| (key.clone(), path.display().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        Workspace {
            root,
            project_file,
            project_error,
            settings,
            checks: Arc::new(checks),
            corpus,
            corpus_exclude,
            briefs_excluded,
            accepted,
            bibliography,
            bibliography_documents,
            errors,
        }
    }

    /// Whether the project's patterns exclude this brief from checking.
    pub fn excludes_brief(&self, path: &Path) -> bool {
        excludes(&self.briefs_excluded, path)
    }

    /// The compiled brief exclude patterns, for walking folders of briefs.
    pub fn briefs_excluded(&self) -> &Gitignore {
        &self.briefs_excluded
    }

    /// The key accepted-findings entries use for a brief.
    pub fn brief_key(&self, path: &Path) -> String {
        brief_key(&self.root, path)
    }

    /// The accepted findings recorded for a brief.
    pub fn accepted_for(&self, key: &str) -> Vec<Acceptance> {
        self.accepted
            .entries
            .iter()
            .filter(|a| a.brief == key)
            .cloned()
            .collect()
    }

    pub fn accepted_path(&self) -> PathBuf {
        self.root.join(ACCEPTED_FILE)
    }

    /// Whether `accepted.toml` changed on disk since it was read (one
    /// `stat`): a client that does not watch files still sees a saved
    /// acceptance take effect.
    pub fn accepted_changed(&self) -> bool {
        stamp(&self.accepted_path()) != self.accepted.stamp
    }

    /// This workspace with `accepted.toml` read again.
    pub fn with_accepted_reread(&self) -> Workspace {
        let mut errors = Vec::new();
        let accepted = Accepted::read(&self.root, &mut errors);
        Workspace {
            root: self.root.clone(),
            project_file: self.project_file.clone(),
            project_error: self.project_error.clone(),
            settings: self.settings.clone(),
            checks: self.checks.clone(),
            corpus: self.corpus.clone(),
            corpus_exclude: self.corpus_exclude.clone(),
            briefs_excluded: self.briefs_excluded.clone(),
            accepted,
            bibliography: self.bibliography.clone(),
            bibliography_documents: self.bibliography_documents.clone(),
            errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_file_is_found_from_a_subfolder_and_paths_are_relative_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join(PROJECT_FILE),
            "corpus = [\"sources\"]\n[exclude]\nbriefs = [\"drafts/\"]\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("briefs/deep")).unwrap();
        let ws = Workspace::discover(&root.join("briefs/deep"), EditorSettings::default(), &[]);
        assert_eq!(ws.root, root);
        assert_eq!(ws.corpus, CorpusSource::Folders(vec![root.join("sources")]));
        assert!(ws.excludes_brief(&root.join("drafts/a.md")));
        assert_eq!(ws.brief_key(&root.join("briefs/deep/b.md")), "briefs/deep/b.md");
        assert!(ws.errors.is_empty(), "{:?}", ws.errors);
    }

    #[test]
    fn accepted_findings_are_read_once_and_again_when_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::discover(dir.path(), EditorSettings::default(), &[]);
        assert!(ws.accepted.text.is_none() && !ws.accepted_changed());
        std::fs::create_dir_all(dir.path().join(".brief-lsp")).unwrap();
        std::fs::write(
            ws.accepted_path(),
            "[[accepted]]\nbrief = \"a.md\"\ncode = \"figure-unsupported\"\ntext = \"x\"\n",
        )
        .unwrap();
        assert!(ws.accepted_changed());
        let ws = ws.with_accepted_reread();
        assert_eq!(ws.accepted_for("a.md").len(), 1);
        assert!(ws.accepted_for("b.md").is_empty() && !ws.accepted_changed());
    }
}
