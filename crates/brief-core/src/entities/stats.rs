//! How often each word is written in lower case, and how often capitalized
//! inside a sentence, over the whole corpus: a capitalized word seen mostly
//! in lower case ("Economic", "Arms") is a common word, not a name.

use rayon::prelude::*;
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
}

/// What name extraction asks of the corpus's case counts: whether a
/// capitalized word is seen in lower case at least as often as capitalized
/// inside sentences, and whether it is ever written in lower case.
pub(super) trait CommonWords {
    fn is_common(&self, word: &str) -> bool;
    /// A word never written in lower case is only a name ("Murray"); one
    /// that is ("United", "rangers") may be a word of a club's name.
    fn is_written_lower(&self, word: &str) -> bool;
    /// The answer to `question` about `word`.
    fn answer(&self, question: Question, word: &str) -> bool {
        match question {
            Question::Common => self.is_common(word),
            Question::WrittenLower => self.is_written_lower(word),
        }
    }
}

/// The questions of [`CommonWords`], recorded with their answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub(super) enum Question {
    Common,
    WrittenLower,
}

fn common(n_lower: Option<&u32>, n_capital: Option<&u32>) -> bool {
    let n_lower = n_lower.copied().unwrap_or(0);
    n_lower > 0 && n_lower >= n_capital.copied().unwrap_or(0)
}

impl CommonWords for CaseStats<'_> {
    fn is_common(&self, word: &str) -> bool {
        common(
            self.lower.get(word.to_lowercase().as_str()),
            self.capital.get(word),
        )
    }

    fn is_written_lower(&self, word: &str) -> bool {
        self.lower.contains_key(word.to_lowercase().as_str())
    }
}

/// The counts of [`CaseStats`], owned, so that a live corpus keeps them
/// between updates and takes a document out as easily as it puts one in.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct CaseCounts {
    #[serde(with = "crate::shared::sorted_counts")]
    lower: FxHashMap<Box<str>, u32>,
    #[serde(with = "crate::shared::sorted_counts")]
    capital: FxHashMap<Box<str>, u32>,
}

impl CaseCounts {
    /// Adds (`sign` 1) or takes out (`sign` -1) the counts of `documents`.
    pub fn apply(&mut self, documents: &[&Document], sign: i64) {
        let stats = documents
            .par_iter()
            .map(|d| CaseStats::count(d))
            .reduce(CaseStats::default, CaseStats::merge);
        for (mine, theirs) in [(&mut self.lower, stats.lower), (&mut self.capital, stats.capital)] {
            for (word, n) in theirs {
                let count = mine.entry(word.into()).or_default();
                *count = (i64::from(*count) + sign * i64::from(n)).max(0) as u32;
                if *count == 0 {
                    mine.remove(word);
                }
            }
        }
    }
}

impl CommonWords for CaseCounts {
    fn is_common(&self, word: &str) -> bool {
        common(
            self.lower.get(word.to_lowercase().as_str()),
            self.capital.get(word),
        )
    }

    fn is_written_lower(&self, word: &str) -> bool {
        self.lower.contains_key(word.to_lowercase().as_str())
    }
}

/// Counts that remember what was asked of them and the answers: a
/// document's names change only if one of those answers does.
pub(super) struct Asking<'s> {
    pub counts: &'s dyn CommonWords,
    pub asked: std::cell::RefCell<Vec<(Question, Box<str>, bool)>>,
}

impl Asking<'_> {
    fn ask(&self, question: Question, word: &str) -> bool {
        let answer = self.counts.answer(question, word);
        self.asked.borrow_mut().push((question, word.into(), answer));
        answer
    }
}

impl CommonWords for Asking<'_> {
    fn is_common(&self, word: &str) -> bool {
        self.ask(Question::Common, word)
    }

    fn is_written_lower(&self, word: &str) -> bool {
        self.ask(Question::WrittenLower, word)
    }
}

/// The sentences of a document's prose and list items: the text names are
/// taken from. Headings, metadata and reference lists are left out, and so
/// are list items without a lowercase word: navigation ("• Government
/// Resources", "• Annual Reports"). A fixture, whatever its block, is
/// running text: "Everton v Manchester United" names two sides.
pub(super) fn running_text(doc: &Document) -> impl Iterator<Item = crate::text::TextRange> + '_ {
    doc.paragraphs
        .iter()
        .filter(|p| match p.kind {
            _ if is_fixture(doc.text(p.range)) => true,
            BlockKind::Prose => true,
            BlockKind::ListItem => doc
                .text(p.range)
                .split(' ')
                .any(|w| w.starts_with(char::is_lowercase)),
            _ => false,
        })
        .flat_map(|p| doc.sentences[p.sentences.clone()].iter().copied())
}

/// A line of matches: capitalized names with "v" between them, and no other
/// lowercase word than "or" ("West Brom or Tottenham v Nottingham Forest").
fn is_fixture(line: &str) -> bool {
    let words = || line.split(' ').filter(|w| w.starts_with(char::is_lowercase));
    words().any(|w| matches!(w, "v" | "vs")) && words().all(|w| matches!(w, "v" | "vs" | "or"))
}
