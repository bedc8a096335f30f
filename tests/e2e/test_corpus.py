"""Choosing the corpus (initialization options, didChangeConfiguration,
brief-lsp.toml), bad corpus input, and indexing progress."""

from __future__ import annotations

import pathlib

from lsprotocol import types as lsp
from pygls import uris

from helpers import BRIEF, open_brief, published, request, status, summary, uri, wait_ready, wait_until

MINE = "See @mydoc and @lukin2020.\n"
MYDOC = "Mydoc\n\nA corpus document of our own about the Russia–China entente.\n"


def unknown(key: str) -> tuple[str, str, str]:
    return ("citation-unknown", "brief-lsp", f"unknown citation key `@{key}`")


def corpus_folder(parent: pathlib.Path, name: str = "sources") -> pathlib.Path:
    folder = parent / name
    folder.mkdir()
    (folder / "mydoc.txt").write_text(MYDOC, encoding="utf-8")
    return folder


async def test_initialization_options_then_configuration_change(launch, tmp_path):
    folder = corpus_folder(tmp_path)
    c = await launch(options={"corpus": [str(folder)]})
    ready = await wait_ready(c, documents=1)
    assert ready["source"] == str(folder)
    assert ready["problems"] == []

    doc = open_brief(c, MINE)
    diags = await published(c, doc, version=1)
    assert [d.code for d in diags] == ["citation-unknown"]
    assert diags[0].message.startswith("unknown citation key `@lukin2020`")

    mark = len(c.published)
    c.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings={"briefLsp": {"corpus": []}}))
    diags = await published(c, doc, version=1, after=mark)
    assert summary(diags) == [unknown("mydoc")]
    assert (await wait_ready(c, documents=5))["source"] == "the embedded seed corpus"


async def test_project_file_at_the_workspace_root_selects_folders(launch, tmp_path):
    folder = corpus_folder(tmp_path)
    (tmp_path / "brief-lsp.toml").write_text('corpus = ["sources"]\n', encoding="utf-8")
    c = await launch(root=tmp_path)
    ready = await wait_ready(c, documents=1)
    assert pathlib.Path(ready["source"]) == folder
    doc = open_brief(c, MINE)
    diags = await published(c, doc, version=1)
    assert [d.message.split(";")[0] for d in diags] == ["unknown citation key `@lukin2020`"]


async def test_bad_corpus_input_is_reported_and_the_rest_is_served(launch, tmp_path):
    good = corpus_folder(tmp_path)
    (good / "latin.txt").write_bytes("Caf\xe9 au lait, a Latin-1 file.\n".encode("latin-1"))
    (good / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing"
    c = await launch(options={"briefLsp": {"corpus": [str(missing), str(good)]}})
    ready = await wait_ready(c)
    assert ready["documents"] == 2  # mydoc, and latin decoded with replacement characters
    problems = "\n".join(ready["problems"])
    assert len(ready["problems"]) == 3, problems
    assert f"{missing}: cannot read corpus folder" in problems
    assert f"{good / 'latin.txt'}:1: not valid UTF-8" in problems
    assert f"{good / 'blob.txt'}: binary file" in problems
    shown = await wait_until(lambda: len(c.messages) >= 2 and c.messages, "showMessages about the corpus problems")
    assert {m.type for m in shown} == {lsp.MessageType.Warning}
    messages = sorted(m.message for m in shown)
    assert messages[0].startswith(f"brief-lsp: 1 corpus problem(s); see the log. First: {missing}: cannot read")
    # The source that could not be read is named to the analyst, not only logged.
    assert messages[1] == (
        f"brief-lsp: 1 corpus source could not be read; citing it is flagged. {good / 'blob.txt'}: binary file (contains NUL bytes); skipped"
    )

    doc = open_brief(c, "@mydoc, @latin and @blob.\n")
    assert summary(await published(c, doc, version=1)) == [
        (
            "citation-unknown",
            "brief-lsp",
            "`@blob` is the corpus file blob.txt, which could not be read: binary file (contains NUL bytes)",
        )
    ]

    def hover(doc_uri: str, line: int, character: int):
        return c.text_document_hover_async(
            lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri=doc_uri),
                position=lsp.Position(line=line, character=character),
            )
        )

    assert await hover(uri("never-opened.md"), 0, 2) is None
    assert await hover(doc, 40, 3) is None
    assert await hover(doc, 0, 500) is None
    assert (await hover(doc, 0, 2)).contents.value.startswith("**@mydoc**")  # still serving
    assert (await status(c))["state"] == "ready"

    c.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings={"briefLsp": {"corpus": 3}}))
    await wait_until(lambda: len(c.messages) > 2, "a warning about the invalid settings")
    assert c.messages[-1].type == lsp.MessageType.Warning
    assert "invalid brief-lsp settings" in c.messages[-1].message
    assert (await status(c))["documents"] == 2  # the corpus is kept

    nowhere = tmp_path / "nowhere"
    c.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams(settings={"briefLsp": {"corpus": [str(nowhere)]}})
    )
    await wait_until(lambda: len(c.messages) > 3, "an error about the unreadable corpus")
    assert "cannot load the corpus" in c.messages[-1].message
    after = await status(c)
    # The failed load leaves the served corpus, and what status names, as they were.
    assert after["documents"] == 2 and after["loading"] is None
    assert after["source"] == f"{missing}, {good}"


async def test_indexing_reports_progress_and_logs(launch):
    c = await launch(progress=True)
    await wait_ready(c, documents=5)
    reports = await wait_until(lambda: c.progress_reports.get("brief-lsp/index/1"), "progress reports")
    await wait_until(lambda: reports and reports[-1].kind == "end", "progress end")
    assert reports[0].kind == "begin" and reports[0].title == "Indexing corpus"
    assert all(r.kind == "report" for r in reports[1:-1])
    assert reports[-1].message.startswith("5 documents indexed in ")
    await wait_until(
        lambda: any("5 documents indexed in " in m.message for m in c.log_messages), "a logMessage 'documents indexed'"
    )


async def test_no_progress_without_client_support(launch):
    c = await launch(progress=False)
    await wait_ready(c, documents=5)
    doc = open_brief(c, BRIEF)
    await published(c, doc, version=1)
    assert c.progress_reports == {}


async def test_documents_request_lists_the_served_corpus(client):
    await wait_ready(client, documents=5)
    docs = await request(client, "brief-lsp/documents")
    assert [d["key"] for d in docs] == ["trenin2016", "trenin2019", "carnegie2016", "lukin2020", "makocki2016"]
    lukin = docs[3]
    assert lukin["citation"] == "Lukin 2020"
    assert lukin["title"] == "The Russia–China entente and its future"
    path = pathlib.Path(lukin["uri"].removeprefix("file://"))
    assert path.is_file() and path.name == "003_9556968063aa75cc.txt"


async def test_severity_settings_take_effect_without_reindexing(launch, tmp_path):
    c = await launch(options={"briefLsp": {"severity": {"citation-unknown": "warning"}}})
    await wait_ready(c, documents=5)
    doc = open_brief(c, "See [@nobody].\n")
    diags = await published(c, doc, version=1)
    assert [(d.code, d.severity) for d in diags] == [("citation-unknown", lsp.DiagnosticSeverity.Warning)]
    c.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams(settings={"briefLsp": {"severity": {"citation-unknown": "off"}}})
    )
    await wait_until(lambda: doc in c.diagnostics and not c.diagnostics[doc], "diagnostics cleared by severity off")
    c.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams(settings={"briefLsp": {"severity": {"citation-unknown": "hint"}}})
    )
    await wait_until(
        lambda: [d.severity for d in c.diagnostics.get(doc, [])] == [lsp.DiagnosticSeverity.Hint], "hint severity"
    )
    assert (await status(c))["documents"] == 5


async def test_a_configuration_without_our_section_changes_nothing(launch, tmp_path):
    # Eglot sends `{}` right after connecting; other clients send other servers' sections.
    folder = corpus_folder(tmp_path)
    c = await launch(options={"corpus": [str(folder)]})
    await wait_ready(c, documents=1)
    for settings in ({}, {"ltex": {"language": "en-US"}}):
        c.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))
    doc = open_brief(c, "See @mydoc.\n")
    assert await published(c, doc, version=1) == []
    assert (await status(c))["source"] == str(folder)


async def test_excluded_briefs_are_not_checked_and_excluded_corpus_files_not_indexed(launch, tmp_path):
    folder = corpus_folder(tmp_path)
    (folder / "menu.txt").write_text("Home About Contact\n")
    (tmp_path / "brief-lsp.toml").write_text(
        '[exclude]\nbriefs = ["drafts/*.md", "!drafts/final.md"]\n', encoding="utf-8"
    )
    c = await launch(root=tmp_path, options={"corpus": ["sources"], "exclude": {"corpus": ["menu.txt"]}})
    ready = await wait_ready(c, documents=1)
    assert ready["documents"] == 1
    draft = uris.from_fs_path(str(tmp_path / "drafts" / "a.md"))
    final = uris.from_fs_path(str(tmp_path / "drafts" / "final.md"))
    for doc in (draft, final):
        c.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(uri=doc, language_id="markdown", version=1, text="[@nobody]\n")
            )
        )
    assert await published(c, draft, version=1) == []
    assert [d.code for d in await published(c, final, version=1)] == ["citation-unknown"]


async def test_a_changed_project_file_takes_effect_without_a_restart(launch, tmp_path):
    registered = []
    c = await launch(root=tmp_path, watch=True)

    @c.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams):
        registered.extend(params.registrations)

    ready = await wait_ready(c, documents=5)
    assert ready["source"] == "the embedded seed corpus"
    folder = corpus_folder(tmp_path)
    await wait_until(lambda: registered, "the server registering file watchers")
    globs = [w["globPattern"] for w in registered[0].register_options["watchers"]]
    assert "**/brief-lsp.toml" in globs and "**/.brief-lsp/accepted.toml" in globs
    (tmp_path / "brief-lsp.toml").write_text('corpus = ["sources"]\n', encoding="utf-8")
    c.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=uris.from_fs_path(str(tmp_path / "brief-lsp.toml")), type=lsp.FileChangeType.Created)]
        )
    )
    assert pathlib.Path((await wait_ready(c, documents=1))["source"]) == folder


async def test_a_changed_project_file_is_noticed_when_the_client_does_not_watch_files(launch, tmp_path):
    # From a new-user trial: without the client's file watching, an edited
    # brief-lsp.toml went unnoticed until a restart.
    folder = corpus_folder(tmp_path)
    other = corpus_folder(tmp_path, "other")
    (other / "second.txt").write_text("Second\n\nAnother document of ours.\n", encoding="utf-8")
    project = tmp_path / "brief-lsp.toml"
    project.write_text('corpus = ["sources"]\n', encoding="utf-8")
    c = await launch(root=tmp_path, watch=False)
    assert pathlib.Path((await wait_ready(c, documents=1))["source"]) == folder
    project.write_text('corpus = ["other"]\n', encoding="utf-8")
    assert pathlib.Path((await wait_ready(c, documents=2))["source"]) == other
