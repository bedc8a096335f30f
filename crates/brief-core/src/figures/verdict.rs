//! A figure's verdict against the index: what a careful analyst would say
//! of "$150 billion in 2018 [@lukin2020]" after reading the sources.
//!
//! Decisions:
//! - The cited documents are read first, with a lower bar for context (the
//!   citation already says where the claim is about): the same value there
//!   supports, a different value for the same subject contradicts.
//! - Only then the rest of the corpus, with a higher bar. A claim whose
//!   value is only in another document than the one it cites is
//!   [`FigureVerdict::Misattributed`], when every cited key is known.
//! - The same value wins over a different one; a different value in a
//!   strong context wins over a bound that merely allows the value; and a
//!   precise figure of the same period, as close in context as the bound,
//!   outranks the bound ("exceeded $100 billion, reaching $107 billion" does
//!   not support "$150 billion"); a source's bound backs only a claim near
//!   it ("up to 45,000 jobs" says nothing of "9,000 jobs").
//! - Support needs the same subject as contradiction does: the bar for
//!   support outside the cited source is as high as for contradiction, so
//!   a coincidental value on another subject backs nothing.
//! - The subject is the context words (stems), the period (the year) and
//!   what the figure measures (`measure`: "of sales", "a … stake"): the same
//!   measured noun raises a candidate's score, another one halves it.
//! - A cited source's different value yields to the very value stated in
//!   another document in a closer context: that is a misattribution, the
//!   cited value being about another subject.
//! - A figure is its value in its period: the same value of another year
//!   is another fact, not support. A different value stated for the
//!   claim's year outranks the same value stated for none, but not for
//!   naming the year alone when its sentence follows the same value's and
//!   takes that sentence's words as its own sentence before.
//! - The same value in the sentence right after a different one's, which
//!   lends it its words, yields to that value when it is clearly closer, or
//!   closer and of the claim's measure.
//! - In the cited documents, the very value with two significant digits or
//!   more supports in a weaker context when nothing there clears the bar,
//!   and contradicts when stated for another year.
//! - A count the cited documents give once of the claim's noun, near a
//!   word of the claim, belies another value of it ("the 82-date tour" for
//!   "28 dates"); two counts of it leave the claim's unsaid.
//! - A plain number of 1,000 or more or with decimals ("stood at 95.5",
//!   "reached 4.464 million") is checked against the sources' plain numbers
//!   and counts of any noun. With no unit to tie it to a source's figure, a
//!   cited source contradicts it only in as strong a context as elsewhere;
//!   so too a span of time ("32 years"), whose unit any span has, against a
//!   span more than twice or under half as long (a near one is the same
//!   stretch misstated: "the past six months" for "the past four months").
//! - Two thresholds in the same direction differ when their values do
//!   ("at least 60%" against the source's "at least 75%"), and "about"
//!   allows only what rounds to the approximate figure ("some 87%" is not
//!   82%).

use super::{Bound, Change, CorpusFigure, Figure, FigureIndex, FigureKind, UnitClass};
use crate::corpus::DocId;
use crate::figures::Context;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureVerdict {
    Supported,
    Contradicted,
    /// The value is in the corpus, but not in the cited documents.
    Misattributed,
    Unsupported,
}

#[derive(Debug)]
pub struct FigureCheck<'a> {
    pub verdict: FigureVerdict,
    /// Supporting figures, or the contradicting one, or where a
    /// misattributed figure is; best first.
    pub evidence: Vec<(f64, &'a CorpusFigure)>,
}

/// The context agreement (0..=1) a figure needs to support or contradict.
#[derive(Clone, Copy)]
struct Bar {
    support: f64,
    contradict: f64,
}

/// In the cited documents: the citation is evidence of the subject.
const CITED: Bar = Bar {
    support: 0.2,
    contradict: 0.3,
};
/// Elsewhere in the corpus: strong context, or the figure is unsupported.
const ELSEWHERE: Bar = Bar {
    support: 0.45,
    contradict: 0.55,
};
/// The counted nouns (stems) of spans of time.
const SPANS: &[&str] = &["year", "month", "week", "day", "hour", "decad"];
/// How many times one span of time may be another and still be the same
/// stretch misstated.
const NEAR_SPAN: f64 = 2.0;
/// How much less context a precise figure may share than the bound it
/// outranks.
const PRECISE_MARGIN: f64 = 0.1;
/// How much more context a different, precise value must share than the
/// same value for the same value to be another subject's.
const OUTRANKED_MARGIN: f64 = 0.1;
/// The context a distinctive value needs in the cited documents
/// (`distinctive_in_cited`).
const DISTINCTIVE_IN_CITED: f64 = 0.1;
/// What the same measured noun adds to a candidate's context score, and
/// what another one leaves of it.
const SAME_MEASURE: f64 = 0.15;
/// What the same year adds to a candidate's context score.
const SAME_YEAR: f64 = 0.2;
const OTHER_MEASURE: f64 = 0.5;

/// The claim's citation, as the check needs it.
#[derive(Clone, Debug, Default)]
pub struct Cited {
    /// The documents of the keys that are known.
    pub docs: Vec<DocId>,
    /// Every cited key names a document.
    pub all_known: bool,
}

/// The verdict of `figure`, said in `context` and citing `cited`.
pub fn check_figure<'a>(
    index: &'a FigureIndex,
    figure: &Figure,
    context: &Context,
    cited: &Cited,
) -> FigureCheck<'a> {
    let checked = check_as_written(index, figure, context, cited);
    match as_other_form(figure) {
        Some(other) if checked.verdict == FigureVerdict::Unsupported => {
            check_as_written(index, &other, context, cited)
        }
        _ => checked,
    }
}

/// A change written as a multiple is a percentage change, and the other
/// way round: "doubled" is a rise of 100%, "halved" a fall of 50%, "rose
/// 200%" tripled. Sources write either; the figure's own form is read first.
fn as_other_form(figure: &Figure) -> Option<Figure> {
    let (kind, value) = match (&figure.kind, figure.change?) {
        (FigureKind::Multiplier, Change::Rise) => (FigureKind::Percent, (figure.value - 1.0) * 100.0),
        (FigureKind::Multiplier, Change::Fall) => (FigureKind::Percent, (1.0 - figure.value) * 100.0),
        (FigureKind::Percent, Change::Rise) => (FigureKind::Multiplier, 1.0 + figure.value / 100.0),
        (FigureKind::Percent, Change::Fall) => (FigureKind::Multiplier, 1.0 - figure.value / 100.0),
        _ => return None,
    };
    (value > 0.0 && figure.upper.is_none()).then(|| Figure {
        kind,
        value,
        ..figure.clone()
    })
}

/// The verdict of `figure` against the corpus figures of its own unit.
fn check_as_written<'a>(
    index: &'a FigureIndex,
    figure: &Figure,
    context: &Context,
    cited: &Cited,
) -> FigureCheck<'a> {
    let Some(class) = UnitClass::checked(figure) else {
        return unsupported();
    };
    let mut candidates: Vec<(f64, &CorpusFigure)> = index
        .candidates(&class, context)
        .into_iter()
        .map(|(score, f)| (subject_adjusted(score, figure, context, &class, f), f))
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (in_cited, elsewhere): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|(_, f)| cited.docs.contains(&f.doc));
    let misattributable = !cited.docs.is_empty() && cited.all_known;
    let whole_sentence = |f: &CorpusFigure| {
        let score = index.sentence_score(context, f.doc, f.sentence);
        subject_adjusted(score, figure, context, &class, f)
    };
    let from_elsewhere = judge(figure, context, &elsewhere, ELSEWHERE, &whole_sentence);
    // A plain number names no unit or noun to tie it to the source's: the
    // citation alone is too weak a sign that a plain number of the cited
    // source is another value of it.
    let cited_bar = if class == UnitClass::Plain {
        Bar {
            contradict: ELSEWHERE.contradict,
            ..CITED
        }
    } else {
        CITED
    };
    // A span of time ("32 years", "six months") names only the unit any
    // span has: a span of the cited source far from the claim's is another
    // stretch of time (a career against a firm's recent record), and
    // belies it only in as strong a context as elsewhere; a near one ("the
    // past four months" for "the past six months") is the same stretch
    // misstated.
    let span = matches!(&class, UnitClass::Count(noun) if SPANS.contains(&noun.as_str()));
    let in_cited: Vec<_> = in_cited
        .into_iter()
        .filter(|&(s, f)| {
            let far = (f.figure.value / figure.value)
                .abs()
                .max((figure.value / f.figure.value).abs())
                > NEAR_SPAN;
            !(span && far && s < ELSEWHERE.contradict && agreement(figure, &f.figure) == Agreement::Differs)
        })
        .collect();
    let in_cited_found = judge(figure, context, &in_cited, cited_bar, &whole_sentence)
        .or_else(|| distinctive_in_cited(figure, &in_cited))
        .or_else(|| counted_in_cited(index, figure, &class, cited, &in_cited));
    if let Some(found) = in_cited_found {
        // The cited source's different value is about another subject when
        // another document states the very value in a closer context.
        let stronger_elsewhere = match &from_elsewhere {
            Some(other) if found.verdict == FigureVerdict::Contradicted => {
                other.verdict == FigureVerdict::Supported
                    && other.evidence[0].0 > found.evidence[0].0
                    && agreement(figure, &other.evidence[0].1.figure) == Agreement::Same
            }
            _ => false,
        };
        if !(stronger_elsewhere && misattributable) {
            return found;
        }
    }
    match from_elsewhere {
        // Another document is where the figure is from only if it states the
        // value: a bound there that allows it names no source.
        Some(found) if found.verdict == FigureVerdict::Supported && misattributable => {
            if agreement(figure, &found.evidence[0].1.figure) == Agreement::Same {
                FigureCheck {
                    verdict: FigureVerdict::Misattributed,
                    evidence: found.evidence,
                }
            } else {
                unsupported()
            }
        }
        Some(found) => found,
        None => unsupported(),
    }
}

fn unsupported<'a>() -> FigureCheck<'a> {
    FigureCheck {
        verdict: FigureVerdict::Unsupported,
        evidence: Vec::new(),
    }
}

/// The verdict `candidates` (best first) give to `figure` said in `context`, if any clears `bar`;
/// `whole_sentence` scores a candidate's sentence as a whole
/// (`FigureIndex::sentence_score`).
fn judge<'a>(
    figure: &Figure,
    context: &Context,
    candidates: &[(f64, &'a CorpusFigure)],
    bar: Bar,
    whole_sentence: &dyn Fn(&CorpusFigure) -> f64,
) -> Option<FigureCheck<'a>> {
    let with = |wanted: Agreement, min: f64| {
        candidates
            .iter()
            .filter(move |(s, f)| *s >= min && agreement(figure, &f.figure) == wanted)
            .copied()
    };
    let same: Vec<_> = with(Agreement::Same, bar.support).collect();
    if let Some(&(same_score, same_fig)) = same.first() {
        // The same value may be another subject's or another period's:
        // - a sentence that states it and a different, precise or approximate value for a
        //   subject closer to the claim's ("Halifax said prices rose 0.8% in
        //   January and Nationwide reported a rise of 0.4%" does not back
        //   "Halifax: 0.4%"); only within one sentence, where the figures'
        //   own stretches tell their subjects apart (`Context`): across
        //   sentences, shared words are too weak a sign to outrank the value;
        // - a different, precise value stated for the claim's year, in as
        //   close a context, against the same value stated for no year
        //   ("4% for 2005" against "grew by 5.5% this year" for "5.5% in 2005").
        //   In the sentence after the same value's, whose words its context
        //   takes as its sentence before, it must be closer than that whole
        //   sentence, and not by the year: those words are the same value's
        //   first ("Turnover rose $7.2bn to $170.8bn. Net income for 2004 was
        //   $3.5bn" backs "turnover of $170.8bn in 2004").
        let outranking = with(Agreement::Differs, bar.contradict).find(|(s, f)| {
            let same_sentence = f.doc == same_fig.doc && f.sentence == same_fig.sentence;
            let claims_year =
                figure.year.is_some() && f.figure.year == figure.year && same_fig.figure.year.is_none();
            let borrowed = f.doc == same_fig.doc && f.previous == Some(same_fig.sentence);
            // The same value in the sentence after a different one, whose
            // words its context takes as its sentence before: the
            // different value is the one said of the claim's subject when
            // it is clearly closer, or closer and of the claim's measure
            // ("only 25% of Britons said a digital camera … Almost a
            // quarter, 22%, said a wireless device" for "22% of Britons …
            // a digital camera").
            let claims_measure =
                matches!((context.measure(), &f.measure), (Some(a), Some(b)) if a.noun == b.noun);
            let lends = f.doc == same_fig.doc
                && same_fig.previous == Some(f.sentence)
                && (*s >= same_score + OUTRANKED_MARGIN || (*s > same_score && claims_measure));
            let as_close = if borrowed {
                *s > whole_sentence(same_fig) + SAME_YEAR
            } else {
                *s >= same_score
            };
            // "Some 63%" states a value as plainly as "63%" does.
            matches!(f.figure.bound, Bound::Exact | Bound::About)
                && ((same_sentence && *s >= same_score + OUTRANKED_MARGIN)
                    || (claims_year && as_close)
                    || lends)
        });
        return Some(match outranking {
            Some(best) => contradicted(best),
            None => supported(same),
        });
    }
    if let Some(best) = with(Agreement::Differs, bar.contradict).next() {
        return Some(contradicted(best));
    }
    let within: Vec<_> = with(Agreement::WithinBound, bar.support).collect();
    let &(bound_score, bound) = within.first()?;
    let precise = with(Agreement::Differs, bar.support).find(|(s, f)| {
        matches!(f.figure.bound, Bound::Exact)
            && f.figure.year == bound.figure.year
            // In the bound's own sentence ("exceeded $100 billion, reaching
            // $107 billion") the precise figure restates the bound's subject,
            // however the sentence's stretches split its words.
            && (*s >= bound_score - PRECISE_MARGIN || (f.doc == bound.doc && f.sentence == bound.sentence))
    });
    Some(match precise {
        Some(best) => contradicted(best),
        None => supported(within),
    })
}

/// When nothing in the cited documents clears the bar: the very value, if
/// it has two significant digits or more ("120,000", "28.1%"), in a weaker
/// context; supported, or contradicted when it is stated for another year. A coincidence of such a value with the same unit in the one
/// document the claim names is rare; a round "2%" or "ten" is not.
fn distinctive_in_cited<'a>(
    figure: &Figure,
    in_cited: &[(f64, &'a CorpusFigure)],
) -> Option<FigureCheck<'a>> {
    if significant_digits(figure.value) < 2 {
        return None;
    }
    let near: Vec<_> = in_cited
        .iter()
        .filter(|(s, _)| *s >= DISTINCTIVE_IN_CITED)
        .copied()
        .collect();
    let same: Vec<_> = near
        .iter()
        .filter(|(_, f)| agreement(figure, &f.figure) == Agreement::Same)
        .copied()
        .collect();
    if !same.is_empty() {
        return Some(supported(same));
    }
    // The very value stated for another year: the period is wrong ("lost
    // 984m euros in 2004" where the 984m euros are 2003's).
    let timeless = Figure {
        year: None,
        ..figure.clone()
    };
    near.into_iter()
        .find(|(_, f)| f.figure.year.is_some() && agreement(&timeless, &f.figure) == Agreement::Same)
        .map(contradicted)
}

/// When nothing else in the cited documents decides: the very count of the
/// same thing ("the two brothers" for "two brothers"), however the words
/// around it differ. The counted noun is the subject, and the citation says
/// where to look. So too the one count the cited documents give of that
/// thing, when it is another value ("the 82-date tour" for "28 dates"):
/// they say how many there are. Not a span of time, which counts stretches
/// of anything.
fn counted_in_cited<'a>(
    index: &'a FigureIndex,
    figure: &Figure,
    class: &UnitClass,
    cited: &Cited,
    in_cited: &[(f64, &'a CorpusFigure)],
) -> Option<FigureCheck<'a>> {
    if !matches!(class, UnitClass::Count(_)) {
        return None;
    }
    let counts: Vec<_> = cited
        .docs
        .iter()
        .flat_map(|&doc| index.in_doc(doc))
        .filter(|f| UnitClass::of(&f.figure.kind).as_ref() == Some(class))
        .collect();
    let same: Vec<_> = counts
        .iter()
        .filter(|f| agreement(figure, &f.figure) == Agreement::Same)
        .map(|&f| (0.0, f))
        .collect();
    if !same.is_empty() {
        return Some(supported(same));
    }
    let span = matches!(class, UnitClass::Count(noun) if SPANS.contains(&noun.as_str()));
    let [only] = counts.as_slice() else {
        return None;
    };
    // Around the one count, some word of the claim (as the distinctive
    // value needs): "500 vintners will be helped to retire" is no count of
    // "vintners in financial trouble".
    let near = in_cited
        .iter()
        .find(|(s, f)| std::ptr::eq(*f, *only) && *s >= DISTINCTIVE_IN_CITED);
    match near {
        Some(&found) if !span && agreement(figure, &only.figure) == Agreement::Differs => {
            Some(contradicted(found))
        }
        _ => None,
    }
}

fn significant_digits(value: f64) -> i32 {
    if value == 0.0 {
        return 1;
    }
    (value.abs() / precision(value)).log10().floor() as i32 + 1
}

fn supported(evidence: Vec<(f64, &CorpusFigure)>) -> FigureCheck<'_> {
    FigureCheck {
        verdict: FigureVerdict::Supported,
        evidence,
    }
}

fn contradicted(best: (f64, &CorpusFigure)) -> FigureCheck<'_> {
    FigureCheck {
        verdict: FigureVerdict::Contradicted,
        evidence: vec![best],
    }
}

/// The value's precision: the place of its last significant digit.
fn precision(value: f64) -> f64 {
    let mut p = 10f64.powi(value.abs().log10().floor() as i32 + 1);
    while p > 1e-6 && ((value / p).round() * p - value).abs() > p * 1e-9 {
        p /= 10.0;
    }
    p
}

/// Equal once rounded to the finer of the two precisions: "$107 billion"
/// is "$107.0 billion", but "$100 billion" is not "$95 billion".
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= precision(a).min(precision(b)) / 2.0 + f64::EPSILON
}

/// How a corpus figure's value relates to the brief's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Agreement {
    /// The same value ("$107 billion", "about $110 billion" for 107).
    Same,
    /// Only within a bound: "$120 billion" is more than "exceeded $100
    /// billion", but says more than it does.
    WithinBound,
    Differs,
    /// Values that say nothing of each other: so far apart that they
    /// measure different things (a dividend of "0.30 euros" per share is no
    /// other value of a "984m euros" loss), or a vague multiple beside a
    /// precise value ("thousands of jobs" neither backs nor belies "9,000
    /// jobs").
    Unrelated,
}

/// How close to a claim's bound a precise value of the source is the
/// bound's value, as a share of the bound.
const NEAR_BOUND: f64 = 0.1;

/// How many times a claim's value may be within a source's bound ("up to
/// 45,000") and still be backed by it.
const FAR_FROM_BOUND: f64 = 2.0;

/// How many times one value may be the other's and still be another value
/// of the same thing (a slip of a digit or two, "$15bn" for "$1.5bn").
const APART: f64 = 1000.0;

fn agreement(brief: &Figure, corpus: &Figure) -> Agreement {
    let (small, large) = (
        brief.value.abs().min(corpus.value.abs()),
        brief.value.abs().max(corpus.value.abs()),
    );
    if small > 0.0 && large / small > APART {
        return Agreement::Unrelated;
    }
    // A figure is its value in its period: the right value of another year
    // is another fact ("3.1% in 2003" where 3.1% is 2004's).
    if brief.year.is_some() && corpus.year.is_some() && brief.year != corpus.year {
        return Agreement::Differs;
    }
    let (b, c) = (brief.value, corpus.value);
    let same = match (brief.upper, corpus.upper) {
        (Some(bu), Some(cu)) => close(b, c) && close(bu, cu),
        (Some(bu), None) => close(b, c) || close(bu, c),
        (None, Some(cu)) => close(b, c) || close(b, cu),
        (None, None) => close(b, c),
    };
    // "about" allows what rounds to the approximate figure at its own
    // precision, at most a tenth: "about $110 billion" is $107 billion, but
    // "some 87%" is not 82%.
    let about = [(brief, b), (corpus, c)]
        .into_iter()
        .filter(|(f, _)| matches!(f.bound, Bound::About))
        .map(|(_, v)| precision(v).min(0.2 * v.abs()))
        .fold(None, |a: Option<f64>, p| Some(a.map_or(p, |a| a.max(p))));
    if same || about.is_some_and(|p| (b - c).abs() <= p / 2.0 && (b - c).abs() <= 0.1 * b.abs().max(c.abs()))
    {
        return Agreement::Same;
    }
    // An amount of change is no level: "£200m less debt" and "sales rose by
    // £5m" say nothing of "£540m of debt" or "sales of £7m". (Percentages
    // are written either way for the same fact, "rose 5%" and "5% higher".)
    let changes = |f: &Figure| matches!(f.change, Some(Change::Rise | Change::Fall));
    let amount = matches!(
        brief.kind,
        FigureKind::Currency { .. } | FigureKind::Count { .. } | FigureKind::Plain
    );
    if amount && changes(brief) != changes(corpus) {
        return Agreement::Unrelated;
    }
    let vague =
        |f: &Figure| matches!(f.bound, Bound::About) && f.upper.is_some() && f.change != Some(Change::FromTo);
    if vague(brief) != vague(corpus) {
        return Agreement::Unrelated;
    }
    // Two thresholds in the same direction are two claims of a threshold:
    // "at least 60%" where the source says "at least 75%" is another one,
    // although the source's bound implies it.
    if brief.bound == corpus.bound && matches!(brief.bound, Bound::AtLeast | Bound::AtMost) {
        return Agreement::Differs;
    }
    let within = match (brief.bound, corpus.bound) {
        // "over 70m euros" against "as much as 25bn euros": the two bounds
        // agree, but neither says what the other does; "almost 50%" against
        // "100% or more" they do not.
        (Bound::AtLeast, Bound::AtMost) | (Bound::AtMost, Bound::AtLeast) => {
            let overlap = if brief.bound == Bound::AtLeast {
                b <= c
            } else {
                b >= c
            };
            return if overlap {
                Agreement::Unrelated
            } else {
                Agreement::Differs
            };
        }
        (Bound::AtLeast, _) => c >= b,
        (Bound::AtMost, _) => c <= b,
        (_, Bound::AtLeast) => b >= c,
        (_, Bound::AtMost) => b <= c,
        _ => false,
    };
    // "up to 45,000 jobs" caps the cuts: it allows "9,000 jobs" but says
    // nothing of them. A source's bound backs only a claim near it.
    let claim_bound = matches!(brief.bound, Bound::AtLeast | Bound::AtMost);
    if within && !claim_bound && matches!(corpus.bound, Bound::AtLeast | Bound::AtMost) {
        let (near, far) = (c.abs().min(b.abs()), c.abs().max(b.abs()));
        if far > FAR_FROM_BOUND * near {
            return Agreement::Unrelated;
        }
    }
    // "almost 50%", "more than $100 billion": a claim's bound says its
    // value is near it, so a precise value of the source just within it is
    // the claim's value; one far within it only allows the claim.
    let near = (b - c).abs() <= NEAR_BOUND * b.abs();
    if within && near && brief.bound != Bound::Exact && corpus.bound == Bound::Exact {
        Agreement::Same
    } else if within {
        Agreement::WithinBound
    } else {
        Agreement::Differs
    }
}

/// The period and the measure are strong context: the same year, or the
/// same measured noun ("of sales" and "of sales"), confirms; another one
/// means another fact. A count's noun is in its class already.
fn subject_adjusted(
    score: f64,
    brief: &Figure,
    context: &Context,
    class: &UnitClass,
    corpus: &CorpusFigure,
) -> f64 {
    let year = match (brief.year, corpus.figure.year) {
        (Some(a), Some(b)) => Some(a == b),
        _ => None,
    };
    let measure = match (context.measure(), corpus.measure.as_ref()) {
        (Some(a), Some(b)) if !matches!(class, UnitClass::Count(_) | UnitClass::Plain) => {
            let same = a.noun == b.noun;
            (same || !(a.subject || b.subject)).then_some(same)
        }
        _ => None,
    };
    // What confirms adds; what tells another fact then cuts the whole, so
    // that the same measure does not make up for another year.
    let mut adjusted = score;
    if year == Some(true) {
        adjusted += SAME_YEAR;
    }
    if measure == Some(true) {
        adjusted += SAME_MEASURE;
    }
    if year == Some(false) {
        adjusted *= 0.4;
    }
    if measure == Some(false) {
        adjusted *= OTHER_MEASURE;
    }
    // Not capped at 1: scores are only compared, and a cap would erase the
    // margin between two candidates that share every word of the claim.
    adjusted
}
