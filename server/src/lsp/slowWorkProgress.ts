// Work-done progress for a workspace build that turns out slow: at 10,000 articles the timeline's first build
// takes ~7 s and the panel's places ~3 s, with nothing but "Building the timeline…" to show for it. Shown only
// once the build has run SHOW_AFTER_MS, so the usual quick builds flash nothing in the status bar.
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import { groupDigits } from '../analysis/groupDigits';
import { forEachInSlices } from './nextTurn';

/** How long a build runs before its progress is shown. */
export const SHOW_AFTER_MS = 1000;
/** Least time between two counts sent (each is a message to the client). */
const REPORT_EVERY_MS = 250;

/** The part of the connection this needs (a test passes its own). */
export interface ProgressWindow {
  createWorkDoneProgress(): Promise<WorkDoneProgressReporter>;
}

/** A window that shows no progress (a caller with no connection: tests, tools). */
export const NO_PROGRESS_WINDOW: ProgressWindow = { createWorkDoneProgress: () => Promise.reject(new Error('no progress here')) };

export class SlowWorkProgress {
  private reporter: WorkDoneProgressReporter | null = null;
  private ended = false;
  private readonly timer: ReturnType<typeof setTimeout>;
  private lastReport = -Infinity;
  /** What the build does now: a phase, or a count of items (formatted only when sent). */
  private phaseText = 'starting';
  private counted: { done: number; total: number; noun: string } | null = null;

  constructor(
    private readonly window: ProgressWindow,
    private readonly title: string,
    showAfterMs = SHOW_AFTER_MS,
    /** Milliseconds, for spacing the counts (a test passes its own). */
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.timer = setTimeout(() => this.begin(), showAfterMs);
    this.timer.unref?.();
  }

  /** How far a pass over `total` items is ("4,210 / 10,000 articles"): cheap, sent at most every REPORT_EVERY_MS. */
  count(done: number, total: number, noun: string): void {
    if (this.counted) {
      this.counted.done = done;
      this.counted.total = total;
      this.counted.noun = noun;
    } else this.counted = { done, total, noun };
    if (this.reporter && this.clock() - this.lastReport >= REPORT_EVERY_MS) this.send();
  }

  /** A counter for a pass over `total` items: call it once per item done. */
  counter(total: number, noun: string): () => void {
    let done = 0;
    return () => this.count(++done, total, noun);
  }

  /** What the build does now ("ordering the events"), sent at once when shown. */
  phase(message: string): void {
    this.phaseText = message;
    this.counted = null;
    if (this.reporter) this.send();
  }

  /** Ends the progress (whether the build finished or failed). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.reporter?.done();
  }

  private begin(): void {
    if (this.ended) return;
    this.window.createWorkDoneProgress().then(
      (reporter) => {
        // A build that ended while the client made the token shows nothing.
        if (this.ended) return;
        this.reporter = reporter;
        reporter.begin(this.title, this.percent(), this.message(), false);
        this.lastReport = this.clock();
      },
      // A client without progress support: the build goes on without a bar.
      () => undefined,
    );
  }

  private send(): void {
    this.lastReport = this.clock();
    const percent = this.percent();
    if (percent === undefined) this.reporter!.report(this.message());
    else this.reporter!.report(percent, this.message());
  }

  private message(): string {
    const c = this.counted;
    return c ? `${groupDigits(c.done)} / ${groupDigits(c.total)} ${c.noun}` : `${this.phaseText}…`;
  }

  private percent(): number | undefined {
    const c = this.counted;
    return c && c.total > 0 ? Math.round((c.done / c.total) * 100) : undefined;
  }
}

/** Runs `build` with progress shown once it is slow (see SlowWorkProgress), ended however the build ends. */
export async function withSlowWorkProgress<T>(window: ProgressWindow, title: string, build: (progress: SlowWorkProgress) => Promise<T>): Promise<T> {
  const progress = new SlowWorkProgress(window, title);
  try {
    return await build(progress);
  } finally {
    progress.end();
  }
}

/** forEachInSlices over a build's articles, counted on its progress ("4,210 / 10,000 articles read"). */
export function readArticlesInSlices<T>(progress: SlowWorkProgress, articles: readonly T[], each: (article: T) => void): Promise<void> {
  const counted = progress.counter(articles.length, 'articles read');
  return forEachInSlices(articles, (article) => {
    counted();
    each(article);
  });
}
