"""Capabilities, diagnostics, code actions, hover, definition, completion and
close against the embedded seed corpus."""

from __future__ import annotations

import pathlib

from lsprotocol import types as lsp
from pygls import uris

from helpers import (
    actions_for,
    BRIEF,
    CITED_LINE,
    change,
    document_text,
    edit,
    inside,
    open_brief,
    position,
    published,
    span,
    summary,
    text_at,
    units,
)

LUKIN_FIX = "unknown citation key `@lukin2021`; did you mean `@lukin2020`?"


async def test_capabilities_and_position_encoding(enc_client):
    caps = enc_client.init_result.capabilities
    assert caps.position_encoding == enc_client.encoding
    assert caps.hover_provider is True
    assert caps.definition_provider is True
    assert list(caps.completion_provider.trigger_characters) == ["@"]
    assert lsp.CodeActionKind.QuickFix in caps.code_action_provider.code_action_kinds
    assert caps.text_document_sync.change == lsp.TextDocumentSyncKind.Incremental
    assert caps.text_document_sync.open_close is True


async def test_no_offered_encoding_means_utf16(launch):
    c = await launch(encodings=None)
    assert c.init_result.capabilities.position_encoding == "utf-16"


async def test_unknown_keys_after_non_ascii_text_have_exact_ranges(enc_client):
    enc = enc_client.encoding
    doc = open_brief(enc_client, BRIEF)
    diags = await published(enc_client, doc, version=1)
    assert summary(diags) == [
        ("citation-unknown", "brief-lsp", LUKIN_FIX),
        ("citation-unknown", "brief-lsp", "unknown citation key `@nobody`"),
    ]
    assert [d.range for d in diags] == [span(BRIEF, "@lukin2021", enc), span(BRIEF, "@nobody", enc)]
    # The same columns written out: UTF-16 code units, or UTF-8 bytes.
    expected = {"utf-16": [(42, 52), (71, 78)], "utf-8": [(57, 67), (86, 93)]}[enc]
    assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in diags] == [
        (2, *expected[0]),
        (2, *expected[1]),
    ]
    assert all(d.range.end.line == 2 for d in diags)
    assert units(CITED_LINE[: CITED_LINE.index("@nobody")], enc) == expected[1][0]


async def test_crlf_line_endings_count_as_one_break(enc_client):
    enc = enc_client.encoding
    text = "# T\r\n\r\nCafé 😀 [@lukin2021] and @trenin2016.\r\nNext é @nobody\r\n"
    doc = open_brief(enc_client, text)
    diags = await published(enc_client, doc, version=1)
    assert [d.range for d in diags] == [span(text, "@lukin2021", enc), span(text, "@nobody", enc)]
    assert [d.range.start.line for d in diags] == [2, 3]


async def test_quick_fix_replaces_the_key_and_diagnostics_follow(client):
    doc = open_brief(client, BRIEF)
    first = (await published(client, doc, version=1))[0]
    actions = await actions_for(client, doc, first)
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1
    fix = preferred[0]
    assert fix.kind == lsp.CodeActionKind.QuickFix
    assert fix.title == "Change to `@lukin2020`"
    assert [d.message for d in fix.diagnostics] == [LUKIN_FIX]
    (edits,) = fix.edit.changes.values()
    assert list(fix.edit.changes) == [doc]
    assert [(e.range, e.new_text) for e in edits] == [(span(BRIEF, "lukin2021"), "lukin2020")]

    change(client, doc, 2, (edits[0].range, edits[0].new_text))
    fixed = edit(BRIEF, edits[0].range, "lukin2020")
    assert "[@lukin2020; @trenin2016]" in fixed
    diags = await published(client, doc, version=2)
    assert summary(diags) == [("citation-unknown", "brief-lsp", "unknown citation key `@nobody`")]
    assert diags[0].range == span(fixed, "@nobody")
    assert await document_text(client, doc) == {"version": 2, "text": fixed}


async def test_hover_shows_the_reference_over_the_key(client):
    doc = open_brief(client, BRIEF)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=doc), position=inside(BRIEF, "@trenin2016", by=4))
    )
    assert hover.contents.kind == lsp.MarkupKind.Markdown
    assert hover.contents.value.startswith("**@trenin2016** · Trenin 2016")
    assert "Russia-China Entente Must Move Past Rhetoric" in hover.contents.value
    assert hover.range == span(BRIEF, "@trenin2016")
    assert text_at(BRIEF, hover.range) == "@trenin2016"


async def test_definition_opens_the_seed_file_at_its_title(client):
    text = "Lukin — “entente” 😀 [see @lukin2020, p. 374].\n"
    doc = open_brief(client, text)
    result = await client.text_document_definition_async(
        lsp.DefinitionParams(text_document=lsp.TextDocumentIdentifier(uri=doc), position=inside(text, "@lukin2020", by=3))
    )
    assert len(result) == 1
    location = result[0]
    assert location.uri.startswith("file://")
    path = pathlib.Path(uris.to_fs_path(location.uri))
    assert path.is_file(), path
    source = path.read_text(encoding="utf-8")
    title = text_at(source, location.range)
    assert " ".join(title.split()) == "The Russia–China entente and its future"
    assert title == "The Russia–China entente and\u00a0its future"  # the seed has a no-break space


async def test_completion_after_at_replaces_the_typed_prefix(client):
    text = "Russia’s “pivot” 😀 [@tre]\n"
    doc = open_brief(client, text)
    cursor = position(text, text.index("tre]") + 3)
    result = await client.text_document_completion_async(
        lsp.CompletionParams(
            text_document=lsp.TextDocumentIdentifier(uri=doc),
            position=cursor,
            context=lsp.CompletionContext(trigger_kind=lsp.CompletionTriggerKind.Invoked),
        )
    )
    items = result.items
    assert [(i.label, i.detail) for i in items] == [("trenin2016", "Trenin 2016"), ("trenin2019", "Trenin 2019")]
    for item in items:
        assert item.text_edit.range == lsp.Range(start=position(text, text.index("tre]")), end=cursor)
        assert text_at(text, item.text_edit.range) == "tre"
        assert item.text_edit.new_text == item.label
    assert (cursor.line, items[0].text_edit.range.start.character, cursor.character) == (0, 22, 25)


async def test_close_clears_diagnostics(client):
    doc = open_brief(client, BRIEF)
    assert len(await published(client, doc, version=1)) == 2
    mark = len(client.published)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=doc)))
    assert await published(client, doc, after=mark) == []
    assert list(client.diagnostics[doc]) == []


async def test_citations_in_code_and_urls_are_ignored(client):
    text = (
        "Real one: @nobody.\n\n"
        "Inline `@incode2020` and ``[@spans2021]``.\n\n"
        "```\n[@fenced2019] and @fenced\n```\n\n"
        "~~~markdown\n@tilde2018\n~~~\n\n"
        "Links <https://x.org/@handle> and https://example.com/@user/post.\n"
    )
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert summary(diags) == [("citation-unknown", "brief-lsp", "unknown citation key `@nobody`")]
    assert diags[0].range == span(text, "@nobody")


async def test_document_symbols_are_the_briefs_headings(client):
    doc = open_brief(client, "# Brief — é\n\nIntro.\n\n## Trade\n\nText.\n\n## Arms\n\nMore.\n")
    symbols = await client.text_document_document_symbol_async(
        lsp.DocumentSymbolParams(text_document=lsp.TextDocumentIdentifier(uri=doc))
    )
    assert [s.name for s in symbols] == ["Brief — é"]
    assert [c.name for c in symbols[0].children] == ["Trade", "Arms"]
    trade = symbols[0].children[0]
    assert (trade.range.start.line, trade.range.end.line) == (4, 8)
    assert (trade.selection_range.start.character, trade.selection_range.end.character) == (3, 8)


async def test_pull_diagnostics_for_a_client_that_asks(launch):
    c = await launch(pull=True)
    assert c.init_result.capabilities.diagnostic_provider is not None
    text = "Café — “entente” [@lukin2021].\n"
    doc = open_brief(c, text)
    report = await c.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=doc))
    )
    assert [(d.code, d.range) for d in report.items] == [("citation-unknown", span(text, "@lukin2021"))]
    # Findings follow the text as it is typed, with nothing pushed.
    change(c, doc, 2, (span(text, "@lukin2021"), "@lukin2020"))
    report = await c.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=doc))
    )
    assert list(report.items) == []
    assert c.published == []


async def test_push_diagnostics_for_a_client_that_does_not_pull(client):
    assert client.init_result.capabilities.diagnostic_provider is None
