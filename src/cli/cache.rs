//! `brief-lsp cache info|clear`: the stored corpus indexes; and the progress
//! bar a command shows while it builds one.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use brief_core::text::counted;

use crate::extract::extracted_folder;
use crate::index_cache::{cache_folder, clear, list_indexes};

#[derive(Args, Debug)]
pub struct CacheArgs {
    #[command(subcommand)]
    action: CacheAction,
}

#[derive(Subcommand, Debug)]
enum CacheAction {
    /// List the stored indexes: corpus folders, files, size, and whether each is
    /// still valid for its corpus as it is now (else why it is stale).
    Info,
    /// Delete every stored index (they are rebuilt on the next load).
    Clear,
}

pub fn run(args: &CacheArgs) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let folder = cache_folder().map_or_else(|| "(no cache folder)".into(), |d| d.display().to_string());
    match args.action {
        CacheAction::Info => {
            let indexes = list_indexes()?;
            out_line!(out, "{folder}: {}", counted(indexes.len(), "index"));
            for index in indexes {
                let mib = index.bytes as f64 / (1024.0 * 1024.0);
                match index.corpus {
                    Ok(corpus) => out_line!(
                        out,
                        "{}  {mib:.1} MiB  {} files  {}  {}",
                        index.path.display(),
                        corpus.files,
                        corpus.roots.join(", "),
                        corpus
                            .stale
                            .map_or_else(|| "still valid".into(), |why| format!("stale: {why}"))
                    ),
                    Err(why) => out_line!(out, "{}  {mib:.1} MiB  unusable: {why}", index.path.display()),
                }
            }
        }
        CacheAction::Clear => {
            let cleared = clear()?;
            // The folder holding both the indexes and the extracted texts.
            let folder = extracted_folder()
                .parent()
                .map_or(folder, |d| d.display().to_string());
            out_line!(
                out,
                "{folder}: deleted {}, {} of PDFs and web pages, and {} ({:.1} MiB)",
                counted(cleared.indexes, "index"),
                counted(cleared.extracted, "extracted text"),
                counted(cleared.other, "lock or unfinished file"),
                cleared.bytes as f64 / (1024.0 * 1024.0)
            );
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on stderr when it is a terminal; nothing otherwise, so
/// that logs and CI output stay as they were.
pub fn progress_bar() -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template("indexing {bar:30} {pos}/{len} documents ({eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}
