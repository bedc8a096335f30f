//! `brief-lsp check`: the server's diagnostics, printed like a compiler's or
//! as JSON with LSP positions.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use brief_core::analysis::{self, BriefRules, Checked, Finding, Severity};
use brief_core::brief::Brief;
use brief_core::text::{LineIndex, PositionEncoding};
use clap::Args;

use super::{CorpusArgs, Format};
use crate::config::EditorSettings;
use crate::workspace::Workspace;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Also list the findings accepted in .brief-lsp/accepted.toml or by an
    /// inline comment (they never fail the check).
    #[arg(long)]
    show_accepted: bool,
    /// Markdown briefs to check.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let briefs: Vec<(PathBuf, String)> = args
        .files
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok((path.clone(), text))
        })
        .collect::<anyhow::Result<_>>()?;
    let cwd = std::env::current_dir()?;
    let workspace = Workspace::discover(&cwd, EditorSettings::default(), &args.corpus.folders);
    for err in &workspace.errors {
        eprintln!("brief-lsp: {err}");
    }
    let corpus = crate::load::load_corpus(&workspace.corpus, &workspace.corpus_exclude, &|_, _| {})?;
    for problem in &corpus.problems {
        eprintln!("brief-lsp: corpus: {problem}");
    }
    eprintln!(
        "brief-lsp: corpus: {} ({} documents){}",
        workspace.corpus.describe(),
        corpus.documents.len(),
        workspace
            .project_file
            .as_ref()
            .map(|p| format!(", from {}", p.display()))
            .unwrap_or_default()
    );
    let mut out = String::new();
    let mut json = Vec::new();
    let mut failing = false;
    for (path, text) in briefs {
        if workspace.excludes_brief(&cwd.join(&path)) {
            eprintln!(
                "brief-lsp: {} is excluded by brief-lsp.toml; not checked",
                path.display()
            );
            continue;
        }
        let index = LineIndex::new(&text);
        let brief = Brief::parse(text.as_str());
        let accepted = workspace.accepted_for(&workspace.brief_key(&cwd.join(&path)));
        let rules = BriefRules {
            checks: &workspace.checks,
            excluded: false,
            accepted: &accepted,
        };
        let Checked {
            shown,
            accepted: silenced,
        } = analysis::check(&corpus, &brief, rules);
        for finding in &shown {
            failing |= finding.severity >= Severity::Warning;
        }
        let listed = shown.into_iter().map(|f| (f, None));
        let accepted_too = silenced
            .into_iter()
            .filter(|_| args.show_accepted)
            .map(|(f, how)| (f, Some(how)));
        let mut all: Vec<(Finding, Option<String>)> = listed.chain(accepted_too).collect();
        all.sort_by_key(|(f, _)| (f.range.start, f.range.end));
        for (finding, how) in &all {
            match args.format {
                Format::Human => render_human(&mut out, &path, &text, &index, finding, how.as_deref()),
                Format::Json => json.push(render_json(&path, &text, &index, finding, how.as_deref())),
            }
        }
    }
    match args.format {
        Format::Human => {}
        Format::Json => out_line!(out, "{}", serde_json::to_string_pretty(&json)?),
    }
    super::emit(&out)?;
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn render_human(
    out: &mut String,
    path: &std::path::Path,
    text: &str,
    index: &LineIndex,
    f: &Finding,
    accepted: Option<&str>,
) {
    let start = index.line_col(text, f.range.start, PositionEncoding::Utf32);
    let end = index.line_col(text, f.range.end, PositionEncoding::Utf32);
    let line = index.line_range(text, start.line as usize);
    let source = &text[line.start..line.end];
    let width = if end.line == start.line {
        (end.col - start.col).max(1)
    } else {
        1
    };
    let gutter = (start.line + 1).to_string();
    let pad = " ".repeat(gutter.len());
    let label = if accepted.is_some() { "accepted " } else { "" };
    let _ = writeln!(
        out,
        "{label}{}[{}]: {}",
        f.severity.as_str(),
        f.code.as_str(),
        f.message
    );
    let _ = writeln!(
        out,
        "{pad}--> {}:{}:{}",
        path.display(),
        start.line + 1,
        start.col + 1
    );
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{gutter} | {source}");
    let marker = format!("{}{}", " ".repeat(start.col as usize), "^".repeat(width as usize));
    let _ = writeln!(out, "{pad} | {marker}");
    match accepted {
        Some(how) => {
            let _ = writeln!(out, "{pad} = {how}");
        }
        None => {
            if let Some(fix) = f.fixes.first() {
                let _ = writeln!(out, "{pad} = fix: {}", fix.title);
            }
        }
    }
    out.push('\n');
}

fn render_json(
    path: &std::path::Path,
    text: &str,
    index: &LineIndex,
    f: &Finding,
    accepted: Option<&str>,
) -> serde_json::Value {
    let pos = |offset| {
        let p = index.line_col(text, offset, PositionEncoding::Utf16);
        serde_json::json!({ "line": p.line, "character": p.col })
    };
    let mut finding = serde_json::json!({
        "file": path.display().to_string(),
        "range": { "start": pos(f.range.start), "end": pos(f.range.end) },
        "severity": f.severity.as_str(),
        "code": f.code.as_str(),
        "message": f.message,
    });
    if let Some(how) = accepted {
        finding["accepted"] = serde_json::Value::String(how.to_string());
    }
    finding
}
