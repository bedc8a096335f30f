"""The stored corpus index, end to end: the server writes it in the cache
folder after a cold build, opens it on the next start, and rebuilds it when
it is damaged, with the same diagnostics each time."""

from __future__ import annotations

import asyncio
import pathlib

from helpers import open_brief, published, summary, wait_ready

SOURCE = "Trenin on Russia\n\nDmitri Trenin wrote that Russia and China have built an entente of convenience.\n"
BRIEF = 'Trenin writes that “Russia and China have built an entente of convenience” [@trenin] and cites @nobody.\n'


def index_files(cache: pathlib.Path) -> list[pathlib.Path]:
    return sorted((cache / "brief-lsp" / "index").glob("*.idx"))


async def diagnostics_of_a_start(launch, folder: pathlib.Path) -> list:
    c = await launch(options={"corpus": [str(folder)]})
    await wait_ready(c, documents=1)
    doc = open_brief(c, BRIEF)
    return summary(await published(c, doc, version=1))


def cache_and_corpus(tmp_path: pathlib.Path, monkeypatch) -> tuple[pathlib.Path, pathlib.Path]:
    """A cache folder of the test's own, and a corpus folder holding SOURCE."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "trenin.txt").write_text(SOURCE, encoding="utf-8")
    return cache, folder


async def test_index_is_written_reused_and_rebuilt_when_damaged(launch, tmp_path, monkeypatch):
    cache, folder = cache_and_corpus(tmp_path, monkeypatch)

    cold = await diagnostics_of_a_start(launch, folder)
    assert [code for code, _, _ in cold] == ["citation-unknown"], cold
    [index] = index_files(cache)
    assert sorted(p.name for p in folder.iterdir()) == ["trenin.txt"]
    written = index.stat().st_mtime_ns

    assert await diagnostics_of_a_start(launch, folder) == cold
    assert index.stat().st_mtime_ns == written, "a warm start does not rewrite the index"

    data = bytearray(index.read_bytes())
    data[len(data) // 2] ^= 0x55
    index.write_bytes(bytes(data))
    assert await diagnostics_of_a_start(launch, folder) == cold
    assert index.read_bytes() != bytes(data), "the damaged index was replaced"

    index.write_bytes(b"not an index at all")
    assert await diagnostics_of_a_start(launch, folder) == cold
    assert index.read_bytes().startswith(b"BRIEFIDX")


async def test_a_brief_opened_as_a_warm_server_starts_gets_its_diagnostics_once(launch, tmp_path, monkeypatch):
    # Opened at once, the brief is checked for its didOpen and again as the
    # warm corpus is swapped in, at about the same moment: the client gets
    # the list once, not the same list twice.
    cache, folder = cache_and_corpus(tmp_path, monkeypatch)
    cold = await diagnostics_of_a_start(launch, folder)
    for _ in range(3):
        c = await launch(options={"corpus": [str(folder)]})
        doc = open_brief(c, BRIEF)
        assert summary(await published(c, doc, version=1)) == cold
        await asyncio.sleep(1.0)
        assert len([p for p in c.published if p.uri == doc]) == 1, c.published


async def test_a_damaged_text_found_after_the_start_is_thrown_away_and_rebuilt(launch, tmp_path, monkeypatch):
    # The server opens an index checking only its tables, and each text on
    # its first read: damage inside a text is found by the first check,
    # whose diagnostics are not published; the index is deleted and the
    # corpus rebuilt, and the rebuilt corpus's diagnostics are published.
    cache, folder = cache_and_corpus(tmp_path, monkeypatch)
    cold = await diagnostics_of_a_start(launch, folder)
    [index] = index_files(cache)

    data = bytearray(index.read_bytes())
    sentence = b"Dmitri Trenin wrote that Russia and China"
    at = data.find(sentence)
    assert at > 0
    while at >= 0:
        data[at + 7] ^= 0x20  # "Trenin" -> "trenin", in every copy of the text
        at = data.find(sentence, at + 1)
    index.write_bytes(bytes(data))
    c = await launch(options={"corpus": [str(folder)]})
    await wait_ready(c, documents=1)
    doc = open_brief(c, BRIEF)
    assert summary(await published(c, doc, version=1)) == cold
    logs = [m.message for m in c.log_messages]
    assert any("opened the index" in m for m in logs), logs
    assert any("the stored index failed a check" in m for m in logs), logs
    assert index.read_bytes() != bytes(data), "the damaged index was replaced"
    assert index.read_bytes().startswith(b"BRIEFIDX")
