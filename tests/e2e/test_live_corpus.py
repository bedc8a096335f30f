"""Live corpus updates: adding, changing and deleting a source file in a
corpus folder changes an open brief's diagnostics without a restart, both
when the client watches the folder for the server (didChangeWatchedFiles)
and when the server watches it itself. The updated corpus is stored, so the
next start opens it as it is now."""

from __future__ import annotations

import pathlib

from lsprotocol import types as lsp
from pygls import uris

from helpers import open_brief, published, wait_ready, wait_until

TRENIN = "Trenin on Russia\n\nDmitri Trenin wrote that Russia and China have built an entente of convenience.\n"
LAVROV = "Lavrov on the Partnership\n\nSergey Lavrov said the partnership has no limits and no forbidden zones at all.\n"
LAVROV_CHANGED = "Lavrov on the Partnership\n\nSergey Lavrov said the partnership has clear limits and several forbidden zones.\n"
BRIEF = (
    "Trenin writes that “Russia and China have built an entente of convenience” [@trenin].\n\n"
    "Lavrov said that “the partnership has no limits and no forbidden zones at all” [@lavrov].\n"
)


def corpus(tmp_path: pathlib.Path) -> pathlib.Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "trenin.txt").write_text(TRENIN, encoding="utf-8")
    return folder


async def codes_become(c, doc: str, expected: list[str], after: int) -> None:
    """Waits for a publish for `doc`, numbered `after` or later, whose codes are `expected`."""

    def seen():
        return any(p.uri == doc and sorted(d.code for d in p.diagnostics) == expected for p in c.published[after:])

    await wait_until(seen, f"diagnostics {expected}", timeout=30)


def notify(c, path: pathlib.Path, kind: lsp.FileChangeType) -> None:
    c.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=uris.from_fs_path(str(path)), type=kind)])
    )


async def add_change_delete(c, folder: pathlib.Path, tell) -> None:
    """The three edits of the corpus, each followed by the brief's new diagnostics."""
    doc = open_brief(c, BRIEF)
    before = sorted(d.code for d in await published(c, doc, version=1))
    assert before == ["citation-unknown", "quote-not-found"], before

    new = folder / "lavrov.txt"
    mark = len(c.published)
    new.write_text(LAVROV, encoding="utf-8")
    tell(new, lsp.FileChangeType.Created)
    await codes_become(c, doc, [], mark)
    assert (await wait_ready(c, documents=2))["documents"] == 2

    mark = len(c.published)
    new.write_text(LAVROV_CHANGED, encoding="utf-8")
    tell(new, lsp.FileChangeType.Changed)
    await codes_become(c, doc, ["quote-inexact"], mark)

    mark = len(c.published)
    new.unlink()
    tell(new, lsp.FileChangeType.Deleted)
    await codes_become(c, doc, ["citation-unknown", "quote-not-found"], mark)
    assert (await wait_ready(c, documents=1))["documents"] == 1


async def test_the_client_watches_the_corpus_folder(launch, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = corpus(tmp_path)
    registered: list[lsp.Registration] = []
    c = await launch(options={"corpus": [str(folder)]}, watch=True, progress=True)

    @c.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams):
        registered.extend(params.registrations)

    await wait_ready(c, documents=1)
    corpus_watch = await wait_until(
        lambda: [r for r in registered if r.id == "brief-lsp/watch-corpus"], "the corpus watcher registration"
    )
    globs = [w["globPattern"] for w in corpus_watch[0].register_options["watchers"]]
    assert globs == [f"{folder}/**"]

    await add_change_delete(c, folder, lambda path, kind: notify(c, path, kind))
    updates = [
        reports
        for token, reports in c.progress_reports.items()
        if reports and reports[0].kind == "begin" and reports[0].title == "Updating corpus"
    ]
    assert len(updates) >= 3, c.progress_reports
    await wait_until(lambda: updates[-1][-1].kind == "end", "the last update's progress to end")


async def test_the_server_watches_the_corpus_folder_itself(launch, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = corpus(tmp_path)
    c = await launch(options={"corpus": [str(folder)]}, watch=False)
    await wait_ready(c, documents=1)
    # No notifications: the file system events are all the server has.
    await add_change_delete(c, folder, lambda path, kind: None)


async def test_the_updated_corpus_is_stored_for_the_next_start(launch, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    folder = corpus(tmp_path)
    c = await launch(options={"corpus": [str(folder)]}, watch=True)
    await wait_ready(c, documents=1)
    [index] = await wait_until(lambda: list((cache / "brief-lsp" / "index").glob("*.idx")), "the stored index")
    written = index.stat().st_mtime_ns
    new = folder / "lavrov.txt"
    new.write_text(LAVROV, encoding="utf-8")
    notify(c, new, lsp.FileChangeType.Created)
    await wait_ready(c, documents=2)
    await wait_until(lambda: index.stat().st_mtime_ns != written, "the index stored again")

    again = await launch(options={"corpus": [str(folder)]})
    await wait_ready(again, documents=2)
    doc = open_brief(again, BRIEF)
    assert await published(again, doc, version=1) == []
    logs = [m.message for m in again.log_messages]
    assert any("opened the index" in m for m in logs), logs
