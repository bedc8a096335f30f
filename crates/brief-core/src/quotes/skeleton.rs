//! The skeleton of a text: its letters and digits, lower-cased, nothing else.
//!
//! Comparing skeletons makes quote marks, dashes and the spaces around them,
//! case, whitespace, line-break hyphens ("charac-\nterized" or
//! "Sino-\nRussian", whichever reading normalization chose) and spaced-out
//! URLs irrelevant at once, as passim does for text reuse in noisy OCR.

use crate::text::replacement;

/// Appends the skeleton of `c` to `out`.
pub fn push_skeleton(c: char, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    } else if let Some(rep) = replacement(c) {
        // Ligatures spell out to letters; other replacements are punctuation.
        out.extend(rep.chars().filter(|c| c.is_alphanumeric()));
    } else if c.is_alphanumeric() {
        out.extend(c.to_lowercase());
    }
}

pub fn skeleton(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_skeleton(c, &mut out);
    }
    out
}

/// A document's skeleton with sparse anchors back to the normalized text.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct DocSkeleton {
    /// `(skeleton offset, normalized offset)` at a character start every
    /// [`ANCHOR_EVERY`] skeleton bytes or so; mapping walks from the nearest.
    anchors: Vec<(u32, u32)>,
}

const ANCHOR_EVERY: usize = 64;

impl DocSkeleton {
    /// Appends the skeleton of `normalized` to `out` (a corpus-wide string
    /// starting this document at `out.len()`).
    pub fn build(normalized: &str, out: &mut String) -> DocSkeleton {
        let base = out.len();
        let mut anchors = vec![(0, 0)];
        let mut last_anchor = 0;
        for (i, c) in normalized.char_indices() {
            let at = out.len() - base;
            if at - last_anchor >= ANCHOR_EVERY {
                anchors.push((at as u32, i as u32));
                last_anchor = at;
            }
            push_skeleton(c, out);
        }
        DocSkeleton { anchors }
    }

    /// The normalized range whose skeleton is `start..end` (document-relative
    /// skeleton offsets): from the character that produced byte `start` to
    /// the end of the one that produced byte `end - 1`.
    pub fn to_normalized(&self, normalized: &str, start: usize, end: usize) -> (usize, usize) {
        let norm_start = self.walk(normalized, start, false);
        let norm_end = if end > start {
            self.walk(normalized, end - 1, true)
        } else {
            norm_start
        };
        (norm_start, norm_end)
    }

    /// The normalized offset of the character producing skeleton byte
    /// `target`; with `after`, the offset just past that character.
    fn walk(&self, normalized: &str, target: usize, after: bool) -> usize {
        let idx = self
            .anchors
            .partition_point(|&(s, _)| s as usize <= target)
            .saturating_sub(1);
        let (mut skel, norm) = (self.anchors[idx].0 as usize, self.anchors[idx].1 as usize);
        let mut buf = String::new();
        for (i, c) in normalized[norm..].char_indices() {
            let width = if c.is_ascii() {
                usize::from(c.is_ascii_alphanumeric())
            } else {
                buf.clear();
                push_skeleton(c, &mut buf);
                buf.len()
            };
            if skel + width > target {
                return norm + i + if after { c.len_utf8() } else { 0 };
            }
            skel += width;
        }
        normalized.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeleton_keeps_letters_and_digits_only() {
        assert_eq!(
            skeleton("The Russia–China “entente” — charac-terized, ﬁne 1995–96!"),
            "therussiachinaententecharacterizedfine199596"
        );
        assert_eq!(skeleton("Été ÉTÉ"), "étéété");
    }

    #[test]
    fn skeleton_offsets_map_back_to_whole_characters() {
        let normalized = "x ".repeat(300) + "Beijing's 'pivot' - é!";
        let mut out = String::new();
        let doc = DocSkeleton::build(&normalized, &mut out);
        let start = out.find("pivot").unwrap();
        let (s, e) = doc.to_normalized(&normalized, start, start + 5);
        assert_eq!(&normalized[s..e], "pivot");
        let start = out.find("beijings").unwrap();
        let (s, e) = doc.to_normalized(&normalized, start, out.len());
        assert_eq!(&normalized[s..e], "Beijing's 'pivot' - é");
    }
}
