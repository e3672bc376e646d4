// Publishes diagnostics for open articles, debounced after edits; results for stale versions are dropped.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { ServerContext } from '../serverContext';
import { ArticleRecord } from '../articleStore';
import { sameJson } from '../sameJson';
import { nextTurn } from '../nextTurn';

const DEBOUNCE_MS = 120;
/**
 * A list this long is sent on the next turn of the event loop, after the requests that came in while it was
 * made: making and sending 6,053 diagnostics (a 1.9 MB document) in one go held the server for ~300 ms.
 */
const SEND_LATER_FROM = 1000;
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** Extra diagnostics for an article from other features (conflicts); registered by those features. */
export type DiagnosticSource = (record: ArticleRecord, ctx: ServerContext) => Diagnostic[];

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; version: number | undefined; due: number; immediate: boolean }>();
  private readonly sources: DiagnosticSource[] = [];
  private readonly hadDiagnostics = new Set<string>();
  /**
   * What was last sent for each open document: its version and diagnostics. The same list for the same version
   * is not sent again: every settled conflict check re-published every open document, and a 2 MB document's
   * 6,649 conflict diagnostics went twice, 10 MB of JSON each time, for the editor to redraw. Compared field by
   * field (sameJson), not as JSON: writing a 1.9 MB document's list out (9 MB) only to compare it took ~60 ms.
   */
  private readonly lastSent = new Map<string, { version: number; list: Diagnostic[] }>();
  /** The version each document's publish is waiting to get the analysis of (see schedule). */
  private readonly awaitingRecord = new Map<string, number>();
  /** The last publish started for each document: one overtaken while it waited to send sends nothing. */
  private readonly latest = new Map<string, number>();
  private publishes = 0;

  constructor(private readonly ctx: ServerContext) {}

  addSource(source: DiagnosticSource): void {
    this.sources.push(source);
  }

  private readonly holds: ((uri: string) => boolean)[] = [];

  /**
   * Publication of a document waits while `busy(uri)` says a source is still working it out; the source
   * schedules the document when done (a large document's conflicts, checked in slices, would otherwise be
   * sent half made and then again).
   */
  holdWhile(busy: (uri: string) => boolean): void {
    this.holds.push(busy);
  }

  /** Schedules analysis and publication for an open document. */
  schedule(uri: string, delay = DEBOUNCE_MS): void {
    const version = this.ctx.documents.get(uri)?.version;
    const due = Date.now() + delay;
    const pending = this.timers.get(uri);
    // didOpen schedules at once and the content event that follows it (same version) must not push that back
    // by the edit debounce; otherwise every call restarts the debounce (bursts of workspace changes publish once).
    if (pending && pending.immediate && pending.version === version && pending.due <= due) return;
    // A publish of this version is waiting for its analysis: it reads the diagnostics after that, so it sees
    // whatever this call was told of. (A large document's conflict check, run as its analysis is stored, made
    // a second publish that rebuilt 6,649 diagnostics for a list already sent: 270 ms.)
    if (!pending && version !== undefined && this.awaitingRecord.get(uri) === version) return;
    clearTimeout(pending?.timer);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, delay);
    this.timers.set(uri, { timer, version, due, immediate: delay === 0 });
  }

  /** Re-publishes every open document (after a workspace-wide change such as new conflicts). */
  scheduleAllOpen(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri);
  }

  /** The document closed: nothing pending is published, and what it was last sent is forgotten. */
  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri)?.timer);
    this.timers.delete(uri);
    this.lastSent.delete(uri);
    this.awaitingRecord.delete(uri);
    this.latest.delete(uri);
  }

  async publish(uri: string): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const ticket = ++this.publishes;
    this.latest.set(uri, ticket);
    this.awaitingRecord.set(uri, version);
    let record: ArticleRecord | undefined;
    try {
      record = await this.ctx.recordFor(uri);
    } finally {
      if (this.awaitingRecord.get(uri) === version) this.awaitingRecord.delete(uri);
    }
    // Dropped when the document moved on or closed while we worked.
    if (!record || this.ctx.documents.get(uri)?.version !== version) return;
    // Non-articles (.dateline/*.json, notes) get nothing from here, so the user-data diagnostics on them stand;
    // a document that stopped being an article has its old diagnostics cleared once.
    if (!record.isArticle) {
      this.lastSent.delete(uri);
      if (this.hadDiagnostics.delete(uri)) void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    if (this.holds.some((busy) => busy(uri))) return;
    const list = this.diagnosticsFor(record);
    if (list.length >= SEND_LATER_FROM) {
      await nextTurn();
      if (this.latest.get(uri) !== ticket || this.ctx.documents.get(uri)?.version !== version) return;
    }
    const last = this.lastSent.get(uri);
    if (last && last.version === version && sameJson(last.list, list)) return;
    this.lastSent.set(uri, { version, list });
    if (list.length) this.hadDiagnostics.add(uri);
    void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: list });
  }

  diagnosticsFor(record: ArticleRecord): Diagnostic[] {
    if (!record.isArticle) return [];
    const own: Diagnostic[] = record.analysis.diagnostics.map((d) => ({
      range: record.lines.rangeOf(d),
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'dateline',
      message: d.message,
    }));
    return own.concat(...this.sources.map((s) => s(record, this.ctx)));
  }
}
