// What the status bar item says about the corpus. No `vscode` import, so the
// rendering is tested under plain Node.

/** The answer to the server's `brief-lsp/status` request. */
export interface ServerStatus {
  /** `failed`: the corpus could not be loaded (`reason` says why). Any
   * other state the server may add is shown as not ready. */
  state: 'ready' | 'indexing' | 'failed' | (string & {});
  /** Why the corpus failed (when `failed`). */
  reason?: string;
  /** A note on a ready corpus, such as one with no documents. */
  warning?: string | null;
  /** Documents in the corpus being served (when `ready`). */
  documents?: number;
  /** Corpus problems (unreadable, non-UTF-8, binary files…), when `ready`. */
  problems?: string[];
  /** Where the served corpus came from, when `ready`. */
  source?: string;
  /** The source of a load under way, or null. */
  loading?: string | null;
}

/** What the extension knows: the client's state, the last status answer and
 * the latest `$/progress` percentage of an indexing run. */
export type StatusInput =
  | { kind: 'starting' }
  | { kind: 'stopped' }
  | { kind: 'running'; status: ServerStatus; percentage?: number };

export interface StatusView {
  text: string;
  tooltip: string;
}

const CLICK = 'Click to browse the corpus documents.';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function clamp(p: number): number {
  return Math.max(0, Math.min(100, Math.round(p)));
}

function percent(p: number | undefined): string {
  return p === undefined ? '…' : ` ${String(clamp(p))}%`;
}

/** The status bar text (with codicons) and tooltip. */
export function statusText(input: StatusInput): StatusView {
  if (input.kind === 'starting') {
    return { text: '$(sync~spin) Brief: starting', tooltip: 'brief-lsp is starting.' };
  }
  if (input.kind === 'stopped') {
    return {
      text: '$(circle-slash) Brief: stopped',
      tooltip: 'brief-lsp is not running. Run "Brief LSP: Restart Server", or see "Brief LSP: Show Output".',
    };
  }
  const { status, percentage } = input;
  const loading = status.loading ?? null;
  if (status.state === 'failed') {
    const reason = status.reason ?? 'the corpus could not be loaded';
    return {
      text: '$(error) Brief: corpus failed',
      tooltip: `The corpus failed to load: ${reason}\nSee "Brief LSP: Show Output".`,
    };
  }
  if (status.state !== 'ready') {
    const what = loading !== null ? `Indexing ${loading}` : 'Indexing the corpus';
    return { text: `$(sync~spin) Brief: indexing${percent(percentage)}`, tooltip: `${what}.` };
  }
  const documents = status.documents ?? 0;
  const problems = status.problems?.length ?? 0;
  // A load under way: the status says so, or progress reports arrive first.
  const reindexing = loading !== null || percentage !== undefined;
  const lines = [`Corpus: ${status.source ?? 'unknown'}`, plural(documents, 'document', 'documents')];
  const warning = status.warning ?? null;
  if (warning !== null) {
    lines.push(`Warning: ${warning}.`);
  }
  lines.push(problems === 0 ? 'No corpus problems.' : `${plural(problems, 'corpus problem', 'corpus problems')}; see the output.`);
  if (reindexing) {
    const what = loading === null ? '' : ` ${loading}`;
    lines.push(`Re-indexing${what}${percentage === undefined ? '' : ` (${String(clamp(percentage))}%)`}.`);
  }
  lines.push(CLICK);
  const docs = `Brief: ${plural(documents, 'doc', 'docs')}`;
  let text: string;
  if (reindexing) {
    text = `$(sync~spin) ${docs}, re-indexing${percent(percentage)}`;
  } else if (problems > 0) {
    text = `$(warning) ${docs}, ${plural(problems, 'problem', 'problems')}`;
  } else if (warning !== null) {
    // An empty corpus, say: ready, but nothing can be checked.
    text = `$(warning) ${docs}`;
  } else {
    text = `$(book) ${docs}`;
  }
  return { text, tooltip: lines.join('\n') };
}

/** Whether the status is worth asking for again in a second: while the
 * corpus loads. A failed load stays failed until a change of settings or
 * files starts another, which progress reports announce. */
export function isBusy(status: ServerStatus | undefined): boolean {
  if (status === undefined) {
    return true;
  }
  if ((status.loading ?? null) !== null) {
    return true;
  }
  return status.state !== 'ready' && status.state !== 'failed';
}

/** Whether a `$/progress` token is the server's corpus indexing. */
export function isIndexingToken(token: string | number): boolean {
  return typeof token === 'string' && token.startsWith('brief-lsp/index/');
}

/** Where the controller asks for the status: the running client. */
export interface StatusSource {
  request: () => Promise<ServerStatus>;
  isRunning: () => boolean;
}

/** A `$/progress` value (begin, report or end) of the server's indexing. */
export interface ProgressValue {
  kind: string;
  percentage?: number;
}

/** Keeps the status bar text current: renders `$/progress` percentages as they
 * arrive, asks `brief-lsp/status` when the client starts, when indexing ends
 * and every `pollMs` while the server is busy. No `vscode` here: the extension
 * passes a `render` that sets its status bar item. */
export class StatusController {
  private source: StatusSource | undefined;
  private status: ServerStatus | undefined;
  private percentage: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly render: (view: StatusView) => void,
    private readonly pollMs = 1000,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.render(statusText({ kind: 'starting' }));
  }

  /** A new client: nothing known until it answers. */
  attach(source: StatusSource): void {
    this.cancel();
    this.source = source;
    this.status = undefined;
    this.percentage = undefined;
    this.render(statusText({ kind: 'starting' }));
  }

  progress(value: ProgressValue): void {
    if (value.kind === 'end') {
      this.percentage = undefined;
    } else if (typeof value.percentage === 'number') {
      this.percentage = value.percentage;
    } else if (value.kind === 'begin') {
      this.percentage = 0;
    }
    if (value.kind === 'end') {
      // The server swaps the new corpus in just after the end: ask now (the
      // last percentage stays until the answer), and once more a little later.
      void this.refresh().then(() => {
        this.poll();
      });
    } else {
      this.show();
      this.poll();
    }
  }

  stopped(): void {
    this.cancel();
    this.status = undefined;
    this.percentage = undefined;
    this.render(statusText({ kind: 'stopped' }));
  }

  /** Asks the server for its status now and, while it is busy, every `pollMs`. */
  async refresh(): Promise<void> {
    this.cancel();
    const source = this.source;
    if (!source?.isRunning()) {
      return;
    }
    let status: ServerStatus;
    try {
      status = await source.request();
    } catch (err) {
      // Stopping, or a server without the request: no polling until the next
      // progress report.
      if (source.isRunning()) {
        this.warn(`brief-lsp/status failed: ${String(err)}`);
      }
      return;
    }
    if (source !== this.source) {
      return;
    }
    this.status = status;
    this.show();
    if (isBusy(status)) {
      this.poll();
    }
  }

  dispose(): void {
    this.cancel();
    this.source = undefined;
  }

  private show(): void {
    // Progress may arrive before the first status answer.
    const status: ServerStatus | undefined =
      this.status ?? (this.percentage === undefined ? undefined : { state: 'indexing', loading: null });
    this.render(
      statusText(status === undefined ? { kind: 'starting' } : { kind: 'running', status, percentage: this.percentage }),
    );
  }

  private poll(): void {
    if (this.source === undefined) {
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.pollMs);
  }

  private cancel(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
