//! Settings: `brief-lsp.toml` at a workspace root, the editor's settings
//! (initialization options and `workspace/didChangeConfiguration`), and the
//! CLI's flags all choose the corpus the same way.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use brief_core::analysis::CheckConfig;

use crate::exclude::ExcludeConfig;
use serde::Deserialize;

use crate::load::CorpusSource;

pub const PROJECT_FILE: &str = "brief-lsp.toml";

/// `brief-lsp.toml`: a brief-lsp project's corpus, check levels and
/// excludes.
#[derive(Debug, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[schemars(title = "brief-lsp.toml")]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    /// Corpus folders of .txt, .md, .pdf and .html files, relative to this
    /// file.
    #[serde(default)]
    pub corpus: Vec<PathBuf>,
    /// Per check: `error`, `warning`, `info`, `hint` or `off`.
    #[serde(default)]
    #[schemars(schema_with = "severity_schema")]
    pub severity: BTreeMap<String, String>,
    /// Patterns in .gitignore syntax (`!` negates).
    #[serde(default)]
    pub exclude: ExcludeConfig,
    /// Bibliography files every brief cites from (BibTeX/BibLaTeX `.bib`,
    /// CSL JSON `.json`, CSL YAML `.yaml`), relative to this file; a
    /// brief's front matter `bibliography:` comes first.
    #[serde(default)]
    pub bibliography: Vec<PathBuf>,
    /// Bibliography keys mapped to corpus files (relative to this file), for
    /// entries whose `file` field does not name their document.
    #[serde(default, rename = "bibliography-documents")]
    pub bibliography_documents: BTreeMap<String, PathBuf>,
}

/// The JSON Schema (draft 7) of `brief-lsp.toml`.
pub fn project_file_schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<ProjectFile>()
}

/// `[severity]`: the known codes, each with the levels
/// `CheckConfig::apply_names` reads.
fn severity_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    use brief_core::analysis::Code;
    let level = serde_json::json!({ "enum": ["error", "warning", "info", "information", "hint", "off"] });
    let codes: serde_json::Map<String, serde_json::Value> = Code::ALL
        .iter()
        .map(|code| {
            let mut level = level.clone();
            level["default"] = if code.on_by_default() {
                code.default_severity().as_str()
            } else {
                "off"
            }
            .into();
            (code.as_str().to_string(), level)
        })
        .collect();
    schemars::json_schema!({
        "type": "object",
        "properties": codes,
        "additionalProperties": false,
    })
}

/// Reads `brief-lsp.toml` in `dir`, if there is one.
pub fn read_project_file(dir: &Path) -> anyhow::Result<Option<(PathBuf, ProjectFile)>> {
    let path = dir.join(PROJECT_FILE);
    let text = match crate::read_file::read_config(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => anyhow::bail!("{}: cannot read: {err}", path.display()),
    };
    let mut file: ProjectFile = toml::from_str(&text).map_err(|err| {
        let err = brief_core::text::TomlError::from_toml(&text, &err);
        anyhow::anyhow!("{}:{}: {}", path.display(), err.line, err.message)
    })?;
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    for dir in file
        .corpus
        .iter_mut()
        .chain(&mut file.bibliography)
        .chain(file.bibliography_documents.values_mut())
    {
        *dir = base.join(&*dir);
    }
    Ok(Some((path, file)))
}

/// The corpus an explicit list of folders names, else the project file's,
/// else the embedded seeds.
pub fn choose_corpus(explicit: &[PathBuf], project: Option<&ProjectFile>) -> CorpusSource {
    if !explicit.is_empty() {
        return CorpusSource::Folders(explicit.to_vec());
    }
    match project {
        Some(p) if !p.corpus.is_empty() => CorpusSource::Folders(p.corpus.clone()),
        _ => CorpusSource::Embedded,
    }
}

/// The checks' levels: the project file's, then the editor's over them.
/// Returns what could not be understood too, for the user to see.
pub fn check_config(
    project: Option<&ProjectFile>,
    editor: Option<&EditorSettings>,
) -> (CheckConfig, Vec<String>) {
    let mut config = CheckConfig::default();
    let mut errors = Vec::new();
    let layers = [project.map(|p| &p.severity), editor.map(|e| &e.severity)];
    for levels in layers.into_iter().flatten() {
        errors.extend(config.apply_names(levels.iter().map(|(k, v)| (k.as_str(), v.as_str()))));
    }
    (config, errors)
}

/// The editor's settings, under `briefLsp` or at the top level.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct EditorSettings {
    pub corpus: Vec<PathBuf>,
    /// Show each verified quote's source key after it.
    pub inlay_hints: bool,
    /// Per check, as in `brief-lsp.toml`; these win over the file's.
    pub severity: BTreeMap<String, String>,
    /// As in `brief-lsp.toml`; these patterns come after the file's.
    pub exclude: ExcludeConfig,
}

impl Default for EditorSettings {
    fn default() -> EditorSettings {
        EditorSettings {
            corpus: Vec::new(),
            inlay_hints: true,
            severity: BTreeMap::new(),
            exclude: ExcludeConfig::default(),
        }
    }
}

impl EditorSettings {
    /// Reads settings from an LSP payload: under `briefLsp`, or flat. A
    /// payload with neither (Eglot sends `{}` after connecting, other
    /// clients send other servers' sections) is `None`: not ours, no change.
    /// Unknown keys are ignored so that newer editor extensions keep
    /// working with older servers.
    pub fn from_json(value: &serde_json::Value) -> Result<Option<EditorSettings>, String> {
        const KEYS: &[&str] = &["corpus", "inlayHints", "severity", "exclude"];
        let ours = match value.get("briefLsp").or_else(|| value.get("brief-lsp")) {
            Some(nested) => nested,
            None if KEYS.iter().any(|k| value.get(k).is_some()) => value,
            None => return Ok(None),
        };
        if ours.is_null() {
            return Ok(Some(EditorSettings::default()));
        }
        serde_json::from_value(ours.clone())
            .map(Some)
            .map_err(|err| format!("invalid brief-lsp settings: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_file_paths_are_relative_to_it_and_errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(PROJECT_FILE),
            "corpus = [\"sources\", \"/abs\"]\n",
        )
        .unwrap();
        let (_, file) = read_project_file(dir.path()).unwrap().unwrap();
        assert_eq!(file.corpus, [dir.path().join("sources"), PathBuf::from("/abs")]);
        std::fs::write(dir.path().join(PROJECT_FILE), "# c\ncorpus = [\"a\"\nx = 1\n").unwrap();
        let err = read_project_file(dir.path()).unwrap_err().to_string();
        assert!(err.contains("brief-lsp.toml:3:"), "{err}");
    }

    #[test]
    fn editor_severities_win_over_the_project_file() {
        use brief_core::analysis::{Code, Severity};
        let project: ProjectFile =
            toml::from_str("[severity]\nquote-uncited = \"off\"\ncitation-unknown = \"warning\"\n").unwrap();
        let editor = EditorSettings::from_json(
            &serde_json::json!({"severity": {"citation-unknown": "hint", "nope": "off"}}),
        )
        .unwrap()
        .unwrap();
        let (config, errors) = check_config(Some(&project), Some(&editor));
        assert_eq!(config.level(Code::QuoteUncited), None);
        assert_eq!(config.level(Code::CitationUnknown), Some(Severity::Hint));
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn settings_accept_nested_and_flat_forms() {
        let nested = serde_json::json!({"briefLsp": {"corpus": ["/a"]}});
        let flat = serde_json::json!({"corpus": ["/a"], "future": true});
        let expected = EditorSettings {
            corpus: vec![PathBuf::from("/a")],
            ..EditorSettings::default()
        };
        assert_eq!(
            EditorSettings::from_json(&nested).unwrap(),
            Some(expected.clone())
        );
        assert_eq!(EditorSettings::from_json(&flat).unwrap(), Some(expected));
        assert_eq!(EditorSettings::from_json(&serde_json::json!({})).unwrap(), None);
        assert_eq!(
            EditorSettings::from_json(&serde_json::json!({"ltex": {"language": "en"}})).unwrap(),
            None
        );
        assert_eq!(
            EditorSettings::from_json(&serde_json::json!({"briefLsp": {}})).unwrap(),
            Some(EditorSettings::default())
        );
        assert!(EditorSettings::from_json(&serde_json::json!({"corpus": 3})).is_err());
    }
}
