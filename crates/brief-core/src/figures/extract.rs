//! The figure grammar over one sentence's tokens: where a figure may start,
//! how its amount (`quantity`) and unit (`unit`) combine, ranges, and whether
//! it is a year, a date or a multiplier word. Bounds, changes and the numbers
//! that are no figures are in `context`.

use super::context::{bound_after, bound_before, change_of, in_parens, not_a_figure, split_year};
use super::lexicon::{
    change_verb, comparative, currency_code, currency_symbol, may_start, month, multiplier_word, Lower,
};
use super::quantity::{money_prefix, quantity, Form, Qty, Suffix};
use super::share::share_at;
use super::token::{Kind, Num, Sent};
use super::unit::{cents_after, counted_subject, plural_like, unit_after, FigureUnit};
use super::{Bound, Change, FigureKind};

/// A figure of one sentence in token indices `start..end`.
pub(super) struct SentenceFigure {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub upper: Option<f64>,
    pub kind: FigureKind,
    pub bound: Bound,
    pub change: Option<Change>,
    pub year: Option<i32>,
    /// The year this figure gives the figures around it: a year or a date,
    /// unless in parentheses (an author-year citation such as "(RT 2019)").
    pub anchor: Option<i32>,
}

/// Figures of one sentence, in order. `text_start` says the sentence opens
/// the text, where a "1." is a list marker.
pub(super) fn sentence_figures(s: &Sent, text_start: bool, out: &mut Vec<SentenceFigure>) {
    let mut i = 0;
    let list_marker = s.num(0).is_some_and(|n| n.is_int() && n.int_digits <= 2)
        && matches!(s.punct(1), Some('.' | ')'))
        && s.glued(1)
        && !s.glued(2);
    if text_start && list_marker {
        i = 2;
    }
    while i < s.len() {
        let may_start = match s.toks[i].kind {
            Kind::Num(_) => match not_a_figure(s, i) {
                Some(next) => {
                    i = next;
                    continue;
                }
                None => true,
            },
            Kind::Word => {
                let w = s.str(i);
                Lower::new(w).is_some_and(|l| may_start(l.as_str()))
                    || (w.len() == 3 && currency_code(w).is_some())
            }
            Kind::Punct(c) => currency_symbol(c).is_some() || c == '-' || c == '−',
            Kind::Opaque => false,
        };
        match may_start.then(|| figure_at(s, i)).flatten() {
            Some(mut f) => {
                // A bound read backwards stops at the figure before ("$5bn or more than $6bn").
                f.start = f
                    .start
                    .max(out.last().map_or(0, |last: &SentenceFigure| last.end));
                i = f.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
}

fn figure_at(s: &Sent, i: usize) -> Option<SentenceFigure> {
    if let Some(f) = date_at(s, i)
        .or_else(|| multiplier_at(s, i))
        .or_else(|| share_figure(s, i))
    {
        return Some(f);
    }
    let (money, qty_at, prefix_start) = money_prefix(s, i).unwrap_or((None, i, i));
    let q = quantity(s, qty_at, money.is_some())?;
    let (mut unit, mut end) = match money {
        Some(code) => (FigureUnit::Money(code), q.end),
        None => unit_after(s, q.end),
    };
    if matches!(
        q.form,
        Form::Digits {
            suffix: Suffix::Times,
            ..
        }
    ) {
        (unit, end) = (FigureUnit::Times, q.end); // "3x"
    }
    let mut value = q.value;
    if money.is_none() && matches!(unit, FigureUnit::Money(_)) {
        (value, end) = cents_after(s, end, value);
    }
    let (mut bound, mut start) = bound_before(s, prefix_start);
    let year = q
        .year()
        .filter(|_| money.is_none() && matches!(unit, FigureUnit::None | FigureUnit::Noun(_)));
    if let Some(y) = year.filter(|&y| !counted_year(s, &q, start, prefix_start, y, &unit)) {
        return Some(year_figure(s, prefix_start, q, y));
    }
    let from = s.is(prefix_start.wrapping_sub(1), "from") || s.is(prefix_start.wrapping_sub(1), "between");
    let mut upper = None;
    if let Some(range) = range_after(s, &q, &unit, end, prefix_start, from) {
        upper = Some(range.upper);
        end = range.end;
        if unit == FigureUnit::None {
            unit = range.unit;
            value = adopt_magnitude(&q, range.pow, value);
        }
        if from {
            // "from 2.8 to 14.2%": the range is the figure, with its "from".
            start = prefix_start - 1;
            bound = Bound::Exact;
        }
    }
    if let Some((b, e)) = bound_after(s, end) {
        bound = b;
        end = e;
    }
    // "an 8% increase", but "ten trade partners decrease" is a verb.
    let change = change_of(
        s,
        start,
        end,
        from && upper.is_some(),
        !matches!(unit, FigureUnit::Noun(_)),
    );
    let kind = match (unit, q.form) {
        (FigureUnit::Money(code), _) => FigureKind::Currency {
            code: code.to_string(),
        },
        (FigureUnit::Percent, _) => FigureKind::Percent,
        (FigureUnit::Points, _) => FigureKind::PercentagePoints,
        (FigureUnit::Times, _) => FigureKind::Multiplier,
        (_, Form::Words { lone_one: true }) if upper.is_none() => return None,
        (FigureUnit::Noun(noun), _) => FigureKind::Count { noun },
        // An amount in thousands or more, not an index value ("fell to 95.5").
        (FigureUnit::None, Form::Digits { .. }) if value.abs() >= 1e3 => match counted_subject(s, start) {
            Some(noun) => FigureKind::Count { noun },
            None => FigureKind::Plain,
        },
        (FigureUnit::None, _) => FigureKind::Plain,
    };
    if let Form::Vague { upper: vague_upper } = q.form {
        upper = Some(vague_upper);
        if bound == Bound::Exact {
            bound = Bound::About;
        }
    }
    Some(SentenceFigure {
        start,
        end,
        value,
        upper,
        kind,
        bound,
        change,
        year: None,
        anchor: None,
    })
}

/// "2 to 3 billion": the first number takes the magnitude the second one has.
fn adopt_magnitude(first: &Qty, second_pow: i32, value: f64) -> f64 {
    match first.form {
        Form::Digits { num, pow: 0, .. } if second_pow > 0 => num.scaled(second_pow),
        _ => value,
    }
}

/// A four-digit number in the year range that is a count after all: after a
/// bound no year takes ("some 2000", "more than 1500"), or a round number
/// before a plural noun ("2000 troops").
fn counted_year(s: &Sent, q: &Qty, bound_start: usize, start: usize, y: i32, unit: &FigureUnit) -> bool {
    let bounded = bound_start < start
        && !matches!(
            s.lower(start - 1).as_ref().map(Lower::as_str),
            Some("about" | "around" | "circa")
        );
    let plain_digits = matches!(
        q.form,
        Form::Digits {
            suffix: Suffix::None,
            ..
        }
    );
    let round_count = plain_digits && y % 100 == 0 && matches!(unit, FigureUnit::Noun(n) if plural_like(n));
    bounded || round_count
}

fn year_figure(s: &Sent, start: usize, q: Qty, y: i32) -> SentenceFigure {
    let mut end = q.end;
    let decade = matches!(
        q.form,
        Form::Digits {
            suffix: Suffix::Decade,
            ..
        }
    );
    let mut upper = decade.then_some(y + 9);
    let from = s.is(start.wrapping_sub(1), "from") || s.is(start.wrapping_sub(1), "between");
    if upper.is_none() {
        if let Some((u, e)) = year_range_after(s, end, y, from) {
            upper = Some(u);
            end = e;
        }
    }
    let start = if from && upper.is_some() { start - 1 } else { start };
    // A range lends its last year ("40% in 2014–15"), a decade its first ("in the 2000s").
    let lent = if decade { y } else { upper.unwrap_or(y) };
    let anchor = (!in_parens(s, start)).then_some(lent);
    SentenceFigure {
        start,
        end,
        value: f64::from(y),
        upper: upper.map(f64::from),
        kind: FigureKind::Year,
        bound: Bound::Exact,
        change: None,
        year: None,
        anchor,
    }
}

/// "1995–96", "2014-2019", "2014 to 2019", "between 2014 and 2019", "2002/03".
fn year_range_after(s: &Sent, end: usize, y: i32, from: bool) -> Option<(i32, usize)> {
    if split_year(s, end - 1) {
        return Some((y + 1, end + 2));
    }
    let dash = matches!(s.punct(end), Some('-' | '–' | '—')) && s.glued(end) == s.glued(end + 1);
    let word = s.is(end, "to") || (from && s.is(end, "and"));
    if !(dash || word) || (s.glued(end + 2) && s.word(end + 2).is_some()) {
        return None;
    }
    let n = s.num(end + 1)?;
    if let Some(y2) = n.year() {
        return (y2 > y).then_some((y2, end + 2));
    }
    // "1995–96": the same century, or the next one ("1999–2000" is written out).
    if dash && n.is_int() && n.int_digits == 2 {
        let y2 = y - y % 100 + n.mant as i32;
        return (y2 > y).then_some((y2, end + 2));
    }
    None
}

fn date_at(s: &Sent, i: usize) -> Option<SentenceFigure> {
    let day_num = |j: usize| {
        s.num(j).filter(|n| {
            n.is_int()
                && n.int_digits <= 2
                && (1..=31).contains(&n.mant)
                && !(s.glued(j + 1) && s.word(j + 1).is_some())
        })
    };
    let year_at = |j: usize| {
        s.num(j)
            .and_then(Num::year)
            .filter(|_| !(s.glued(j + 1) && s.word(j + 1).is_some()))
    };
    let (m, d, mut end) = if let Some(m) = s.word(i).and_then(month) {
        let j = if s.punct(i + 1) == Some('.') && s.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        match day_num(j) {
            Some(d) => (m, d.mant, j + 1),
            None if year_at(j).is_some() => (m, 0, j),
            None => return None,
        }
    } else {
        let d = day_num(i)?;
        let m = s.word(i + 1).and_then(month)?;
        let after = if s.punct(i + 2) == Some('.') && s.glued(i + 2) {
            i + 3
        } else {
            i + 2
        };
        (m, d.mant, after)
    };
    let y_at = if s.punct(end) == Some(',') { end + 1 } else { end };
    let y = year_at(y_at);
    if y.is_some() {
        end = y_at + 1;
    } else if end > 0 && s.punct(end - 1) == Some('.') {
        end -= 1; // "25 Oct." keeps its period for the sentence
    }
    let y = y.unwrap_or(0);
    let value = f64::from(y) * 1e4 + f64::from(m) * 100.0 + d as f64;
    let year = (y > 0).then_some(y);
    let anchor = year.filter(|_| !in_parens(s, i));
    Some(SentenceFigure {
        start: i,
        end,
        value,
        upper: None,
        kind: FigureKind::Date,
        bound: Bound::Exact,
        change: None,
        year,
        anchor,
    })
}

/// "a fifth of", "one in three": a share in words, as a percentage.
fn share_figure(s: &Sent, i: usize) -> Option<SentenceFigure> {
    let (value, end) = share_at(s, i)?;
    let (bound, start) = bound_before(s, i);
    let change = change_of(s, start, end, false, true);
    // "by half" alone says nothing ("split by half"); after a change verb
    // it is a change of 50% ("grew by half", "cut by half").
    if s.is(i, "half") && !s.is(end, "of") && change.is_none() {
        return None;
    }
    Some(SentenceFigure {
        start,
        end,
        value,
        upper: None,
        kind: FigureKind::Percent,
        bound,
        change,
        year: None,
        anchor: None,
    })
}

/// "tripled", "fourfold", "twice as large".
fn multiplier_at(s: &Sent, i: usize) -> Option<SentenceFigure> {
    let w = s.lower(i)?;
    let (value, change) = multiplier_word(w.as_str())?;
    let needs_comparison = matches!(w.as_str(), "twice" | "thrice");
    if needs_comparison && !s.lower(i + 1).is_some_and(|n| comparative(n.as_str())) {
        return None;
    }
    let change = change.or_else(|| change_of(s, i, i + 1, false, true));
    Some(SentenceFigure {
        start: i,
        end: i + 1,
        value,
        upper: None,
        kind: FigureKind::Multiplier,
        bound: Bound::Exact,
        change,
        year: None,
        anchor: None,
    })
}

/// The second half of a range.
struct RangeEnd {
    upper: f64,
    unit: FigureUnit,
    end: usize,
    /// Its magnitude, for a first half written without one ("2 to 3 billion").
    pow: i32,
}

/// A range after the first quantity, whose unit ends at `unit_end`: "2.6 to
/// 14.1%", "seven to 10 years", "5-6", "$2 billion to $3 billion", "between
/// 2 and 3 billion".
fn range_after(
    s: &Sent,
    first: &Qty,
    unit: &FigureUnit,
    unit_end: usize,
    start: usize,
    from: bool,
) -> Option<RangeEnd> {
    let j = match unit {
        FigureUnit::None => first.end,
        FigureUnit::Noun(_) => return None,
        _ => unit_end,
    };
    let dash = matches!(s.punct(j), Some('-' | '–' | '—')) && s.glued(j) && s.glued(j + 1);
    let word = s.is(j, "to") || (from && s.is(j, "and"));
    if !(dash || word) || matches!(first.form, Form::Vague { .. }) {
        return None;
    }
    // "rose 4.8% to 5.1%", "by 3% to 15%": the second is the new level, not a range end.
    let p = start.wrapping_sub(1);
    if !from && (s.is(p, "by") || s.lower(p).is_some_and(|w| change_verb(w.as_str()).is_some())) {
        return None;
    }
    let (money, at, _) = money_prefix(s, j + 1).unwrap_or((None, j + 1, j + 1));
    let second = quantity(s, at, money.is_some())?;
    if matches!(second.form, Form::Vague { .. }) {
        return None;
    }
    let (second_unit, end) = match money {
        Some(code) => (FigureUnit::Money(code), second.end),
        None => unit_after(s, second.end),
    };
    let compatible = matches!(unit, FigureUnit::None) || *unit == second_unit;
    let pow = match second.form {
        Form::Digits { pow, .. } => pow,
        _ => 0,
    };
    compatible.then_some(RangeEnd {
        upper: second.value,
        unit: second_unit,
        end,
        pow,
    })
}
