// Runs one pathological case in a worker thread, so a case that takes too long can be stopped
// (worker.terminate) instead of holding the whole test run: builds the text, analyses it, checks it.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle } from '../../../server/src/analysis';
import { testKnowledge } from '../../support/knowledge';
import { checkInvariants } from './invariants';
import { PATHOLOGICAL } from './pathological';

export interface CaseRequest {
  name: string;
  sizes: number[];
  /** Also analyse the largest text twice and compare (determinism), and check the invariants. */
  check: boolean;
}
export interface CaseResult {
  /** Best-of-two milliseconds per size. */
  ms: number[];
  error: string | null;
}

function run(req: CaseRequest): CaseResult {
  const knowledge = testKnowledge();
  const ms: number[] = [];
  try {
    for (const size of req.sizes) {
      const text = PATHOLOGICAL[req.name](size);
      let best = Infinity;
      let first = null;
      for (let i = 0; i < 2; i++) {
        const t0 = process.hrtime.bigint();
        const a = analyzeArticle(text, knowledge);
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
        if (req.check) {
          if (i === 0) {
            checkInvariants(text, a);
            first = JSON.stringify(a);
          } else if (JSON.stringify(a) !== first) throw new Error('not deterministic: two analyses of the same text differ');
        }
      }
      ms.push(best);
    }
    return { ms, error: null };
  } catch (err) {
    return { ms, error: err instanceof Error ? err.message : String(err) };
  }
}

parentPort!.postMessage(run(workerData as CaseRequest));
