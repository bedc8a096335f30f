//! One pass over the text into words, numbers and single marks, each knowing
//! whether whitespace came before it: the figure grammar needs "glued" far
//! more often than it needs characters ("G20", "US$107bn", "S-400", "9.7%").
//! URLs become one opaque token so that nothing inside them is a figure.

use super::lexicon::{currency_symbol, Lower};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    /// Letters, with inner apostrophes ("Russia's").
    Word,
    Num(Num),
    /// Any other single character ('$', '%', '-', '–', '(', '.').
    Punct(char),
    /// A URL, or digits too long to be a quantity (an identifier).
    Opaque,
}

/// Digits as written: `mant / 10^frac`, kept exact so that "1.07" with
/// "billion" becomes exactly 1.07e11.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Num {
    pub mant: u64,
    pub frac: u8,
    pub int_digits: u8,
    /// Thousands separators ("3,200"): never a year.
    pub grouped: bool,
}

impl Num {
    pub fn is_int(self) -> bool {
        self.frac == 0
    }

    /// Four digits from 1000 to 2100, written without a separator: may be a year.
    pub fn year(self) -> Option<i32> {
        let v = self.mant;
        (self.is_int() && self.int_digits == 4 && !self.grouped && (1000..=2100).contains(&v))
            .then_some(v as i32)
    }

    /// The value times `10^pow`, computed on the exact decimal.
    pub fn scaled(self, pow: i32) -> f64 {
        let exp = pow - i32::from(self.frac);
        let m = self.mant as f64;
        if exp >= 0 {
            m * 10f64.powi(exp)
        } else {
            m / 10f64.powi(-exp)
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct FigureToken {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the start of the text) right before it.
    pub space_before: bool,
    /// A blank line right before it: always a new sentence.
    pub para_before: bool,
}

/// More digits than this are an identifier, not a quantity (and would not fit
/// the exact mantissa).
const MAX_DIGITS: u32 = 18;

pub(super) struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    pub fn new(text: &'a str) -> Self {
        Tokenizer { text, pos: 0 }
    }

    fn byte(&self, at: usize) -> u8 {
        self.text.as_bytes().get(at).copied().unwrap_or(0)
    }

    fn char_at(&self, at: usize) -> Option<char> {
        let b = *self.text.as_bytes().get(at)?;
        if b.is_ascii() {
            return Some(char::from(b));
        }
        self.text.get(at..).and_then(|s| s.chars().next())
    }

    /// Skips whitespace; returns (any skipped, a blank line skipped).
    fn skip_space(&mut self) -> (bool, bool) {
        let start = self.pos;
        let mut newlines = 0;
        while let Some(c) = self.char_at(self.pos) {
            if !c.is_whitespace() {
                break;
            }
            newlines += usize::from(c == '\n');
            self.pos += c.len_utf8();
        }
        (self.pos > start || start == 0, newlines >= 2)
    }

    fn number(&mut self, start: usize) -> Kind {
        let (mut mant, mut frac, mut int_digits, mut digits) = (0u64, 0u8, 0u8, 0u32);
        let mut grouped = false;
        let mut in_frac = false;
        let mut i = start;
        loop {
            let b = self.byte(i);
            if b.is_ascii_digit() {
                digits += 1;
                if digits <= MAX_DIGITS {
                    mant = mant * 10 + u64::from(b - b'0');
                    if in_frac {
                        frac += 1;
                    } else {
                        int_digits += 1;
                    }
                }
                i += 1;
            } else if b == b',' && !in_frac && digits > 0 && self.group_follows(i + 1) {
                grouped = true;
                i += 1;
            } else if b == b'.' && !in_frac && self.byte(i + 1).is_ascii_digit() {
                in_frac = true;
                i += 1;
            } else {
                break;
            }
        }
        self.pos = i;
        if digits > MAX_DIGITS {
            return Kind::Opaque;
        }
        Kind::Num(Num {
            mant,
            frac,
            int_digits,
            grouped,
        })
    }

    /// Exactly three digits after a thousands comma ("3,200" but not "1,23" or "2019,2020").
    fn group_follows(&self, at: usize) -> bool {
        (0..3).all(|k| self.byte(at + k).is_ascii_digit()) && !self.byte(at + 3).is_ascii_digit()
    }

    fn word(&mut self, start: usize) -> Kind {
        let mut i = start;
        while let Some(c) = self.char_at(i) {
            if c.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let inner_apostrophe = (c == '\'' || c == '’')
                && i > start
                && self.char_at(i + c.len_utf8()).is_some_and(char::is_alphabetic);
            if !(c.is_alphabetic() || inner_apostrophe) {
                break;
            }
            i += c.len_utf8();
        }
        let word = &self.text[start..i];
        let rest = &self.text[i..];
        let url = (rest.starts_with("://")
            && ["http", "https", "ftp"]
                .iter()
                .any(|s| word.eq_ignore_ascii_case(s)))
            || (rest.starts_with('.') && word.eq_ignore_ascii_case("www"));
        if url {
            i += rest.find(char::is_whitespace).unwrap_or(rest.len());
            self.pos = i;
            return Kind::Opaque;
        }
        self.pos = i;
        Kind::Word
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = FigureToken;

    fn next(&mut self) -> Option<FigureToken> {
        let space_from = self.pos;
        let (mut space_before, para_before) = self.skip_space();
        let start = self.pos;
        // "3.5-\nbillion-yuan": a compound that a line break cut after its
        // hyphen is still one compound.
        let before = &self.text[..space_from];
        if space_before
            && !para_before
            && self.text[space_from..start].contains('\n')
            && before
                .strip_suffix('-')
                .is_some_and(|b| b.ends_with(|c: char| c.is_alphanumeric()))
        {
            space_before = false;
        }
        let c = self.char_at(start)?;
        let kind = if c.is_ascii_digit() {
            self.number(start)
        } else if c == '.' && space_before && self.byte(start + 1).is_ascii_digit() {
            // ".08": a decimal without its zero (but "policy.12" is a footnote, glued).
            self.number(start)
        } else if c.is_alphabetic() && currency_symbol(c).is_none() {
            // "100元": a currency sign, though CJK counts as letters.
            self.word(start)
        } else {
            self.pos += c.len_utf8();
            Kind::Punct(c)
        };
        Some(FigureToken {
            start,
            end: self.pos,
            kind,
            space_before,
            para_before,
        })
    }
}

/// One sentence's tokens with the accessors the grammar reads them through;
/// out-of-range indices simply answer "no".
pub(super) struct Sent<'a> {
    pub text: &'a str,
    pub toks: &'a [FigureToken],
}

impl Sent<'_> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn str(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The word at `i` as written.
    pub fn word(&self, i: usize) -> Option<&str> {
        matches!(self.toks.get(i)?.kind, Kind::Word).then(|| self.str(i))
    }

    pub fn lower(&self, i: usize) -> Option<Lower> {
        Lower::new(self.word(i)?)
    }

    /// Whether the word at `i` is `w` (given in lower case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    pub fn num(&self, i: usize) -> Option<Num> {
        match self.toks.get(i)?.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// FigureToken `i` exists and touches the one before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// A glued hyphen at `i` joining two tokens ("3.5-billion-yuan", "10-year").
    pub fn hyphen_joins(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '‐')) && self.glued(i) && self.glued(i + 1)
    }

    /// The last index of the run of glued tokens starting at `i`.
    pub fn glued_run_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.glued(j + 1) {
            j += 1;
        }
        j
    }
}
