// What every handler gets: the connection, open documents, the article store and settings.
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Knowledge } from '../analysis';
import { ArticleRecord, ArticleStore } from './articleStore';
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

  /** The current analysis of an open document (analysed now if its latest version is not yet). */
  async recordFor(uri: string): Promise<ArticleRecord | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return this.store.get(uri);
    const cached = this.store.getVersion(uri, doc.version);
    if (cached) return cached;
    const settings = await this.settings.forResource(uri);
    const current = this.documents.get(uri);
    if (!current) return this.store.get(uri);
    return this.store.setOpen(uri, current.version, current.getText(), {
      languageId: current.languageId,
      matchesGlobs: matchesGlobs(uri, settings.articleGlobs),
      defaultPublished: settings.defaultPublished,
      maxBytes: settings.maxFileSizeKB * 1024,
    });
  }
}
