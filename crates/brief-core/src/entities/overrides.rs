//! `entities.toml`: corrections to the extracted table (its format is in the
//! module documentation of `entities`).

use serde::Deserialize;

use super::names::key;
use super::{Entity, EntityId, EntityKind, EntityTable};
use crate::text::{field_line, TomlError};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityOverrides {
    pub entities: Vec<EntityOverride>,
    pub merges: Vec<Merge>,
    pub renames: Vec<Rename>,
    pub suppress: Vec<String>,
}

/// An `[[entity]]`: adds an entity, or adjusts the one named so.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityOverride {
    pub name: String,
    pub kind: Option<EntityKind>,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    /// 1-based line of the entry, for messages.
    pub line: usize,
}

/// A `[[merge]]`: the entities named in `names` become part of `into`.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub into: String,
    pub names: Vec<String>,
    pub line: usize,
}

/// A `[[rename]]` of an entity's canonical name.
#[derive(Clone, Debug, PartialEq)]
pub struct Rename {
    pub from: String,
    pub to: String,
    pub line: usize,
}

// `suppress` belongs at the top level, but TOML puts a key written after a
// table into that table; each table accepts it too rather than failing.
/// `entities.toml`: corrections to the actors and events extracted from a
/// corpus folder, applied as renames, merges, entries, then suppressions.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "entities.toml"))]
#[serde(deny_unknown_fields)]
struct OverridesToml {
    /// Adds an entity the extractor missed, or adjusts the one named so (by
    /// its name or any alias).
    #[serde(default)]
    entity: Vec<EntityToml>,
    /// Folds entities into one; names that match no entity become aliases.
    #[serde(default)]
    merge: Vec<MergeToml>,
    /// Changes an entity's canonical name; the old one stays an alias.
    #[serde(default)]
    rename: Vec<RenameToml>,
    /// Entities named so are dropped, and these aliases removed from all
    /// others.
    #[serde(default)]
    suppress: Vec<String>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct EntityToml {
    name: String,
    /// Required when adding an entity. (`default` only tells the schema
    /// that it is optional, which `schema_with` would hide.)
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(schema_with = "kind_schema"))]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    role: Option<String>,
    /// Belongs at the top level; accepted here because TOML puts a key
    /// written after a table into it.
    #[serde(default)]
    suppress: Vec<String>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct MergeToml {
    into: String,
    names: Vec<String>,
    /// As in `[[entity]]`.
    #[serde(default)]
    suppress: Vec<String>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RenameToml {
    from: String,
    to: String,
    /// As in `[[entity]]`.
    #[serde(default)]
    suppress: Vec<String>,
}

/// The JSON Schema (draft 7) of `entities.toml`.
#[cfg(feature = "schema")]
pub fn entity_overrides_schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<OverridesToml>()
}

/// The kinds `EntityKind::parse` reads: `actor/person` or `person`.
#[cfg(feature = "schema")]
fn kind_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = EntityKind::ALL
        .iter()
        .flat_map(|k| [k.as_str(), k.label()])
        .collect();
    schemars::json_schema!({ "type": "string", "enum": names })
}

/// Reads `entities.toml`. Errors name the line: TOML syntax, unknown
/// fields, unknown kinds, empty names.
pub fn parse_entity_overrides(text: &str) -> Result<EntityOverrides, TomlError> {
    let parsed: OverridesToml = toml::from_str(text).map_err(|err| TomlError::from_toml(text, &err))?;
    let lines = |header: &str| -> Vec<usize> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with(header))
            .map(|(i, _)| i + 1)
            .collect()
    };
    let (entity_lines, merge_lines, rename_lines) =
        (lines("[[entity]]"), lines("[[merge]]"), lines("[[rename]]"));
    let line_of = |lines: &[usize], i: usize| lines.get(i).copied().unwrap_or(1);
    let mut out = EntityOverrides {
        suppress: parsed.suppress,
        ..EntityOverrides::default()
    };
    for (i, e) in parsed.entity.into_iter().enumerate() {
        let line = line_of(&entity_lines, i);
        let kind = match &e.kind {
            Some(kind) => Some(EntityKind::parse(kind).ok_or_else(|| TomlError {
                line: field_line(text, line, "kind"),
                message: format!(
                    "unknown kind `{kind}`; expected one of {}",
                    EntityKind::ALL.map(EntityKind::as_str).join(", ")
                ),
            })?),
            None => None,
        };
        non_empty(&e.name, "name", field_line(text, line, "name"))?;
        out.suppress.extend(e.suppress);
        out.entities.push(EntityOverride {
            name: e.name,
            kind,
            aliases: e.aliases,
            role: e.role,
            line,
        });
    }
    for (i, m) in parsed.merge.into_iter().enumerate() {
        let line = line_of(&merge_lines, i);
        non_empty(&m.into, "into", field_line(text, line, "into"))?;
        out.suppress.extend(m.suppress);
        out.merges.push(Merge {
            into: m.into,
            names: m.names,
            line,
        });
    }
    for (i, r) in parsed.rename.into_iter().enumerate() {
        let line = line_of(&rename_lines, i);
        non_empty(&r.to, "to", field_line(text, line, "to"))?;
        out.suppress.extend(r.suppress);
        out.renames.push(Rename {
            from: r.from,
            to: r.to,
            line,
        });
    }
    Ok(out)
}

fn non_empty(value: &str, field: &str, line: usize) -> Result<(), TomlError> {
    if value.trim().is_empty() {
        return Err(TomlError {
            line,
            message: format!("`{field}` is empty"),
        });
    }
    Ok(())
}

impl EntityTable {
    /// Applies `entities.toml`: renames, then merges, then entries, then
    /// suppressions. Returns what could not be applied (a name that matches
    /// no entity, an added entity without a kind), with its line. An added
    /// entity has no mentions unless its name or aliases matched extracted
    /// entities, which are merged into it.
    pub fn apply_overrides(&mut self, overrides: &EntityOverrides) -> Vec<TomlError> {
        let mut problems = Vec::new();
        let mut entities = std::mem::take(&mut self.entities);
        let mut problem = |line: usize, message: String| problems.push(TomlError { line, message });
        for r in &overrides.renames {
            match find(&entities, &r.from) {
                Some(i) => rename(&mut entities[i], &r.to),
                None => problem(r.line, format!("rename: no entity is named `{}`", r.from)),
            }
        }
        for m in &overrides.merges {
            let target = find(&entities, &m.into).or_else(|| {
                let i = m.names.iter().find_map(|n| find(&entities, n))?;
                rename(&mut entities[i], &m.into);
                Some(i)
            });
            let Some(target) = target else {
                problem(
                    m.line,
                    format!("merge: no entity is named `{}` or any of its names", m.into),
                );
                continue;
            };
            merge_names(&mut entities, target, &m.names);
        }
        for o in &overrides.entities {
            let existing =
                find(&entities, &o.name).or_else(|| o.aliases.iter().find_map(|a| find(&entities, a)));
            let target = match (existing, o.kind) {
                (Some(i), _) => i,
                (None, Some(kind)) => {
                    entities.push(Entity {
                        id: EntityId(0),
                        name: o.name.clone(),
                        kind,
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                        role: None,
                        defining: None,
                    });
                    entities.len() - 1
                }
                (None, None) => {
                    problem(
                        o.line,
                        format!(
                            "entity `{}` is not in the corpus; give its `kind` to add it",
                            o.name
                        ),
                    );
                    continue;
                }
            };
            if entities[target].name != o.name {
                rename(&mut entities[target], &o.name);
            }
            if let Some(kind) = o.kind {
                entities[target].kind = kind;
            }
            if o.role.is_some() {
                entities[target].role = o.role.clone();
            }
            merge_names(&mut entities, target, &o.aliases);
        }
        let suppressed: Vec<String> = overrides.suppress.iter().map(|s| key(s)).collect();
        entities.retain(|e| !suppressed.contains(&key(&e.name)));
        for e in &mut entities {
            e.aliases.retain(|a| !suppressed.contains(&key(a)));
        }
        *self = EntityTable::from_entities(entities);
        problems
    }
}

/// The entity named `name` (or with that alias): exactly as written first,
/// then by key.
fn find(entities: &[Entity], name: &str) -> Option<usize> {
    let names = |e: &Entity| {
        std::iter::once(e.name.clone())
            .chain(e.aliases.clone())
            .collect::<Vec<_>>()
    };
    entities
        .iter()
        .position(|e| names(e).iter().any(|n| n == name))
        .or_else(|| {
            let k = key(name);
            entities.iter().position(|e| names(e).iter().any(|n| key(n) == k))
        })
}

fn rename(e: &mut Entity, to: &str) {
    let old = std::mem::replace(&mut e.name, to.to_string());
    e.aliases.retain(|a| a != to);
    if !e.aliases.contains(&old) {
        e.aliases.push(old);
    }
}

/// Folds the entities named `names` into `entities[target]`; names that
/// match none become its aliases.
fn merge_names(entities: &mut Vec<Entity>, mut target: usize, names: &[String]) {
    for name in names {
        match find(entities, name) {
            Some(i) if i != target => {
                let other = entities.remove(i);
                if i < target {
                    target -= 1;
                }
                let t = &mut entities[target];
                for alias in std::iter::once(other.name).chain(other.aliases) {
                    if alias != t.name && !t.aliases.contains(&alias) {
                        t.aliases.push(alias);
                    }
                }
                t.mentions.extend(other.mentions);
                t.mentions.sort();
                t.mentions.dedup();
                t.role = t.role.take().or(other.role);
                t.defining = match (t.defining, other.defining) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            Some(_) => {}
            None => {
                let t = &mut entities[target];
                if !t.aliases.contains(name) {
                    t.aliases.push(name.clone());
                }
            }
        }
    }
}
