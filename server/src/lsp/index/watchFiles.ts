// File watching: asks the client to report changes to article files and `.dateline/*.json`, and fans
// each batch of events out to every feature that listens (the workspace index, user data).
import { ClientCapabilities, Connection, DidChangeWatchedFilesNotification, FileEvent } from 'vscode-languageserver';

/** Globs the client watches for us. */
export const WATCHED_GLOBS = ['**/*.{txt,md,news,article}', '**/.dateline/*.json'];

export type WatchedFilesListener = (changes: FileEvent[]) => void | Promise<void>;

export class WatchedFiles {
  private readonly listeners: WatchedFilesListener[] = [];
  private dynamic = false;

  constructor(private readonly connection: Connection) {
    // The one handler for the notification; features add listeners instead of replacing it.
    connection.onDidChangeWatchedFiles((p) => {
      for (const l of this.listeners) void Promise.resolve(l(p.changes)).catch((err) => connection.console.error(`Dateline: file watcher listener failed: ${err}`));
    });
  }

  /** Features register here rather than with connection.onDidChangeWatchedFiles (which keeps one handler only). */
  on(listener: WatchedFilesListener): void {
    this.listeners.push(listener);
  }

  /** Called from onInitialize with the client's capabilities. */
  initialize(capabilities: ClientCapabilities): void {
    this.dynamic = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  /** Called from onInitialized: registers the watchers when the client allows dynamic registration. */
  async register(): Promise<void> {
    if (!this.dynamic) return;
    try {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    } catch (err) {
      this.connection.console.warn(`Dateline: could not watch files (${(err as Error).message}); run "Dateline: Reanalyze workspace" after changes on disk.`);
    }
  }
}
