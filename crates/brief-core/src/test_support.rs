//! Corpora for tests: the real seeds, and small ones written inline, alone
//! or in a fixture text beside the brief.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::corpus::{CorpusFolder, SourceFile};
use crate::snapshot::Snapshot;

pub(crate) fn seed_corpus() -> &'static Snapshot {
    static CORPUS: OnceLock<Snapshot> = OnceLock::new();
    CORPUS.get_or_init(|| Snapshot::build(vec![seed_folder()]))
}

/// The seeds' folder: its files in name order and its manifest.
pub(crate) fn seed_folder() -> CorpusFolder {
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
    CorpusFolder {
        manifest: Some((dir.join("corpus.toml"), manifest)),
        entities: None,
        root: dir,
        files,
    }
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

/// The corpus a test runs against: the seeds, or one of its own.
pub(crate) enum TestCorpus {
    Seeds,
    Inline(Box<Snapshot>),
}

impl TestCorpus {
    pub(crate) fn get(&self) -> &Snapshot {
        match self {
            TestCorpus::Seeds => seed_corpus(),
            TestCorpus::Inline(corpus) => corpus,
        }
    }
}

/// A fixture in the style of rust-analyzer's: files, each after a
/// `//- /path` line. `/sources/*` make the corpus (`/sources/corpus.toml`
/// its manifest), and `/brief.md` is the brief. A text without `//-` lines
/// is a brief alone, checked against the seeds.
pub(crate) fn parse_fixture(fixture: &str) -> (TestCorpus, String) {
    if !fixture.trim_start().starts_with("//- ") {
        return (TestCorpus::Seeds, fixture.to_string());
    }
    let mut files: Vec<(String, String)> = Vec::new();
    for line in trim_indent(fixture).split_inclusive('\n') {
        match line.strip_prefix("//- ") {
            Some(path) => files.push((path.trim().to_string(), String::new())),
            None => files
                .last_mut()
                .expect("text before the first //- line")
                .1
                .push_str(line),
        }
    }
    let mut brief = None;
    let mut folder = CorpusFolder {
        root: PathBuf::from("/sources"),
        manifest: None,
        entities: None,
        files: Vec::new(),
    };
    for (path, text) in files {
        match path.strip_prefix("/sources/") {
            Some("corpus.toml") => folder.manifest = Some((PathBuf::from(&path), text)),
            Some(rel) => folder.files.push(SourceFile {
                path: PathBuf::from(&path),
                rel_path: rel.to_string(),
                bytes: text.into_bytes(),
                extracted: None,
            }),
            None if path == "/brief.md" => brief = Some(text),
            None => panic!("fixture file {path} is neither /brief.md nor under /sources/"),
        }
    }
    folder.files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    let corpus = TestCorpus::Inline(Box::new(Snapshot::build(vec![folder])));
    (corpus, brief.expect("fixture has no /brief.md"))
}

/// `text` without its first line break and the indentation its lines share,
/// so that a fixture can be indented with the test.
fn trim_indent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    text.split_inclusive('\n')
        .map(|l| l.get(indent..).unwrap_or_else(|| l.trim_start_matches(' ')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{parse_fixture, TestCorpus};

    #[test]
    fn a_fixture_gives_its_corpus_and_brief_and_a_bare_brief_the_seeds() {
        let (corpus, brief) = parse_fixture(
            "
            //- /sources/a.txt
            Alpha text.
              indented line
            //- /brief.md
            See [@a].
            ",
        );
        assert_eq!(brief, "See [@a].\n");
        let doc = corpus.get().documents.first().unwrap();
        assert_eq!(
            (doc.reference.key.as_str(), doc.original.as_str()),
            ("a", "Alpha text.\n  indented line\n")
        );
        assert!(matches!(parse_fixture("See [@lukin2020].").0, TestCorpus::Seeds));
    }
}
