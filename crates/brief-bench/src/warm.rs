//! `brief-bench warm`: the stored index, in this process. One load that
//! builds and stores the index (unless a valid one is there already), then
//! warm loads (as `brief-lsp check` and the server open a corpus, checking
//! the index's big arrays on first read), each followed by the diagnostics
//! of a brief
//! that quotes the corpus; then where the heap of a warm-started snapshot
//! goes, per structure, and how much of the mapped index the check made
//! resident.
//!
//! The index lives in the user's cache folder: set `XDG_CACHE_HOME` to keep
//! the benchmark's indexes apart.

use std::path::Path;
use std::time::Instant;

use anyhow::ensure;
use brief_core::analysis::{self, CheckConfig};
use brief_core::brief::Brief;
use brief_core::snapshot::Snapshot;
use brief_lsp::index_cache::{self, Check, Origin};
use brief_lsp::load::CorpusSource;

use crate::alloc::live_heap;

fn open(source: &CorpusSource) -> anyhow::Result<(Snapshot, Origin)> {
    let load = index_cache::load(source, &[], true, false, Check::OnFirstRead, &|_, _| {})?;
    Ok((load.corpus, load.origin))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// `kB` lines of `/proc/self/status`, in MiB.
fn status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

/// A brief with two exact quotes of corpus sentences and an unknown key.
fn quoting_brief(corpus: &Snapshot) -> Brief {
    let docs = &corpus.documents;
    let mut text = String::from("# Warm start\n\n");
    for i in [docs.len() / 3, 2 * docs.len() / 3] {
        let doc = &docs[i];
        let s = doc.sentences[doc.sentences.len() / 2];
        text += &format!("The source says “{}” [@{}].\n\n", doc.text(s), doc.reference.key);
    }
    text += "And an unknown one [@nobody-at-all].\n";
    Brief::parse(text)
}

/// The heap bytes `f` allocates (a clone of a structure: what it holds).
fn heap_of<T>(f: impl FnOnce() -> T) -> usize {
    let before = live_heap();
    let kept = f();
    let bytes = live_heap().saturating_sub(before);
    drop(kept);
    bytes
}

pub fn warm(dir: &Path, runs: usize) -> anyhow::Result<()> {
    let source = CorpusSource::Folders(vec![dir.to_path_buf()]);
    let start = Instant::now();
    let (corpus, origin) = open(&source)?;
    let first = start.elapsed().as_secs_f64();
    ensure!(
        matches!(origin, Origin::Warm | Origin::Cold { stored: true }),
        "the index was not stored ({origin:?}); is the cache folder writable?"
    );
    let brief = quoting_brief(&corpus);
    let cold_findings = analysis::diagnostics(&corpus, &brief, &CheckConfig::default());
    let mb = corpus.documents.iter().map(|d| d.original.len()).sum::<usize>() as f64 / 1e6;
    let n_docs = corpus.documents.len();
    drop(corpus);
    let (mut opens, mut checks) = (Vec::new(), Vec::new());
    let mut corpus = Snapshot::default();
    let (mut heap, mut mapped_open) = (0, 0.0);
    for _ in 0..runs {
        drop(std::mem::take(&mut corpus));
        let before = live_heap();
        let start = Instant::now();
        let (warm, origin) = open(&source)?;
        opens.push(start.elapsed().as_secs_f64());
        ensure!(origin == Origin::Warm, "not a warm start: {origin:?}");
        mapped_open = status_mib("RssFile:");
        let start = Instant::now();
        let findings = analysis::diagnostics(&warm, &brief, &CheckConfig::default());
        checks.push(start.elapsed().as_secs_f64());
        ensure!(
            findings == cold_findings,
            "the warm start's findings differ from the cold build's"
        );
        heap = live_heap() - before;
        corpus = warm;
    }
    let mapped = status_mib("RssFile:");
    println!(
        "## brief-bench warm: {} ({n_docs} documents, {mb:.1} MB)\n",
        dir.display()
    );
    println!("| measure | runs | median |\n|---|---|---:|");
    let label = if matches!(origin, Origin::Warm) {
        "first load (an index was there: warm)"
    } else {
        "first load (cold build, index stored)"
    };
    println!("| {label} | | {first:.2} s |");
    let secs = |v: &[f64]| v.iter().map(|s| format!("{s:.3}")).collect::<Vec<_>>().join(", ");
    println!(
        "| warm load (list, check inputs, open) | {} | {:.3} s |",
        secs(&opens),
        median(opens.clone())
    );
    println!(
        "| diagnostics of a brief with 2 quotes and an unknown key, after it | {} | {:.1} ms |",
        secs(&checks),
        median(checks.clone()) * 1e3
    );
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    println!("\n| after the last warm load and check | MiB | bytes per corpus byte |\n|---|---:|---:|");
    let per = |m: f64| m * (1 << 20) as f64 / (mb * 1e6);
    println!(
        "| heap of the snapshot | {:.1} | {:.2} |",
        mib(heap),
        per(mib(heap))
    );
    println!(
        "| mapped pages resident (`RssFile`: the index and the binary) after the open | {mapped_open:.1} | {:.2} |",
        per(mapped_open)
    );
    println!("| the same after the check | {mapped:.1} | {:.2} |", per(mapped));
    let rss = status_mib("VmRSS:");
    println!("| process resident (`VmRSS`) | {rss:.1} | {:.2} |", per(rss));
    println!(
        "| process peak (`VmHWM`, cold build included) | {:.1} | |",
        status_mib("VmHWM:")
    );
    breakdown(&corpus, heap);
    Ok(())
}

/// Where the heap of a snapshot goes: each structure cloned alone (the
/// texts and big arrays are shared, not copied, by a clone).
fn breakdown(corpus: &Snapshot, heap: usize) {
    let docs = &corpus.documents;
    let sum = |f: &dyn Fn(&brief_core::corpus::Document) -> usize| docs.iter().map(f).sum::<usize>();
    let rows: Vec<(&str, usize)> = vec![
        (
            "documents: line starts and wide characters (`LineIndex`)",
            sum(&|d| heap_of(|| d.line_index.clone())),
        ),
        ("documents: sentences", sum(&|d| heap_of(|| d.sentences.clone()))),
        (
            "documents: paragraphs",
            sum(&|d| heap_of(|| d.paragraphs.clone())),
        ),
        ("documents: pages", sum(&|d| heap_of(|| d.pages.clone()))),
        (
            "documents: vocabulary asked",
            sum(&|d| heap_of(|| d.vocabulary_asked.clone())),
        ),
        (
            "documents: path, reference",
            sum(&|d| heap_of(|| (d.path.clone(), d.extracted_from.clone(), d.reference.clone()))),
        ),
        (
            "documents: the `Document` values",
            docs.len() * std::mem::size_of::<brief_core::corpus::Document>(),
        ),
        (
            "quote index tables (skeleton starts, per-document skeletons)",
            heap_of(|| corpus.quote_index().clone()),
        ),
        ("figure index", heap_of(|| corpus.figure_index().clone())),
        ("entity table", heap_of(|| corpus.entities().clone())),
        ("problems", heap_of(|| corpus.problems.clone())),
    ];
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    println!("\n| heap, per structure | MiB |\n|---|---:|");
    let mut total = 0;
    for (what, bytes) in rows {
        total += bytes;
        println!("| {what} | {:.1} |", mib(bytes));
    }
    println!(
        "| the rest (key table, allocator rounding not seen by a clone) | {:.1} |",
        mib(heap.saturating_sub(total))
    );
}
