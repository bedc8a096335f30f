//! The one escaping policy for text shown inside rendered Markdown (hovers,
//! completion documentation, rendered references): every character of
//! Markdown's inline syntax is backslash-escaped, so that text taken from a
//! source or a brief shows as written and adds no markup.

/// `text` with Markdown's inline punctuation escaped.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn escaped_text_keeps_every_character_and_adds_no_markup() {
        let text = "a *b* _c_ `d` [e](f) <g> #h \\i";
        let escaped = escape_markdown(text);
        let unescaped: String = {
            let mut out = String::new();
            let mut chars = escaped.chars();
            while let Some(c) = chars.next() {
                out.push(if c == '\\' { chars.next().unwrap() } else { c });
            }
            out
        };
        assert_eq!(unescaped, text);
        assert!(!escaped.contains("**") && !escaped.contains("\\\\\\"));
    }
}
