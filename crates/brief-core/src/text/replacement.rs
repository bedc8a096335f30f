//! The normalization table: what a character becomes in the normalized view
//! of a source (quotes, dashes, ligatures, invisible characters), shared by
//! corpus normalization and quote skeletons.

/// What a character becomes in the normalized view; `None` keeps it.
pub fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '‘' | '’' | '‚' | '‛' | '′' => "'",
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃' => "-",
        '…' => "...",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬀ' => "ff",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => "",
        _ => return None,
    })
}
