//! The core's modules form layers, each importing only from those below it:
//! `text` and `shared` < `corpus` < the indexes (`quotes`, `figures`, `entities`, which
//! do not import each other) < `snapshot` < `brief` < `analysis`. This test
//! reads every `crate::` path in the sources and fails on one against that
//! order, so that a cycle cannot creep back in. Test-only files (`tests.rs`,
//! `*_tests.rs`, `test_support.rs`) may reach any layer.

use std::path::{Path, PathBuf};

/// Each top-level module with its layer; modules of one layer may not
/// import each other.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("shared", 0),
    ("corpus", 1),
    ("quotes", 2),
    ("figures", 2),
    ("entities", 2),
    ("bibliography", 2),
    ("snapshot", 3),
    ("brief", 4),
    ("analysis", 5),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a source text names through `crate::`, including
/// grouped imports such as `use crate::{text::TextRange, corpus::DocId}`.
fn imported_modules(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push(name);
            }
        } else {
            found.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    found
}

#[test]
fn core_modules_import_only_from_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut violations = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let name = rel.file_name().unwrap().to_string_lossy();
        if name == "tests.rs" || name.ends_with("_tests.rs") || name == "test_support.rs" || name == "lib.rs"
        {
            continue;
        }
        let own = rel.components().next().unwrap().as_os_str().to_string_lossy();
        let own = own.trim_end_matches(".rs");
        let own_layer =
            layer(own).unwrap_or_else(|| panic!("{} is in no layer; add it to LAYERS", rel.display()));
        let text = std::fs::read_to_string(file).unwrap();
        for module in imported_modules(&text) {
            if module == own || module.is_empty() || module == "test_support" {
                continue;
            }
            match layer(&module) {
                Some(l) if l < own_layer => {}
                _ => violations.push(format!("{} ({own}) imports crate::{module}", rel.display())),
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports against the layer order:\n{}",
        violations.join("\n")
    );
}

#[test]
fn grouped_imports_are_read() {
    assert_eq!(
        imported_modules("use crate::{text::TextRange, corpus::DocId};\nuse crate::brief::Brief;"),
        ["text", "corpus", "brief"]
    );
}
