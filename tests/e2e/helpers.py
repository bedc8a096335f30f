"""Position arithmetic in LSP code units, brief texts, and small protocol
helpers shared by the end-to-end tests."""

from __future__ import annotations

import asyncio
import bisect
import pathlib
import re
import time

from lsprotocol import types as lsp
from pygls import uris

# A brief whose citations sit after non-ASCII text on the same line: the
# first two keys are unknown, `@trenin2016` is a seed.
CITED_LINE = "Café — “entente” and Russia’s ‘pivot’ 😀 [@lukin2021; @trenin2016] and @nobody."
BRIEF = f"# Brief\n\n{CITED_LINE}\n"

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def units(s: str, enc: str = "utf-16") -> int:
    """The length of `s` in code units of a position encoding."""
    if enc == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    if enc == "utf-8":
        return len(s.encode("utf-8"))
    assert enc == "utf-32", enc
    return len(s)


def line_starts(text: str) -> list[int]:
    """The string index where each LSP line starts (\\n, \\r\\n and \\r end lines)."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def position(text: str, index: int, enc: str = "utf-16") -> lsp.Position:
    """The LSP position of string index `index`."""
    starts = line_starts(text)
    line = bisect.bisect_right(starts, index) - 1
    return lsp.Position(line=line, character=units(text[starts[line] : index], enc))


def offset(text: str, pos: lsp.Position, enc: str = "utf-16") -> int:
    """The string index of an LSP position, which must fall on a character boundary."""
    i = line_starts(text)[pos.line]
    counted = 0
    while counted < pos.character:
        counted += units(text[i], enc)
        i += 1
    assert counted == pos.character, f"{pos} splits a character"
    return i


def span(text: str, needle: str, enc: str = "utf-16") -> lsp.Range:
    """The range of the first occurrence of `needle`."""
    start = text.index(needle)
    return lsp.Range(start=position(text, start, enc), end=position(text, start + len(needle), enc))


def inside(text: str, needle: str, enc: str = "utf-16", by: int = 2) -> lsp.Position:
    """A position `by` characters into the first occurrence of `needle`."""
    return position(text, text.index(needle) + by, enc)


def text_at(text: str, rng: lsp.Range, enc: str = "utf-16") -> str:
    return text[offset(text, rng.start, enc) : offset(text, rng.end, enc)]


def edit(text: str, rng: lsp.Range, new: str, enc: str = "utf-16") -> str:
    return text[: offset(text, rng.start, enc)] + new + text[offset(text, rng.end, enc) :]


# --- protocol ----------------------------------------------------------------


def uri(name: str = "brief.md") -> str:
    return f"file:///e2e-briefs/{name}"


def open_brief(client, text: str, name: str = "brief.md", version: int = 1) -> str:
    doc_uri = uri(name)
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=doc_uri, language_id="markdown", version=version, text=text)
        )
    )
    return doc_uri


def change(client, doc_uri: str, version: int, *edits: tuple[lsp.Range, str]) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=doc_uri, version=version),
            content_changes=[lsp.TextDocumentContentChangePartial(range=r, text=t) for r, t in edits],
        )
    )


async def wait_until(predicate, what: str, timeout: float = 15.0):
    """Polls `predicate` (sync or async) until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.02)


async def published(client, doc_uri: str, version=..., after: int = 0) -> list[lsp.Diagnostic]:
    """The diagnostics of the first publish for `doc_uri` (with `version`, if
    given; `None` is a close) among the publishes numbered `after` and later."""

    def find():
        for p in client.published[after:]:
            if p.uri == doc_uri and (version is ... or p.version == version):
                return p
        return None

    params = await wait_until(find, f"publishDiagnostics for {doc_uri} version {version}")
    return list(params.diagnostics)


def plain(value):
    """pygls turns the JSON objects of custom responses into namedtuples; back to dicts."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


async def request(client, method: str, params=None):
    """A custom request; its result as plain JSON values."""
    return plain(await client.protocol.send_request_async(method, params))


async def status(client) -> dict:
    return await request(client, "brief-lsp/status")


async def wait_ready(client, documents: int | None = None) -> dict:
    async def ready():
        s = await status(client)
        ok = s["state"] == "ready" and (documents is None or s["documents"] == documents)
        return s if ok else None

    return await wait_until(ready, f"corpus ready with {documents} documents")


async def document_text(client, doc_uri: str) -> dict:
    return await request(client, "brief-lsp/documentText", {"uri": doc_uri})


def summary(diagnostics) -> list[tuple[str, str, str]]:
    """(code, source, message) of each diagnostic, for readable assertions."""
    return [(d.code, d.source, d.message) for d in diagnostics]


# --- requests on a position, and where their locations point ------------------


def ident(doc: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri=doc)


async def hover_at(client, doc: str, pos: lsp.Position):
    return await client.text_document_hover_async(lsp.HoverParams(text_document=ident(doc), position=pos))


async def definition_at(client, doc: str, pos: lsp.Position) -> list[lsp.Location]:
    result = await client.text_document_definition_async(lsp.DefinitionParams(text_document=ident(doc), position=pos))
    return list(result or [])


async def all_actions(client, doc: str, diagnostic: lsp.Diagnostic) -> list:
    """Every code action offered for a diagnostic."""
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=ident(doc),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return list(result or [])


async def actions_for(client, doc: str, diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    """The fixes offered for a diagnostic, without the two "Accept this
    finding" actions every diagnostic has (test_accept.py covers those)."""
    return [
        a
        for a in await all_actions(client, doc, diagnostic)
        if isinstance(a, lsp.CodeAction) and not a.title.startswith("Accept this finding")
    ]


def source_path(location_uri: str) -> pathlib.Path:
    assert location_uri.startswith("file://"), location_uri
    path = pathlib.Path(uris.to_fs_path(location_uri))
    assert path.is_file(), path
    return path


def located(location: lsp.Location, enc: str = "utf-16") -> str:
    """The text of the file a location points into, sliced by its range (the
    file read byte for byte, so that its line breaks stay as they are)."""
    source = source_path(location.uri).read_bytes().decode("utf-8")
    return text_at(source, location.range, enc)
