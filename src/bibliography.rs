//! Reads the bibliography a brief cites from: the files its front matter
//! names (`bibliography:`, relative to the brief's folder, and `csl:`),
//! and the project's (`bibliography` in `brief-lsp.toml`). The core parses
//! and assembles them; this module only reads, and keeps what it read
//! until a file's size or modification time changes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use brief_core::bibliography::{
    front_matter_of, parse_bibliography, BibFormat, BibSource, BriefReferences, Parsed, ReferenceProblem,
    Style,
};
use brief_core::brief::Brief;
use brief_core::text::TextRange;

use crate::workspace::Workspace;
use crate::written::stamp;

/// The largest bibliography or style read: a Zotero library of 100,000
/// entries is about 60 MB.
const MAX_BYTES: u64 = 64 << 20;

type Stamp = Option<(SystemTime, u64)>;

/// A bibliography file's entries, or why it could not be read.
type ParsedFile = Arc<Result<Parsed, String>>;

/// Parsed files by path, with the stamp they were read at.
static PARSED: Mutex<Option<HashMap<PathBuf, (Stamp, ParsedFile)>>> = Mutex::new(None);

fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a file".into());
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "{} MB is over the {} MB limit",
            meta.len() >> 20,
            MAX_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|_| "not UTF-8".to_string())
}

/// One bibliography file, parsed, from the cache while it is unchanged.
fn parsed(path: &Path, origin: &str) -> ParsedFile {
    let now = stamp(path);
    let mut cache = PARSED.lock().unwrap_or_else(|e| e.into_inner());
    let cache = cache.get_or_insert_with(HashMap::new);
    if let Some((at, parsed)) = cache.get(path) {
        if *at == now && now.is_some() {
            return parsed.clone();
        }
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let result = match BibFormat::from_extension(ext) {
        None => Err("not .bib, .bibtex, .json, .yaml or .yml, the formats Pandoc reads".to_string()),
        Some(format) => read_text(path).map(|text| parse_bibliography(&text, format, origin)),
    };
    let result = Arc::new(result);
    cache.insert(path.to_path_buf(), (now, result.clone()));
    result
}

fn source(path: &Path, origin: String, at: Option<TextRange>) -> BibSource {
    let parsed = match &*parsed(path, &origin) {
        Ok(p) => Ok(p.clone()),
        Err(e) => Err(e.clone()),
    };
    BibSource { origin, parsed, at }
}

/// What `brief` cites besides the corpus. `dir` is the brief's folder
/// (paths in its front matter are relative to it, as when Pandoc runs
/// there); `None` for a brief without a file, which then reads none.
pub fn brief_references(brief: &Brief, dir: Option<&Path>, workspace: &Workspace) -> Arc<BriefReferences> {
    let front = brief
        .front_matter
        .map(|r| front_matter_of(&brief.text[r.start..r.end], r.start))
        .unwrap_or_default();
    let project = &workspace.bibliography;
    if front.bibliography.is_empty()
        && front.csl.is_none()
        && front.references.entries.is_empty()
        && front.references.errors.is_empty()
        && front.error.is_none()
        && project.is_empty()
    {
        return BriefReferences::none();
    }
    let mut sources = vec![BibSource {
        origin: "the front matter's references".into(),
        parsed: Ok(front.references),
        at: Some(front.references_line),
    }];
    let resolve = |p: &str| dir.map(|d| d.join(p));
    for written in &front.bibliography {
        let at = Some(front.bibliography_line);
        match resolve(written) {
            Some(path) => sources.push(source(&path, written.clone(), at)),
            None => sources.push(BibSource {
                origin: written.clone(),
                parsed: Err("the brief has no folder to find it in (save it first)".into()),
                at,
            }),
        }
    }
    for path in project {
        sources.push(source(path, path.display().to_string(), None));
    }
    let style = match (&front.csl, front.csl.as_deref().and_then(resolve)) {
        (None, _) => Ok(None),
        (Some(written), path) => path
            .ok_or_else(|| "the brief has no folder to find it in".to_string())
            .and_then(|p| read_text(&p))
            .and_then(|text| Style::from_csl(&text))
            .map(Some)
            .map_err(|why| ReferenceProblem {
                at: Some(front.csl_line),
                message: format!("csl {written}: {why}; references are shown in Chicago author-date"),
            }),
    };
    let mut references = BriefReferences::assemble(sources, style, &workspace.bibliography_documents);
    if let Some(error) = front.error {
        references.problems.push(ReferenceProblem {
            at: brief.front_matter,
            message: error,
        });
    }
    Arc::new(references)
}
