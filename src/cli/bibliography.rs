//! `brief-lsp bibliography`: the corpus's references (`corpus.toml`, and
//! keys derived from file names) as a bibliography Pandoc reads, so that a
//! brief written against the corpus alone renders with `pandoc --citeproc`.

use std::path::PathBuf;
use std::process::ExitCode;

use brief_core::bibliography::{export_bibtex, export_csl_json};
use clap::{Args, ValueEnum};

use super::CorpusArgs;

#[derive(Args, Debug)]
pub struct BibliographyArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// The bibliography's format.
    #[arg(long, value_enum, default_value = "csl-json")]
    format: BibliographyFormat,
    /// Write it to this file (creating its folder) instead of stdout.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BibliographyFormat {
    /// CSL JSON (`--bibliography refs.json`): every field Pandoc's citeproc
    /// uses.
    CslJson,
    /// BibTeX (`--bibliography refs.bib`).
    Bibtex,
}

pub fn run(args: &BibliographyArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load(&args.corpus)?;
    let references: Vec<_> = corpus.documents.iter().map(|d| &d.reference).collect();
    let out = match args.format {
        BibliographyFormat::CslJson => export_csl_json(&references),
        BibliographyFormat::Bibtex => export_bibtex(&references),
    };
    super::emit_to(
        args.output.as_deref(),
        &out,
        &format!("{} references", references.len()),
    )?;
    Ok(ExitCode::SUCCESS)
}
