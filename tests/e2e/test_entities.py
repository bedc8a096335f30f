"""Actors and events, end to end through the real binary: completion of names
by prefix, alias and several words; hover, definition and references on a
name; workspace symbols."""

from __future__ import annotations

import json
import subprocess

from lsprotocol import types as lsp

from conftest import SERVER
from helpers import definition_at, hover_at, ident, inside, located, open_brief, position, published, source_path, span


async def complete(client, doc: str, text: str, at: int, enc: str = "utf-16"):
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=ident(doc), position=position(text, at, enc))
    )
    return result.items if isinstance(result, lsp.CompletionList) else result


async def test_completion_by_prefix_alias_and_several_words(enc_client):
    client, enc = enc_client, enc_client.encoding
    text = "# Names — é\n\nMoscow sent Lav\n\nBoth joined the SCO\n\nDuring Vos\n\nThen Xi J\n"
    doc = open_brief(client, text)
    await published(client, doc, version=1)
    for typed, name, detail in [
        ("Lav", "Sergey Lavrov", "actor · person · "),
        ("SCO", "Shanghai Cooperation Organization", "actor · organization · "),
        ("Vos", "Vostok-2018", "event · exercise · "),
        ("Xi J", "Xi Jinping", "actor · person · "),
    ]:
        end = text.index(typed) + len(typed)
        items = await complete(client, doc, text, end, enc)
        first = items[0]
        assert first.label == name, [i.label for i in items]
        assert first.detail.startswith(detail) and " mentions in " in first.detail
        assert first.text_edit.range == span(text, typed, enc)
        assert first.text_edit.new_text == name
        assert first.filter_text.startswith(typed)  # so that the client keeps "SCO" for its alias
        assert "— @" in first.documentation.value  # a defining sentence with its reference


async def test_no_name_completion_in_code(client):
    text = "Code: `Lav`\n"
    doc = open_brief(client, text)
    await published(client, doc, version=1)
    assert not await complete(client, doc, text, text.index("Lav") + 3)


async def test_hover_definition_and_references_on_a_name(client, tmp_path):
    text = "# Brief\n\nAs foreign minister Sergey Lavrov said, Lavrov is careful.\n"
    other = "Lavrov again.\n"
    doc = open_brief(client, text)
    other_doc = open_brief(client, other, name="other.md")
    await published(client, doc, version=1)
    at = inside(text, "Sergey Lavrov", by=8)
    hover = await hover_at(client, doc, at)
    assert hover.contents.value.startswith("**Sergey Lavrov** · actor · person · ")
    assert "Also: Lavrov" in hover.contents.value
    assert hover.range == span(text, "Sergey Lavrov")
    (definition,) = await definition_at(client, doc, at)
    assert "Sergey Lavrov" in located(definition)
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=ident(doc), position=at, context=lsp.ReferenceContext(include_declaration=True)
        )
    )
    in_corpus = [r for r in refs if r.uri.startswith("file:///") and r.uri.endswith(".txt")]
    assert len(in_corpus) >= 3
    assert all("Lavrov" in located(r) for r in in_corpus)
    in_briefs = sorted((r.uri.rsplit("/", 1)[1], r.range.start.line, r.range.start.character) for r in refs if r not in in_corpus)
    lavrov2 = text.index("Lavrov is") - text.index("As")
    assert in_briefs == [("brief.md", 2, 20), ("brief.md", 2, lavrov2), ("other.md", 0, 0)]
    assert other_doc.endswith("other.md")


async def test_workspace_symbols_search_the_entities(client):
    await published(client, open_brief(client, "x\n"), version=1)
    symbols = await client.workspace_symbol_async(lsp.WorkspaceSymbolParams(query="Vostok"))
    assert [s.name for s in symbols][:1] == ["Vostok-2018"]
    assert symbols[0].kind == lsp.SymbolKind.Event
    assert source_path(symbols[0].location.uri).name == "003_9556968063aa75cc.txt"
    assert "Vostok-2018" in located(symbols[0].location)
    everyone = await client.workspace_symbol_async(lsp.WorkspaceSymbolParams(query=""))
    assert {"Russia", "China", "Vladimir Putin"} <= {s.name for s in everyone}


def test_entities_command_lists_kinds_and_aliases(tmp_path):
    run = subprocess.run([str(SERVER), "entities", "--format", "json"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    entities = {e["name"]: e for e in json.loads(run.stdout)}
    assert entities["Shanghai Cooperation Organization"]["kind"] == "actor/organization"
    assert "SCO" in entities["Shanghai Cooperation Organization"]["aliases"]
    assert entities["Vostok-2018"]["kind"] == "event/exercise"
    assert entities["Xi Jinping"]["mentions"] >= 10
