//! `brief-bench`: writes large synthetic corpora recombined from the seed
//! documents, and measures load time, peak memory and request latency
//! against a corpus folder. Its figures are recorded in BENCHMARKS.md.

mod alloc;
mod update;
mod warm;
mod zipf;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{ensure, Context};
use brief_core::analysis::{self, CheckConfig};
use brief_core::brief::Brief;
use brief_core::corpus::BlockKind;
use brief_core::entities::EntityTable;
use brief_core::figures::{extract_figures, UnitClass};
use brief_core::quotes::{find_quote, QueryPart, QuoteVerdict};
use brief_core::snapshot::Snapshot;
use brief_lsp::load::{load_corpus, CorpusSource};
use clap::{Parser, Subcommand};
use serde::Serialize;

#[derive(Parser)]
#[command(about = "Generate benchmark corpora and measure brief-lsp against them")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a synthetic corpus, recombined from the seed documents, into an
    /// empty or new folder.
    Generate {
        /// Total size of the documents, in MB (10⁶ bytes): 10MB, 100MB.
        #[arg(long, value_parser = parse_size)]
        size: usize,
        #[arg(long)]
        out: PathBuf,
        /// The same seed gives the same corpus, byte for byte.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How sentences are made.
        #[arg(long, value_enum, default_value_t = Text::Seeds)]
        text: Text,
    },
    /// Measure load + index time, peak memory and request latency.
    Run {
        #[arg(long)]
        corpus: PathBuf,
        /// Timed calls per request kind.
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
        iterations: u64,
    },
    /// Measure live updates (one file added, changed, deleted) against a
    /// full reload.
    Update {
        #[arg(long)]
        corpus: PathBuf,
        /// Updates of each kind.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Full reloads (cold builds) to compare with.
        #[arg(long, default_value_t = 3)]
        reloads: usize,
        /// Instead: the first update after a warm start (the stored index
        /// opened, its parts for updates decoded at the update).
        #[arg(long)]
        after_warm_start: bool,
    },
    /// Measure warm starts from the stored index (built and stored first if
    /// need be) and where their memory goes.
    Warm {
        #[arg(long)]
        corpus: PathBuf,
        /// Warm loads.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

/// How `generate` makes sentences.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Text {
    /// The seeds' sentences recombined and varied: a small vocabulary, each
    /// sentence repeated about 100 times per 10 MB (the corpora of the
    /// earlier figures).
    Seeds,
    /// New sentences of Zipf-distributed words, names and figures: a
    /// growing vocabulary and few repeats (`zipf.rs`).
    Zipf,
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Generate {
            size,
            out,
            seed,
            text,
        } => generate(size, &out, seed, text),
        Command::Run { corpus, iterations } => run(&corpus, iterations as usize),
        Command::Update {
            corpus,
            runs,
            reloads,
            after_warm_start: false,
        } => update::update(&corpus, runs.max(1), reloads.max(1)),
        Command::Update {
            corpus,
            runs,
            after_warm_start: true,
            ..
        } => update::after_warm_start(&corpus, runs.max(1)),
        Command::Warm { corpus, runs } => warm::warm(&corpus, runs.max(1)),
    }
}

fn parse_size(s: &str) -> Result<usize, String> {
    let mb = s.strip_suffix("MB").and_then(|n| n.parse::<usize>().ok());
    mb.map(|n| n * 1_000_000)
        .ok_or_else(|| format!("`{s}` is not a size such as 10MB"))
}

/// SplitMix64. A few lines of our own rather than a crate, so that a seed
/// keeps giving the same corpus whatever a dependency's next release does.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Surnames that occur in the seeds. Generated text swaps them among
/// themselves, so names vary yet stay ones the corpus knows.
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
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
struct Variation {
    year_shift: i64,
    name_shift: usize,
    curly: bool,
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

fn generate(size: usize, out: &Path, seed: u64, text: Text) -> anyhow::Result<()> {
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

/// Peak resident memory of this process so far, in KiB.
fn peak_memory_kib() -> anyhow::Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .context("no VmHWM in /proc/self/status")?;
    Ok(line.trim().trim_end_matches("kB").trim().parse()?)
}

/// Median and 95th percentile in microseconds of `iterations` timed calls,
/// after a few untimed ones to warm caches.
fn time<R>(iterations: usize, mut f: impl FnMut() -> R) -> (f64, f64) {
    for _ in 0..iterations.min(10) {
        black_box(f());
    }
    let mut samples: Vec<f64> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    (samples[n / 2], samples[(n * 95 / 100).min(n - 1)])
}

fn row(name: &str, (median, p95): (f64, f64)) {
    println!("| {name} | {median:.2} µs | {p95:.2} µs |");
}

/// A brief of about 1,000 words of corpus sentences with 20 citations,
/// every fourth a near miss of a real key so that diagnostics does its
/// nearest-key search. Returns the brief and its word count.
fn long_brief(corpus: &Snapshot) -> (String, usize) {
    let docs = &corpus.documents;
    let mut text = String::from("# Russia and China\n\n");
    let mut words = 0;
    for i in 0..20 {
        let doc = &docs[(i * 7919) % docs.len()];
        let mut paragraph_words = 0;
        for &s in &doc.sentences[doc.sentences.len() / 2..] {
            if paragraph_words >= 35 {
                break;
            }
            paragraph_words += doc.text(s).split_whitespace().count();
            text.push_str(doc.text(s));
            text.push(' ');
        }
        words += paragraph_words;
        let typo = if i % 4 == 3 { "x" } else { "" };
        text.push_str(&format!("[@{}{typo}, p. {}]\n\n", doc.reference.key, i + 1));
    }
    (text, words)
}

fn run(dir: &Path, iterations: usize) -> anyhow::Result<()> {
    let source = CorpusSource::Folders(vec![dir.to_path_buf()]);
    let (mut load_secs, mut peak_kib, mut corpus) = (Vec::new(), 0, Snapshot::default());
    for i in 0..3 {
        // One corpus in memory at a time, as in the server after a reload.
        drop(std::mem::take(&mut corpus));
        let start = Instant::now();
        corpus = load_corpus(&source, &[], &|_, _| {})?;
        load_secs.push(start.elapsed().as_secs_f64());
        if i == 0 {
            peak_kib = peak_memory_kib()?;
        }
    }
    let docs = &corpus.documents;
    ensure!(!docs.is_empty(), "{} holds no documents", dir.display());
    let (n_docs, n_problems) = (docs.len(), corpus.problems.len());
    let mb = docs.iter().map(|d| d.original.len()).sum::<usize>() as f64 / 1e6;
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let pieces: usize = docs.iter().map(|d| d.map.n_pieces()).sum();
    println!("## brief-bench run: {}\n", dir.display());
    println!(
        "| documents | MB | sentences | offset-map pieces | corpus problems |\n|---:|---:|---:|---:|---:|"
    );
    println!("| {n_docs} | {mb:.1} | {sentences} | {pieces} | {n_problems} |\n");
    let runs = format!("{:.2}, {:.2}, {:.2}", load_secs[0], load_secs[1], load_secs[2]);
    load_secs.sort_by(f64::total_cmp);
    let (median_load, peak_mib) = (load_secs[1], peak_kib as f64 / 1024.0);
    println!("| measure | median | p95 |\n|---|---:|---:|");
    println!("| load + index (runs: {runs} s) | {median_load:.2} s | |");
    println!("| peak memory (VmHWM after the first load) | {peak_mib:.0} MiB | |");

    let key = &docs[n_docs / 2].reference.key;
    let short = Brief::parse(format!("As Trenin argues [@{key}, p. 3], the entente holds.\n"));
    let on_key = short.text.find('@').unwrap() + 3;
    ensure!(
        analysis::hover(&corpus, &short, on_key).is_some(),
        "no hover on @{key}"
    );
    let hover = time(iterations, || analysis::hover(&corpus, &short, on_key));
    row(&format!("hover on `@{key}`"), hover);
    let definition = time(iterations, || analysis::definition(&corpus, &short, on_key));
    row(&format!("definition on `@{key}`"), definition);

    let prefix = &key[..key.len().min(5)];
    let typing = Brief::parse(format!("Russia’s pivot [@{prefix}"));
    let end = typing.text.len();
    let n_items = analysis::completion(&corpus, &typing, end).map_or(0, |c| c.items.len());
    let completion = time(iterations, || analysis::completion(&corpus, &typing, end));
    row(
        &format!("completion after `[@{prefix}` ({n_items} items)"),
        completion,
    );

    let (long_text, words) = long_brief(&corpus);
    let long = Brief::parse(long_text.as_str());
    let n_findings = analysis::diagnostics(&corpus, &long, &CheckConfig::default()).len();
    let diagnostics = time(iterations, || {
        analysis::diagnostics(&corpus, &long, &CheckConfig::default())
    });
    row(
        &format!("diagnostics, {words}-word brief, 20 citations ({n_findings} findings)"),
        diagnostics,
    );
    // Not a request, but every edit re-parses the brief before any request.
    let parse = time(iterations, || Brief::parse(long_text.as_str()));
    row("`Brief::parse` of that brief", parse);
    quote_rows(&corpus, iterations);
    figure_rows(&corpus, iterations);
    entity_rows(&corpus, iterations);
    println!("\n{iterations} timed calls per request.");
    Ok(())
}

fn figure_rows(corpus: &Snapshot, iterations: usize) {
    // Throughput on one core: the extractor over every prose paragraph.
    let paragraphs: Vec<&str> = corpus
        .documents
        .iter()
        .flat_map(|d| {
            d.paragraphs
                .iter()
                .filter(|p| matches!(p.kind, BlockKind::Prose | BlockKind::ListItem))
                .map(move |p| d.text(p.range))
        })
        .collect();
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();
    let mut rates: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let n: usize = paragraphs
                .iter()
                .map(|p| black_box(extract_figures(p)).len())
                .sum();
            black_box(n);
            bytes as f64 / 1e6 / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    let n_figures = corpus.figure_index().len();
    println!(
        "| figure extraction, one core ({:.0} MB of prose; {n_figures} checkable figures indexed) | {:.0} MB/s | |",
        bytes as f64 / 1e6,
        rates[1]
    );

    // A 5,000-word brief with 100 figures: sentences of the corpus that hold
    // one, every third with its number changed.
    let mut brief = String::from("# Figures\n\n");
    let mut n = 0;
    for (i, p) in paragraphs.iter().enumerate().step_by(7) {
        if n == 100 {
            break;
        }
        let Some(f) = extract_figures(p)
            .into_iter()
            .find(|f| UnitClass::of(&f.kind).is_some())
        else {
            continue;
        };
        let sentence_end = p[f.range.end..]
            .find(". ")
            .map_or(p.len(), |e| f.range.end + e + 1);
        let start = p[..f.range.start].rfind(". ").map_or(0, |s| s + 2);
        let mut sentence = p[start..sentence_end].to_string();
        if i % 3 == 0 {
            let figure = &p[f.range.start..f.range.end];
            sentence = sentence.replacen(figure, &figure.replace('1', "7").replace('2', "8"), 1);
        }
        brief.push_str(&format!(
            "{sentence} This matters for the relationship between the two countries and for the \
             region, as analysts of both sides have argued.\n\n"
        ));
        n += 1;
    }
    diagnostics_row(corpus, &brief, &format!("{n} figures"), iterations);
}

fn entity_rows(corpus: &Snapshot, iterations: usize) {
    let mb = corpus.documents.iter().map(|d| d.original.len()).sum::<usize>() as f64 / 1e6;
    let mut secs: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(EntityTable::build(&corpus.documents));
            start.elapsed().as_secs_f64()
        })
        .collect();
    secs.sort_by(f64::total_cmp);
    println!(
        "| entity extraction, 2 threads ({} entities) | {:.2} s ({:.0} MB/s) | |",
        corpus.entities().entities.len(),
        secs[1],
        mb / secs[1]
    );
    for typed in ["Lav", "Xi J", "SCO", "Vos", "P"] {
        let brief = Brief::parse(format!("As the brief says, {typed}"));
        let end = brief.text.len();
        let n = analysis::completion(corpus, &brief, end).map_or(0, |c| c.items.len());
        let timing = time(iterations, || analysis::completion(corpus, &brief, end));
        row(&format!("name completion after `{typed}` ({n} items)"), timing);
    }
}

/// Sentences of at least 10 words from across the corpus, as quotes.
fn corpus_sentences(corpus: &Snapshot, n: usize) -> Vec<String> {
    let docs = &corpus.documents;
    (0..n * 20)
        .map(|i| {
            let doc = &docs[(i * 7919) % docs.len()];
            let s = doc.sentences[(i * 104_729) % doc.sentences.len()];
            doc.text(s).to_string()
        })
        .filter(|s| s.split_whitespace().count() >= 10 && s.chars().all(|c| c != '"' && c != '['))
        .take(n)
        .collect()
}

/// One word changed in the middle: what a misquote looks like.
fn misquote(sentence: &str) -> String {
    let mut words: Vec<&str> = sentence.split_whitespace().collect();
    let middle = words.len() / 2;
    words[middle] = "zeppelin";
    words.join(" ")
}

fn quote_rows(corpus: &Snapshot, iterations: usize) {
    let sentences = corpus_sentences(corpus, 200);
    let lookups = |quotes: &[String]| {
        let verdicts: Vec<QuoteVerdict> = quotes
            .iter()
            .map(|q| find_quote(&corpus.quote_sources(), &[QueryPart::Text(q)]).verdict)
            .collect();
        let mut samples: Vec<f64> = Vec::new();
        for _ in 0..(iterations / quotes.len()).max(1) {
            for q in quotes {
                let start = Instant::now();
                black_box(find_quote(&corpus.quote_sources(), &[QueryPart::Text(q)]));
                samples.push(start.elapsed().as_secs_f64() * 1e6);
            }
        }
        samples.sort_by(f64::total_cmp);
        let n = samples.len();
        (verdicts, (samples[n / 2], samples[(n * 95 / 100).min(n - 1)]))
    };
    let count = |v: &[QuoteVerdict], want| v.iter().filter(|&&x| x == want).count();
    let (verdicts, exact) = lookups(&sentences);
    let n = sentences.len();
    row(
        &format!(
            "exact quote lookup ({}/{n} exact)",
            count(&verdicts, QuoteVerdict::Exact)
        ),
        exact,
    );
    let misquotes: Vec<String> = sentences.iter().map(|s| misquote(s)).collect();
    let (verdicts, near) = lookups(&misquotes);
    row(
        &format!(
            "near-match search, one word changed ({}/{n} inexact)",
            count(&verdicts, QuoteVerdict::Inexact)
        ),
        near,
    );

    let mut brief = String::from("# Quotes\n\n");
    for (i, s) in sentences.iter().take(50).enumerate() {
        let quote = if i % 5 == 4 { misquote(s) } else { s.clone() };
        brief.push_str(&format!(
            "The analysts of the period wrote at length about the relationship between the two \
             countries, its history and its limits, its economic basis and its military side, \
             and the ways in which the partners saw each other over the decades, from the \
             border treaties of the nineteenth century to the energy deals, arms sales and \
             joint exercises of recent years, and what all of that means for Europe. One of them \
             wrote that “{quote}” [@gen{i:06}]. Others disagreed with that view.\n\n"
        ));
    }
    diagnostics_row(corpus, &brief, "50 quotes", iterations);
}

/// Times all diagnostics of a long brief.
fn diagnostics_row(corpus: &Snapshot, brief: &str, what: &str, iterations: usize) {
    let words = brief.split_whitespace().count();
    let parsed = Brief::parse(brief);
    let checks = CheckConfig::default();
    let n_findings = analysis::diagnostics(corpus, &parsed, &checks).len();
    let all = time((iterations / 50).max(5), || {
        analysis::diagnostics(corpus, &parsed, &checks)
    });
    row(
        &format!("diagnostics, {words}-word brief, {what} ({n_findings} findings)"),
        all,
    );
}
