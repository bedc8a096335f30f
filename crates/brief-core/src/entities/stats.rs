//! How often each word is written in lower case, and how often capitalized
//! inside a sentence, over the whole corpus: a capitalized word seen mostly
//! in lower case ("Economic", "Arms") is a common word, not a name.

use rustc_hash::FxHashMap;

use super::tokens::{tokenize, Shape};
use crate::corpus::{BlockKind, Document};

#[derive(Debug, Default)]
pub(super) struct CaseStats<'a> {
    lower: FxHashMap<&'a str, u32>,
    capital: FxHashMap<&'a str, u32>,
}

impl<'a> CaseStats<'a> {
    /// Counts the words of a document's prose and list items.
    pub fn count(doc: &'a Document) -> CaseStats<'a> {
        let mut stats = CaseStats::default();
        for sentence in running_text(doc) {
            for token in tokenize(doc.text(sentence), sentence.start) {
                let word = doc.text(token.range);
                match token.shape {
                    Shape::Lower => *stats.lower.entry(word).or_default() += 1,
                    Shape::Cap if !token.initial => *stats.capital.entry(word).or_default() += 1,
                    _ => {}
                }
            }
        }
        stats
    }

    /// Adds two counts, the smaller into the larger.
    pub fn merge(self, other: CaseStats<'a>) -> CaseStats<'a> {
        let (mut big, small) = if self.lower.len() >= other.lower.len() {
            (self, other)
        } else {
            (other, self)
        };
        for (word, n) in small.lower {
            *big.lower.entry(word).or_default() += n;
        }
        for (word, n) in small.capital {
            *big.capital.entry(word).or_default() += n;
        }
        big
    }

    /// Whether a capitalized word is seen in lower case at least as often as
    /// capitalized inside sentences.
    pub fn is_common(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let n_lower = self.lower.get(lower.as_str()).copied().unwrap_or(0);
        n_lower > 0 && n_lower >= self.capital.get(word).copied().unwrap_or(0)
    }
}

/// The sentences of a document's prose and list items: the text names are
/// taken from. Headings, metadata and reference lists are left out, and so
/// are list items without a lowercase word: navigation ("• Government
/// Resources", "• Annual Reports").
pub(super) fn running_text(doc: &Document) -> impl Iterator<Item = crate::text::TextRange> + '_ {
    doc.paragraphs
        .iter()
        .filter(|p| match p.kind {
            BlockKind::Prose => true,
            BlockKind::ListItem => doc
                .text(p.range)
                .split(' ')
                .any(|w| w.starts_with(char::is_lowercase)),
            _ => false,
        })
        .flat_map(|p| doc.sentences[p.sentences.clone()].iter().copied())
}
