// The worker thread that analyses large open documents, so the main thread keeps answering requests: a 2 MB
// document took 1.2 s to analyse in the main thread, and every hover meanwhile waited for it.
// Like the index workers it runs the server bundle itself (server/src/main.ts hands over when started as one).
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledge } from '../../knowledge/loadKnowledge';
import { analyseForStore, ClassifyInput } from '../articleStore';
import { knowledgeWithOverlays, KnowledgeOverlays } from '../index/indexFile';
import { AnalysisPieces, toPieces } from './analysisPieces';

/** workerData.role of the open-document worker. */
export const OPEN_ANALYSIS_ROLE = 'dateline-open-analysis';

export interface OpenWorkerSetup {
  role: typeof OPEN_ANALYSIS_ROLE;
  overlays: KnowledgeOverlays;
  /** The main thread's gazetteer bytes (shared memory), or null to read the file. */
  gazetteer: Uint8Array | null;
}

export type OpenRequest = { seq: number; input: ClassifyInput };
export type OpenReply = { seq: number; isArticle: boolean; analysis: AnalysisPieces } | { seq: number; error: string };

/** True in a worker thread started by OpenAnalysisWorker. */
export function isOpenAnalysisWorker(): boolean {
  return !!parentPort && (workerData as Partial<OpenWorkerSetup> | null)?.role === OPEN_ANALYSIS_ROLE;
}

/** The worker side: loads knowledge once, then analyses each document sent, in order. */
export function runOpenAnalysisWorker(): void {
  const port = parentPort!;
  const setup = workerData as OpenWorkerSetup;
  const knowledge = knowledgeWithOverlays(loadKnowledge({ gazetteer: setup.gazetteer }), setup.overlays);
  port.on('message', ({ seq, input }: OpenRequest) => {
    try {
      const { isArticle, analysis } = analyseForStore(input.text, input, knowledge);
      const { pieces, transfer } = toPieces(analysis);
      port.postMessage({ seq, isArticle, analysis: pieces } satisfies OpenReply, transfer);
    } catch (err) {
      port.postMessage({ seq, error: err instanceof Error ? err.message : String(err) } satisfies OpenReply);
    }
  });
}
