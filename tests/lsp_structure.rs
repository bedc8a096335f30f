//! The shape of `src/lsp/`: every protocol handler is glue (from_proto, one
//! core call, to_proto), so a handler that grew product logic (more than a
//! dozen lines, signature and closing brace included) fails; and its files
//! import each other without circles.

use std::collections::BTreeMap;

const MAX_LINES: usize = 12;

/// Each handler's name and length in lines: from `    async fn` to the
/// first line that closes it at the same indentation.
fn handler_lengths(source: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize)> = None;
    for (i, line) in source.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("    async fn ") {
            let name = rest.split(['(', '<']).next().unwrap_or(rest).to_string();
            open = Some((name, i));
        } else if line == "    }" {
            if let Some((name, start)) = open.take() {
                out.push((name, i - start + 1));
            }
        }
    }
    out
}

#[test]
fn every_handler_is_at_most_a_dozen_lines() {
    let source = include_str!("../src/lsp/handlers.rs");
    let lengths = handler_lengths(source);
    assert!(lengths.len() >= 15, "handlers not found: {lengths:?}");
    let long: Vec<_> = lengths.iter().filter(|(_, n)| *n > MAX_LINES).collect();
    assert!(
        long.is_empty(),
        "handlers longer than {MAX_LINES} lines: {long:?}"
    );
}

#[test]
fn a_long_handler_is_measured_as_long() {
    let body = "        step();\n".repeat(20);
    let source =
        format!("    async fn hover(&self) {{\n{body}    }}\n    async fn shutdown(&self) {{\n    }}\n");
    assert_eq!(
        handler_lengths(&source),
        [("hover".to_string(), 22), ("shutdown".to_string(), 2)]
    );
}

/// Each file of `src/lsp/` (by module name) and the sibling modules it
/// names through `super::`.
fn sibling_imports(dir: &std::path::Path) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        if module == "mod" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut names: Vec<String> = text
            .match_indices("super::")
            .map(|(i, _)| {
                let rest = &text[i + "super::".len()..];
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()
            })
            .filter(|name: &String| !name.is_empty() && name != &module)
            .collect();
        names.sort();
        names.dedup();
        out.insert(module, names);
    }
    out
}

/// A circle of imports, if there is one.
fn circle(edges: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        edges: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            return Some(path[at..].to_vec());
        }
        if done.iter().any(|m| m == module) {
            return None;
        }
        path.push(module.to_string());
        for next in edges.get(module).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.push(module.to_string());
        None
    }
    let mut done = Vec::new();
    edges
        .keys()
        .find_map(|m| visit(m, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_files_of_lsp_import_each_other_without_circles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lsp");
    let edges = sibling_imports(&dir);
    assert!(edges["handlers"].contains(&"server".to_string()), "{edges:?}");
    assert_eq!(circle(&edges), None, "{edges:?}");
}

#[test]
fn a_circle_of_imports_is_found() {
    let edges: BTreeMap<String, Vec<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(m, to)| (m.to_string(), to.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(circle(&edges), Some(vec!["a".into(), "b".into(), "c".into()]));
}
