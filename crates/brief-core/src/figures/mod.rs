//! Figures in prose: the one extractor run on corpus text and on briefs, so
//! that a figure in a brief and the same figure in a source come out alike.
//!
//! [`extract_figures`] reads plain prose (a sentence or a paragraph) in one
//! pass: a tokenizer (`token`) feeds sentences to a small grammar (`extract`,
//! `quantity`, `number`, `unit`, `context`) over closed word lists
//! (`lexicon`). No regex and no backtracking over characters; one token
//! buffer is reused sentence after sentence.
//!
//! Decisions, where English leaves a choice:
//! - Bounds are part of the figure's range. "about", "around", "some",
//!   "roughly", "approximately", "an estimated", "or so" are [`Bound::About`];
//!   "nearly" and "almost" mean just under, so [`Bound::AtMost`] like "under",
//!   "less than", "up to"; "over", "more than", "at least", "exceeded" are
//!   [`Bound::AtLeast`].
//! - Vague multiples are kept as ranges with [`Bound::About`]: "several
//!   hundred" is 300..900, "a few thousand" 2000..5000, "hundreds of" 200..1000,
//!   "dozens of" 24..100 (the upper end is the next named scale). Alone,
//!   "several", "many" or "millions" are no figures.
//! - A lone "one" is no figure ("one of", "one issue"); "one percent" is.
//!   Ordinals ("first", "20th", "twenty-first") are no figures. Shares in
//!   words (`share`) are percentages rounded to a whole percent: "a fifth
//!   of" and "by a fifth" are 20%, "two-thirds of" 67%, "half of" 50%, "one
//!   in three" 33%; "a third" alone is an ordinal ("a third term").
//! - A number word made an adjective counts nothing ("a two-track
//!   approach"), unless it joins a measure ("a two-year deal") or an amount;
//!   nor does one counting off an argument's points ("two further costs",
//!   "three main reasons").
//! - A hyphen at the end of a line joins the compound it cuts
//!   ("3.5-⏎billion-yuan").
//! - A count's noun is the head of the words after the number: the first
//!   plural ("some 50 strategic partnerships"), else the last word before a
//!   function word or a mark ("30 aircraft."); adverbs, participles and
//!   superlatives are skipped, and so is "more" before a plural ("three
//!   million more lives"); "20 of the stations" counts stations. Without one
//!   the number is [`FigureKind::Plain`].
//! - "dollars" and "$" are USD unless a prefix or a nationality says
//!   otherwise ("C$", "HK$", "Australian dollars"); "pounds" are GBP.
//! - A four-digit integer from 1000 to 2100 is a [`FigureKind::Year`] unless a
//!   unit, a currency or a bound other than "about"/"around" makes it an amount,
//!   or it is a round hundred before a plural noun ("2000 troops"). "1990s" is
//!   1990..1999; "1995–96", "2002/03" and "from 2014 to 2019" are year ranges.
//! - A [`FigureKind::Date`]'s value is `yyyymmdd` with zeros for what is not
//!   written: "June 2019" is 20190600, "25 October" is 1025.
//! - `year` of other figures is the nearest year or date of the same clause,
//!   else of the sentence (earlier first); a range lends its last year, a
//!   decade its first; "the following year" after the figure adds one, "the
//!   previous year" takes one off. Years in parentheses lend none: they are author-year
//!   citations such as "(Lukin 2018)", still reported as years. A later year
//!   lends none to a figure before it when it belongs to a figure after it:
//!   one compared with the first ("400m euros, compared with 984m euros in
//!   2003", the year after the word of comparison) or led in by a
//!   conjunction ("4.7% and in 2002/03 by 8.6%").
//! - "from X to Y" after a change verb is [`Change::FromTo`] (value X, upper
//!   Y); without one it is a plain range. In "rose 15% to $415.9 million" the
//!   second amount is a level, not the end of a range.
//! - Not figures: digits in names ("G20", "Vostok-2018", "S-400", "5G"),
//!   labels after locators ("Article 5", "p. 374", "Paper 140", "No. 5"),
//!   footnote markers ("policy.12", "[1]", superscripts), URLs, fractions and
//!   identifiers ("1/4", "20-511-93005"), "2 + 2", and a "1." list marker
//!   opening the text.

mod context;
mod extract;
mod index;
mod lexicon;
mod measure;
mod number;
mod quantity;
mod reach;
mod share;
mod token;
mod unit;
mod verdict;

#[cfg(test)]
mod outside_tests;
#[cfg(test)]
mod tests;

use crate::text::sentences::sentence_ranges;
use crate::text::TextRange;
use extract::{sentence_figures, SentenceFigure};
pub use index::{stretch_anchors, Context, CorpusFigure, DocFigures, FigureIndex, FiguresOf, UnitClass};
use lexicon::CONJUNCTION;
pub use reach::{ranges_inside, tail_within_reach, within_reach};
use token::{FigureToken, Kind, Sent, Tokenizer};
pub use verdict::{check_figure, Cited, FigureCheck, FigureVerdict};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FigureKind {
    /// ISO 4217 code: "USD", "EUR", "CNY", "RUB", "GBP", "JPY", …
    Currency {
        code: String,
    },
    Percent,
    PercentagePoints,
    /// A number of things: the head noun as written, lower-cased ("troops",
    /// "aircraft", "partnerships", "chinese").
    Count {
        noun: String,
    },
    /// "tripled", "doubled", "fourfold", "eight times larger".
    Multiplier,
    Year,
    Date,
    /// A bare number with no unit or noun.
    Plain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Bound {
    Exact,
    About,
    AtLeast,
    AtMost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Change {
    Rise,
    Fall,
    /// From `value` to `upper`.
    FromTo,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// The whole figure phrase: "exceeded $100 billion", "US$107bn", "15 per cent".
    pub range: TextRange,
    /// Normalized: "$107 billion" is 1.07e11, "15%" is 15, "tripled" is 3.
    pub value: f64,
    /// The end of a range ("from 2.8 to 14.2%", "1995–96", "several hundred").
    pub upper: Option<f64>,
    pub kind: FigureKind,
    pub bound: Bound,
    pub change: Option<Change>,
    /// A year written in the same sentence, for figures that are not years.
    pub year: Option<i32>,
}

/// A sentence without an end this long is cut, so memory stays bounded on
/// text that has no sentences (tables, junk).
const MAX_SENTENCE_TOKENS: usize = 2048;

/// All figures of `text`, in text order. Sentences are those of
/// [`sentence_ranges`], the one splitter of corpus and briefs, so that a
/// figure's year comes from the same sentence on both sides.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    let mut sentence: Vec<FigureToken> = Vec::with_capacity(64);
    let mut found = Vec::new();
    let mut text_start = true;
    let starts: Vec<usize> = sentence_ranges(text).iter().skip(1).map(|r| r.start).collect();
    let mut next_start = starts.iter().copied().peekable();
    for token in Tokenizer::new(text) {
        let mut cut = token.para_before || sentence.len() >= MAX_SENTENCE_TOKENS;
        while next_start.next_if(|&s| s <= token.start).is_some() {
            cut = true;
        }
        if cut && !sentence.is_empty() {
            flush(text, &sentence, text_start, &mut found, &mut figures);
            sentence.clear();
            text_start = false;
        }
        sentence.push(token);
    }
    flush(text, &sentence, text_start, &mut found, &mut figures);
    figures
}

fn flush(
    text: &str,
    toks: &[FigureToken],
    text_start: bool,
    found: &mut Vec<SentenceFigure>,
    figures: &mut Vec<Figure>,
) {
    found.clear();
    sentence_figures(&Sent { text, toks }, text_start, found);
    assign_years(&Sent { text, toks }, found);
    figures.extend(found.drain(..).map(|f| Figure {
        range: TextRange::new(toks[f.start].start, toks[f.end - 1].end),
        value: f.value,
        upper: f.upper,
        kind: f.kind,
        bound: f.bound,
        change: f.change,
        year: f.year,
    }));
}

/// Gives each figure that is no year or date the nearest year of its clause
/// (between commas, semicolons, colons, parentheses and dashes), else the
/// nearest one before it in the sentence, else the nearest after it: "In 2018, … reaching
/// $107 billion", "mentioned 24 times [2019], up from two in the 2015 edition".
fn assign_years(s: &Sent, found: &mut [SentenceFigure]) {
    let toks = s.toks;
    if found.len() < 2 {
        return;
    }
    let mut clause = Vec::with_capacity(toks.len());
    let mut n = 0;
    for t in toks {
        n += usize::from(matches!(t.kind, Kind::Punct(',' | ';' | ':' | '(' | ')' | '—')));
        clause.push(n);
    }
    // "net profits of 400m euros, compared with a loss of 984m euros in
    // 2003": a year after the figure, in a clause that compares another
    // figure with it, is that figure's, if it follows the word of
    // comparison ("in the last three months of 2004 compared with 1.41bn
    // rupees a year earlier" dates the figures before it). Each such clause,
    // by its number, with the token of its comparison word.
    let compared: Vec<(usize, usize)> = found
        .iter()
        .filter(|g| !matches!(g.kind, FigureKind::Year | FigureKind::Date))
        .filter_map(|g| {
            (0..g.start)
                .rev()
                .take_while(|&k| clause[k] == clause[g.start])
                .find(|&k| COMPARISON.iter().any(|w| s.is(k, w)))
                .map(|k| (clause[g.start], k))
        })
        .collect();
    let anchors: Vec<(usize, usize, i32)> = found
        .iter()
        .filter_map(|f| f.anchor.map(|y| (f.start, f.end, y)))
        .collect();
    // "rose by 4.7% and in 2002/03 by 8.6%": a year that a conjunction
    // leads into, before a figure of its clause, is that figure's.
    let leading: Vec<usize> = anchors
        .iter()
        .filter(|&&(start, end, _)| {
            let led = (start.saturating_sub(2)..start).any(|k| CONJUNCTION.iter().any(|w| s.is(k, w)));
            led && found.iter().any(|g| {
                g.start >= end
                    && clause[g.start] == clause[start]
                    && !matches!(g.kind, FigureKind::Year | FigureKind::Date)
            })
        })
        .map(|&(start, _, _)| start)
        .collect();
    for f in found
        .iter_mut()
        .filter(|f| !matches!(f.kind, FigureKind::Year | FigureKind::Date))
    {
        // In its clause the nearest; outside it, earlier ones first.
        let rank = |&&(start, end, _): &&(usize, usize, i32)| {
            let after = end > f.start;
            let distance = if after {
                start.saturating_sub(f.end)
            } else {
                f.start - end
            };
            let other_clause = clause[start] != clause[f.start];
            (other_clause, other_clause && after, distance, after)
        };
        f.year = anchors
            .iter()
            .filter(|&&(start, end, _)| {
                let compares = compared
                    .iter()
                    .any(|&(c, word)| c == clause[start] && start > word);
                let another_figures =
                    (clause[start] != clause[f.start] && compares) || leading.contains(&start);
                !(end > f.start && another_figures)
            })
            .min_by_key(rank)
            .map(|&(_, _, y)| y + relative_year(s, f.end));
    }
}

/// Words that set a figure against another: "compared with", "up from".
const COMPARISON: &[&str] = &["compared", "against", "from", "than", "versus", "vs"];

/// "a 331bn yen profit the following year": a year said relative to the
/// one the sentence names, within a few words after the figure and before a
/// mark that ends the clause.
fn relative_year(s: &Sent, end: usize) -> i32 {
    (end..(end + 8).min(s.len()))
        .take_while(|&k| !matches!(s.punct(k), Some(',' | ';' | ':' | '.')))
        .find_map(|k| {
            if !(s.is(k, "the") && s.is(k + 2, "year")) {
                return None;
            }
            match s.lower(k + 1)?.as_str() {
                "following" | "next" => Some(1),
                "previous" | "preceding" => Some(-1),
                _ => None,
            }
        })
        .unwrap_or(0)
}
