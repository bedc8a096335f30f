//! CSL JSON items: `corpus.toml` references written as CSL JSON (what the
//! export writes and what the CSL processor renders), and CSL JSON or YAML
//! items read back into reference summaries.

use citationberg::json::{DateValue, Item, NameValue, Value};
use serde_json::{json, Map};

use super::{BibEntry, Parsed, Record};
use crate::corpus::{split_name, Reference};
use crate::text::is_valid_citation_key;

/// CSL's item types. A `corpus.toml` `type` that is one of them is kept.
const CSL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

/// The CSL type of a `corpus.toml` `type`, which is free text.
fn csl_type(kind: Option<&str>) -> &str {
    match kind.map(str::trim) {
        Some(k) if CSL_TYPES.contains(&k) => CSL_TYPES.iter().find(|t| **t == k).copied().unwrap_or(k),
        Some("op-ed" | "newspaper" | "news") => "article-newspaper",
        Some("journal") => "article-journal",
        Some("blog") => "post-weblog",
        Some("web" | "web-page") => "webpage",
        _ => "document",
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as CSL date parts.
fn date_parts(date: &str) -> Option<Vec<i64>> {
    let parts: Vec<i64> = date
        .split('-')
        .map(|p| {
            p.parse()
                .ok()
                .filter(|_| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect::<Option<_>>()?;
    (1..=3).contains(&parts.len()).then_some(parts)
}

/// A reference as a CSL JSON item, as Pandoc reads one.
pub(super) fn json_of(r: &Reference) -> serde_json::Value {
    let mut item = Map::new();
    item.insert("id".into(), json!(r.key));
    item.insert("type".into(), json!(csl_type(r.kind.as_deref())));
    if !r.authors.is_empty() {
        let names: Vec<serde_json::Value> = r
            .authors
            .iter()
            .map(|a| match split_name(a) {
                (Some(given), family) => json!({"family": family, "given": given}),
                (None, family) => json!({"literal": family}),
            })
            .collect();
        item.insert("author".into(), names.into());
    }
    if let Some(parts) = r.date.as_deref().and_then(date_parts) {
        item.insert("issued".into(), json!({ "date-parts": [parts] }));
    }
    let strings = [
        ("title", &r.title),
        ("container-title", &r.container),
        ("publisher", &r.publisher),
        ("volume", &r.volume),
        ("issue", &r.issue),
        ("number", &r.number),
        ("page", &r.pages),
        ("DOI", &r.doi),
        ("URL", &r.url),
        ("note", &r.note),
    ];
    for (name, value) in strings {
        if let Some(value) = value {
            item.insert(name.into(), json!(value));
        }
    }
    item.into()
}

pub(super) fn from_reference(r: &Reference) -> Item {
    serde_json::from_value(json_of(r)).expect("json_of writes CSL JSON that citationberg reads")
}

pub(super) fn entries(items: Vec<Item>, origin: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for item in items {
        match summary(&item) {
            Ok(reference) => parsed.entries.push(BibEntry {
                reference,
                files: Vec::new(),
                origin: origin.to_string(),
                record: Record::Csl(item),
            }),
            Err(message) => parsed.errors.push(message),
        }
    }
    parsed
}

/// CSL YAML: a list of items, or Pandoc's `references:` document.
pub(super) fn parse_yaml(text: &str, origin: &str) -> Parsed {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum CslYaml {
        List(Vec<Item>),
        Document { references: Vec<Item> },
    }
    match serde_yaml::from_str::<CslYaml>(text) {
        Ok(CslYaml::List(items) | CslYaml::Document { references: items }) => entries(items, origin),
        Err(err) => Parsed::unreadable(format!("not CSL YAML (a list of items, or `references:`): {err}")),
    }
}

fn string(item: &Item, name: &str) -> Option<String> {
    item.0.get(name)?.to_str().map(|s| s.trim().to_string())
}

fn summary(item: &Item) -> Result<Reference, String> {
    let key = item.id().ok_or("a CSL item without an `id`")?.to_string();
    if !is_valid_citation_key(&key) {
        return Err(format!("`{key}` is not a valid citation key"));
    }
    let authors = match item.0.get("author") {
        Some(Value::Names(names)) => names.iter().map(name).collect(),
        _ => Vec::new(),
    };
    let date = match item.0.get("issued") {
        Some(Value::Date(date)) => date_text(date),
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok(Reference {
        key,
        kind: item.type_().map(|t| t.into_owned()),
        title: string(item, "title"),
        authors,
        date,
        container: string(item, "container-title"),
        publisher: string(item, "publisher"),
        volume: string(item, "volume"),
        issue: string(item, "issue"),
        number: string(item, "number"),
        pages: string(item, "page"),
        doi: string(item, "DOI"),
        url: string(item, "URL"),
        note: string(item, "note"),
    })
}

fn name(name: &NameValue) -> String {
    match name {
        NameValue::Literal(l) => l.literal.clone(),
        NameValue::Item(n) => match &n.given {
            Some(given) => format!("{given} {}", n.family),
            None => n.family.clone(),
        },
    }
}

/// The first date of a CSL date as `YYYY[-MM[-DD]]`.
fn date_text(date: &DateValue) -> Option<String> {
    let parts: Vec<i64> = match date {
        DateValue::DateParts { date_parts, .. } => {
            date_parts.0.first()?.0.iter().map(|&p| i64::from(p)).collect()
        }
        DateValue::Raw { raw, .. } => {
            let d = raw.start;
            [
                Some(i64::from(d.year)),
                d.month.map(i64::from),
                d.day.map(i64::from),
            ]
            .into_iter()
            .map_while(|p| p)
            .collect()
        }
    };
    let mut text = format!("{:04}", parts.first()?);
    for part in parts.iter().skip(1).take(2) {
        text.push_str(&format!("-{part:02}"));
    }
    Some(text)
}
