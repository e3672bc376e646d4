// Editor-facing figures over a real LSP connection: cold start to first diagnostics, hover and semantic
// tokens latency on a 100 KB article, edit to diagnostics, and indexing a 10,000-article workspace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateArticle } from './newsCorpus';
import { fileUri, Session, startSession } from './lspSession';
import { StatusRequest, StatusResult } from '../../server/src/protocol';
import { now, peakRssMB, percentile, round } from './stats';
import { sampleThreadCpu, ThreadCpu } from './threadCpu';
import { RequestTiming } from './workspaceRequests';

export interface ColdStart {
  spawnToFirstDiagnosticsMs: number;
  openToFirstDiagnosticsMs: number;
}

/** Spawn → initialize → open one article → its first diagnostics. */
export async function coldStart(serverJs: string): Promise<ColdStart> {
  const s = await startSession(serverJs, null);
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'cold-start.news'));
    const opened = now();
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: generateArticle(42, 4000) } });
    const at = await s.waitFor('first diagnostics', () => s.diagnosticsAt.get(`${uri}#1`));
    return { spawnToFirstDiagnosticsMs: round(at - s.spawnedAt, 1), openToFirstDiagnosticsMs: round(at - opened, 1) };
  } finally {
    await s.stop();
  }
}

export interface Latency {
  p50: number;
  p95: number;
  n: number;
}
export interface EditorLatency {
  articleKB: number;
  firstAnalysisMs: number;
  hover: Latency;
  semanticTokens: Latency;
  /** didChange → publishDiagnostics for that version, including the server's debounce. */
  editToDiagnostics: Latency;
}

function latency(values: number[]): Latency {
  return { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), n: values.length };
}

/** Hover at every 7th token, semantic tokens repeatedly, and edits, on one ~100 KB article. */
export async function editorLatency(serverJs: string): Promise<EditorLatency> {
  const s = await startSession(serverJs, null);
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'latency.news'));
    const text = generateArticle(7, 100 * 1024);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
    let t = now();
    const first = await s.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const firstAnalysisMs = now() - t;
    const positions = tokenPositions(first.data, 7);
    const hover: number[] = [];
    for (const position of positions.slice(0, 400)) {
      t = now();
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      hover.push(now() - t);
    }
    const tokens: number[] = [];
    for (let i = 0; i < 60; i++) {
      t = now();
      await s.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
      tokens.push(now() - t);
    }
    const edits: number[] = [];
    for (let v = 2; v < 22; v++) {
      const edited = text.slice(0, text.length - v) + ` edit ${v}`;
      t = now();
      await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: edited }] });
      const at = await s.waitFor(`diagnostics v${v}`, () => s.diagnosticsAt.get(`${uri}#${v}`));
      edits.push(at - t);
    }
    return { articleKB: Math.round(text.length / 1024), firstAnalysisMs: round(firstAnalysisMs, 1), hover: latency(hover), semanticTokens: latency(tokens), editToDiagnostics: latency(edits) };
  } finally {
    await s.stop();
  }
}

/** A position inside every `every`-th semantic token (relative encoding, 5 numbers a token). */
function tokenPositions(data: number[], every: number): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    if ((i / 5) % every === 0) positions.push({ line, character: character + 1 });
  }
  return positions;
}

export interface IndexRun {
  articles: number;
  files: number;
  mb: number;
  seconds: number | null;
  peakRssMB: number | null;
  /** CPU time of the server process (main thread and index workers) over the run, in seconds. */
  cpuSeconds: number | null;
  /** The same CPU split by thread (Linux): the index's own work against the engine's compiler and collector threads. */
  cpuByThread: ThreadCpu | null;
  /** Index worker threads the server used (0: indexed in its main thread). */
  workers: number | null;
  indexedArticles: number | null;
  /** Hovers in an open 4 KB article every 50 ms while the index ran: the open article must never wait for it. */
  hoverDuringIndex: (Latency & { max: number }) | null;
  /**
   * Seconds from initialized until the conflict checks of the pass's last files have run too (they follow the
   * pass in slices; the status says `checking` until then); null when the pass did not end.
   */
  settledSeconds: number | null;
  /** Open conflicts once settled (the same corpus must always give the same count). */
  conflicts?: number | null;
  /** The workspace requests timed after the pass (workspaceRequests.ts), when asked for. */
  workspaceRequests?: RequestTiming[];
  note: string | null;
}

/** User + system CPU seconds of a process so far (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** When the status stopped saying `checking` (polled every 20 ms), or null past the limit. */
async function settledAt(s: Session, limitSeconds: number): Promise<{ at: number; conflicts: number } | null> {
  const deadline = now() + limitSeconds * 1000;
  while (now() < deadline) {
    const status = await s.connection.sendRequest<StatusResult>(StatusRequest);
    if (!status.checking) return { at: now(), conflicts: status.conflicts };
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

/** Writes `count` articles (~4 KB each) into a temp workspace and times the server's index pass. */
export async function indexWorkspace(serverJs: string, count: number, limitSeconds: number, afterIndex?: (s: Session, cpuSeconds: () => number | null) => Promise<RequestTiming[]>): Promise<IndexRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-index-'));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `batch-${Math.floor(i / 500)}`);
    if (i % 500 === 0) fs.mkdirSync(sub);
    const text = generateArticle(500_000 + i, 2500 + ((i * 7919) % 3000));
    bytes += text.length;
    fs.writeFileSync(path.join(sub, `article-${i}.txt`), text);
  }
  const s = await startSession(serverJs, dir);
  const threads = sampleThreadCpu(s.process.pid!);
  try {
    // An article open in the editor (outside the workspace), hovered throughout the pass.
    const uri = fileUri(path.join(os.tmpdir(), 'dateline-bench-open.news'));
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: generateArticle(43, 4000) } });
    const tokens = await s.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const positions = tokenPositions(tokens.data, 1);
    const hovers: number[] = [];
    let indexing = true;
    const probe = (async () => {
      for (let i = 0; indexing && positions.length; i++) {
        const t = now();
        await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
        hovers.push(now() - t);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const done = await s
      .waitFor('index pass', () => s.logs.find((l) => /Dateline: indexed [\d,]+ articles/.test(l)), limitSeconds * 1000)
      .catch(() => null);
    indexing = false;
    await probe;
    const hoverDuringIndex = hovers.length ? { ...latency(hovers), max: round(Math.max(...hovers)) } : null;
    const peak = peakRssMB(s.process.pid!);
    const cpu = cpuSeconds(s.process.pid!);
    const cpuByThread = threads.stop();
    const common = { articles: count, files: count, mb: round(bytes / 1048576, 1), peakRssMB: peak === null ? null : round(peak, 0), cpuSeconds: cpu === null ? null : round(cpu, 1), cpuByThread, hoverDuringIndex };
    if (!done) {
      const last = s.progress.filter((p) => p.value.message).pop();
      return { ...common, seconds: null, workers: null, indexedArticles: null, settledSeconds: null, note: `gave up after ${limitSeconds} s (progress: ${last?.value.message ?? 'none'})` };
    }
    const end = s.progress.find((p) => p.value.kind === 'end')?.at ?? now();
    const settled = await settledAt(s, limitSeconds);
    // Requests a user makes once the index is there (after the figures above: they do not count in them).
    const workspace = afterIndex ? await afterIndex(s, () => cpuSeconds(s.process.pid!)) : undefined;
    const m = /indexed ([\d,]+) articles/.exec(done)!;
    const workers = Number(/\((\d+) index workers?\)/.exec(done)?.[1] ?? 0);
    return {
      ...common,
      seconds: round((end - s.initializedAt) / 1000),
      settledSeconds: settled === null ? null : round((settled.at - s.initializedAt) / 1000),
      conflicts: settled?.conflicts ?? null,
      workers,
      indexedArticles: Number(m[1].replace(/,/g, '')),
      workspaceRequests: workspace,
      note: null,
    };
  } finally {
    threads.stop(); // (again, when the run failed before its figures: the sampling timer must not outlive it)
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
