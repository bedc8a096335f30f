//! The one place where byte offsets meet LSP positions, and where core
//! results become protocol types.

use std::path::Path;

use brief_core::analysis::{self, Acceptance, Finding, Severity, SourceLocation};
use brief_core::entities::{Entity, EntityKind};
use brief_core::snapshot::Snapshot;
use brief_core::text::{LineCol, LineIndex, PositionEncoding, TextRange};
use ropey::Rope;
use tower_lsp_server::ls_types as lsp;

use super::server::ACCEPT_COMMAND;

/// Text with its line index: what positions are converted against.
pub struct TextView<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl TextView<'_> {
    pub fn offset(&self, pos: lsp::Position, enc: PositionEncoding) -> usize {
        let pos = LineCol {
            line: pos.line,
            col: pos.character,
        };
        self.index.offset(self.text, pos, enc)
    }

    pub fn position(&self, offset: usize, enc: PositionEncoding) -> lsp::Position {
        let p = self.index.line_col(self.text, offset, enc);
        lsp::Position::new(p.line, p.col)
    }

    pub fn range(&self, range: TextRange, enc: PositionEncoding) -> lsp::Range {
        lsp::Range::new(self.position(range.start, enc), self.position(range.end, enc))
    }
}

/// The char index in `rope` of an LSP position, clamped like
/// [`LineIndex::offset`]: past the line's end to the end, past the last
/// line to the end of the text.
pub fn rope_char(rope: &Rope, pos: lsp::Position, enc: PositionEncoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let mut units = 0usize;
    for (i, c) in rope.line(line).chars().enumerate() {
        if c == '\n' || c == '\r' {
            return start + i;
        }
        let width = match enc {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
            PositionEncoding::Utf32 => 1,
        };
        if units + width > pos.character as usize {
            return start + i;
        }
        units += width;
    }
    start + rope.line(line).len_chars()
}

pub fn encoding_kind(enc: PositionEncoding) -> lsp::PositionEncodingKind {
    match enc {
        PositionEncoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

/// A corpus location; `None` when its path cannot be a URI.
pub fn location(corpus: &Snapshot, loc: SourceLocation, enc: PositionEncoding) -> Option<lsp::Location> {
    let doc = corpus.document(loc.doc);
    let uri = lsp::Uri::from_file_path(&doc.path)?;
    let view = TextView {
        text: &doc.original,
        index: &doc.line_index,
    };
    Some(lsp::Location::new(uri, view.range(loc.range, enc)))
}

pub fn diagnostic(corpus: &Snapshot, view: &TextView, f: &Finding, enc: PositionEncoding) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = f
        .related
        .iter()
        .filter_map(|r| {
            Some(lsp::DiagnosticRelatedInformation {
                location: location(corpus, r.location, enc)?,
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: view.range(f.range, enc),
        severity: Some(severity(f.severity)),
        code: Some(lsp::NumberOrString::String(f.code.as_str().to_string())),
        source: Some("brief-lsp".to_string()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn hover(view: &TextView, h: analysis::Hover, enc: PositionEncoding) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(view.range(h.range, enc)),
    }
}

pub fn completion(
    view: &TextView,
    c: analysis::Completions,
    enc: PositionEncoding,
) -> lsp::CompletionResponse {
    let range = view.range(c.range, enc);
    let items = c
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| lsp::CompletionItem {
            label: item.label.clone(),
            kind: Some(match item.kind {
                analysis::CompletionKind::CitationKey => lsp::CompletionItemKind::REFERENCE,
                analysis::CompletionKind::Entity => lsp::CompletionItemKind::CONSTANT,
            }),
            detail: Some(item.detail),
            documentation: Some(lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: item.documentation,
            })),
            // Keep the core's ranking, which clients would otherwise redo by label.
            sort_text: Some(format!("{i:05}")),
            filter_text: Some(item.filter),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                range,
                item.insert,
            ))),
            ..Default::default()
        })
        .collect();
    lsp::CompletionResponse::List(lsp::CompletionList {
        is_incomplete: false,
        items,
    })
}

/// An actor or event as a workspace symbol at its defining mention.
pub fn entity_symbol(
    corpus: &Snapshot,
    entity: &Entity,
    at: SourceLocation,
    enc: PositionEncoding,
) -> Option<lsp::SymbolInformation> {
    #[allow(deprecated)]
    Some(lsp::SymbolInformation {
        name: entity.name.clone(),
        kind: match entity.kind {
            EntityKind::Actor(_) => lsp::SymbolKind::CLASS,
            EntityKind::Event(_) => lsp::SymbolKind::EVENT,
        },
        tags: None,
        deprecated: None,
        location: location(corpus, at, enc)?,
        container_name: Some(entity.kind.as_str().replace('/', " · ")),
    })
}

pub fn document_symbols(
    view: &TextView,
    items: Vec<analysis::OutlineItem>,
    enc: PositionEncoding,
) -> Vec<lsp::DocumentSymbol> {
    items
        .into_iter()
        .map(|item| {
            #[allow(deprecated)]
            lsp::DocumentSymbol {
                name: item.title,
                detail: None,
                kind: lsp::SymbolKind::STRING,
                tags: None,
                deprecated: None,
                range: view.range(item.range, enc),
                selection_range: view.range(item.selection, enc),
                children: Some(document_symbols(view, item.children, enc)),
            }
        })
        .collect()
}

pub fn inlay_hint(view: &TextView, hint: analysis::InlayHint, enc: PositionEncoding) -> lsp::InlayHint {
    lsp::InlayHint {
        position: view.position(hint.offset, enc),
        label: lsp::InlayHintLabel::String(hint.label),
        kind: None,
        text_edits: None,
        tooltip: None,
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

/// The fixes of `f` as quick-fix code actions editing `uri`.
pub fn code_actions(
    uri: &lsp::Uri,
    view: &TextView,
    f: &Finding,
    diagnostic: &lsp::Diagnostic,
    enc: PositionEncoding,
) -> Vec<lsp::CodeActionOrCommand> {
    f.fixes
        .iter()
        .map(|fix| {
            let edits = fix
                .edits
                .iter()
                .map(|e| lsp::TextEdit::new(view.range(e.range, enc), e.new_text.clone()))
                .collect();
            let changes = std::collections::HashMap::from([(uri.clone(), edits)]);
            lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: fix.title.clone(),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                }),
                is_preferred: Some(fix.preferred),
                ..Default::default()
            })
        })
        .collect()
}

/// The two ways to accept a finding: recorded in `accepted.toml` (through
/// the server's command, which asks the client to apply the edit), or an
/// inline comment in the brief.
pub fn accept_actions(
    uri: &lsp::Uri,
    view: &TextView,
    diagnostic: &lsp::Diagnostic,
    entry: &Acceptance,
    inline: analysis::Edit,
    enc: PositionEncoding,
) -> Vec<lsp::CodeActionOrCommand> {
    let record_title = "Accept this finding (record it in .brief-lsp/accepted.toml)".to_string();
    let record = lsp::CodeAction {
        title: record_title.clone(),
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        command: Some(lsp::Command {
            title: record_title,
            command: ACCEPT_COMMAND.to_string(),
            arguments: Some(vec![serde_json::json!([entry, uri])]),
        }),
        ..Default::default()
    };
    let edit = lsp::TextEdit::new(view.range(inline.range, enc), inline.new_text);
    let here = lsp::CodeAction {
        title: "Accept this finding here (an inline comment)".to_string(),
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(lsp::WorkspaceEdit {
            changes: Some(std::collections::HashMap::from([(uri.clone(), vec![edit])])),
            ..Default::default()
        }),
        ..Default::default()
    };
    vec![
        lsp::CodeActionOrCommand::CodeAction(record),
        lsp::CodeActionOrCommand::CodeAction(here),
    ]
}

/// The edit that appends `entry` to the accepted-findings file at `path`,
/// creating it if need be; positions from the file as it is on disk.
pub fn append_accepted_edit(path: &Path, entry: &Acceptance) -> Option<lsp::WorkspaceEdit> {
    let uri = lsp::Uri::from_file_path(path)?;
    let existing = std::fs::read_to_string(path).ok();
    let body = analysis::render_acceptance(entry);
    let (position, text) = match &existing {
        None => (
            lsp::Position::new(0, 0),
            format!("# Findings accepted in briefs (brief-lsp); commit this file with them.\n\n{body}"),
        ),
        Some(content) => {
            let index = LineIndex::new(content);
            let end = index.line_col(content, content.len(), PositionEncoding::Utf16);
            let sep = if content.is_empty() || content.ends_with("\n\n") {
                ""
            } else if content.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            (lsp::Position::new(end.line, end.col), format!("{sep}{body}"))
        }
    };
    let create = lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(lsp::CreateFile {
        uri: uri.clone(),
        options: Some(lsp::CreateFileOptions {
            overwrite: Some(false),
            ignore_if_exists: Some(true),
        }),
        annotation_id: None,
    }));
    let insert = lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
        text_document: lsp::OptionalVersionedTextDocumentIdentifier { uri, version: None },
        edits: vec![lsp::OneOf::Left(lsp::TextEdit::new(
            lsp::Range::new(position, position),
            text,
        ))],
    });
    let operations = if existing.is_some() {
        vec![insert]
    } else {
        vec![create, insert]
    };
    Some(lsp::WorkspaceEdit {
        document_changes: Some(lsp::DocumentChanges::Operations(operations)),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rope_and_line_index_agree_on_every_position() {
        let text = "a’b—é😀x\r\n日本 ok\rz\n\nend";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        for enc in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            for line in 0..6 {
                for character in 0..20 {
                    let pos = lsp::Position::new(line, character);
                    let from_index = index.offset(text, LineCol { line, col: character }, enc);
                    let from_rope = rope.char_to_byte(rope_char(&rope, pos, enc));
                    assert_eq!(from_rope, from_index, "{pos:?} {enc:?}");
                }
            }
        }
    }
}
