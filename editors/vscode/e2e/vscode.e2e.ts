// The extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3
// served to a browser) with the packaged .vsix installed, driven through
// Debian's chromium by playwright-core. It checks what a user sees: the
// Problems panel lists exactly what `brief-lsp check --format json` lists,
// hovers on a citation key and on a quote, key completion after `[@`, and
// that an empty corpus folder and one that is not there show in the status
// bar and a notification.
//
// Each step prints `ok    STEP` or `FAIL  STEP` with the difference; the first
// failure ends the run with exit 1 (editors/test-the-tests.sh relies on the
// step names). Every wait is bounded, and a watchdog ends the whole run.
//
// Environment (run.sh sets the first two):
//   CODE_SERVER            code-server's entry.js (install-code-server.sh prints it)
//   BRIEF_VSIX             the .vsix to install (the linux-x64 one, server inside)
//   BRIEF_SERVER_PATH      optional: the briefLsp.serverPath setting (a broken stand-in)
//   BRIEF_BRIEF            the brief to open (default examples/brief.md; seed corpus)
//   BRIEF_SCREENSHOTS      where screenshots go (default e2e/screenshots, gitignored)
//   BRIEF_TEST_TIMEOUT_MS  each wait (default 60000)
//   CHROMIUM               the browser (default /usr/bin/chromium)

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const REPO = path.resolve(PACKAGE_DIR, '..', '..');
const TIMEOUT_MS = Number(process.env.BRIEF_TEST_TIMEOUT_MS ?? '60000');
const BRIEF = path.resolve(process.env.BRIEF_BRIEF ?? path.join(REPO, 'examples', 'brief.md'));
const SCREENSHOTS = path.resolve(process.env.BRIEF_SCREENSHOTS ?? path.join(PACKAGE_DIR, 'e2e', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// What code-server and the extension host see: no brief-lsp on it, so the
// server that runs is the one inside the .vsix.
const BARE_PATH = '/usr/bin:/bin';

// In examples/brief.md: a cited key, and a quote the seed corpus holds word
// for word, with its citation.
const KEY = '@lukin2020';
const QUOTE = '“the\nSino-Russian relationship in the last five years has reached the level of an\nentente” [@trenin2019]';

/** A finding as `check --format json` prints it (0-based, UTF-16 columns). */
interface Finding {
  severity: string;
  code: string;
  message: string;
  range: { start: { line: number; character: number } };
}

/** One row of the Problems panel, or of `check`, as the panel shows it. */
interface Problem {
  severity: string;
  /** `source(code)`: `brief-lsp(citation-unknown)`. */
  code: string;
  message: string;
  /** 1-based, as `[Ln 14, Col 70]`. */
  line: number;
  col: number;
}

class StepFailure extends Error {}

function fail(message: string): never {
  throw new StepFailure(message);
}

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    fail(`${name} is not set (run editors/vscode/e2e/run.sh)`);
  }
  return value;
}

/** Polls `probe` until it returns a value, for at most TIMEOUT_MS; `last`
 * says what was seen when it gives up. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, last: () => string): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      fail(`timed out after ${TIMEOUT_MS} ms waiting for ${what}; last seen: ${last()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function show(problems: Problem[]): string {
  return problems.length === 0
    ? '(none)'
    : problems.map((p) => `\n        ${p.severity} ${p.code} [Ln ${p.line}, Col ${p.col}] ${p.message}`).join('');
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}

/** The 1-based line and UTF-16 column of `offset` (a UTF-16 index) in `text`. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words of `text`, lower-cased, without punctuation: a quote matches
 * its source whatever the quote marks (the source may say "entente"). */
function words(text: string): string {
  return collapse(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));
}

/** The Problems panel's marker rows (not the file rows, nor the rows of
 * related information), read from the DOM: the severity icon, message,
 * source, code and `[Ln 14, Col 70]`. */
async function problemsPanel(page: Page): Promise<Problem[]> {
  const rows = page.locator('.markers-panel .monaco-list-row:has(.marker-icon)');
  const problems: Problem[] = [];
  for (const row of await rows.all()) {
    const text = async (cls: string) => collapse((await row.locator(cls).first().textContent()) ?? '');
    const icon = (await row.locator('.marker-icon').first().getAttribute('class')) ?? '';
    const where = /^\[Ln (\d+), Col (\d+)\]$/.exec(await text('.marker-line'));
    problems.push({
      severity: ['error', 'warning', 'info'].find((s) => icon.split(' ').includes(s)) ?? icon,
      code: `${await text('.marker-source')}(${await text('.marker-code')})`,
      message: await text('.marker-message'),
      line: Number(where?.[1] ?? 0),
      col: Number(where?.[2] ?? 0),
    });
  }
  return sortProblems(problems);
}

const PANEL_SEVERITY: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', information: 'info' };

function expectedProblems(findings: Finding[]): Problem[] {
  // The Problems panel lists no hints (VS Code shows them in the editor only).
  const shown = findings.filter((f) => f.severity !== 'hint');
  return sortProblems(
    shown.map((f) => ({
      severity: PANEL_SEVERITY[f.severity] ?? f.severity,
      code: `brief-lsp(${f.code})`,
      message: collapse(f.message),
      line: f.range.start.line + 1,
      col: f.range.start.character + 1,
    })),
  );
}

class Run {
  private readonly work = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-vscode-'));
  private codeServer: ChildProcess | undefined;
  private codeServerLog = '';
  private browser: BrowserContext | undefined;
  page: Page | undefined;
  readonly workspace = path.join(this.work, 'workspace');
  readonly userData = path.join(this.work, 'user-data');
  readonly extensions = path.join(this.work, 'extensions');
  readonly config = path.join(this.work, 'code-server.yaml');
  readonly briefText: string;

  constructor() {
    fs.mkdirSync(this.workspace);
    fs.mkdirSync(path.join(this.userData, 'User'), { recursive: true });
    fs.mkdirSync(this.extensions);
    // An empty config file: code-server would otherwise write one to ~/.config.
    fs.writeFileSync(this.config, '');
    this.briefText = fs.readFileSync(BRIEF, 'utf8');
    fs.writeFileSync(path.join(this.workspace, 'brief.md'), this.briefText);
    const settings: Record<string, unknown> = {
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.tips.enabled': false,
      'chat.commandCenter.enabled': false,
    };
    if (process.env.BRIEF_SERVER_PATH !== undefined) {
      settings['briefLsp.serverPath'] = process.env.BRIEF_SERVER_PATH;
    }
    fs.writeFileSync(path.join(this.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }

  private codeServerArgs(): string[] {
    return [
      env('CODE_SERVER'),
      '--config',
      this.config,
      '--user-data-dir',
      this.userData,
      '--extensions-dir',
      this.extensions,
    ];
  }

  installVsix(): string {
    const vsix = env('BRIEF_VSIX');
    execFileSync(process.execPath, [...this.codeServerArgs(), '--install-extension', vsix], {
      env: { ...process.env, PATH: BARE_PATH },
      timeout: TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const installed = fs.readdirSync(this.extensions).filter((name) => name.startsWith('brief-lsp.brief-lsp-'));
    if (installed.length !== 1 || installed[0] === undefined) {
      fail(`expected one brief-lsp extension in ${this.extensions}, found ${JSON.stringify(installed)}`);
    }
    const server = path.join(this.extensions, installed[0], 'server', 'brief-lsp');
    try {
      fs.accessSync(server, fs.constants.X_OK);
    } catch {
      fail(`the installed extension carries no executable server at ${server}`);
    }
    return server;
  }

  async startCodeServer(): Promise<string> {
    const child = spawn(
      process.execPath,
      [
        ...this.codeServerArgs(),
        '--auth',
        'none',
        // Port 0: the system picks a free one; code-server prints it.
        '--bind-addr',
        '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        this.workspace,
      ],
      // Its own process group, so that the extension host and the server
      // it starts end with it.
      { env: { ...process.env, PATH: BARE_PATH }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    this.codeServer = child;
    const append = (chunk: Buffer) => {
      this.codeServerLog += chunk.toString();
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    return waitFor(
      'code-server to listen',
      () => {
        if (child.exitCode !== null) {
          fail(`code-server exited (${child.exitCode}):\n${this.codeServerLog}`);
        }
        return Promise.resolve(/HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(this.codeServerLog)?.[1]);
      },
      () => this.codeServerLog.slice(-500),
    );
  }

  async openBrowser(url: string): Promise<Page> {
    this.browser = await chromium.launchPersistentContext(path.join(this.work, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 760 },
      timeout: TIMEOUT_MS,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = this.browser.pages()[0] ?? (await this.browser.newPage());
    page.setDefaultTimeout(TIMEOUT_MS);
    this.page = page;
    await page.goto(`${url}?folder=${encodeURIComponent(this.workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    return page;
  }

  async screenshot(name: string): Promise<void> {
    if (this.page === undefined) {
      return;
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), timeout: 10_000 }).catch(() => undefined);
  }

  /** The extension's log (the Brief LSP output), to show with a failure. */
  extensionLog(): string {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          walk(full);
        } else if (entry.name.includes('Brief LSP')) {
          found.push(full);
        }
      }
    };
    try {
      walk(path.join(this.userData, 'logs'));
    } catch {
      return '';
    }
    return found.map((f) => fs.readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')).join('\n');
  }

  /** Ends code-server's process group (the extension host and the server
   * with it) and removes the temporary folders. Synchronous, for the
   * watchdog too. */
  kill(): void {
    const pid = this.codeServer?.pid;
    if (pid !== undefined && this.codeServer?.exitCode === null) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    fs.rmSync(this.work, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.kill();
  }
}

/** Puts the cursor at a 1-based line and column with Go to Line. */
async function goTo(page: Page, line: number, col: number): Promise<void> {
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // Go to Line is Quick Open with the `:` prefix.
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Shows the hover at the cursor (Show or Focus Hover) and returns its text. */
async function hoverText(page: Page, what: string, expect: (text: string) => boolean): Promise<string> {
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  let last = '';
  return waitFor(
    what,
    async () => {
      last = collapse((await page.locator('.monaco-hover-content').allInnerTexts()).join(' '));
      return expect(last) ? last : undefined;
    },
    () => last || '(no hover)',
  );
}

async function main(run: Run): Promise<void> {
  const steps: [string, () => Promise<void>][] = [];
  let server = '';
  let findings: Finding[] = [];
  let corpus: { key: string; title?: string }[] = [];
  let page: Page | undefined;
  const step = (name: string, body: () => Promise<void>) => steps.push([name, body]);

  step('installing the .vsix', () => {
    server = run.installVsix();
    return Promise.resolve();
  });
  step('brief-lsp check with the carried server', () => {
    const runServer = (args: string[]) => {
      try {
        return execFileSync(server, args, { cwd: run.workspace, timeout: TIMEOUT_MS, encoding: 'utf8' });
      } catch (err) {
        // check exits 1 when a finding is a warning or worse.
        const output = (err as { status?: number; stdout?: string }).stdout;
        if ((err as { status?: number }).status === 1 && output !== undefined) {
          return output;
        }
        throw err;
      }
    };
    findings = JSON.parse(runServer(['check', '--format', 'json', 'brief.md'])) as Finding[];
    corpus = JSON.parse(runServer(['corpus', '--format', 'json'])) as { key: string; title?: string }[];
    if (!Array.isArray(findings) || findings.length === 0) {
      fail(`check found nothing to compare with in ${BRIEF}: ${JSON.stringify(findings)}`);
    }
    return Promise.resolve();
  });
  step('opening the brief', async () => {
    const url = await run.startCodeServer();
    page = await run.openBrowser(url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'brief.md' }).click();
    await page.locator('.monaco-editor .view-lines').first().waitFor();
  });
  step('the Problems panel lists what check lists', async () => {
    const p = page ?? fail('no page');
    await p.keyboard.press('Control+Shift+m');
    const expected = expectedProblems(findings);
    let seen: Problem[] = [];
    await waitFor(
      `the Problems panel to list${show(expected)}`,
      async () => {
        seen = await problemsPanel(p);
        return JSON.stringify(seen) === JSON.stringify(expected) ? true : undefined;
      },
      () => show(seen),
    );
    await run.screenshot('problems');
  });
  step('hover on a citation key', async () => {
    const p = page ?? fail('no page');
    const document = corpus.find((d) => `@${d.key}` === KEY) ?? fail(`${KEY} is not in the corpus`);
    const title = collapse(document.title ?? '');
    const at = lineCol(run.briefText, run.briefText.indexOf(KEY) + 3);
    await p.locator('.monaco-editor .view-lines').first().click();
    await goTo(p, at.line, at.col);
    // The hover renders the reference in a citation style, which may
    // change the title's case (Chicago title-cases it).
    await hoverText(
      p,
      `a hover naming ${KEY} and its title “${title}”`,
      (t) => t.startsWith(KEY) && t.toLowerCase().includes(title.toLowerCase()),
    );
    await run.screenshot('hover-key');
    await p.keyboard.press('Escape');
  });
  step('hover on a quote', async () => {
    const p = page ?? fail('no page');
    const offset = run.briefText.indexOf(QUOTE);
    if (offset < 0) {
      fail(`the quote is not in ${BRIEF}`);
    }
    const quoted = collapse(QUOTE.slice(1, QUOTE.indexOf('”')));
    const at = lineCol(run.briefText, offset + 10);
    await goTo(p, at.line, at.col);
    await hoverText(
      p,
      `a hover that finds the quote in @trenin2019 and shows the passage with “${quoted}”`,
      (t) => t.startsWith('Quote found') && t.includes('@trenin2019') && words(t).includes(words(quoted)),
    );
    await run.screenshot('hover-quote');
    await p.keyboard.press('Escape');
  });
  step('completion after [@', async () => {
    const p = page ?? fail('no page');
    await p.keyboard.press('Control+End');
    await p.keyboard.type('\n\nSee [@');
    const keys = corpus.map((d) => d.key).sort();
    let offered: string[] = [];
    await waitFor(
      `completion to offer ${keys.join(', ')}`,
      async () => {
        const rows = await p.locator('.suggest-widget .monaco-list-row .label-name').allInnerTexts();
        offered = rows.map((r) => r.trim()).sort();
        return keys.every((k) => offered.includes(k)) ? true : undefined;
      },
      () => offered.join(', ') || '(no suggestions)',
    );
    await run.screenshot('completion');
    await p.keyboard.press('Escape');
  });

  // These two take the corpus away, so they come last: the workspace's
  // settings point the corpus at an empty folder, then at one that is not
  // there (a typo, an unmounted drive).
  step('an empty corpus folder: the status bar and a notification warn', async () => {
    const p = page ?? fail('no page');
    const empty = path.join(run.workspace, 'empty-sources');
    fs.mkdirSync(empty, { recursive: true });
    fs.mkdirSync(path.join(run.workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(run.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'briefLsp.corpus': [empty] }));
    let status = '';
    await waitFor(
      'the status bar item to show 0 docs with a warning sign',
      async () => {
        status = (await p.locator('.statusbar-item').allInnerTexts()).join(' | ');
        const item = p.locator('.statusbar-item', { hasText: 'Brief: 0 docs' });
        return (await item.locator('.codicon-warning').count()) > 0 ? true : undefined;
      },
      () => status,
    );
    let toasts = '';
    await waitFor(
      'a notification that the corpus has no documents',
      async () => {
        toasts = collapse((await p.locator('.notifications-toasts').allInnerTexts()).join(' '));
        return toasts.includes('the corpus has no documents') ? true : undefined;
      },
      () => toasts || '(no notification)',
    );
    await run.screenshot('corpus-empty');
  });
  step('a corpus folder that is not there: the status bar and a notification say so', async () => {
    const p = page ?? fail('no page');
    const missing = path.join(run.workspace, 'no-such-sources');
    fs.mkdirSync(path.join(run.workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(run.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'briefLsp.corpus': [missing] }));
    let status = '';
    await waitFor(
      'the status bar item to say the corpus failed',
      async () => {
        status = (await p.locator('.statusbar-item').allInnerTexts()).join(' | ');
        return status.includes('Brief: corpus failed') ? true : undefined;
      },
      () => status,
    );
    let toasts = '';
    await waitFor(
      `a notification naming ${missing}`,
      async () => {
        toasts = collapse((await p.locator('.notifications-toasts').allInnerTexts()).join(' '));
        return toasts.includes(missing) ? true : undefined;
      },
      () => toasts || '(no notification)',
    );
    await run.screenshot('corpus-failed');
  });

  // Screenshots of this run only.
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  let failed = false;
  try {
    for (const [name, body] of steps) {
      const start = Date.now();
      try {
        await body();
        process.stdout.write(`ok    ${name} (${Date.now() - start} ms)\n`);
      } catch (err) {
        const detail = err instanceof StepFailure ? err.message : String(err instanceof Error ? err.stack : err);
        process.stdout.write(`FAIL  ${name} (${Date.now() - start} ms)\n      ${detail.replace(/\n/g, '\n      ')}\n`);
        await run.screenshot('failure');
        const log = run.extensionLog();
        if (log !== '') {
          process.stdout.write(`      the Brief LSP output ends:\n${log.replace(/^/gm, '        ')}\n`);
        }
        failed = true;
        break;
      }
    }
  } finally {
    await run.close();
  }
  process.stdout.write(failed ? `vscode test: FAILED; screenshots in ${SCREENSHOTS}\n` : `vscode test: passed; screenshots in ${SCREENSHOTS}\n`);
  process.exit(failed ? 1 : 0);
}

const run = new Run();
// The whole run is bounded too, beyond each step's waits.
const watchdog = setTimeout(() => {
  process.stdout.write(`FAIL  the run did not end within ${8 * TIMEOUT_MS} ms\n`);
  run.kill();
  process.exit(1);
}, 8 * TIMEOUT_MS);
watchdog.unref();

void main(run);
