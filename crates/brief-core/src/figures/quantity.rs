//! How an amount is written: digits with a magnitude ("107bn", "3.5 billion",
//! "10 000"), number words ("two and a half"), vague multiples ("several
//! hundred", "dozens of"), and a currency before it ("$", "US$", "CNY").

use super::lexicon::{
    compound_measure, currency_code, currency_symbol, currency_word, dollar_prefix, enumerating, magnitude,
    not_a_unit, ordinal, tens_word, unit_word, vague_multiple, vague_plural,
};
use super::number::word_number;
use super::token::{Kind, Num, Sent};

/// How the quantity was written, which decides what it may become.
#[derive(Clone, Copy)]
pub(super) enum Form {
    /// Digits times `10^pow` ("107bn": pow 9), with what was glued after them.
    Digits {
        num: Num,
        pow: i32,
        suffix: Suffix,
    },
    Words {
        lone_one: bool,
    },
    /// "several hundred", "dozens of": a range and never exact.
    Vague {
        upper: f64,
    },
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Suffix {
    None,
    /// "1990s"
    Decade,
    /// "2019a", as in reference lists
    Cite,
    /// "3x"
    Times,
}

#[derive(Clone, Copy)]
pub(super) struct Qty {
    pub end: usize,
    pub value: f64,
    pub form: Form,
}

impl Qty {
    pub fn year(&self) -> Option<i32> {
        match self.form {
            Form::Digits { num, pow: 0, suffix } if suffix != Suffix::Times => num.year(),
            _ => None,
        }
    }
}

/// A currency before the amount: "$", "US$", "U.S. $", "€", "USD", "RMB".
/// Returns the code, where the quantity starts and where the figure starts.
pub(super) fn money_prefix(s: &Sent, i: usize) -> Option<(Option<&'static str>, usize, usize)> {
    let (mut code, mut start) = match s.toks.get(i)?.kind {
        Kind::Punct(c) => (currency_symbol(c)?, i),
        Kind::Word => (currency_code(s.word(i)?)?, i),
        _ => return None,
    };
    let at = i + 1;
    let starts_amount = s.num(at).is_some()
        || (matches!(s.punct(at), Some('-' | '−')) && s.num(at + 1).is_some())
        || s.lower(at)
            .is_some_and(|w| unit_word(w.as_str()).is_some() || tens_word(w.as_str()).is_some());
    // A code needs a space ("USD 107"); a symbol may have one ("$ 75 million").
    if !starts_amount || (s.word(i).is_some() && s.glued(at)) {
        return None;
    }
    if s.punct(i) == Some('$') && i > 0 {
        if let Some(prefix) = s.word(i - 1).and_then(|w| dollar_prefix(w, s.glued(i))) {
            code = prefix;
            start = i - 1;
            // "U.S. $", "u.s $": the "U." before the "S".
            if s.is(i - 1, "s") && s.punct(i.wrapping_sub(2)) == Some('.') && s.is(i.wrapping_sub(3), "u") {
                start = i - 3;
                code = "USD";
            }
        } else if s.punct(i - 1) == Some('.') && s.is(i.wrapping_sub(2), "s") && s.is(i.wrapping_sub(4), "u")
        {
            start = i - 4;
            code = "USD";
        }
    }
    Some((Some(code), at, start))
}

pub(super) fn quantity(s: &Sent, i: usize, money: bool) -> Option<Qty> {
    // A sign has a space before it ("-15€"), unless after a currency ("$-99.99"); "Vostok-2018" is a name.
    let minus = (matches!(s.punct(i), Some('-' | '−'))
        && (money || !s.glued(i))
        && s.glued(i + 1)
        && s.num(i + 1).is_some())
        || ((s.is(i, "minus") || s.is(i, "negative")) && s.lower(i + 1).is_some());
    let at = if minus { i + 1 } else { i };
    let mut q = match s.toks.get(at)?.kind {
        Kind::Num(num) => digits(s, at, num, money)?,
        Kind::Word => words(s, at)?,
        _ => return None,
    };
    if minus {
        q.value = -q.value;
        if let Form::Words { lone_one } = &mut q.form {
            *lone_one = false; // "minus one"
        }
    }
    Some(q)
}

fn digits(s: &Sent, i: usize, mut num: Num, money: bool) -> Option<Qty> {
    let mut end = i + 1;
    // "10 000": thousands separated by a space, as in SI style.
    if !num.grouped && num.int_digits <= 3 {
        while num.is_int() {
            let Some(group) = s
                .num(end)
                .filter(|g| g.int_digits == 3 && !g.grouped && !s.glued(end))
            else {
                break;
            };
            let Some(mant) = 10u64
                .checked_pow(3 + u32::from(group.frac))
                .and_then(|p| num.mant.checked_mul(p)?.checked_add(group.mant))
            else {
                break;
            };
            num = Num {
                mant,
                frac: group.frac,
                int_digits: num.int_digits + 3,
                grouped: true,
            };
            end += 1;
        }
    }
    let mut pow = 0;
    let mut suffix = Suffix::None;
    if s.glued(end) && s.word(end).is_some() {
        let w = s.lower(end)?;
        let w = w.as_str();
        // "70m euros": a currency named after the amount makes it money too.
        let money = money
            || s.lower(end + 1)
                .is_some_and(|c| currency_word(c.as_str()).is_some());
        suffix = if w.len() == 1 && w != "s" && num.year().is_some() {
            Suffix::Cite // "2019b" in a citation is a year, not 2019 billion.
        } else if let Some(p) = magnitude(w, true, money) {
            pow = p;
            Suffix::None
        } else if w == "s" && num.is_int() && num.mant.is_multiple_of(10) {
            Suffix::Decade
        } else if w == "x" {
            Suffix::Times
        } else {
            return None; // "5G", "20th", "29km"
        };
        end += 1;
    } else {
        let at = if s.hyphen_joins(end) { end + 1 } else { end };
        if at == end + 1 || !s.glued(end) {
            if let Some(p) = s.lower(at).and_then(|w| magnitude(w.as_str(), false, money)) {
                pow = p;
                end = at + 1;
            }
        }
    }
    let mut value = num.scaled(pow);
    if s.is(end, "dozen") || s.is(end, "dozens") {
        value *= 12.0;
        end += 1;
    }
    Some(Qty {
        end,
        value,
        form: Form::Digits { num, pow, suffix },
    })
}

fn words(s: &Sent, i: usize) -> Option<Qty> {
    let w = s.lower(i)?;
    let w = w.as_str();
    let vague_at = if w == "a" && s.is(i + 1, "few") { i + 1 } else { i };
    if let Some((lo, hi)) = s.lower(vague_at).and_then(|v| vague_multiple(v.as_str())) {
        let scale = s.lower(vague_at + 1).and_then(|m| match m.as_str() {
            "dozen" => Some(12.0),
            m => magnitude(m, false, false).map(|p| 10f64.powi(p)),
        })?;
        return Some(Qty {
            end: vague_at + 2,
            value: lo * scale,
            form: Form::Vague { upper: hi * scale },
        });
    }
    if let Some((unit, ceiling)) = vague_plural(w) {
        // "tens of thousands of", "hundreds of millions of"
        if let Some(p) = s
            .lower(i + 2)
            .filter(|_| s.is(i + 1, "of"))
            .and_then(|x| vague_plural(x.as_str()))
            .filter(|_| s.is(i + 3, "of"))
        {
            return Some(Qty {
                end: i + 4,
                value: 2.0 * unit * p.0,
                form: Form::Vague { upper: ceiling * p.0 },
            });
        }
        return s.is(i + 1, "of").then_some(Qty {
            end: i + 2,
            value: 2.0 * unit,
            form: Form::Vague { upper: ceiling },
        });
    }
    let n = word_number(s, i)?;
    // "twenty-first century", "two-way trade", "two thirds": no count of twenty or two.
    let next = if s.hyphen_joins(n.end) { n.end + 1 } else { n.end };
    if s.lower(next)
        .is_some_and(|w| ordinal(w.as_str()) || not_a_unit(w.as_str()))
    {
        return None;
    }
    // "a two-track approach", "a three-stage plan": a number word made an
    // adjective counts nothing, unless it joins a measure ("two-year deal")
    // or an amount ("three-million-dollar").
    let compound_word = s.lower(next).filter(|_| next > n.end);
    if compound_word.is_some_and(|w| {
        let w = w.as_str();
        !compound_measure(w) && magnitude(w, false, false).is_none() && currency_word(w).is_none()
    }) {
        return None;
    }
    // "two further costs", "three main reasons": items of an argument
    // being counted off, not a quantity claimed.
    if n.value <= 10.0 && next == n.end && s.lower(next).is_some_and(|w| enumerating(w.as_str())) {
        return None;
    }
    let mut value = n.value;
    let mut end = n.end;
    let at = if s.hyphen_joins(end) { end + 1 } else { end };
    if let Some(p) = s
        .lower(at)
        .and_then(|w| magnitude(w.as_str(), false, false).filter(|&p| p > 2))
    {
        // A magnitude the word grammar does not take: "three-million-dollar", "ten bn".
        value *= 10f64.powi(p);
        end = at + 1;
    }
    Some(Qty {
        end,
        value,
        form: Form::Words {
            lone_one: n.lone_one && end == n.end,
        },
    })
}
