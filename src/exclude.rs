//! Exclude patterns, in `.gitignore` syntax (so `!` negates): corpus files
//! never indexed, and briefs never checked (drafts, templates).

use std::path::Path;

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::paths::lexically_absolute;
use serde::Deserialize;

/// `[exclude]` in `brief-lsp.toml`, and the editor setting `exclude`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ExcludeConfig {
    /// Corpus files never indexed; relative to each corpus folder.
    pub corpus: Vec<String>,
    /// Briefs never checked; relative to the project root (the folder of
    /// `brief-lsp.toml`).
    pub briefs: Vec<String>,
}

impl ExcludeConfig {
    /// These patterns, then `later`'s: a later pattern wins, as in a
    /// `.gitignore`.
    pub fn then(&self, later: &ExcludeConfig) -> ExcludeConfig {
        ExcludeConfig {
            corpus: self.corpus.iter().chain(&later.corpus).cloned().collect(),
            briefs: self.briefs.iter().chain(&later.briefs).cloned().collect(),
        }
    }
}

/// A matcher for `patterns` relative to `root`; bad patterns are returned
/// as messages and left out.
pub fn matcher(root: &Path, patterns: &[String]) -> (Gitignore, Vec<String>) {
    let mut builder = GitignoreBuilder::new(root);
    let mut errors = Vec::new();
    for pattern in patterns {
        if let Err(err) = builder.add_line(None, pattern) {
            errors.push(format!("exclude pattern `{pattern}`: {err}"));
        }
    }
    let matcher = builder.build().unwrap_or_else(|err| {
        errors.push(format!("exclude patterns: {err}"));
        Gitignore::empty()
    });
    (matcher, errors)
}

/// Whether `path` (a file under the matcher's root) is excluded.
pub fn excludes(matcher: &Gitignore, path: &Path) -> bool {
    // `./briefs/d.md` and `briefs/d.md` must match as `/w/briefs/d.md` does.
    let (root, path) = (lexically_absolute(matcher.path()), lexically_absolute(path));
    path.strip_prefix(&root)
        .is_ok_and(|relative| matcher.matched_path_or_any_parents(relative, false).is_ignore())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by a new user: `check ./briefs/drafts/d.md` and `check .`
    /// checked briefs that `briefs/drafts/` excludes.
    #[test]
    fn a_path_spelled_with_dot_components_is_excluded_alike() {
        let (m, _) = matcher(Path::new("."), &["briefs/drafts/".to_string()]);
        for path in [
            "briefs/drafts/d.md",
            "./briefs/drafts/d.md",
            "./briefs/../briefs/drafts/d.md",
        ] {
            assert!(excludes(&m, Path::new(path)), "{path}");
        }
        let absolute = std::env::current_dir().unwrap().join("briefs/drafts/d.md");
        assert!(excludes(&m, &absolute));
        assert!(!excludes(&m, Path::new("./briefs/final.md")));
        assert!(!excludes(&m, Path::new("/elsewhere/briefs/drafts/d.md")));
    }

    #[test]
    fn patterns_exclude_with_negation_and_folders() {
        let root = Path::new("/w");
        let patterns: Vec<String> = ["drafts/", "*.tmpl.md", "!drafts/final.md"]
            .map(String::from)
            .to_vec();
        let (m, errors) = matcher(root, &patterns);
        assert!(errors.is_empty());
        assert!(excludes(&m, Path::new("/w/drafts/a.md")));
        assert!(excludes(&m, Path::new("/w/x/brief.tmpl.md")));
        assert!(!excludes(&m, Path::new("/w/brief.md")));
        assert!(!excludes(&m, Path::new("/elsewhere/drafts/a.md")));
        // A file cannot be re-included from an excluded folder (gitignore's
        // rule), but can from an excluded pattern of files.
        let (m, _) = matcher(root, &["drafts/*.md".into(), "!drafts/final.md".into()]);
        assert!(!excludes(&m, Path::new("/w/drafts/final.md")));
        assert!(excludes(&m, Path::new("/w/drafts/a.md")));
    }
}
