//! `brief-bench update`: how long a live update takes after one source file
//! is added to, changed in or deleted from a corpus folder, against a full
//! reload in the same run. What is timed is what the server's reload worker
//! does for an update (`brief_lsp::live::LiveLoad::update`: list the
//! folders, read what changed, update the snapshot) plus checking one brief
//! against the new corpus; the client's notification and the server's own
//! watcher's 300 ms debounce are not in it.

use std::path::Path;
use std::time::Instant;

use anyhow::{ensure, Context};
use brief_core::analysis::{self, CheckConfig};
use brief_core::brief::Brief;
use brief_core::entities::EntityTable;
use brief_core::snapshot::Snapshot;
use brief_lsp::live::LiveLoad;
use brief_lsp::load::CorpusSource;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn secs(v: &[f64]) -> String {
    v.iter().map(|s| format!("{s:.2}")).collect::<Vec<_>>().join(", ")
}

/// One update, with the brief checked against its result; seconds taken.
fn timed_update(live: &mut LiveLoad, corpus: &mut Snapshot, brief: &Brief) -> anyhow::Result<f64> {
    let start = Instant::now();
    let update = live
        .update(corpus, &|_, _| {})?
        .context("the update saw no change")?;
    *corpus = update.corpus;
    std::hint::black_box(analysis::diagnostics(corpus, brief, &CheckConfig::default()));
    Ok(start.elapsed().as_secs_f64())
}

pub fn update(dir: &Path, runs: usize, reloads: usize) -> anyhow::Result<()> {
    // No stored index: the reloads below are cold builds, as after a change
    // that the index cannot serve.
    brief_lsp::index_cache::turn_off();
    let source = CorpusSource::Folders(vec![dir.to_path_buf()]);
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/003_9556968063aa75cc.txt"
    ))?;
    let start = Instant::now();
    let (mut corpus, _, mut live) = LiveLoad::load(&source, &[], &|_, _| {})?;
    let mut reload_secs = vec![start.elapsed().as_secs_f64()];
    let n_docs = corpus.documents.len();
    let mb = corpus.documents.iter().map(|d| d.original.len()).sum::<usize>() as f64 / 1e6;
    let key = "bench-live-update";
    let brief = Brief::parse(format!(
        "Lukin wrote that “the ‘strategic partnership’ between Russia and China has deepened” [@{key}].\n"
    ));
    let (mut added, mut changed, mut deleted) = (Vec::new(), Vec::new(), Vec::new());
    let file = dir.join(format!("{key}.txt"));
    for i in 0..runs {
        std::fs::write(&file, &seed)?;
        added.push(timed_update(&mut live, &mut corpus, &brief)?);
        ensure!(
            corpus.documents.len() == n_docs + 1,
            "the added file is not in the corpus"
        );
        std::fs::write(&file, format!("{seed}\nA sentence added in run {i}.\n"))?;
        changed.push(timed_update(&mut live, &mut corpus, &brief)?);
        std::fs::remove_file(&file)?;
        deleted.push(timed_update(&mut live, &mut corpus, &brief)?);
        ensure!(
            corpus.documents.len() == n_docs,
            "the deleted file is still in the corpus"
        );
    }
    for _ in 1..reloads {
        drop(std::mem::take(&mut corpus));
        let start = Instant::now();
        (corpus, _, live) = LiveLoad::load(&source, &[], &|_, _| {})?;
        reload_secs.push(start.elapsed().as_secs_f64());
    }
    drop(live);
    // The part of an update that is not incremental (see ARCHITECTURE.md).
    let entity_secs: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(EntityTable::build(&corpus.documents));
            start.elapsed().as_secs_f64()
        })
        .collect();
    let reload = median(reload_secs.clone());
    println!(
        "## brief-bench update: {} ({n_docs} documents, {mb:.1} MB)\n",
        dir.display()
    );
    println!("| measure | runs (s) | median | vs full reload |\n|---|---|---:|---:|");
    println!(
        "| full reload (cold build) | {} | {reload:.2} s | 1 |",
        secs(&reload_secs)
    );
    for (what, v) in [
        ("add one 73 KB file", added),
        ("change it", changed),
        ("delete it", deleted),
    ] {
        let m = median(v.clone());
        println!(
            "| {what}, then check a brief | {} | {m:.2} s | {:.1}× faster |",
            secs(&v),
            reload / m
        );
    }
    let m = median(entity_secs.clone());
    println!(
        "| of an update: the entity table rebuilt (`EntityTable::build`) | {} | {m:.2} s | |",
        secs(&entity_secs)
    );
    Ok(())
}

/// How long the first update after a warm start takes, adding one file:
/// the live corpus is made at the update (its stored parts decoded then).
/// The index is built and stored first if need be (in the cache folder the
/// environment names).
pub fn after_warm_start(dir: &Path, runs: usize) -> anyhow::Result<()> {
    let source = CorpusSource::Folders(vec![dir.to_path_buf()]);
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/003_9556968063aa75cc.txt"
    ))?;
    let file = dir.join("bench-live-update.txt");
    let brief = Brief::parse("Lukin wrote that “the ‘strategic partnership’ between Russia and China has deepened” [@bench-live-update].\n".to_string());
    drop(LiveLoad::load(&source, &[], &|_, _| {})?);
    let mut times = Vec::new();
    for _ in 0..runs {
        let (corpus, origin, mut live) = LiveLoad::load(&source, &[], &|_, _| {})?;
        ensure!(
            matches!(origin, brief_lsp::index_cache::Origin::Warm),
            "not a warm start: {origin:?}"
        );
        std::fs::write(&file, &seed)?;
        let start = Instant::now();
        let update = live
            .update(&corpus, &|_, _| {})?
            .context("the update saw no change")?;
        std::hint::black_box(analysis::diagnostics(
            &update.corpus,
            &brief,
            &CheckConfig::default(),
        ));
        times.push(start.elapsed().as_secs_f64());
        std::fs::remove_file(&file)?;
    }
    println!("## brief-bench update --after-warm-start: {}\n", dir.display());
    println!("| first update after a warm start: add one 73 KB file, then check a brief | runs (s) | median |\n|---|---|---:|");
    println!(
        "| parts decoded at the update | {} | {:.2} s |",
        secs(&times),
        median(times.clone())
    );
    Ok(())
}
