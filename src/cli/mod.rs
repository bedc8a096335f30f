//! The command line: `serve` (the default) and the commands that run the
//! same analysis for terminals and CI.

/// Appends a line to a command's output, a `String` (writing to it cannot
/// fail); [`emit`] prints it.
macro_rules! out_line {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

mod bibliography;
mod cache;
mod check;
mod color;
mod corpus;
mod entities;
mod generate;
mod inputs;
mod names;
mod render;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::EditorSettings;
use crate::index_cache::{Check, Load};
use crate::load::CorpusSource;
use crate::workspace::Workspace;

#[derive(Parser, Debug)]
#[command(
    name = "brief-lsp",
    version,
    about = "Checks the quotes, figures, names and citations of Markdown briefs against a corpus of sources",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Serve LSP over stdio (what editors pass; the same as `serve`).
    // Not global: it means nothing to the other commands.
    #[arg(long)]
    stdio: bool,
    /// Serve without the stored corpus index: neither open nor write it.
    #[arg(long = "no-cache")]
    no_cache: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the language server (the default).
    Serve {
        /// Over stdio: the only transport, accepted because editors pass it.
        #[arg(long)]
        stdio: bool,
    },
    /// Check briefs and print findings; exit 1 if any is a warning or worse.
    Check(check::CheckArgs),
    /// List the corpus documents with their keys and counts.
    Corpus(corpus::CorpusCommandArgs),
    /// List the corpus's actors and events with kinds, aliases and counts.
    Entities(entities::EntitiesArgs),
    /// Write the corpus's actor and event names as a word list for spell
    /// checkers (harper-ls, typos, LTeX and others).
    Names(names::NamesArgs),
    /// Write the corpus's references as a bibliography for `pandoc
    /// --citeproc` (CSL JSON or BibTeX).
    Bibliography(bibliography::BibliographyArgs),
    /// Show or delete the stored corpus indexes.
    Cache(cache::CacheArgs),
    /// Print a shell completion script (e.g. `brief-lsp completions bash >
    /// ~/.local/share/bash-completion/completions/brief-lsp`).
    Completions(generate::CompletionsArgs),
    /// Print the manual page (roff; e.g. `brief-lsp man | man -l -`).
    Man(generate::ManArgs),
}

/// The corpus choice every command shares.
#[derive(Args, Debug)]
pub struct CorpusArgs {
    /// A corpus folder of .txt, .md, .pdf and .html files (repeatable).
    /// Default: the folders in the nearest brief-lsp.toml (for `check`,
    /// at or above the briefs; else at or above the current folder), else
    /// the embedded seed corpus.
    #[arg(long = "corpus", value_name = "DIR", value_parser = absolute_folder)]
    folders: Vec<PathBuf>,
    /// Neither open nor write the stored index; build from the files.
    #[arg(long)]
    no_cache: bool,
}

/// A `--corpus` folder made absolute, so that `sources` and its absolute
/// path name one corpus (and share one stored index).
fn absolute_folder(written: &str) -> Result<PathBuf, String> {
    std::path::absolute(written).map_err(|err| format!("{written}: {err}"))
}

/// The workspace of the folder `start`, as the server would see it there:
/// the nearest `brief-lsp.toml` at or above it, and `args`' corpus folders
/// over the project's. A broken project file is an error, since a run on
/// defaults would use the wrong corpus.
fn workspace(start: &Path, args: &CorpusArgs) -> anyhow::Result<Workspace> {
    let workspace = Workspace::discover(start, EditorSettings::default(), &args.folders);
    if let Some(err) = &workspace.project_error {
        anyhow::bail!("{err}");
    }
    Ok(workspace)
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None | Some(Command::Serve { .. }) => {
            if cli.no_cache {
                crate::index_cache::turn_off();
            }
            crate::lsp::run()
        }
        Some(Command::Check(args)) => exit(check::run(&args)),
        Some(Command::Corpus(args)) => exit(corpus::run(&args)),
        Some(Command::Entities(args)) => exit(entities::run(&args)),
        Some(Command::Names(args)) => exit(names::run(&args)),
        Some(Command::Bibliography(args)) => exit(bibliography::run(&args)),
        Some(Command::Cache(args)) => exit(cache::run(&args)),
        Some(Command::Completions(args)) => exit(generate::completions(&args)),
        Some(Command::Man(args)) => exit(generate::man(&args)),
    }
}

fn exit(result: anyhow::Result<ExitCode>) -> ExitCode {
    result.unwrap_or_else(|err| {
        eprintln!("brief-lsp: error: {err:#}");
        ExitCode::from(2)
    })
}

/// Prints a command's output. A reader that stops early (`| head`) is no
/// error.
fn emit(out: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

/// Prints a command's output, or writes it to `output` (creating its
/// folder) and says so on stderr, naming `what` it wrote.
fn emit_to(output: Option<&std::path::Path>, out: &str, what: &str) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let Some(path) = output else {
        return emit(out);
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("brief-lsp: wrote {what} to {}", path.display());
    Ok(())
}

/// What the CLI says when it finds the stored index damaged.
const INDEX_DAMAGED: &str = "the stored index was damaged";

/// What a command says on stderr, each line once: `check` loads and
/// checks again after finding the index damaged, and its second pass
/// would repeat the first's corpus line, configuration errors and
/// corpus problems.
#[derive(Default)]
struct Notes(std::collections::HashSet<String>);

impl Notes {
    fn say(&mut self, line: String) {
        if !self.0.contains(&line) {
            eprintln!("brief-lsp: {line}");
            self.0.insert(line);
        }
    }
}

/// Loads the corpus for a command, printing its problems to stderr.
fn load(args: &CorpusArgs) -> anyhow::Result<brief_core::snapshot::Snapshot> {
    let workspace = workspace(&std::env::current_dir()?, args)?;
    load_source(
        &workspace.corpus,
        &workspace.corpus_exclude,
        args.no_cache,
        Check::Now,
        &mut Notes::default(),
    )
    .map(|(corpus, _)| corpus)
}

/// Loads `source` through the stored index (unless `no_cache`), checked as
/// `check` says, with a progress bar on a terminal, saying the corpus's
/// problems; and where the index is.
fn load_source(
    source: &CorpusSource,
    exclude: &[String],
    no_cache: bool,
    check: Check,
    notes: &mut Notes,
) -> anyhow::Result<(brief_core::snapshot::Snapshot, Option<PathBuf>)> {
    let bar = cache::progress_bar();
    let progress = |done: usize, total: usize| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let Load {
        corpus,
        origin,
        index,
        damaged,
        ..
    } = crate::index_cache::load(source, exclude, !no_cache, false, check, &progress)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(why) = damaged {
        notes.say(format!("{INDEX_DAMAGED} ({why}); rebuilt it"));
    }
    tracing::debug!("corpus loaded: {origin:?}");
    for problem in &corpus.problems {
        notes.say(format!("corpus: {problem}"));
    }
    Ok((corpus, index))
}
