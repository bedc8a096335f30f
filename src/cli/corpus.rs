//! `brief-lsp corpus`: what the corpus holds, a line per document.

use std::process::ExitCode;

use brief_core::entities::EntityKind;
use brief_core::text::counted;
use clap::Args;

use super::{CorpusArgs, Format};

#[derive(Args, Debug)]
pub struct CorpusCommandArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub fn run(args: &CorpusCommandArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load(&args.corpus)?;
    let rows: Vec<serde_json::Value> = corpus
        .documents
        .iter()
        .map(|doc| {
            serde_json::json!({
                "key": doc.reference.key,
                "title": doc.reference.title.clone().unwrap_or_default(),
                "path": doc.path.display().to_string(),
                "bytes": doc.original.len(),
                "paragraphs": doc.paragraphs.len(),
                "sentences": doc.sentences.len(),
            })
        })
        .collect();
    let mut out = String::new();
    match args.format {
        Format::Json => out_line!(out, "{}", serde_json::to_string_pretty(&rows)?),
        Format::Human => {
            // As wide as the longest key, so that long keys keep the columns.
            let width = corpus
                .documents
                .iter()
                .map(|d| d.reference.key.chars().count())
                .fold("key".len(), usize::max);
            out_line!(
                out,
                "{:<width$} {:>9} {:>6} {:>6}  title",
                "key",
                "bytes",
                "paras",
                "sents"
            );
            for doc in &corpus.documents {
                let title: String = doc
                    .reference
                    .title
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect();
                out_line!(
                    out,
                    "{:<width$} {:>9} {:>6} {:>6}  {title}",
                    doc.reference.key,
                    doc.original.len(),
                    doc.paragraphs.len(),
                    doc.sentences.len()
                );
            }
            let bytes: usize = corpus.documents.iter().map(|d| d.original.len()).sum();
            let passages: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
            out_line!(
                out,
                "{}, {}",
                counted(corpus.documents.len(), "document"),
                counted(bytes, "byte")
            );
            out_line!(
                out,
                "quote index: {passages} passages, {} k-gram entries",
                corpus.quote_index().n_entries()
            );
            out_line!(out, "figures: {} checkable figures", corpus.figure_index().len());
            let table = &corpus.entities().entities;
            let actors = table
                .iter()
                .filter(|e| matches!(e.kind, EntityKind::Actor(_)))
                .count();
            out_line!(
                out,
                "entities: {}, {}",
                counted(actors, "actor"),
                counted(table.len() - actors, "event")
            );
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
