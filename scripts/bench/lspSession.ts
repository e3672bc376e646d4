// A minimal LSP client for the benchmark: spawns `node dist/server.js --stdio` and times requests.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter, WorkDoneProgress } from 'vscode-languageserver-protocol/node';
import { now } from './stats';
import { pollUntil, stopServer } from './lspProcess';

export interface Session {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** ms since spawn when each (uri, version) first got diagnostics. */
  diagnosticsAt: Map<string, number>;
  logs: string[];
  progress: { at: number; value: { kind: string; message?: string } }[];
  spawnedAt: number;
  initializedAt: number;
  waitFor<T>(what: string, predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/** Extra node flags for every server the bench starts (e.g. BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/p" to profile it). */
function serverFlagsFromEnv(): string[] {
  return (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export interface SessionOptions {
  /** Node flags for the server (e.g. --expose-gc). */
  execArgv?: string[];
  initializationOptions?: unknown;
}

export async function startSession(serverJs: string, workspaceFolder: string | null, settings: Record<string, unknown> = {}, options: SessionOptions = {}): Promise<Session> {
  const spawnedAt = now();
  const child = spawn(process.execPath, [...(options.execArgv ?? []), ...serverFlagsFromEnv(), serverJs, '--stdio'], { stdio: ['pipe', 'pipe', process.env.BENCH_STDERR ? 'inherit' : 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnosticsAt = new Map<string, number>();
  const logs: string[] = [];
  const progress: Session['progress'] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const key = `${p.uri}#${p.version ?? ''}`;
    if (!diagnosticsAt.has(key)) diagnosticsAt.set(key, now());
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onUnhandledNotification(() => {
    // index changes, progress of other kinds: not measured
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
    connection.onProgress(WorkDoneProgress.type, p.token, (value) => {
      progress.push({ at: now(), value: value as { kind: string; message?: string } });
    });
    return null;
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    initializationOptions: options.initializationOptions,
    rootUri: workspaceFolder ? fileUri(workspaceFolder) : null,
    workspaceFolders: workspaceFolder ? [{ uri: fileUri(workspaceFolder), name: path.basename(workspaceFolder) }] : null,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { versionSupport: true }, semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } },
    },
  });
  await connection.sendNotification('initialized', {});
  const initializedAt = now();
  const waitFor = <T>(what: string, predicate: () => T | undefined | null | false, timeoutMs = 120_000): Promise<T> => pollUntil(what, predicate, timeoutMs, 2);
  return {
    connection,
    process: child,
    diagnosticsAt,
    logs,
    progress,
    spawnedAt,
    initializedAt,
    waitFor,
    stop: () => stopServer(connection, child),
  };
}
