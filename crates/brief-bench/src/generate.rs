//! `brief-bench generate`: a synthetic corpus recombined from the seed
//! documents (or Zipf text, `zipf.rs`), with its manifest, some documents as
//! PDF-like text with running heads and page breaks.

use std::path::Path;

use anyhow::{ensure, Context};
use brief_core::corpus::BlockKind;
use brief_lsp::load::{load_corpus, CorpusSource};
use serde::Serialize;

use crate::{zipf, Text};

/// SplitMix64. A few lines of our own rather than a crate, so that a seed
/// keeps giving the same corpus whatever a dependency's next release does.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Surnames that occur in the seeds. Generated text swaps them among
/// themselves, so names vary yet stay ones the corpus knows.
#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    "Putin", "Trenin", "Lukin", "Gabuev", "Lavrov", "Obama", "Trump", "Makocki", "Popescu", "Haenle",
    "Yeltsin", "Kashin", "Missiroli", "Clinton",
];
/// Authors named in the seeds and their manifest.
#[rustfmt::skip]
const AUTHORS: &[&str] = &[
    "Dmitri Trenin", "Artyom Lukin", "Alexander Gabuev", "Paul Haenle", "Antonio Missiroli",
    "Michal Makocki", "Nicu Popescu",
];
const WRAP_COLUMNS: usize = 80;

/// Seed sentences and headings as the core segments them; generated text is
/// recombined from these.
#[derive(Default)]
struct Pool {
    sentences: Vec<String>,
    headings: Vec<String>,
    /// Set for `--text zipf`: sentences and headings come from it instead.
    zipf: Option<zipf::ZipfText>,
}

impl Pool {
    fn sentence(&mut self, v: &Variation, rng: &mut Rng) -> String {
        match &mut self.zipf {
            Some(z) => z.sentence(v, rng),
            None => vary(rng.pick(&self.sentences).as_str(), v, rng),
        }
    }

    fn heading(&self, v: &Variation, rng: &mut Rng) -> String {
        match &self.zipf {
            Some(z) => z.heading(rng),
            None => vary(rng.pick(&self.headings).as_str(), v, rng),
        }
    }
}

fn seed_pool(text: Text) -> anyhow::Result<Pool> {
    let seeds = load_corpus(&CorpusSource::Embedded, &[], &|_, _| {})?;
    let mut pool = Pool::default();
    if let Text::Zipf = text {
        let words = seeds.documents.iter().flat_map(|d| {
            d.normalized
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
        });
        pool.zipf = Some(zipf::ZipfText::new(words));
    }
    for doc in &seeds.documents {
        for p in &doc.paragraphs {
            let words = |s: &str| s.split(' ').count();
            match p.kind {
                BlockKind::Prose => pool.sentences.extend(
                    doc.sentences[p.sentences.clone()]
                        .iter()
                        .map(|&s| doc.text(s))
                        .filter(|s| (6..=80).contains(&words(s)))
                        .map(String::from),
                ),
                BlockKind::Heading if (3..=10).contains(&words(doc.text(p.range))) => {
                    pool.headings.push(doc.text(p.range).to_owned())
                }
                _ => {}
            }
        }
    }
    ensure!(
        !pool.sentences.is_empty() && !pool.headings.is_empty(),
        "the seeds gave no sentences or headings"
    );
    Ok(pool)
}

/// One document's variation: years shift together, other numbers scale,
/// surnames rotate, and quotes may be curled again (normalization made them
/// straight), so recombined sentences are not verbatim repeats.
pub(crate) struct Variation {
    pub(crate) year_shift: i64,
    pub(crate) name_shift: usize,
    pub(crate) curly: bool,
}

fn vary(text: &str, v: &Variation, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    let mut prev: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let run_len = if c.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit())
        } else if c.is_alphabetic() {
            rest.find(|c: char| !c.is_alphabetic())
        } else {
            Some(c.len_utf8())
        };
        let (run, tail) = rest.split_at(run_len.unwrap_or(rest.len()));
        // Digits glued to letters belong to a name ("G20"); they stay.
        let glued = prev.is_some_and(char::is_alphabetic) || tail.starts_with(char::is_alphabetic);
        if c.is_ascii_digit() && !glued && !run.starts_with('0') {
            out.push_str(&vary_number(run, v, rng));
        } else if let Some(i) = SURNAMES.iter().position(|&n| n == run) {
            out.push_str(SURNAMES[(i + v.name_shift) % SURNAMES.len()]);
        } else if v.curly && (c == '"' || c == '\'') {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([".contains(p));
            out.push(match (c, opening) {
                ('"', true) => '“',
                ('"', false) => '”',
                (_, true) => '‘',
                (_, false) => '’',
            });
        } else {
            out.push_str(run);
        }
        prev = run.chars().next_back();
        rest = tail;
    }
    out
}

fn vary_number(digits: &str, v: &Variation, rng: &mut Rng) -> String {
    let Ok(n) = digits.parse::<i64>() else {
        return digits.to_owned();
    };
    if digits.len() == 4 && (1900..=2035).contains(&n) {
        return (n + v.year_shift).to_string();
    }
    // "$107 billion" becomes anything from "$64 billion" to "$150 billion".
    let factor = 0.6 + 0.8 * rng.unit();
    ((n as f64 * factor).round() as i64).max(1).to_string()
}

/// A paragraph wrapped as PDF extraction leaves it: lines of at most 80
/// columns with a trailing space, some long words broken with a hyphen.
fn wrap(text: &str, rng: &mut Rng, lines: &mut Vec<String>) {
    let mut line = String::new();
    let mut width = 0;
    for mut word in text.split(' ') {
        let len = word.chars().count();
        if width > 0 && width + 1 + len > WRAP_COLUMNS {
            let room = WRAP_COLUMNS.saturating_sub(width + 2);
            if len >= 7 && room >= 3 && word.chars().all(char::is_alphabetic) && rng.chance(0.3) {
                let cut = word.char_indices().nth(room.min(len - 3)).map_or(0, |(i, _)| i);
                line.push(' ');
                line.push_str(&word[..cut]);
                line.push('-');
                word = &word[cut..];
            }
            line.push(' ');
            lines.push(std::mem::take(&mut line));
            width = 0;
        }
        if width > 0 {
            line.push(' ');
            width += 1;
        }
        line.push_str(word);
        width += word.chars().count();
    }
    line.push(' ');
    lines.push(line);
}

/// PDF style: wrapped paragraphs, headings on a line of their own with a
/// leading space, and a running header ("374 A. Lukin") every ~50 lines,
/// often in mid-paragraph, as in the Lukin seed.
fn render_pdf(blocks: &[(BlockKind, String)], running_header: &str, rng: &mut Rng) -> String {
    let mut lines = Vec::new();
    for (kind, text) in blocks {
        if *kind == BlockKind::Heading {
            lines.push(format!(" {text}"));
        } else {
            wrap(text, rng, &mut lines);
            lines.push(String::new());
        }
    }
    let mut page = 1 + rng.below(400);
    let mut next_header = 45 + rng.below(11);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == next_header {
            out.push_str(&format!("\n\n\n{page} {running_header} \n\n"));
            page += 1;
            next_header += 45 + rng.below(11);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct Manifest {
    document: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    file: String,
    key: String,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    authors: Vec<String>,
    date: String,
}

fn document(key: String, pool: &mut Pool, rng: &mut Rng) -> (Entry, String) {
    // Log-uniform, 5 KB to 200 KB: many short pieces, a few long reports.
    let target = (5_000.0 * 40f64.powf(rng.unit())) as usize;
    let v = Variation {
        year_shift: rng.below(13) as i64 - 6,
        name_shift: rng.below(SURNAMES.len()),
        curly: rng.chance(0.7),
    };
    let author = *rng.pick(AUTHORS);
    let title = pool.heading(&v, rng);
    let (year, month, day) = (2010 + rng.below(15), 1 + rng.below(12), 1 + rng.below(28));
    let byline = (BlockKind::Heading, format!("By {author}"));
    let mut blocks = vec![(BlockKind::Heading, title.clone()), byline];
    let mut size = 0;
    while size < target {
        let block = if rng.chance(0.08) {
            (BlockKind::Heading, pool.heading(&v, rng))
        } else {
            let n = 2 + rng.below(6);
            let sentences: Vec<String> = (0..n).map(|_| pool.sentence(&v, rng)).collect();
            (BlockKind::Prose, sentences.join(" "))
        };
        size += block.1.len() + 2;
        blocks.push(block);
    }
    let pdf = rng.chance(0.5);
    let text = if pdf {
        let (first, surname) = author.split_once(' ').unwrap_or(("", author));
        let initial = first.chars().next().unwrap_or('X');
        render_pdf(&blocks, &format!("{initial}. {surname}"), rng)
    } else {
        // Web style: one line per block, blank lines between.
        let texts: Vec<&str> = blocks.iter().map(|(_, text)| text.as_str()).collect();
        texts.join("\n\n") + "\n"
    };
    let entry = Entry {
        file: format!("{key}.txt"),
        key,
        kind: if pdf { "article-journal" } else { "op-ed" },
        title,
        authors: vec![author.to_owned()],
        date: format!("{year}-{month:02}-{day:02}"),
    };
    (entry, text)
}

pub(crate) fn generate(size: usize, out: &Path, seed: u64, text: Text) -> anyhow::Result<()> {
    // Leftover files of a larger run would join the corpus without a manifest entry.
    let occupied = std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some());
    ensure!(
        !occupied,
        "{} is not empty; choose an empty or new folder",
        out.display()
    );
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut pool = seed_pool(text)?;
    let mut rng = Rng(seed);
    let mut manifest = Manifest { document: Vec::new() };
    let mut total = 0;
    while total < size {
        let (entry, text) = document(format!("gen{:06}", manifest.document.len()), &mut pool, &mut rng);
        std::fs::write(out.join(&entry.file), &text)?;
        total += text.len();
        manifest.document.push(entry);
    }
    let toml = toml::to_string(&manifest)?;
    std::fs::write(
        out.join("corpus.toml"),
        format!("# Generated by brief-bench (seed {seed}).\n\n{toml}"),
    )?;
    let (n, mb) = (manifest.document.len(), total as f64 / 1e6);
    eprintln!("wrote {n} documents, {mb:.1} MB, to {}", out.display());
    Ok(())
}
