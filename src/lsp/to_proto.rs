//! Core results as protocol types; positions through [`TextView`].

use std::collections::HashMap;

use brief_core::analysis::{self, markdown, ActionEdit, Finding, Severity, SourceLocation};
use brief_core::entities::{Entity, EntityKind};
use brief_core::snapshot::Snapshot;
use brief_core::text::{LineIndex, PositionEncoding};
use tower_lsp_server::ls_types as lsp;

use super::position::TextView;

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
    let mut value = h.markdown;
    let links: Vec<String> = h
        .pdf_pages
        .iter()
        .filter_map(|p| {
            let uri = lsp::Uri::from_file_path(&p.file)?;
            let name = p.file.file_name()?.to_string_lossy();
            let text = format!("{name}, page {}", p.page);
            Some(markdown::link(
                &text,
                &format!("{}#page={}", uri.as_str(), p.page),
            ))
        })
        .collect();
    if !links.is_empty() {
        value.push_str(&format!("\n\nOpen the PDF: {}", links.join(" · ")));
    }
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value,
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
        is_incomplete: c.incomplete,
        items,
    })
}

/// An actor or event as a workspace symbol at its defining mention.
fn entity_symbol(
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
) -> lsp::DocumentSymbolResponse {
    lsp::DocumentSymbolResponse::Nested(symbol_tree(view, items, enc))
}

fn symbol_tree(
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
                children: Some(symbol_tree(view, item.children, enc)),
            }
        })
        .collect()
}

fn inlay_hint(view: &TextView, hint: analysis::InlayHint, enc: PositionEncoding) -> lsp::InlayHint {
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

/// Where a code action's edits go: the brief, and the accepted-findings
/// file (its URI and current text, to place positions in it).
pub struct ActionTargets<'a> {
    pub brief: &'a lsp::Uri,
    pub accepted_uri: Option<lsp::Uri>,
    pub accepted_text: Option<&'a str>,
}

/// A core code action as a quick fix with a plain workspace edit.
pub fn code_action(
    view: &TextView,
    targets: &ActionTargets,
    action: analysis::CodeAction,
    diagnostic: lsp::Diagnostic,
    enc: PositionEncoding,
) -> Option<lsp::CodeActionOrCommand> {
    let edit = match action.edit {
        ActionEdit::Brief(edits) => {
            let edits = edits
                .into_iter()
                .map(|e| lsp::TextEdit::new(view.range(e.range, enc), e.new_text))
                .collect();
            lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(targets.brief.clone(), edits)])),
                ..Default::default()
            }
        }
        ActionEdit::AcceptedFile(file) => {
            let uri = targets.accepted_uri.clone()?;
            let text = targets.accepted_text.unwrap_or("");
            let index = LineIndex::new(text);
            let range = TextView { text, index: &index }.range(file.edit.range, enc);
            let insert = lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
                text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: None,
                },
                edits: vec![lsp::OneOf::Left(lsp::TextEdit::new(range, file.edit.new_text))],
            });
            let create = lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(lsp::CreateFile {
                uri,
                options: Some(lsp::CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            }));
            let operations = if file.create {
                vec![create, insert]
            } else {
                vec![insert]
            };
            lsp::WorkspaceEdit {
                document_changes: Some(lsp::DocumentChanges::Operations(operations)),
                ..Default::default()
            }
        }
    };
    Some(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: action.title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(edit),
        is_preferred: action.preferred.then_some(true),
        ..Default::default()
    }))
}

pub fn definition(
    corpus: &Snapshot,
    found: Vec<SourceLocation>,
    enc: PositionEncoding,
) -> Option<lsp::GotoDefinitionResponse> {
    let locations: Vec<lsp::Location> = found
        .into_iter()
        .filter_map(|l| location(corpus, l, enc))
        .collect();
    (!locations.is_empty()).then_some(lsp::GotoDefinitionResponse::Array(locations))
}

pub fn diagnostic_report(items: Vec<lsp::Diagnostic>) -> lsp::DocumentDiagnosticReportResult {
    lsp::DocumentDiagnosticReportResult::Report(lsp::DocumentDiagnosticReport::Full(
        lsp::RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                result_id: None,
                items,
            },
        },
    ))
}

/// References in the corpus, then in the open briefs (`open`, indexed as
/// the core was given them).
pub fn references(
    corpus: &Snapshot,
    open: &[(lsp::Uri, std::sync::Arc<super::documents::DocumentSnapshot>)],
    found: analysis::References,
    enc: PositionEncoding,
) -> Vec<lsp::Location> {
    let mut locations: Vec<lsp::Location> = found
        .in_corpus
        .into_iter()
        .filter_map(|l| location(corpus, l, enc))
        .collect();
    locations.extend(found.in_briefs.into_iter().map(|(i, range)| {
        let (uri, brief) = &open[i];
        lsp::Location::new(uri.clone(), brief.view().range(range, enc))
    }));
    locations
}

pub fn workspace_symbols(
    corpus: &Snapshot,
    found: Vec<(&Entity, Option<SourceLocation>)>,
    enc: PositionEncoding,
) -> lsp::WorkspaceSymbolResponse {
    let symbols = found
        .into_iter()
        .filter_map(|(entity, loc)| entity_symbol(corpus, entity, loc?, enc))
        .collect();
    lsp::WorkspaceSymbolResponse::Flat(symbols)
}

pub fn inlay_hints(
    view: &TextView,
    hints: Vec<analysis::InlayHint>,
    enc: PositionEncoding,
) -> Vec<lsp::InlayHint> {
    hints.into_iter().map(|h| inlay_hint(view, h, enc)).collect()
}

/// The core's code actions, each with the diagnostic it resolves.
pub fn code_actions(
    corpus: &Snapshot,
    view: &TextView,
    targets: &ActionTargets,
    shown: &[Finding],
    actions: Vec<analysis::CodeAction>,
    enc: PositionEncoding,
) -> Vec<lsp::CodeActionOrCommand> {
    actions
        .into_iter()
        .filter_map(|a| {
            let diagnostic = diagnostic(corpus, view, &shown[a.finding], enc);
            code_action(view, targets, a, diagnostic, enc)
        })
        .collect()
}

/// The answer to `initialize`.
pub fn initialize_result(capabilities: lsp::ServerCapabilities) -> lsp::InitializeResult {
    lsp::InitializeResult {
        capabilities,
        server_info: Some(lsp::ServerInfo {
            name: "brief-lsp".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        offset_encoding: None,
    }
}
