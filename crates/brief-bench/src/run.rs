//! `brief-bench run`: load time, peak memory and request latency (median
//! and p95) against a corpus folder.

use std::hint::black_box;
use std::path::Path;
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

pub(crate) fn run(dir: &Path, iterations: usize) -> anyhow::Result<()> {
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
