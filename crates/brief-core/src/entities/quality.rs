//! Extraction quality on the seeds, against the hand-written gold list
//! (`gold.toml`). Run with `--nocapture` to see the figures; extraction
//! throughput is measured by `brief-bench run` (BENCHMARKS.md), not here.
//!
//! A gold entry is found when one of its names (canonical or alias) has the
//! key of a name or alias of an extracted entity. Precision is the share of
//! extracted entities that match some gold entry, which is measurable
//! because the gold list names every actor and event of the seeds' running
//! text. Kind accuracy is over found entries, against the most mentioned
//! matching entity.

use super::names::key;
use super::{parse_entity_overrides, Entity, EntityTable};
use crate::test_support::seed_corpus;

fn name_keys<'a>(name: &'a str, aliases: &'a [String]) -> Vec<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(key)
        .collect()
}

#[test]
fn seed_extraction_meets_the_gold_list() {
    let gold = parse_entity_overrides(include_str!("gold.toml"))
        .unwrap()
        .entities;
    let table = EntityTable::build(&seed_corpus().documents);
    let gold_keys: Vec<Vec<String>> = gold.iter().map(|g| name_keys(&g.name, &g.aliases)).collect();
    let entity_keys: Vec<Vec<String>> = table
        .entities
        .iter()
        .map(|e| name_keys(&e.name, &e.aliases))
        .collect();
    let matches = |g: usize, e: usize| gold_keys[g].iter().any(|k| entity_keys[e].contains(k));

    let (mut found, mut kind_right) = (0, 0);
    let (mut misses, mut kind_errors, mut splits) = (Vec::new(), Vec::new(), Vec::new());
    for (g, entry) in gold.iter().enumerate() {
        let hits: Vec<&Entity> = (0..table.entities.len())
            .filter(|&e| matches(g, e))
            .map(|e| &table.entities[e])
            .collect();
        let Some(best) = hits.iter().max_by_key(|e| e.mentions.len()) else {
            misses.push(entry.name.as_str());
            continue;
        };
        found += 1;
        if Some(best.kind) == entry.kind {
            kind_right += 1;
        } else {
            kind_errors.push(format!(
                "{}: {} (gold {:?})",
                entry.name,
                best.kind.as_str(),
                entry.kind.map(|k| k.as_str())
            ));
        }
        if hits.len() > 1 {
            splits.push(
                hits.iter()
                    .map(|e| e.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
            );
        }
    }
    let false_positives: Vec<String> = (0..table.entities.len())
        .filter(|&e| !(0..gold.len()).any(|g| matches(g, e)))
        .map(|e| format!("{} ({})", table.entities[e].name, table.entities[e].kind.as_str()))
        .collect();

    let recall = found as f64 / gold.len() as f64;
    let n = table.entities.len();
    let precision = (n - false_positives.len()) as f64 / n as f64;
    let kind_accuracy = kind_right as f64 / found.max(1) as f64;
    println!(
        "entities on the seeds: recall {:.1}% ({found}/{}), precision {:.1}% ({}/{n}), kind right {:.1}% ({kind_right}/{found})",
        100.0 * recall,
        gold.len(),
        100.0 * precision,
        n - false_positives.len(),
        100.0 * kind_accuracy
    );
    println!("  misses: {misses:?}");
    println!("  false positives: {false_positives:?}");
    println!("  wrong kinds: {kind_errors:?}");
    println!("  one gold entry, several entities: {splits:?}");
    assert!(gold.len() >= 60);
    assert!(recall >= 0.95, "recall {recall}");
    assert!(precision >= 0.95, "precision {precision}");
    assert!(kind_accuracy >= 0.97, "kind accuracy {kind_accuracy}");
}
