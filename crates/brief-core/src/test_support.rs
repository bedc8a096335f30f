//! Corpora for tests: the real seeds, and small ones written inline.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::corpus::{CorpusFolder, SourceFile};
use crate::snapshot::Snapshot;

pub(crate) fn seed_corpus() -> &'static Snapshot {
    static CORPUS: OnceLock<Snapshot> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
        let mut files: Vec<SourceFile> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|path| SourceFile {
                rel_path: path.file_name().unwrap().to_string_lossy().into_owned(),
                bytes: std::fs::read(&path).unwrap(),
                extracted: None,
                path,
            })
            .collect();
        files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
        let manifest = std::fs::read_to_string(dir.join("corpus.toml")).unwrap();
        Snapshot::build(vec![CorpusFolder {
            manifest: Some((dir.join("corpus.toml"), manifest)),
            entities: None,
            root: dir,
            files,
        }])
    })
}

/// A corpus of inline documents, named by their keys.
pub(crate) fn corpus_of(docs: &[(&str, &str)]) -> Snapshot {
    let files = docs
        .iter()
        .map(|(key, text)| SourceFile {
            path: PathBuf::from(format!("/c/{key}.txt")),
            rel_path: format!("{key}.txt"),
            bytes: text.as_bytes().to_vec(),
            extracted: None,
        })
        .collect();
    Snapshot::build(vec![CorpusFolder {
        root: PathBuf::from("/c"),
        manifest: None,
        entities: None,
        files,
    }])
}
