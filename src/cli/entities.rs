//! `brief-lsp entities`: the corpus's actors and events, with their kinds,
//! aliases and mention counts.

use std::process::ExitCode;

use clap::Args;

use super::{CorpusArgs, Format};

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub fn run(args: &EntitiesArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load(&args.corpus)?;
    let mut entities: Vec<_> = corpus.entities().entities.iter().collect();
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    let sources = |e: &brief_core::entities::Entity| {
        let mut keys: Vec<&str> = e
            .mentions
            .iter()
            .map(|m| corpus.document(m.doc).reference.key.as_str())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };
    let mut out = String::new();
    match args.format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = entities
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "name": e.name,
                        "kind": e.kind.as_str(),
                        "aliases": e.aliases,
                        "role": e.role,
                        "mentions": e.mentions.len(),
                        "sources": sources(e),
                    })
                })
                .collect();
            out_line!(out, "{}", serde_json::to_string_pretty(&rows)?);
        }
        Format::Human => {
            out_line!(
                out,
                "{:<45} {:<20} {:>8} {:>7}  aliases",
                "name",
                "kind",
                "mentions",
                "sources"
            );
            for e in &entities {
                out_line!(
                    out,
                    "{:<45} {:<20} {:>8} {:>7}  {}",
                    e.name,
                    e.kind.as_str(),
                    e.mentions.len(),
                    sources(e).len(),
                    e.aliases.join(", ")
                );
            }
            out_line!(out, "{} entities", entities.len());
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
