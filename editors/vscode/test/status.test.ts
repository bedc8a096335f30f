// The status bar text, the document picker's items and the settings, without
// VS Code or a server.

import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';

import {
  bundledServerPath,
  DEFAULTS,
  initializationOptions,
  readSettings,
  serverCommand,
  type Settings,
} from '../src/config';
import { documentPicks } from '../src/documents';
import { isBusy, isIndexingToken, StatusController, statusText, type ServerStatus } from '../src/status';

describe('statusText', () => {
  test('before the server answers, and once it has stopped', () => {
    assert.equal(statusText({ kind: 'starting' }).text, '$(sync~spin) Brief: starting');
    const stopped = statusText({ kind: 'stopped' });
    assert.equal(stopped.text, '$(circle-slash) Brief: stopped');
    assert.match(stopped.tooltip, /Restart Server/);
  });

  test('indexing: the progress percentage, or an ellipsis before the first report', () => {
    const status = { state: 'indexing', loading: 'the embedded seed corpus' } as const;
    assert.deepEqual(statusText({ kind: 'running', status, percentage: 40 }), {
      text: '$(sync~spin) Brief: indexing 40%',
      tooltip: 'Indexing the embedded seed corpus.',
    });
    assert.equal(statusText({ kind: 'running', status }).text, '$(sync~spin) Brief: indexing…');
    assert.equal(statusText({ kind: 'running', status, percentage: 120.4 }).text, '$(sync~spin) Brief: indexing 100%');
    assert.equal(
      statusText({ kind: 'running', status: { state: 'indexing', loading: null } }).tooltip,
      'Indexing the corpus.',
    );
  });

  test('ready: the number of documents, the source and problems in the tooltip', () => {
    const ready = statusText({
      kind: 'running',
      status: { state: 'ready', documents: 5, problems: [], source: 'the embedded seed corpus', loading: null },
    });
    assert.deepEqual(ready, {
      text: '$(book) Brief: 5 docs',
      tooltip:
        'Corpus: the embedded seed corpus\n5 documents\nNo corpus problems.\nClick to browse the corpus documents.',
    });
    const one = statusText({
      kind: 'running',
      status: { state: 'ready', documents: 1, problems: [], source: '/w/sources', loading: null },
    });
    assert.equal(one.text, '$(book) Brief: 1 doc');
    assert.match(one.tooltip, /^Corpus: \/w\/sources\n1 document\n/);
  });

  test('ready with corpus problems: a warning and their count', () => {
    const status = {
      state: 'ready',
      documents: 2,
      problems: ['/w/missing: cannot read corpus folder', '/w/s/blob.txt: binary file', '/w/s/l.txt:1: not valid UTF-8'],
      source: '/w/missing, /w/s',
      loading: null,
    } as const;
    const view = statusText({ kind: 'running', status: { ...status, problems: [...status.problems] } });
    assert.equal(view.text, '$(warning) Brief: 2 docs, 3 problems');
    assert.match(view.tooltip, /^Corpus: \/w\/missing, \/w\/s\n2 documents\n3 corpus problems; see the output\.\n/);
    const single = statusText({ kind: 'running', status: { ...status, problems: ['x'] } });
    assert.equal(single.text, '$(warning) Brief: 2 docs, 1 problem');
  });

  test('failed: the reason in the tooltip, with or without a message', () => {
    const failed = statusText({
      kind: 'running',
      status: { state: 'failed', reason: '/w/sources: cannot read corpus folder (No such file or directory)' },
    });
    assert.deepEqual(failed, {
      text: '$(error) Brief: corpus failed',
      tooltip:
        'The corpus failed to load: /w/sources: cannot read corpus folder (No such file or directory)\n' +
        'See "Brief LSP: Show Output".',
    });
    assert.match(statusText({ kind: 'running', status: { state: 'failed' } }).tooltip, /could not be loaded/);
    // A state this extension does not know is not shown as ready.
    assert.equal(statusText({ kind: 'running', status: { state: 'something-new' } }).text, '$(sync~spin) Brief: indexing…');
  });

  test('a ready corpus with a warning (an empty folder) shows it', () => {
    const view = statusText({
      kind: 'running',
      status: { state: 'ready', documents: 0, problems: [], source: '/w/sources', warning: 'the corpus has no documents' },
    });
    assert.equal(view.text, '$(warning) Brief: 0 docs');
    assert.match(view.tooltip, /\nWarning: the corpus has no documents\.\n/);
  });

  test('re-indexing while the previous corpus is served', () => {
    const status = { state: 'ready', documents: 5, problems: [], source: 'the embedded seed corpus', loading: '/w/s' } as const;
    const view = statusText({ kind: 'running', status: { ...status, problems: [] }, percentage: 60 });
    assert.equal(view.text, '$(sync~spin) Brief: 5 docs, re-indexing 60%');
    assert.match(view.tooltip, /\nRe-indexing \/w\/s \(60%\)\.\n/);
    assert.equal(statusText({ kind: 'running', status: { ...status, problems: [] } }).text, '$(sync~spin) Brief: 5 docs, re-indexing…');
    // Progress that arrives before the status shows the load.
    const early = statusText({ kind: 'running', status: { ...status, problems: [], loading: null }, percentage: 0 });
    assert.equal(early.text, '$(sync~spin) Brief: 5 docs, re-indexing 0%');
    assert.match(early.tooltip, /\nRe-indexing \(0%\)\.\n/);
  });

  test('isBusy polls while indexing or loading, and isIndexingToken picks the server’s tokens', () => {
    assert.equal(isBusy(undefined), true);
    assert.equal(isBusy({ state: 'indexing', loading: 'x' }), true);
    assert.equal(isBusy({ state: 'ready', documents: 1, loading: 'x' }), true);
    assert.equal(isBusy({ state: 'ready', documents: 1, loading: null }), false);
    assert.equal(isBusy({ state: 'failed', reason: 'no folder', loading: null }), false);
    assert.equal(isBusy({ state: 'failed', reason: 'no folder', loading: '/w/s' }), true);
    assert.equal(isBusy({ state: 'something-new' }), true);
    assert.equal(isIndexingToken('brief-lsp/index/3'), true);
    assert.equal(isIndexingToken('other/1'), false);
    assert.equal(isIndexingToken(7), false);
  });
});

describe('documentPicks', () => {
  test('one item per document with a file, labelled by key', () => {
    const picks = documentPicks([
      { key: 'lukin2020', title: 'The entente', citation: 'Lukin 2020', uri: 'file:///s/a.txt' },
      { key: 'nofile', title: 'x', citation: 'y', uri: null },
      { key: 'bare', uri: 'file:///s/b.txt' },
    ]);
    assert.deepEqual(picks, [
      { label: '@lukin2020', description: 'Lukin 2020', detail: 'The entente', uri: 'file:///s/a.txt' },
      { label: '@bare', description: '', detail: '', uri: 'file:///s/b.txt' },
    ]);
  });
});

describe('settings', () => {
  const read = (values: Record<string, unknown>): Settings => readSettings((key) => values[key]);

  test('defaults, and ill-typed values fall back to them', () => {
    assert.deepEqual(read({}), DEFAULTS);
    assert.deepEqual(read({ serverPath: ' ', corpus: 'sources', inlayHints: 'no' }), DEFAULTS);
    assert.deepEqual(read({ corpus: ['a', 3] }).corpus, []);
    // Kept as the raw section has them, so that the server sees no change.
    assert.deepEqual(read({ corpus: ['a', ' b '] }).corpus, ['a', ' b ']);
  });

  test('initializationOptions carry only the keys the server knows', () => {
    const settings = read({ serverPath: '/bin/x', corpus: ['sources'], inlayHints: false, severity: { 'quote-uncited': 'off' } });
    assert.deepEqual(initializationOptions(settings), {
      corpus: ['sources'],
      inlayHints: false,
      severity: { 'quote-uncited': 'off' },
      exclude: {},
    });
    assert.deepEqual(initializationOptions(read({})), { corpus: [], inlayHints: true, severity: {}, exclude: {} });
    assert.deepEqual(read({ exclude: { briefs: ['drafts/'] } }).exclude, { briefs: ['drafts/'] });
    assert.deepEqual(read({ exclude: { briefs: 'drafts/' } }).exclude, {});
    assert.deepEqual(read({ severity: { 'quote-uncited': 3 } }).severity, {});
  });

  test('serverCommand: the setting, else the carried server, else brief-lsp on PATH', () => {
    const carried = bundledServerPath('/ext/brief-lsp-0.1.0', 'linux');
    assert.equal(carried, '/ext/brief-lsp-0.1.0/server/brief-lsp');
    assert.equal(bundledServerPath('/ext', 'win32'), path.join('/ext', 'server', 'brief-lsp.exe'));
    assert.deepEqual(serverCommand(read({}), '/w', carried), { command: carried, args: ['serve'] });
    assert.equal(serverCommand(read({ serverPath: ' ' }), '/w', carried).command, carried);
    assert.equal(serverCommand(read({ serverPath: '/opt/brief-lsp' }), '/w', carried).command, '/opt/brief-lsp');
    assert.equal(serverCommand(read({ serverPath: 'brief-lsp' }), '/w', carried).command, 'brief-lsp');
    assert.equal(serverCommand(read({ serverPath: './stub' }), '/w', carried).command, '/w/stub');
    assert.deepEqual(serverCommand(read({})), { command: 'brief-lsp', args: ['serve'] });
    assert.equal(serverCommand(read({}), '/w').command, 'brief-lsp');
  });

  test('serverCommand: PATH names, home, and paths relative to the workspace', () => {
    assert.equal(serverCommand(read({ serverPath: '/opt/brief-lsp' }), '/w').command, '/opt/brief-lsp');
    assert.equal(serverCommand(read({ serverPath: './target/debug/brief-lsp' }), '/w').command, '/w/target/debug/brief-lsp');
    assert.equal(serverCommand(read({ serverPath: './x' })).command, './x');
    assert.equal(serverCommand(read({ serverPath: ' /opt/b ' })).command, '/opt/b');
    assert.equal(serverCommand(read({ serverPath: '~/bin/brief-lsp' })).command, path.join(os.homedir(), 'bin/brief-lsp'));
  });
});

describe('StatusController', () => {
  /** A fake client: answers with the statuses queued, counting requests. */
  function fakeSource(answers: ServerStatus[]) {
    let requests = 0;
    let running = true;
    return {
      source: {
        request: () => {
          requests += 1;
          const next = answers.length > 1 ? answers.shift() : answers[0];
          return next ? Promise.resolve(next) : Promise.reject(new Error('no answer'));
        },
        isRunning: () => running,
      },
      requests: () => requests,
      stop: () => {
        running = false;
      },
    };
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const READY: ServerStatus = { state: 'ready', documents: 5, problems: [], source: 'seeds', loading: null };

  test('polls while indexing, then stops at ready', async () => {
    const texts: string[] = [];
    const controller = new StatusController((v) => texts.push(v.text), 10);
    const fake = fakeSource([{ state: 'indexing', loading: 'seeds' }, { state: 'indexing', loading: 'seeds' }, READY]);
    controller.attach(fake.source);
    await controller.refresh();
    // Three answers at 10 ms apart; a loaded machine may need longer than 30 ms.
    for (let waited = 0; fake.requests() < 3 && waited < 2000; waited += 10) {
      await sleep(10);
    }
    await sleep(50);
    assert.equal(fake.requests(), 3);
    assert.deepEqual(texts, [
      '$(sync~spin) Brief: starting',
      '$(sync~spin) Brief: starting',
      '$(sync~spin) Brief: indexing…',
      '$(sync~spin) Brief: indexing…',
      '$(book) Brief: 5 docs',
    ]);
    controller.dispose();
  });

  test('progress percentages render at once; the end asks for the new status', async () => {
    const texts: string[] = [];
    const controller = new StatusController((v) => texts.push(v.text), 10);
    const answers = [READY];
    const fake = fakeSource(answers);
    controller.attach(fake.source);
    await controller.refresh();
    controller.progress({ kind: 'begin', percentage: 0 });
    controller.progress({ kind: 'report', percentage: 50 });
    answers[0] = { ...READY, documents: 1 };
    controller.progress({ kind: 'end' });
    await sleep(100);
    assert.deepEqual(texts.slice(3), [
      '$(sync~spin) Brief: 5 docs, re-indexing 0%',
      '$(sync~spin) Brief: 5 docs, re-indexing 50%',
      '$(book) Brief: 1 doc',
      '$(book) Brief: 1 doc',
    ]);
    controller.dispose();
  });

  test('a failed request or a stopped client ends the polling', async () => {
    const texts: string[] = [];
    const warnings: string[] = [];
    const controller = new StatusController((v) => texts.push(v.text), 10, (m) => warnings.push(m));
    const fake = fakeSource([]);
    controller.attach(fake.source);
    await controller.refresh();
    await sleep(50);
    assert.equal(fake.requests(), 1);
    assert.deepEqual(warnings, ['brief-lsp/status failed: Error: no answer']);
    fake.stop();
    controller.stopped();
    assert.equal(texts.at(-1), '$(circle-slash) Brief: stopped');
    controller.dispose();
  });
});
