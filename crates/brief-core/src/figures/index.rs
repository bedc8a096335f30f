//! The corpus's figures, findable by unit and by the words around them.
//!
//! "15 percent" in one sentence is not "15 percent" in another: what makes a
//! figure comparable is its context. Each figure keeps the content words of
//! its sentence; candidates for a brief's figure are those of the same unit
//! that share its rarest context words, scored by IDF-weighted overlap.

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{lemma, CONJUNCTION, FIGURE_TALK};
use super::measure::{measure, Measure};
use super::reach::{ranges_inside, tail_within_reach, within_reach};
use super::{extract_figures, Figure, FigureKind};
use crate::corpus::{BlockKind, DocId, Document};
use crate::text::lexicon::FUNCTION_WORDS;
use crate::text::TextRange;

/// A figure of a corpus document, its range and sentence in the normalized text.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CorpusFigure {
    pub doc: DocId,
    pub figure: Figure,
    pub sentence: TextRange,
    /// The sentence before, whose words its context takes (`Context`).
    pub previous: Option<TextRange>,
    /// Context word numbers, sorted, with their weight as a source's.
    words: Vec<(u32, f32)>,
    /// What the figure measures (`measure`), stemmed.
    pub(super) measure: Option<Measure>,
}

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FigureIndex {
    figures: Vec<CorpusFigure>,
    word_ids: FxHashMap<String, u32>,
    idf: Vec<f32>,
    /// Per unit class and word, the figures of that class whose context
    /// holds the word.
    postings: FxHashMap<(u32, u32), Vec<u32>>,
    class_ids: FxHashMap<UnitClass, u32>,
}

/// How many candidates are scored in full, those sharing the most of the
/// brief's rarest words: a corpus of copies (or boilerplate) would otherwise
/// make every lookup score thousands of identical sentences.
const MAX_SCORED: usize = 256;

/// What is said around a figure: the content words of its sentence
/// (weight 1) and of the sentence before it (weight 0.5), stemmed, without
/// the figure's own bound or number word and noun or unit (the words
/// between them are context). Built alike for corpus and brief figures.
///
/// A sentence that states several figures says what each is about mostly
/// in the words between it and the figure before it (English puts the
/// subject first: "Halifax said prices rose 0.8% in January and Nationwide
/// reported a rise of 0.4%") and in the modifier right after it, up to a
/// comma ("of GDP next year"). The words of the other figures' stretches
/// count half, on both sides, so that a value stated for another subject of
/// the same sentence is not read as this subject's.
#[derive(Clone, Debug, Default)]
pub struct Context {
    words: Vec<ContextWord>,
    /// What the figure measures: the noun of its "of …" phrase or the one it
    /// modifies (`measure`), stemmed.
    measure: Option<Measure>,
}

#[derive(Clone, Debug)]
struct ContextWord {
    stem: String,
    /// Its weight when the figure is the brief's.
    weight: f32,
    /// Its weight when the figure is a source's: a source's sentence before
    /// names the subject as fully as its own (only the brief's is weaker),
    /// but another figure's stretch is as weak there as in the brief.
    as_source: f32,
}

/// The weight of the words of another figure's stretch of the sentence.
const OTHER_STRETCH: f32 = 0.5;

impl Context {
    /// `own` is the figure's range inside `sentence`; `others` the ranges
    /// of the sentence's other checkable figures (any order; `own` itself
    /// and figures outside the sentence are ignored).
    pub fn around(sentence: &str, own: TextRange, others: &[TextRange], previous: &str) -> Context {
        // The figure's own words are its bound or number word and its noun
        // or unit, first and last; the words between them modify the noun
        // and are context like any other ("eight fully-operational Islamic
        // banking groups" are fully operational).
        let mut own_words: Vec<String> = content_words(&sentence[own.start..own.end]).collect();
        if own_words.len() > 2 {
            own_words.drain(1..own_words.len() - 1);
        }
        let (lead, trail) = stretch(sentence, own, others);
        let parts = [
            (&sentence[own.start..own.end], 1.0, 1.0),
            (&sentence[lead..own.start], 1.0, 1.0),
            (&sentence[own.end..trail], 1.0, 1.0),
            (&sentence[..lead], OTHER_STRETCH, OTHER_STRETCH),
            (&sentence[trail..], OTHER_STRETCH, OTHER_STRETCH),
            (previous, 0.5, 1.0),
        ];
        let mut words: Vec<ContextWord> = Vec::new();
        let mut seen: FxHashSet<String> = own_words.into_iter().collect();
        for (text, weight, as_source) in parts {
            for w in content_words(text) {
                if seen.insert(w.clone()) {
                    words.push(ContextWord {
                        stem: w,
                        weight,
                        as_source,
                    });
                }
            }
        }
        Context {
            words,
            measure: measure(sentence, own.start..own.end),
        }
    }

    pub(super) fn measure(&self) -> Option<&Measure> {
        self.measure.as_ref()
    }
}

/// The ranges of `figures` that bound the others' stretches (`Context`): a
/// plain number leaves unsaid what it counts, so the words that say it lie
/// around it, across what would be its stretch's ends; it bounds none, on
/// either side. Sorted by start, for `ranges_inside`.
pub fn stretch_anchors(figures: &[Figure]) -> Vec<TextRange> {
    let mut anchors: Vec<TextRange> = figures
        .iter()
        .filter(|f| UnitClass::of(&f.kind).is_some())
        .map(|f| f.range)
        .collect();
    anchors.sort_by_key(|r| r.start);
    anchors
}

/// The byte bounds `(lead, trail)` of the figure's own stretch of the
/// sentence: from the end of the figure before it, and to the next figure
/// or the first clause mark after it, whichever comes first; the whole
/// sentence when it states no other figure. A figure in parentheses ("$36.5m
/// (£19m)", "70m euros ($91m; £49m)") converts or glosses the one before
/// it: it bounds no stretch and takes that figure's.
fn stretch(sentence: &str, own: TextRange, others: &[TextRange]) -> (usize, usize) {
    // The bracket depth before each byte, counted once: asked of every
    // figure, a count from the start would be quadratic in the sentence.
    let mut depth_before = Vec::with_capacity(sentence.len() + 1);
    let mut depth = 0i32;
    for b in sentence.bytes() {
        depth_before.push(depth);
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            _ => {}
        }
    }
    depth_before.push(depth);
    let in_parens = |r: &TextRange| depth_before[r.start] > 0;
    // Only a figure's own parenthesis glosses it: "the French government
    // (15%)" states the government's share, as "Lagardere owns 30%" would.
    let glosses = |r: &TextRange| {
        let before = sentence[..r.start].trim_end_matches([' ', '(', '[', ';', '~']);
        in_parens(r)
            && others.iter().any(|o| {
                o.end == before.len() || (o.end <= before.len() && before[o.end..].trim().is_empty())
            })
    };
    let mut anchors: Vec<TextRange> = others
        .iter()
        .filter(|r| **r != own && r.end <= sentence.len() && !glosses(r))
        .copied()
        .collect();
    if anchors.is_empty() {
        return (0, sentence.len());
    }
    anchors.sort_by_key(|r| r.start);
    // A glossing figure stands where the figure it glosses does.
    let at = if glosses(&own) {
        anchors
            .iter()
            .rev()
            .find(|r| r.end <= own.start)
            .copied()
            .unwrap_or(own)
    } else {
        own
    };
    let before = anchors.iter().rposition(|r| r.end <= at.start);
    let lead_of = |i: Option<usize>| i.map_or(0, |i| anchors[i].end);
    // "fell from £180,126 in November to £178,906": the two ends of a
    // "from … to" range share the subject before the first.
    let lead = match before {
        Some(i)
            if from_to(
                &sentence[lead_of(i.checked_sub(1))..anchors[i].start],
                &sentence[anchors[i].end..at.start],
            ) =>
        {
            lead_of(i.checked_sub(1))
        }
        _ => lead_of(before),
    };
    // "63% thought she acted vindictively and 61% that he was right": a
    // conjunction between two figures ends the first's stretch and starts
    // the second's.
    let lead = match before {
        Some(i) if lead == anchors[i].end => {
            conjunction(sentence, lead, at.start).map_or(lead, |(_, end)| end)
        }
        _ => lead,
    };
    let next = anchors
        .iter()
        .filter(|r| r.start >= at.end)
        .map(|r| r.start)
        .min();
    let trail = match next {
        None => sentence.len(),
        Some(next) => {
            let mark = sentence[at.end..next]
                .find([',', ';', ':'])
                .map_or(next, |i| at.end + i);
            let joined = conjunction(sentence, at.end, next).map_or(next, |(start, _)| start);
            mark.min(joined).max(own.end)
        }
    };
    (lead.min(own.start), trail)
}

/// Words that set the figure after them against the one before: "42%
/// backed it compared to 45% who thought it unbecoming".
const SETS_AGAINST: &[&str] = &["compared", "against", "versus"];

/// The first conjunction ("and", "but", "while", "whereas") or word of
/// comparison in `sentence[from..to]`, as its byte bounds.
fn conjunction(sentence: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut at = from;
    for word in sentence[from..to].split_inclusive(|c: char| !c.is_alphanumeric()) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let bare_lower = bare.to_lowercase();
        if CONJUNCTION.contains(&bare_lower.as_str()) || SETS_AGAINST.contains(&bare_lower.as_str()) {
            return Some((at, at + bare.len()));
        }
        at += word.len();
    }
    None
}

/// Whether two figures, with `first_lead` before the first and `between`
/// between them, are the ends of a "from … to" range.
fn from_to(first_lead: &str, between: &str) -> bool {
    let last_word = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .map(str::to_lowercase)
    };
    // A gloss in parentheses ("£5.5bn ($10bn) to") is no word of the range.
    let bare: String = {
        let mut depth = 0;
        between
            .chars()
            .filter(|&c| {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth -= 1,
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    };
    last_word(first_lead).as_deref() == Some("from")
        && bare.split_whitespace().any(|w| w == "to")
        && last_word(&bare).as_deref() == Some("to")
}

/// Stems (Snowball English) of the lower-cased words of three letters or
/// more, stop words left out: "exports" and "export", "rose" and "rising"
/// are not the same strings but the same subject. The head nouns of units
/// ("percent") are in the unit already.
pub fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(w) && !FIGURE_TALK.contains(w))
        .map(|w| stem(&w))
}

/// The Snowball English stem of a lower-cased word, after its lemma when
/// the stemmer cannot find it: "rose" is "rise", "lost" and "loss" "lose".
pub(super) fn stem(word: &str) -> String {
    Stemmer::create(Algorithm::English)
        .stem(lemma(word).unwrap_or(word))
        .into_owned()
}

/// Figures that can be checked against each other share a class. Years
/// and dates are not checked, nor small whole numbers with no unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum UnitClass {
    /// An ISO 4217 code.
    Currency(String),
    Percent,
    PercentagePoints,
    /// Counts of one thing: the stem of the counted noun, with units of
    /// measure spelled one way ("tons", "tonnes", "metric tons" are "tonn").
    Count(String),
    Multiplier,
    /// A distinctive number with no unit or noun ([`UnitClass::checked`]).
    Plain,
}

impl UnitClass {
    /// The class a figure is checked in: its unit's, or [`UnitClass::Plain`]
    /// for a number with no unit that is 1,000 or more or has decimals
    /// ("reached 4.464 million", "stood at 95.5", "from 155,000 to 100,000"):
    /// such a number states a quantity whose noun the sentence names
    /// elsewhere; a small whole one is too often no claim ("two in the 2015
    /// edition").
    pub fn checked(figure: &Figure) -> Option<UnitClass> {
        match figure.kind {
            FigureKind::Plain if figure.value.abs() >= 1000.0 || figure.value.fract() != 0.0 => {
                Some(UnitClass::Plain)
            }
            _ => UnitClass::of(&figure.kind),
        }
    }

    /// Whether a brief's figure of this class can be checked against a
    /// source's of `source`: the same class, or a plain number against a
    /// count, whose noun the plain one leaves unsaid ("unemployment reached
    /// 4.464 million" and "4.464 million people"). Not the other way round:
    /// a source's plain number does not say what a claim's count counts.
    pub fn compares_with(&self, source: &UnitClass) -> bool {
        self == source || matches!((self, source), (UnitClass::Plain, UnitClass::Count(_)))
    }

    /// The unit class of a figure kind; years, dates and plain numbers have none.
    pub fn of(kind: &FigureKind) -> Option<UnitClass> {
        Some(match kind {
            FigureKind::Currency { code } => UnitClass::Currency(code.clone()),
            FigureKind::Percent => UnitClass::Percent,
            FigureKind::PercentagePoints => UnitClass::PercentagePoints,
            FigureKind::Count { noun } => UnitClass::Count(counted(noun)),
            FigureKind::Multiplier => UnitClass::Multiplier,
            FigureKind::Year | FigureKind::Date | FigureKind::Plain => return None,
        })
    }
}

/// The stem of a counted noun, one spelling per unit of measure.
fn counted(noun: &str) -> String {
    let unit = match noun {
        "ton" | "tons" | "tonne" | "tonnes" | "t" => "tonne",
        "degree" | "degrees" | "°c" | "celsius" | "c" => "degree",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "kilometre",
        "kg" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" => "kilogram",
        other => other,
    };
    stem(unit)
}

/// Where [`FigureIndex::assemble`] takes a document's figures from.
#[derive(Clone, Copy)]
pub enum FiguresOf<'a> {
    /// Found in the document ([`DocFigures::of`]).
    Found(&'a DocFigures),
    /// The figures of the document with this id in the index `assemble` is
    /// given as `previous`: a kept document's figures are not found again,
    /// nor kept apart from the index that holds them.
    Indexed(DocId),
}

impl FigureIndex {
    pub fn build(documents: &[Document]) -> FigureIndex {
        let per_doc: Vec<DocFigures> = documents.par_iter().map(DocFigures::of).collect();
        let per_doc = documents
            .iter()
            .zip(&per_doc)
            .map(|(d, f)| (d.id, FiguresOf::Found(f)));
        FigureIndex::assemble(&FigureIndex::default(), per_doc)
    }

    /// The index of each document's figures, in document order: word
    /// numbers, document frequencies, IDF weights and postings are
    /// corpus-wide, so they are counted here for all documents at once.
    /// Words are numbered as first met, each figure's in stem order, so
    /// that a figure read back from `previous` numbers them as the one found
    /// in its document does.
    pub fn assemble<'a>(
        previous: &FigureIndex,
        per_doc: impl IntoIterator<Item = (DocId, FiguresOf<'a>)>,
    ) -> FigureIndex {
        let mut index = FigureIndex::default();
        let mut df: Vec<u32> = Vec::new();
        let mut previous_words: Vec<&str> = Vec::new();
        let mut words: Vec<(&str, f32)> = Vec::new();
        for (doc, figures) in per_doc {
            match figures {
                FiguresOf::Found(figures) => {
                    for f in &figures.0 {
                        words.clear();
                        words.extend(f.words.iter().map(|(w, weight)| (w.as_str(), *weight)));
                        let at = (f.sentence, f.previous);
                        index.add(&mut df, doc, &f.figure, at, &words, &f.measure);
                    }
                }
                FiguresOf::Indexed(at) => {
                    if previous_words.is_empty() {
                        previous_words = vec![""; previous.word_ids.len()];
                        for (w, &id) in &previous.word_ids {
                            previous_words[id as usize] = w;
                        }
                    }
                    for f in previous.in_doc(at) {
                        words.clear();
                        words.extend(f.words.iter().map(|&(id, w)| (previous_words[id as usize], w)));
                        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
                        let at = (f.sentence, f.previous);
                        index.add(&mut df, doc, &f.figure, at, &words, &f.measure);
                    }
                }
            }
        }
        let n = index.figures.len().max(1) as f32;
        index.idf = df.iter().map(|&d| (n / d as f32).ln() + 1.0).collect();
        index
    }

    /// Adds a figure stated `at` its sentence (and the sentence before)
    /// whose context words are `words` (stems with their weight as a
    /// source's), in stem order and without repeats; `df` counts each
    /// word's figures.
    fn add(
        &mut self,
        df: &mut Vec<u32>,
        doc: DocId,
        figure: &Figure,
        (sentence, previous): (TextRange, Option<TextRange>),
        words: &[(&str, f32)],
        measure: &Option<Measure>,
    ) {
        let Some(class) = UnitClass::checked(figure) else {
            return;
        };
        let mut ids: Vec<(u32, f32)> = words
            .iter()
            .map(|&(w, weight)| {
                let id = match self.word_ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let next = self.word_ids.len() as u32;
                        self.word_ids.insert(w.to_string(), next);
                        next
                    }
                };
                (id, weight)
            })
            .collect();
        ids.sort_unstable_by_key(|&(id, _)| id);
        let fig_id = self.figures.len() as u32;
        let next_class = self.class_ids.len() as u32;
        let class_id = *self.class_ids.entry(class).or_insert(next_class);
        for &(id, _) in &ids {
            if id as usize >= df.len() {
                df.resize(id as usize + 1, 0);
            }
            df[id as usize] += 1;
            self.postings.entry((class_id, id)).or_default().push(fig_id);
        }
        self.figures.push(CorpusFigure {
            doc,
            figure: figure.clone(),
            sentence,
            previous,
            words: ids,
            measure: measure.clone(),
        });
    }

    pub fn len(&self) -> usize {
        self.figures.len()
    }

    /// All figures, in document order.
    pub fn figures(&self) -> &[CorpusFigure] {
        &self.figures
    }

    pub fn is_empty(&self) -> bool {
        self.figures.is_empty()
    }

    /// The figures of one document.
    pub fn in_doc(&self, doc: DocId) -> &[CorpusFigure] {
        let start = self.figures.partition_point(|f| f.doc < doc);
        let end = self.figures.partition_point(|f| f.doc <= doc);
        &self.figures[start..end]
    }

    /// Corpus figures of `class` sharing context with `context`, with their
    /// context score in 0..=1, best first.
    pub fn candidates(&self, class: &UnitClass, context: &Context) -> Vec<(f64, &CorpusFigure)> {
        let Some((known, total)) = self.weighed(context) else {
            return Vec::new();
        };
        let class_ids: Vec<u32> = self
            .class_ids
            .iter()
            .filter(|(c, _)| class.compares_with(c))
            .map(|(_, &id)| id)
            .collect();
        // The rarest words find the candidates; common ones only score them.
        let mut seeds = known.clone();
        seeds.sort_by(|a, b| self.idf[b.0 as usize].total_cmp(&self.idf[a.0 as usize]));
        let mut hits: FxHashMap<u32, u32> = FxHashMap::default();
        for &(id, _) in seeds.iter().take(8) {
            for &class_id in &class_ids {
                for &fig in self.postings.get(&(class_id, id)).map_or(&[][..], Vec::as_slice) {
                    *hits.entry(fig).or_default() += 1;
                }
            }
        }
        let mut ids: Vec<(u32, u32)> = hits.into_iter().collect();
        ids.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ids.truncate(MAX_SCORED);
        let mut scored: Vec<(f64, &CorpusFigure)> = ids
            .into_iter()
            .map(|(i, _)| &self.figures[i as usize])
            .map(|f| ((self.shared(&known, &f.words) / total) as f64, f))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
    }

    /// The context score of `sentence` of `doc` as a whole: its words as
    /// any of its figures takes them, each at its strongest. What a
    /// sentence says of a subject is more than any one figure's stretch of
    /// it, and it is what the sentence after it takes as its sentence before.
    pub fn sentence_score(&self, context: &Context, doc: DocId, sentence: TextRange) -> f64 {
        let Some((known, total)) = self.weighed(context) else {
            return 0.0;
        };
        let mut words: Vec<(u32, f32)> = Vec::new();
        for f in self.in_doc(doc).iter().filter(|f| f.sentence == sentence) {
            for &(id, w) in &f.words {
                match words.binary_search_by_key(&id, |&(x, _)| x) {
                    Ok(at) => words[at].1 = words[at].1.max(w),
                    Err(at) => words.insert(at, (id, w)),
                }
            }
        }
        (self.shared(&known, &words) / total) as f64
    }

    /// The brief's context words the corpus knows, with their weight, and
    /// the weight of all its words (IDF times weight); `None` when nothing
    /// weighs.
    fn weighed(&self, context: &Context) -> Option<(Vec<(u32, f32)>, f32)> {
        let known: Vec<(u32, f32)> = context
            .words
            .iter()
            .filter_map(|w| self.word_ids.get(&w.stem).map(|&id| (id, w.weight)))
            .collect();
        // Words the corpus never puts beside a figure still count against a
        // match: they are what the brief says that no source does; each as
        // much as its place makes it the figure's (a word of the sentence
        // before, half).
        let unknown: f32 = context
            .words
            .iter()
            .filter(|w| !self.word_ids.contains_key(&w.stem))
            .map(|w| w.weight)
            .sum::<f32>()
            * self.max_idf();
        let total: f32 = known
            .iter()
            .map(|&(id, w)| w * self.idf[id as usize])
            .sum::<f32>()
            + unknown;
        (total != 0.0).then_some((known, total))
    }

    /// The IDF-weighted weight of the brief's `known` words that a source's
    /// `words` (sorted) hold.
    fn shared(&self, known: &[(u32, f32)], words: &[(u32, f32)]) -> f32 {
        known
            .iter()
            .filter_map(|&(id, w)| {
                let at = words.binary_search_by_key(&id, |&(x, _)| x).ok()?;
                // A word ties the two figures as weakly as the weaker of
                // its two sides says.
                Some(w.min(words[at].1) * self.idf[id as usize])
            })
            .sum()
    }

    fn max_idf(&self) -> f32 {
        self.idf.iter().copied().fold(1.0, f32::max)
    }
}

/// One document's part of the figure index, before the corpus-wide counts:
/// each checkable figure with its sentence and the words around it.
#[derive(Clone, Debug, Default)]
pub struct DocFigures(Vec<DocFigure>);

#[derive(Clone, Debug)]
struct DocFigure {
    figure: Figure,
    sentence: TextRange,
    previous: Option<TextRange>,
    /// The context's stems with their weight as a source's, in stem order.
    words: Vec<(String, f32)>,
    measure: Option<Measure>,
}

impl DocFigures {
    /// The checkable figures of a document's prose, with their sentence and context words.
    pub fn of(doc: &Document) -> DocFigures {
        let mut out = Vec::new();
        for p in &doc.paragraphs {
            if !matches!(p.kind, BlockKind::Prose | BlockKind::ListItem) {
                continue;
            }
            let mut figures = extract_figures(doc.text(p.range));
            figures.retain(|f| UnitClass::checked(f).is_some());
            for f in &mut figures {
                f.range = f.range.shifted(p.range.start);
            }
            let ranges = stretch_anchors(&figures);
            for figure in figures {
                let sentences = &doc.sentences[p.sentences.clone()];
                let at = sentences.iter().position(|s| s.contains_range(figure.range));
                let s = at.map_or(p.range, |i| sentences[i]);
                // The sentence before often names what the figure is about
                // ("…the Vostok-2018 maneuvers. China sent 3200 troops").
                let previous = at.and_then(|i| i.checked_sub(1)).map(|i| sentences[i]);
                let near = within_reach(&doc.normalized, s, figure.range);
                let own = TextRange::new(figure.range.start - near.start, figure.range.end - near.start);
                let others: Vec<TextRange> = ranges_inside(&ranges, near)
                    .iter()
                    .map(|r| TextRange::new(r.start - near.start, r.end - near.start))
                    .collect();
                let before = previous.map_or("", |r| doc.text(tail_within_reach(&doc.normalized, r)));
                let context = Context::around(doc.text(near), own, &others, before);
                let mut words: Vec<(String, f32)> =
                    context.words.into_iter().map(|w| (w.stem, w.as_source)).collect();
                words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                out.push(DocFigure {
                    figure,
                    sentence: s,
                    previous,
                    words,
                    measure: context.measure,
                });
            }
        }
        DocFigures(out)
    }
}
