//! `brief-lsp check`: the server's diagnostics for briefs named on the
//! command line, in a folder or on stdin, rendered by `render`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use brief_core::analysis::{self, BriefRules, Checked, Severity};
use brief_core::brief::Brief;
use brief_core::text::{counted, LineIndex};
use clap::Args;

use super::color::ColorChoice;
use super::inputs;
use super::render::{self, CheckFormat, CheckedBrief, Report, Shown, Unreadable};
use super::{CorpusArgs, Notes};
use crate::index_cache::Check;
use crate::load::CorpusSource;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// Colour the human output: `auto` when stdout is a terminal and
    /// NO_COLOR is not set.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: ColorChoice,
    /// Also list the findings accepted in .brief-lsp/accepted.toml or by an
    /// inline comment (they never fail the check).
    #[arg(long)]
    show_accepted: bool,
    /// The path of the file that standard input (`-`) holds: its name in
    /// the output and in GitHub and SARIF locations, the folder its front
    /// matter's paths start from, and its entries in accepted.toml.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Markdown briefs to check: files, folders (their .md files, less the
    /// excluded ones) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// Checks the briefs against an index checked on first read, so that a
/// warm start reads only what the briefs need; nothing is printed until
/// the report is complete, so a report that read a damaged part of the
/// index is thrown away, and the briefs are checked again on a rebuilt
/// corpus.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut notes = Notes::default();
    match check(args, Check::OnFirstRead, &mut notes)? {
        Pass::Reported(code) => Ok(code),
        Pass::Damaged(index) => {
            notes.say(format!(
                "{} (a part failed its check when first read); rebuilding it and checking again",
                super::INDEX_DAMAGED
            ));
            if let Some(index) = index {
                crate::index_cache::discard(&index);
            }
            match check(args, Check::Now, &mut notes)? {
                Pass::Reported(code) => Ok(code),
                Pass::Damaged(_) => anyhow::bail!("the rebuilt corpus was damaged too"),
            }
        }
    }
}

/// How one pass of `check` went.
enum Pass {
    Reported(ExitCode),
    /// Nothing was printed: the index (here) was found damaged.
    Damaged(Option<PathBuf>),
}

fn check(args: &CheckArgs, check: Check, notes: &mut Notes) -> anyhow::Result<Pass> {
    let cwd = std::env::current_dir()?;
    let start =
        inputs::project_start(&args.paths, &cwd, args.stdin_filename.as_deref()).unwrap_or_else(|why| {
            notes.say(why);
            cwd.clone()
        });
    let workspace = super::workspace(&start, &args.corpus)?;
    for err in &workspace.errors {
        notes.say(err.to_string());
    }
    let (corpus, index) = super::load_source(
        &workspace.corpus,
        &workspace.corpus_exclude,
        args.corpus.no_cache,
        check,
        notes,
    )?;
    notes.say(format!(
        "corpus: {} ({}){}",
        workspace.corpus.describe_loaded(&corpus.problems),
        counted(corpus.documents.len(), "document"),
        // Name the project file only when the folders came from it, not
        // from `--corpus` or the embedded default.
        workspace
            .project_file
            .as_ref()
            .filter(|_| args.corpus.folders.is_empty() && workspace.corpus != CorpusSource::Embedded)
            .map(|p| format!(", from {}", p.display()))
            .unwrap_or_default()
    ));
    if corpus.documents.is_empty() {
        notes.say(format!("warning: {}", crate::load::NO_DOCUMENTS));
    }
    let excluded = workspace.briefs_excluded();
    let mut report = Report {
        corpus: &corpus,
        root: cwd.clone(),
        repository: std::env::var_os("GITHUB_WORKSPACE").map_or_else(|| cwd.clone(), PathBuf::from),
        briefs: Vec::new(),
        unreadable: Vec::new(),
    };
    for input in inputs::collect(&args.paths, &cwd, excluded, args.stdin_filename.as_deref()) {
        let text = match input.text {
            Ok(text) => text,
            Err(error) => {
                notes.say(format!("error: {error}"));
                report.unreadable.push(Unreadable {
                    name: input.name,
                    path: input.path,
                    error,
                });
                continue;
            }
        };
        let brief = Brief::parse(text.as_str());
        // Unnamed standard input's front matter paths are relative to the current folder.
        let dir = match &input.path {
            Some(path) => cwd.join(path).parent().map(Path::to_path_buf),
            None => Some(cwd.clone()),
        };
        let references = crate::bibliography::brief_references(&brief, dir.as_deref(), &workspace);
        let brief = brief.with_references(references);
        // Unnamed standard input has no path for accepted.toml to name;
        // only its inline acceptances apply.
        let mine: Vec<_> = match &input.path {
            Some(path) => workspace.accepted_for(&workspace.brief_key(&cwd.join(path))),
            None => Vec::new(),
        };
        let rules = BriefRules {
            checks: &workspace.checks,
            excluded: false,
            accepted: &mine,
        };
        let Checked {
            shown,
            accepted: silenced,
        } = analysis::check(&corpus, &brief, rules);
        let listed = shown.into_iter().map(|finding| Shown {
            finding,
            accepted: None,
        });
        let accepted_too = silenced
            .into_iter()
            .filter(|_| args.show_accepted)
            .map(|(finding, how)| Shown {
                finding,
                accepted: Some(how),
            });
        let mut findings: Vec<Shown> = listed.chain(accepted_too).collect();
        findings.sort_by_key(|s| (s.finding.range.start, s.finding.range.end));
        report.briefs.push(CheckedBrief {
            name: input.name,
            path: input.path,
            index: LineIndex::new(&text),
            text,
            findings,
        });
    }
    let out = render::render(args.format, &report, args.color.enabled())?;
    if corpus.found_damage() {
        return Ok(Pass::Damaged(index));
    }
    super::emit(&out)?;
    let failing = report.briefs.iter().flat_map(|b| &b.findings).any(fails);
    Ok(Pass::Reported(if !report.unreadable.is_empty() {
        ExitCode::from(2)
    } else if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }))
}

/// Whether a finding fails the check: not accepted, and a warning or worse.
fn fails(shown: &Shown) -> bool {
    shown.accepted.is_none() && shown.finding.severity >= Severity::Warning
}
