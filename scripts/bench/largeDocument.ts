// A large document opened in the editor must not hold up the server: hovers in another open article keep
// being answered while it is analysed and its diagnostics published (issue 8: "never blocks the server").
import * as os from 'node:os';
import * as path from 'node:path';
import { startSession, fileUri } from './lspSession';
import { generateArticle } from './newsCorpus';
import { now, percentile, round } from './stats';

export interface LargeDocumentRun {
  kb: number;
  /** didOpen of the large document → its first diagnostics. */
  openToDiagnosticsMs: number | null;
  /** Hovers in a small open article every 20 ms from the large one's didOpen until 1 s after its diagnostics. */
  hoverWait: { p50: number; p95: number; max: number; n: number };
}

/** Opens a generated document of `kb` KB next to a small article and times hovers in the small one meanwhile. */
export async function largeDocument(serverJs: string, kb: number): Promise<LargeDocumentRun> {
  const s = await startSession(serverJs, null);
  try {
    const small = fileUri(path.join(os.tmpdir(), 'small.news'));
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'news', version: 1, text: generateArticle(3, 4000) } });
    const hover = () => s.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 3, character: 5 } });
    await hover();
    const big = fileUri(path.join(os.tmpdir(), `large-${kb}.news`));
    const text = generateArticle(9, kb * 1024);
    const opened = now();
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'news', version: 1, text } });
    const waits: number[] = [];
    let diagnosedAt: number | null = null;
    while (now() - opened < 60_000) {
      const t = now();
      await hover();
      waits.push(now() - t);
      diagnosedAt ??= s.diagnosticsAt.get(`${big}#1`) ?? null;
      if (diagnosedAt !== null && now() > diagnosedAt + 1000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return {
      kb,
      openToDiagnosticsMs: diagnosedAt === null ? null : round(diagnosedAt - opened),
      hoverWait: { p50: round(percentile(waits, 50), 1), p95: round(percentile(waits, 95), 1), max: round(Math.max(...waits), 1), n: waits.length },
    };
  } finally {
    await s.stop();
  }
}
