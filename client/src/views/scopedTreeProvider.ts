// The shared base of the Dateline views: a scope (active article ⇄ whole workspace, kept per view and mirrored in
// a context key for the title-bar toggle), the active article, and refreshes driven by the server's notification.
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { ArticleInfo, ArticleInfoParams, ArticleInfoRequest, IndexChangedParams, Scope } from '../../../server/src/protocol';

/** Languages whose documents may be articles; anything else (output, settings) keeps the last article active. */
const ARTICLE_LANGUAGES = new Set(['news', 'plaintext', 'markdown']);
/** Quiet time before a workspace-wide view refreshes after the index changed. */
const WORKSPACE_SETTLE_MS = 300;

export abstract class ScopedTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<T[]> | null = null;
  private scopeValue: Scope;
  protected articleUri: string | undefined;

  constructor(
    /** "places", "factions"… : the view is `dateline.<name>`, its context key `dateline.<name>.scope`. */
    readonly name: string,
    protected readonly client: LanguageClient,
    private readonly memento: vscode.Memento,
  ) {
    this.scopeValue = memento.get<Scope>(this.mementoKey) === 'article' ? 'article' : 'workspace';
    this.articleUri = articleOf(vscode.window.activeTextEditor);
    void vscode.commands.executeCommand('setContext', this.contextKey, this.scopeValue);
  }

  get viewId(): string {
    return `dateline.${this.name}`;
  }

  get scope(): Scope {
    return this.scopeValue;
  }

  /** The article the view follows in article scope (the last active editor that could be one). */
  get activeArticle(): string | undefined {
    return this.articleUri;
  }

  private get contextKey(): string {
    return `${this.viewId}.scope`;
  }

  private get mementoKey(): string {
    return `${this.viewId}.scope`;
  }

  async setScope(scope: Scope): Promise<void> {
    this.scopeValue = scope;
    await this.memento.update(this.mementoKey, scope);
    await vscode.commands.executeCommand('setContext', this.contextKey, scope);
    this.refresh();
  }

  /** The active editor changed: in article scope, the view follows it. */
  activeEditorChanged(editor: vscode.TextEditor | undefined): void {
    const uri = articleOf(editor);
    if (!uri || uri === this.articleUri) return;
    this.articleUri = uri;
    if (this.scopeValue === 'article') this.refresh();
  }

  /** True when the article view also shows what other articles say (conflicts): any change may concern it. */
  protected readonly dependsOnOtherArticles: boolean = false;

  /** The server's index changed: refresh when it concerns what the view shows. */
  indexChanged(e: IndexChangedParams): void {
    if (this.scopeValue === 'article' && !this.dependsOnOtherArticles && this.articleUri && e.changed.length > 0 && !e.changed.includes(this.articleUri)) return;
    // A workspace tree is rebuilt over every article: while the user types, wait for a pause instead of
    // rebuilding after each analysed edit.
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh(), this.scopeValue === 'workspace' ? WORKSPACE_SETTLE_MS : 0);
  }
  private pending: ReturnType<typeof setTimeout> | undefined;

  refresh(): void {
    this.roots = null;
    this.changed.fire();
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    if (element) return this.childrenOf(element);
    this.roots ??= this.load();
    return this.roots;
  }

  abstract getTreeItem(element: T): vscode.TreeItem;

  protected abstract childrenOf(element: T): T[] | Promise<T[]>;

  /** Top-level items for the scope; the article URI is set for scope 'article'. */
  protected abstract fetch(scope: Scope, uri: string | undefined): Promise<T[]>;

  private async load(): Promise<T[]> {
    this.setMessage(undefined);
    if (this.scopeValue === 'article' && !this.articleUri) return [];
    // Before the server runs there is nothing to ask; the view shows its welcome text and refreshes on start.
    if (this.client.state !== State.Running) return [];
    try {
      const items = await this.fetch(this.scopeValue, this.articleUri);
      if (items.length === 0 && this.scopeValue === 'article' && this.articleUri) await this.explainNotArticle(this.articleUri);
      return items;
    } catch (err) {
      this.client.outputChannel.appendLine(`Dateline: the ${this.name} view could not load: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  /** An empty view over a document that is not an article says why (the welcome text covers the other cases). */
  private async explainNotArticle(uri: string): Promise<void> {
    const info = await this.client.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri } satisfies ArticleInfoParams);
    if (info.isArticle || uri !== this.articleUri) return;
    const file = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    this.setMessage(`${file} is not analysed${info.reason ? `: ${info.reason}` : ''}.`);
  }

  /** Where the view shows a message above its items (set by registerViews). */
  messageSink: ((message: string | undefined) => void) | undefined;

  private setMessage(message: string | undefined): void {
    this.messageSink?.(message);
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.changed.dispose();
  }
}

function articleOf(editor: vscode.TextEditor | undefined): string | undefined {
  const doc = editor?.document;
  if (!doc || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') || !ARTICLE_LANGUAGES.has(doc.languageId)) return undefined;
  return doc.uri.toString();
}
