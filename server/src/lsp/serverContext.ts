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
  private readonly offThread = new Map<string, { version: number; record: Promise<ArticleRecord | undefined> }>();

  /** The current analysis of an open document (analysed now if its latest version is not yet). */
  async recordFor(uri: string, tries = 0): Promise<ArticleRecord | undefined> {
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
    if (!pool?.available || text.length < OFF_THREAD_MIN_CHARS || tries >= MAX_OFF_THREAD_TRIES) return this.store.setOpen(uri, current.version, text, input);
    const record = await this.offThreadRecord(pool, uri, current.version, text, input);
    // Edited (or the settings changed) while the worker was at it: the latest version is what was asked for.
    // A failed or restarted worker gives no record: tried again (in this thread once the tries are used up).
    const now = this.documents.get(uri);
    if (!now) return this.store.get(uri);
    if (!record || !this.store.getVersion(uri, now.version)) return this.recordFor(uri, tries + 1);
    return record;
  }

  private offThreadRecord(pool: OpenAnalysisWorker, uri: string, version: number, text: string, input: Omit<ClassifyInput, 'uri' | 'text'>): Promise<ArticleRecord | undefined> {
    const running = this.offThread.get(uri);
    if (running && running.version === version) return running.record;
    const epoch = this.store.openEpoch;
    const record = pool.analyse({ ...input, uri, text }).then(
      (result) => (this.documents.get(uri) ? this.store.setOpenAnalysed(uri, version, text, result, epoch) : undefined),
      // The worker failed or was restarted for new user data: the next try analyses again (here, if it is gone).
      () => undefined,
    );
    const entry = { version, record };
    this.offThread.set(uri, entry);
    void record.finally(() => {
      if (this.offThread.get(uri) === entry) this.offThread.delete(uri);
    });
    return record;
  }
}

/** Analyses of one request tried in the worker (a document edited meanwhile is analysed again); then it is done here. */
const MAX_OFF_THREAD_TRIES = 3;
