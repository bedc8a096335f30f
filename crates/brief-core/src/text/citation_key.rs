//! The syntax of a Pandoc citation key, which the brief's citations and a
//! manifest's keys share.

/// Punctuation a key may contain, but only when a key character follows,
/// so that the `.` of "as @smith2004." ends the sentence, not the key.
pub const INTERNAL: &str = ":.#$%&-+?<>~/";

/// A character an author's name or a word is made of: an `@` after one is
/// an email address, not a citation.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A character that may stand in a key that is still being typed.
pub fn is_key_char(c: char) -> bool {
    is_word(c) || INTERNAL.contains(c)
}

/// Whether `key` can be written as a bare `@key` (what a manifest may use).
pub fn is_valid_citation_key(key: &str) -> bool {
    !key.is_empty() && simple_key_len(key) == key.len()
}

/// pandoc's `simpleCiteIdentifier`, including its exception that lets URL
/// keys like `@https://doi.org/x` keep their `://`.
pub fn simple_key_len(s: &str) -> usize {
    let mut chars = s.char_indices().peekable();
    let mut len = match chars.next() {
        Some((_, c)) if is_word(c) => c.len_utf8(),
        _ => return 0,
    };
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let internal = INTERNAL.contains(c) && next.is_some_and(is_word);
        if !(is_word(c) || internal || (matches!(c, ':' | '/') && next == Some('/'))) {
            break;
        }
        len = i + c.len_utf8();
    }
    len
}
