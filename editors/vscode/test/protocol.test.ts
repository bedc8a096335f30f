// The protocol behaviour the extension relies on, against the real brief-lsp
// binary, through vscode-jsonrpc and vscode-languageserver-protocol (what
// vscode-languageclient speaks). VS Code itself is not needed.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  HoverRequest,
  InlayHintRequest,
  MarkupKind,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Hover,
  type InlayHint,
  type Location,
  type LocationLink,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

import { readSettings, type Settings } from '../src/config';
import { documentPicks } from '../src/documents';
import { isIndexingToken, StatusController, statusText } from '../src/status';
import {
  fileUri,
  inside,
  positionAt,
  published,
  SERVER_BIN,
  span,
  startServer,
  syncedSection,
  textAt,
  waitFor,
  waitReady,
  type Server,
} from './lsp';

const TIMEOUT = { timeout: 60_000 };

// A line whose citations follow non-ASCII text (é, —, curly quotes, an emoji
// of two UTF-16 units): the first two keys are unknown, @trenin2016 is a seed.
const CITED_LINE = 'Café — “entente” and Russia’s ‘pivot’ 😀 [@lukin2021; @trenin2016] and @nobody.';
// Quotes of the seed corpus (see tests/e2e/test_quotes.py).
const VERIFIED = '“Its current state can be characterized as a quasi-alliance, or entente”';
const MISQUOTE = '“the mid-1960s marked a watershed both in Russia and China’s foreign policies”';
const INVENTED = '“The committee unanimously endorsed the plan for lunar wheat exports”';
const POWER = '“the Power of Siberia pipeline started delivering natural gas to China”';
const UNCITED = '“Chinese and Russians now better understand both the potential and the limitations of their relationship.”';

const BRIEF = [
  '# Brief',
  '',
  CITED_LINE,
  '',
  `Lukin: ${VERIFIED} [@lukin2020].`,
  '',
  `He notes that ${MISQUOTE} [@lukin2020].`,
  '',
  `Reportedly, ${INVENTED} [@lukin2020].`,
  '',
  `Trenin observes that ${POWER} [@trenin2016].`,
  '',
  `One view: ${UNCITED} Others disagree.`,
  '',
].join('\n');

const SEED_KEYS = ['trenin2016', 'trenin2019', 'carnegie2016', 'lukin2020', 'makocki2016'];

/** The settings as a user's settings.json would give them. */
function userSettings(values: Partial<Record<keyof Settings, unknown>>): Settings {
  return readSettings((key) => ({ serverPath: SERVER_BIN, ...values })[key]);
}

function tempWorkspace(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'brief-lsp-vscode-'));
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
function message(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function codes(diagnostics: Diagnostic[]): unknown[] {
  return [...diagnostics].sort(byPosition).map((d) => d.code);
}

function locations(result: Location | Location[] | LocationLink[] | null): Location[] {
  if (result === null) {
    return [];
  }
  const list: (Location | LocationLink)[] = Array.isArray(result) ? result : [result];
  return list.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange } : l));
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, MarkupKind.Markdown);
  return contents.value;
}

/** The fixes among code actions: not the two "Accept this finding" actions
 * every diagnostic has. */
function quickFixes(result: (Command | CodeAction)[] | null): CodeAction[] {
  return (result ?? []).filter(
    (a): a is CodeAction => ('kind' in a || 'edit' in a) && !a.title.startsWith('Accept this finding'),
  );
}

async function inlayHints(server: Server, uri: string, text: string): Promise<InlayHint[]> {
  const range = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
  return (await server.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) ?? [];
}

describe('brief-lsp started as the extension starts it, on the seed corpus', () => {
  let root: string;
  let server: Server;
  let n = 0;
  /** A new document URI in the workspace (each test opens its own brief). */
  const briefUri = () => fileUri(path.join(root, `brief-${++n}.md`));

  before(async () => {
    root = tempWorkspace();
    server = await startServer(userSettings({}), root);
    await waitReady(server, 5);
  }, TIMEOUT);

  after(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('capabilities: UTF-16, @ triggers completion, quick fixes, hover, definition, inlay hints', () => {
    const caps = server.init.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['@']);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.ok(caps.inlayHintProvider);
    const actions = caps.codeActionProvider;
    assert.ok(typeof actions === 'object' && actions.codeActionKinds?.includes('quickfix'));
    assert.equal(server.init.serverInfo?.name, 'brief-lsp');
  });

  test('indexing reports $/progress, which the status bar shows as a percentage', () => {
    const values = server.progress.get('brief-lsp/index/1');
    assert.ok(values, `progress tokens: ${[...server.progress.keys()].join(', ')}`);
    const first = values[0];
    const last = values[values.length - 1];
    assert.ok(first?.kind === 'begin', JSON.stringify(first));
    assert.equal(first.title, 'Indexing corpus');
    assert.ok(last?.kind === 'end', JSON.stringify(last));
    assert.match(last.message ?? '', /^5 documents indexed in /);
    for (const value of values.slice(0, -1)) {
      assert.notEqual(value.kind, 'end');
      const percentage = value.kind === 'end' ? undefined : value.percentage;
      assert.equal(typeof percentage, 'number');
      const view = statusText({ kind: 'running', status: { state: 'indexing', loading: null }, percentage });
      assert.equal(view.text, `$(sync~spin) Brief: indexing ${String(percentage)}%`);
    }
    assert.ok(server.logs.some((m) => m.message.includes('5 documents indexed in ')));
  });

  test('brief-lsp/status gives the status bar its text', async () => {
    const status = await server.status();
    assert.deepEqual(status, {
      state: 'ready',
      documents: 5,
      problems: [],
      source: 'the embedded seed corpus',
      loading: null,
      warning: null,
    });
    const view = statusText({ kind: 'running', status });
    assert.equal(view.text, '$(book) Brief: 5 docs');
    assert.match(view.tooltip, /^Corpus: the embedded seed corpus\n5 documents\nNo corpus problems\./);
  });

  test('brief-lsp/documents gives the quick pick documents that open', async () => {
    const docs = await server.documents();
    assert.deepEqual(docs.map((d) => d.key), SEED_KEYS);
    const picks = documentPicks(docs);
    assert.equal(picks.length, 5);
    const lukin = picks[3];
    assert.deepEqual(lukin && { ...lukin, uri: undefined }, {
      label: '@lukin2020',
      description: 'Lukin 2020',
      detail: 'The Russia–China entente and its future',
      uri: undefined,
    });
    for (const pick of picks) {
      assert.ok(pick.uri.startsWith('file://'), pick.uri);
      assert.ok(fs.statSync(fileURLToPath(pick.uri)).isFile(), pick.uri);
    }
    assert.equal(path.basename(fileURLToPath(lukin?.uri ?? '')), '003_9556968063aa75cc.txt');
  });

  test('diagnostics: every check, with exact UTF-16 ranges after non-ASCII text', async () => {
    const uri = briefUri();
    await server.open(uri, BRIEF);
    const diagnostics = [...(await published(server, uri, 1)).diagnostics].sort(byPosition);
    assert.deepEqual(codes(diagnostics), [
      'citation-unknown',
      'citation-unknown',
      'quote-inexact',
      'quote-not-found',
      'quote-misattributed',
      'quote-uncited',
    ]);
    assert.ok(diagnostics.every((d) => d.source === 'brief-lsp'));
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      [
        DiagnosticSeverity.Error,
        DiagnosticSeverity.Error,
        DiagnosticSeverity.Warning,
        DiagnosticSeverity.Warning,
        DiagnosticSeverity.Warning,
        DiagnosticSeverity.Hint,
      ],
    );
    const [lukin, nobody, inexact, notFound, misattributed, uncited] = diagnostics;
    // Columns in UTF-16 code units: "é", "—", the curly quotes count one, the emoji two.
    assert.deepEqual(lukin?.range, { start: { line: 2, character: 42 }, end: { line: 2, character: 52 } });
    assert.deepEqual(nobody?.range, { start: { line: 2, character: 71 }, end: { line: 2, character: 78 } });
    assert.equal(textAt(BRIEF, nobody.range), '@nobody');
    assert.equal(message(lukin), 'unknown citation key `@lukin2021`; did you mean `@lukin2020`?');
    assert.deepEqual(inexact?.range, span(BRIEF, MISQUOTE));
    assert.deepEqual(notFound?.range, span(BRIEF, INVENTED));
    assert.deepEqual(misattributed?.range, span(BRIEF, POWER));
    assert.equal(message(misattributed), 'quote credited to @trenin2016, but it is from @lukin2020');
    assert.deepEqual(uncited?.range, span(BRIEF, UNCITED));
    const related = inexact.relatedInformation?.[0]?.location;
    assert.ok(related && fs.existsSync(fileURLToPath(related.uri)), 'the source passage of a misquote');
  });

  test('a quick fix replaces an unknown key, and the diagnostics follow the edit', async () => {
    const uri = briefUri();
    await server.open(uri, BRIEF);
    const diagnostics = [...(await published(server, uri, 1)).diagnostics].sort(byPosition);
    const unknown = diagnostics[0];
    assert.equal(unknown?.code, 'citation-unknown');
    const actions = quickFixes(
      await server.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: unknown.range,
        context: { diagnostics: [unknown], only: ['quickfix'] },
      }),
    );
    const preferred = actions.filter((a) => a.isPreferred === true);
    assert.equal(preferred.length, 1);
    const fix = preferred[0];
    assert.equal(fix?.title, 'Change to `@lukin2020`');
    assert.equal(fix.kind, 'quickfix');
    const edits: TextEdit[] | undefined = fix.edit?.changes?.[uri];
    assert.deepEqual(edits, [{ range: span(BRIEF, 'lukin2021'), newText: 'lukin2020' }]);

    // VS Code applies the edit and sends it as an incremental change.
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const after = [...(await published(server, uri, 2)).diagnostics].sort(byPosition);
    assert.deepEqual(codes(after).slice(0, 2), ['citation-unknown', 'quote-inexact']);
    assert.equal(after[0] && message(after[0]), 'unknown citation key `@nobody`');

    // Each quote check but "not found" offers its own fix.
    for (const d of diagnostics.filter((x) => String(x.code).startsWith('quote-'))) {
      const fixes = quickFixes(
        await server.conn.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: d.range,
          context: { diagnostics: [d] },
        }),
      );
      assert.equal(fixes.length, d.code === 'quote-not-found' ? 0 : 1, String(d.code));
    }
  });

  test('hover shows the reference of a key', async () => {
    const uri = briefUri();
    await server.open(uri, BRIEF);
    const hover = await server.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: inside(BRIEF, '@trenin2016', 4),
    });
    const value = markdown(hover);
    assert.ok(value.startsWith('**@trenin2016** · Trenin 2016'), value);
    assert.ok(value.includes('Russia-China Entente Must Move Past Rhetoric'), value);
    assert.deepEqual(hover?.range, span(BRIEF, '@trenin2016'));

    const quote = await server.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: inside(BRIEF, INVENTED, 10),
    });
    assert.equal(markdown(quote), '**Quote not found** in the corpus (5 documents)');
  });

  test('definition opens the source file at its title', async () => {
    const uri = briefUri();
    const text = 'Lukin — “entente” 😀 [see @lukin2020, p. 374].\n';
    await server.open(uri, text);
    const result = locations(
      await server.conn.sendRequest(DefinitionRequest.type, {
        textDocument: { uri },
        position: inside(text, '@lukin2020', 3),
      }),
    );
    assert.equal(result.length, 1);
    const [target] = result;
    assert.ok(target);
    assert.ok(target.uri.startsWith('file://'), target.uri);
    const file = fileURLToPath(target.uri);
    assert.ok(fs.statSync(file).isFile(), file);
    const title = textAt(fs.readFileSync(file, 'utf8'), target.range);
    assert.equal(title, 'The Russia–China entente and\u00a0its future'); // the seed has a no-break space
  });

  test('completion after [@tre offers trenin2016 and trenin2019', async () => {
    const uri = briefUri();
    const text = 'Russia’s “pivot” 😀 [@tre]\n';
    await server.open(uri, text);
    const cursor: Position = positionAt(text, text.indexOf('tre]') + 3);
    assert.deepEqual(cursor, { line: 0, character: 25 });
    const result = await server.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: cursor,
      context: { triggerKind: 1 },
    });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['trenin2016', 'Trenin 2016'],
        ['trenin2019', 'Trenin 2019'],
      ],
    );
    for (const item of items) {
      const edit = item.textEdit;
      assert.ok(edit && 'range' in edit, 'a plain text edit');
      assert.deepEqual(edit.range, { start: { line: 0, character: 22 }, end: cursor });
      assert.equal(textAt(text, edit.range), 'tre');
      assert.equal(edit.newText, item.label);
    }
  });

  test('inlay hints name the source after each quote found in the corpus', async () => {
    const uri = briefUri();
    await server.open(uri, BRIEF);
    await published(server, uri, 1);
    const hints = await inlayHints(server, uri, BRIEF);
    const after = (quote: string) => positionAt(BRIEF, BRIEF.indexOf(quote) + quote.length);
    // Not after the misquote or the invented quote; the misattributed and
    // uncited ones name where they really are from.
    assert.deepEqual(
      hints.map((h) => [h.label, h.position]),
      [
        ['@lukin2020', after(VERIFIED)],
        ['@lukin2020', after(POWER)],
        ['@trenin2016', after(UNCITED)],
      ],
    );
  });

  test('the settings the client pushes right after start cause no second indexing', async () => {
    // They equal the initialization options; give the server time to act.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual([...server.progress.keys()], ['brief-lsp/index/1']);
    assert.equal(server.inlayRefreshes, 0);
    assert.deepEqual(server.messages, []);
  });

  test('untitled Markdown documents are checked too', async () => {
    const uri = 'untitled:Untitled-1';
    const text = 'Draft — 😀 @nobody and @lukin2020.\n';
    await server.open(uri, text);
    const { diagnostics } = await published(server, uri, 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['citation-unknown', span(text, '@nobody')]],
    );
  });
});

describe('settings: initializationOptions and workspace/didChangeConfiguration', () => {
  const MYDOC = 'Mydoc\n\nA corpus document of our own about the Russia–China entente.\n';
  const QUOTE = '“A corpus document of our own”';
  let root: string;
  const servers: Server[] = [];

  before(() => {
    root = tempWorkspace();
    fs.mkdirSync(path.join(root, 'sources'));
    fs.writeFileSync(path.join(root, 'sources', 'mydoc.txt'), MYDOC);
  });

  after(async () => {
    for (const s of servers) {
      await s.close();
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a changed corpus setting re-indexes and makes @mydoc known', TIMEOUT, async () => {
    const server = await startServer(userSettings({}), root);
    servers.push(server);
    // The status bar, wired as the extension wires it.
    const texts: string[] = [];
    const bar = new StatusController((view) => texts.push(view.text), 100);
    bar.attach({ request: () => server.status(), isRunning: () => true });
    server.onProgress.push((token, value) => {
      if (isIndexingToken(token)) {
        bar.progress(value);
      }
    });
    void bar.refresh();
    await waitFor(() => texts.at(-1) === '$(book) Brief: 5 docs', `the status bar at 5 docs: ${texts.join(' | ')}`);
    await waitReady(server, 5);
    const uri = fileUri(path.join(root, 'mine.md'));
    const text = `See @mydoc and @lukin2020: ${QUOTE} [@mydoc].\n`;
    await server.open(uri, text);
    const first = (await published(server, uri, 1)).diagnostics;
    assert.deepEqual(
      first.map(message).filter((m) => m.startsWith('unknown citation key')),
      ['unknown citation key `@mydoc`', 'unknown citation key `@mydoc`'],
    );

    // The user sets "briefLsp.corpus": ["sources"] (relative to the workspace).
    const mark = server.published.length;
    const changed = userSettings({ corpus: ['sources'] });
    await server.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: syncedSection(changed) });
    const { diagnostics } = await published(server, uri, 1, mark);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, message(d)]),
      [['citation-unknown', 'unknown citation key `@lukin2020`']],
    );
    const status = await waitReady(server, 1);
    assert.equal(status.source, path.join(root, 'sources'));
    assert.deepEqual(status.problems, []);
    assert.equal(statusText({ kind: 'running', status }).text, '$(book) Brief: 1 doc');
    await waitFor(() => texts.at(-1) === '$(book) Brief: 1 doc', `the status bar at 1 doc: ${texts.join(' | ')}`);
    // The progress of the re-index showed while the seeds were still served,
    // and the old count never came back after it.
    assert.ok(texts.some((t) => /^\$\(sync~spin\) Brief: 5 docs, re-indexing \d+%$/.test(t)), texts.join(' | '));
    const end = texts.map((t) => t.includes('re-indexing')).lastIndexOf(true);
    assert.ok(!texts.slice(end).includes('$(book) Brief: 5 docs'), texts.join(' | '));
    bar.dispose();
    assert.deepEqual((await server.documents()).map((d) => d.key), ['mydoc']);
    assert.ok(server.progress.get('brief-lsp/index/2')?.some((v) => v.kind === 'end'), 'progress of the re-index');
    assert.deepEqual(
      (await inlayHints(server, uri, text)).map((h) => h.label),
      ['@mydoc'],
    );

    // Turning inlay hints off asks VS Code to pull them again, and there are none.
    const refreshes = server.inlayRefreshes;
    await server.conn.sendNotification(DidChangeConfigurationNotification.type, {
      settings: syncedSection(userSettings({ corpus: ['sources'], inlayHints: false })),
    });
    await waitFor(() => server.inlayRefreshes > refreshes, 'workspace/inlayHint/refresh');
    await waitReady(server, 1);
    assert.deepEqual(await inlayHints(server, uri, text), []);
  });

  test('initializationOptions: a relative corpus folder and inlay hints off', TIMEOUT, async () => {
    const server = await startServer(userSettings({ corpus: ['sources'], inlayHints: false }), root);
    servers.push(server);
    const status = await waitReady(server, 1);
    assert.equal(status.source, path.join(root, 'sources'));
    const uri = fileUri(path.join(root, 'mine.md'));
    const text = `Ours: ${QUOTE} [@mydoc].\n`;
    await server.open(uri, text);
    assert.deepEqual((await published(server, uri, 1)).diagnostics, []);
    assert.deepEqual(await inlayHints(server, uri, text), []);
    assert.equal(server.messages.length, 0, JSON.stringify(server.messages));
  });
});
