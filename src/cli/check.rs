//! `brief-lsp check`: the server's diagnostics for briefs named on the
//! command line, in a folder or on stdin, rendered by `render`.

use std::path::PathBuf;
use std::process::ExitCode;

use brief_core::analysis::{self, Severity};
use brief_core::brief::Brief;
use brief_core::text::LineIndex;
use clap::Args;

use super::color::ColorChoice;
use super::inputs;
use super::render::{self, CheckFormat, CheckedBrief, Report, Shown, Unreadable};
use super::CorpusArgs;
use crate::accepted::{brief_key, read_accepted};
use crate::config::check_config;

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
    /// Markdown briefs to check: files, folders (their .md files, less the
    /// excluded ones) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let project = super::project_file()?;
    let (checks, errors) = check_config(project.as_ref(), None);
    for err in errors {
        eprintln!("brief-lsp: brief-lsp.toml: {err}");
    }
    let corpus = super::load(&args.corpus, project.as_ref())?;
    let cwd = std::env::current_dir()?;
    let accepted = read_accepted(&cwd).unwrap_or_else(|err| {
        eprintln!("brief-lsp: {err}; no findings are accepted from it");
        Vec::new()
    });
    let patterns = project
        .as_ref()
        .map(|p| p.exclude.briefs.clone())
        .unwrap_or_default();
    let (excluded, errors) = crate::exclude::matcher(&cwd, &patterns);
    for err in errors {
        eprintln!("brief-lsp: brief-lsp.toml: {err}");
    }
    let mut report = Report {
        corpus: &corpus,
        root: cwd.clone(),
        briefs: Vec::new(),
        unreadable: Vec::new(),
    };
    for input in inputs::collect(&args.paths, &cwd, &excluded) {
        let text = match input.text {
            Ok(text) => text,
            Err(error) => {
                eprintln!("brief-lsp: error: {error}");
                report.unreadable.push(Unreadable {
                    name: input.name,
                    path: input.path,
                    error,
                });
                continue;
            }
        };
        let brief = Brief::parse(text.as_str());
        // Standard input has no path for accepted.toml to name; only its
        // inline acceptances apply.
        let mine: Vec<_> = match &input.path {
            Some(path) => {
                let key = brief_key(&cwd, path);
                accepted.iter().filter(|a| a.brief == key).cloned().collect()
            }
            None => Vec::new(),
        };
        let findings = analysis::diagnostics(&corpus, &brief, &checks);
        let (shown, silenced) = analysis::apply_acceptances(&brief, findings, &mine);
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
    super::emit(&out)?;
    let failing = report.briefs.iter().flat_map(|b| &b.findings).any(fails);
    Ok(if !report.unreadable.is_empty() {
        ExitCode::from(2)
    } else if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether a finding fails the check: not accepted, and a warning or worse.
fn fails(shown: &Shown) -> bool {
    shown.accepted.is_none() && shown.finding.severity >= Severity::Warning
}
