"""The stored corpus index, end to end: the server writes it in the cache
folder after a cold build, opens it on the next start, and rebuilds it when
it is damaged, with the same diagnostics each time."""

from __future__ import annotations

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


async def test_index_is_written_reused_and_rebuilt_when_damaged(launch, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "trenin.txt").write_text(SOURCE, encoding="utf-8")

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
