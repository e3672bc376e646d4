// A real LSP client for tests: starts `node dist/server.js --stdio` and speaks JSON-RPC to it.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsParams,
  WorkDoneProgress,
} from 'vscode-languageserver-protocol/node';
import { pollUntil, stopServer } from '../../scripts/bench/lspProcess';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Latest diagnostics per URI, as published. */
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Every notification received, by method. */
  notifications: { method: string; params: unknown }[];
  /** Opens a document; returns its URI. */
  open(uri: string, text: string, languageId?: string): Promise<string>;
  change(uri: string, version: number, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  /** Polls until `predicate` holds (no fixed sleeps); fails after `timeoutMs`. */
  waitFor<T>(what: string, predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export interface StartOptions {
  workspaceFolder?: string;
  /** Answers to workspace/configuration for section "dateline". */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Extra node flags for the server process (e.g. --expose-gc, --require a preload script). */
  execArgv?: string[];
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

/** Starts the bundled server; run `node esbuild.js` (npm test does) first. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} missing: build first (node esbuild.js)`);
  const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  child.stderr!.on('data', () => {
    /* server logs go to stderr; ignored in tests */
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const notifications: { method: string; params: unknown }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
    notifications.push({ method: 'textDocument/publishDiagnostics', params: p });
  });
  connection.onUnhandledNotification((msg) => {
    notifications.push({ method: msg.method, params: msg.params });
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  // Like an editor, answer message boxes (no button chosen) and keep them for assertions.
  connection.onRequest('window/showMessageRequest', (p: unknown) => {
    notifications.push({ method: 'window/showMessageRequest', params: p });
    return null;
  });
  // Progress arrives as $/progress, which the connection routes by token, not to the catch-all handler:
  // subscribe per created token and record it as a notification.
  connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
    connection.onProgress(WorkDoneProgress.type, p.token, (value) => {
      notifications.push({ method: '$/progress', params: { token: p.token, value } });
    });
    return null;
  });
  connection.listen();

  const folder = options.workspaceFolder;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? fileUri(folder) : null,
    workspaceFolders: folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null,
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      },
    },
  });
  await connection.sendNotification('initialized', {});

  const waitFor = <T>(what: string, predicate: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> => pollUntil(what, predicate, timeoutMs, 10);

  return {
    connection,
    process: child,
    diagnostics,
    notifications,
    async open(uri, text, languageId = 'plaintext') {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    async change(uri, version, text) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close(uri) {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    waitFor,
    stop: () => stopServer(connection, child),
  };
}
