//! Every protocol handler is glue: from_proto, one core call, to_proto. This
//! reads `src/lsp/handlers.rs` and fails on a handler that grew product
//! logic (more than a dozen lines, signature and closing brace included).

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
