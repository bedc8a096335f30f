//! `brief-bench`: writes large synthetic corpora recombined from the seed
//! documents, and measures load time, peak memory and request latency
//! against a corpus folder. Its figures are recorded in BENCHMARKS.md.

mod alloc;
mod generate;
mod run;
mod update;
mod warm;
mod zipf;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
        } => generate::generate(size, &out, seed, text),
        Command::Run { corpus, iterations } => run::run(&corpus, iterations as usize),
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
