// What every handler gets: the connection, open documents, the article store and settings.
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Knowledge } from '../analysis';
import { ArticleRecord, ArticleStore, ClassifyInput } from './articleStore';
import { OFF_THREAD_MIN_CHARS, OpenAnalysisWorker } from './openAnalysis/openAnalysisPool';
import { matchesGlobs, Settings } from './settings';

export class ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly store: ArticleStore;
  readonly settings: Settings;
  workspaceFolders: string[] = [];
  /** False in an untrusted workspace: nothing may be written to `.dateline/` (see workspaceTrust.ts cannotWrite). */
  workspaceTrusted = true;

  constructor(
    readonly connection: Connection,
    readonly knowledge: () => Knowledge,
  ) {
    this.store = new ArticleStore(knowledge);
    this.settings = new Settings(connection);
  }

  /** Analyses large open documents off the main thread; null (tests from sources, no workers) analyses here. */
  openAnalysis: OpenAnalysisWorker | null = null;
  /** The analysis under way in the worker for each open document, by version (asked for twice, made once). */
  private readonly offThread = new Map<string, { doc: TextDocument; version: number; record: Promise<ArticleRecord | undefined> }>();

  /** The current analysis of an open document (analysed now if its latest version is not yet). */
  async recordFor(uri: string, failures = 0, chases = 0): Promise<ArticleRecord | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return this.store.get(uri);
    const cached = this.store.getVersion(uri, doc.version);
    if (cached) return cached;
    const settings = await this.settings.forResource(uri);
    const current = this.documents.get(uri);
    if (!current) return this.store.get(uri);
    const text = current.getText();
    const input = {
      languageId: current.languageId,
      matchesGlobs: matchesGlobs(uri, settings.articleGlobs),
      defaultPublished: settings.defaultPublished,
      maxBytes: settings.maxFileSizeKB * 1024,
    };
    const pool = this.openAnalysis;
    if (!pool?.available || text.length < OFF_THREAD_MIN_CHARS || failures >= MAX_OFF_THREAD_FAILURES) return this.store.setOpen(uri, current.version, text, input);
    const record = await this.offThreadRecord(pool, current, text, input);
    const now = this.documents.get(uri);
    if (!now) return this.store.get(uri);
    // A failed or restarted worker gives no record: tried again (in this thread once the failures add up).
    if (!record) return this.recordFor(uri, failures + 1, chases);
    // Edited (or the settings changed) while the worker was at it: the latest version is what was asked for,
    // unless the edits keep coming (then the last complete analysis answers).
    if (!this.store.getVersion(uri, now.version) && chases < MAX_CHASES) return this.recordFor(uri, failures, chases + 1);
    return record;
  }

  private offThreadRecord(pool: OpenAnalysisWorker, doc: TextDocument, text: string, input: Omit<ClassifyInput, 'uri' | 'text'>): Promise<ArticleRecord | undefined> {
    const { uri, version } = doc;
    const running = this.offThread.get(uri);
    if (running && running.doc === doc && running.version === version) return running.record;
    const epoch = this.store.openEpoch;
    const record = pool.analyse({ ...input, uri, text }).then(
      // Kept only for the document it was made for: one closed and opened again is another (its version 1 may differ).
      (result) => (this.documents.get(uri) === doc ? this.store.setOpenAnalysed(uri, version, text, result, epoch) : undefined),
      // The worker failed or was restarted for new user data: the next try analyses again (here, if it is gone).
      () => undefined,
    );
    const entry = { doc, version, record };
    this.offThread.set(uri, entry);
    void record.finally(() => {
      if (this.offThread.get(uri) === entry) this.offThread.delete(uri);
    });
    return record;
  }
}

/** Failed analyses in the worker for one request before it is analysed in this thread. */
const MAX_OFF_THREAD_FAILURES = 2;
/** Newer versions one request waits for while the document is being edited. */
const MAX_CHASES = 8;
