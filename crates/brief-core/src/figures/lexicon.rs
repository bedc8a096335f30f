//! The closed word lists of the figure grammar. Every function takes a word
//! already lower-cased by [`Lower`] unless it says "as written": lists are
//! ASCII, so a word that is not ASCII is in none of them.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::text::lexicon::{month_number, month_words, WordSet};

use super::{Bound, Change};

/// An ASCII word lower-cased on the stack (words in the lists are short).
pub(super) struct Lower {
    buf: [u8; 16],
    len: usize,
}

impl Lower {
    pub fn new(word: &str) -> Option<Lower> {
        let bytes = word.as_bytes();
        if bytes.len() > 16 || !word.is_ascii() {
            return None;
        }
        let mut buf = [0; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[..bytes.len()].make_ascii_lowercase();
        Some(Lower {
            buf,
            len: bytes.len(),
        })
    }

    pub fn as_str(&self) -> &str {
        // Lower-casing ASCII keeps UTF-8 valid.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

const UNITS: &str = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
    fifteen sixteen seventeen eighteen nineteen";

const TENS: &str = "twenty thirty forty fifty sixty seventy eighty ninety";

pub(super) fn unit_word(w: &str) -> Option<u8> {
    UNITS.split_whitespace().position(|x| x == w).map(|i| i as u8)
}

pub(super) fn tens_word(w: &str) -> Option<u8> {
    TENS.split_whitespace()
        .position(|x| x == w)
        .map(|i| (i as u8 + 2) * 10)
}

/// Other words a figure may start with: articles ("a dozen"), signs, vague multiples.
const OTHER_STARTS: &str =
    "a an half minus negative several few tens dozens hundreds thousands millions billions";

/// Every word a figure may start with, for a cheap first test on each word.
/// The grammar decides the rest.
pub(super) fn may_start(w: &str) -> bool {
    static STARTERS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let starters = STARTERS.get_or_init(|| {
        let numbers = UNITS
            .split_whitespace()
            .chain(TENS.split_whitespace())
            .chain(["hundred", "thousand"]);
        let folds = numbers.clone().map(|w| format!("{w}fold"));
        let words = month_words().chain(OTHER_STARTS.split_whitespace());
        let multipliers = MULTIPLIERS.iter().map(|m| m.0);
        folds
            .chain(numbers.chain(words).chain(multipliers).map(String::from))
            .collect()
    });
    starters.contains(w)
}

/// Power of ten of a large-number word.
pub(super) fn scale_word(w: &str) -> Option<i32> {
    Some(match w {
        "thousand" => 3,
        "million" => 6,
        "billion" => 9,
        "trillion" => 12,
        _ => return None,
    })
}

/// Power of ten of a magnitude after digits ("3.5 billion", "107bn", "$2m").
/// Bare "m", "b" and "t" are metres, bytes or tonnes unless money is meant;
/// glued "b" ("1.2b") is common enough for billions to be allowed.
pub(super) fn magnitude(w: &str, glued: bool, money: bool) -> Option<i32> {
    if w == "hundred" {
        return Some(2);
    }
    scale_word(w).or(match w {
        "k" => Some(3),
        "mn" | "mln" => Some(6),
        "bn" | "bln" => Some(9),
        "tn" => Some(12),
        "b" if glued || money => Some(9),
        "m" if money => Some(6),
        "t" if money => Some(12),
        _ => None,
    })
}

/// Month number; "May" and "March" only capitalised (as written), being verbs too.
pub(super) fn month(as_written: &str) -> Option<u8> {
    let w = Lower::new(as_written)?;
    let w = w.as_str();
    let m = month_number(w)?;
    let verb = matches!(w, "may" | "march");
    (!verb || as_written.starts_with(char::is_uppercase)).then_some(m)
}

pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' | '円' => "JPY",
        '元' => "CNY",
        '₽' => "RUB",
        '₹' => "INR",
        _ => return None,
    })
}

/// ISO codes (as written): upper case, or lower case where that is no English word.
pub(super) fn currency_code(as_written: &str) -> Option<&'static str> {
    let code = match as_written {
        "USD" | "usd" => "USD",
        "EUR" | "eur" => "EUR",
        "GBP" | "gbp" => "GBP",
        "JPY" | "jpy" => "JPY",
        "CNY" | "cny" | "RMB" | "rmb" => "CNY",
        "RUB" => "RUB",
        "CHF" | "chf" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "HKD" | "hkd" => "HKD",
        "INR" => "INR",
        _ => return None,
    };
    Some(code)
}

/// Letters right before '$' (as written): "US$", "C$", "HK$"; single capitals
/// only glued, since "a $5 bill" is no Australian money.
pub(super) fn dollar_prefix(as_written: &str, glued: bool) -> Option<&'static str> {
    let code = match as_written {
        "US" | "us" | "USA" => "USD",
        "C" | "CA" | "Can" | "c" => "CAD",
        "A" | "AU" if glued => "AUD",
        "HK" | "hk" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" if glued => "SGD",
        _ => return None,
    };
    Some(code)
}

/// Currency names after the amount ("107 billion dollars", "500 million rubles").
pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        "rupee" | "rupees" => "INR",
        _ => return None,
    })
}

/// A nationality before a currency name that changes its code ("Canadian dollars").
pub(super) fn currency_adjective(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "american" => "USD",
        "canadian" => "CAD",
        "australian" => "AUD",
        "singapore" => "SGD",
        "chinese" => "CNY",
        "japanese" => "JPY",
        "russian" => "RUB",
        "swiss" => "CHF",
        "british" => "GBP",
        "indian" => "INR",
        _ => return None,
    })
}

/// Words that are a factor, and the change they say.
const MULTIPLIERS: [(&str, f64, Option<Change>); 13] = [
    ("doubled", 2.0, Some(Change::Rise)),
    ("doubling", 2.0, Some(Change::Rise)),
    ("doubles", 2.0, Some(Change::Rise)),
    ("tripled", 3.0, Some(Change::Rise)),
    ("trebled", 3.0, Some(Change::Rise)),
    ("tripling", 3.0, Some(Change::Rise)),
    ("triples", 3.0, Some(Change::Rise)),
    ("quadrupled", 4.0, Some(Change::Rise)),
    ("quadrupling", 4.0, Some(Change::Rise)),
    ("halved", 0.5, Some(Change::Fall)),
    ("halving", 0.5, Some(Change::Fall)),
    ("twice", 2.0, None),
    ("thrice", 3.0, None),
];

/// "doubled", "halved", and "-fold" words ("fourfold"): the factor, and the change it says.
pub(super) fn multiplier_word(w: &str) -> Option<(f64, Option<Change>)> {
    if let Some(&(_, factor, change)) = MULTIPLIERS.iter().find(|m| m.0 == w) {
        return Some((factor, change));
    }
    let stem = w.strip_suffix("fold")?;
    let factor = match stem {
        "hundred" => 100,
        "thousand" => 1000,
        _ => unit_word(stem)
            .or_else(|| tens_word(stem))
            .filter(|&n| n >= 2)?
            .into(),
    };
    Some((f64::from(factor), None))
}

/// After "eight times" or "twice": a comparison, so a multiplier rather than a count of occasions.
pub(super) fn comparative(w: &str) -> bool {
    static WORDS: WordSet =
        WordSet::new("larger bigger greater higher more less fewer smaller lower faster as that the over");
    WORDS.contains(w)
}

/// A word before a number that bounds it (one word; longer phrases are in `context`).
pub(super) fn bound_word(w: &str) -> Option<Bound> {
    Some(match w {
        "about" | "around" | "roughly" | "approximately" | "approx" | "some" | "circa" | "estimated" => {
            Bound::About
        }
        // "nearly" and "almost" say "just under": a ceiling, not a tolerance.
        "nearly" | "almost" | "under" | "below" => Bound::AtMost,
        "over" | "above" | "exceeded" | "exceeding" | "exceeds" | "exceed" | "surpassed" | "topped" => {
            Bound::AtLeast
        }
        _ => return None,
    })
}

pub(super) fn change_verb(w: &str) -> Option<Change> {
    static RISE: WordSet = WordSet::new(
        "rise rises rose risen rising increase increases increased increasing grow grows grew grown growing \
         jump jumps jumped climb climbs climbed surge surged soar soared gain gained gains expand expanded \
         boost boosted raise raised up",
    );
    static FALL: WordSet = WordSet::new(
        "fall falls fell fallen falling decrease decreases decreased decline declines declined drop drops \
         dropped reduce reduces reduced cut cuts sank sink slid shrank shrunk plunged tumbled lost lose \
         lowered slumped down",
    );
    if RISE.contains(w) {
        Some(Change::Rise)
    } else if FALL.contains(w) {
        Some(Change::Fall)
    } else {
        None
    }
}

/// "an 8 percent increase", "a rise of 17%".
pub(super) fn change_noun(w: &str) -> Option<Change> {
    static RISE: WordSet = WordSet::new("increase rise growth jump surge gain boost hike");
    static FALL: WordSet = WordSet::new("decrease decline drop fall reduction cut loss slump contraction");
    if RISE.contains(w) {
        Some(Change::Rise)
    } else if FALL.contains(w) {
        Some(Change::Fall)
    } else {
        None
    }
}

/// Words whose number is a label or a place in a document ("Article 5", "p. 374", "Paper 140").
pub(super) fn locator(w: &str) -> bool {
    static WORDS: WordSet = WordSet::new(
        "p pp page pages para paragraph no nos vol vols volume issue art article articles section sec \
         chapter ch part fig figure table annex appendix paper footnote note resolution scenario item \
         clause line step phase stage version protocol series number route",
    );
    WORDS.contains(w)
}

/// Glued before a year without making a name of it ("mid-1990s", "post-2014").
pub(super) fn year_prefix(w: &str) -> bool {
    matches!(w, "mid" | "pre" | "post" | "early" | "late" | "circa")
}

/// Ordinals after a hyphen ("twenty-first century" is no count of twenty).
pub(super) fn ordinal(w: &str) -> bool {
    static WORDS: WordSet =
        WordSet::new("first second third fourth fifth sixth seventh eighth ninth tenth hundredth thousandth");
    WORDS.contains(w) || w.ends_with("ieth")
}

/// "several hundred", "a few thousand": the multiple of the scale word meant.
pub(super) fn vague_multiple(w: &str) -> Option<(f64, f64)> {
    match w {
        "several" => Some((3.0, 9.0)),
        "few" => Some((2.0, 5.0)),
        _ => None,
    }
}

/// "hundreds of", "dozens of": (unit, the next named scale as ceiling).
pub(super) fn vague_plural(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "tens" => (10.0, 100.0),
        "dozens" => (12.0, 100.0),
        "hundreds" => (100.0, 1e3),
        "thousands" => (1e3, 1e6),
        "millions" => (1e6, 1e9),
        "billions" => (1e9, 1e12),
        _ => return None,
    })
}

/// Words of figure talk too common to say what a figure is about ("reached
/// $5 billion", "per cent"), beside the function words.
pub(super) static FIGURE_TALK: WordSet = WordSet::new(
    "nearly almost cent percent there according reached reaching billion million thousand trillion \
     dollars year years",
);

/// Words that join one figure's clause to the next.
pub(super) const CONJUNCTION: &[&str] = &["and", "but", "while", "whereas"];

/// The base form of an irregular verb form that figures are stated with,
/// and of the nouns news writes for those verbs ("a loss of", "growth of",
/// "sales of"), which no suffix rule finds: "sales rose" and "the rise in
/// sales" are one subject.
pub(super) fn lemma(w: &str) -> Option<&'static str> {
    Some(match w {
        "rose" | "risen" => "rise",
        "fell" | "fallen" => "fall",
        "grew" | "grown" | "growth" => "grow",
        "lost" | "loss" | "losses" => "lose",
        "sold" | "sale" | "sales" => "sell",
        "bought" => "buy",
        "paid" => "pay",
        "won" => "win",
        "made" => "make",
        "took" | "taken" => "take",
        "spent" => "spend",
        "gave" | "given" => "give",
        "held" => "hold",
        "kept" => "keep",
        "brought" => "bring",
        "built" => "build",
        "lent" => "lend",
        "sought" => "seek",
        "shrank" | "shrunk" => "shrink",
        "sank" | "sunk" => "sink",
        "became" => "become",
        "began" | "begun" => "begin",
        "struck" => "strike",
        "stood" => "stand",
        _ => return None,
    })
}

/// What a number word joined by a hyphen may measure and still be a figure:
/// "two-year deal", "five-nation tour", "ten-mile walk".
pub(super) fn compound_measure(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    matches!(
        w,
        "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "minute"
            | "second"
            | "decade"
            | "century"
            | "mile"
            | "metre"
            | "meter"
            | "kilometre"
            | "kilometer"
            | "foot"
            | "feet"
            | "inch"
            | "tonne"
            | "ton"
            | "litre"
            | "liter"
            | "acre"
            | "hectare"
            | "storey"
            | "story"
            | "member"
            | "nation"
            | "country"
            | "seat"
            | "match"
            | "game"
            | "point"
            | "percent"
            | "per"
            | "man"
            | "person"
            | "strong"
    )
}

/// Adjectives after a small number word that count off the points of an
/// argument ("two further costs", "three main reasons").
pub(super) fn enumerating(w: &str) -> bool {
    matches!(
        w,
        "further" | "other" | "main" | "key" | "separate" | "different" | "distinct" | "broad" | "basic"
    )
}

/// After a number word, what makes it no count: a compound ("two-way trade",
/// "one-sided") or a fraction ("two thirds", "three-quarters").
pub(super) fn not_a_unit(w: &str) -> bool {
    matches!(
        w,
        "way"
            | "sided"
            | "time"
            | "dimensional"
            | "faced"
            | "half"
            | "halves"
            | "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "fourths"
            | "fifths"
            | "sixths"
            | "sevenths"
            | "eighths"
            | "ninths"
            | "tenths"
    )
}
