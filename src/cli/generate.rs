//! `brief-lsp completions SHELL` and `brief-lsp man`: generated from the
//! clap definitions at run time, so they cannot drift from the commands
//! (nothing generated is checked in).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "brief-lsp", &mut script);
    super::emit(&String::from_utf8(script)?)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// Write a page per command (brief-lsp.1, brief-lsp-check.1, …) into
    /// this folder, made if missing, instead of printing brief-lsp(1).
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,
}

pub fn man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    match &args.output_dir {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(Cli::command(), dir))
            .with_context(|| format!("cannot write manual pages to {}", dir.display()))?,
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            super::emit(&String::from_utf8(page)?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
