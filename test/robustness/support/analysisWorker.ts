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
  /** Best milliseconds per size (of 2 rounds with checks, else of ROUNDS). */
  ms: number[];
  error: string | null;
}

/** Timed rounds per size; the sizes take turns, so a busy spell on a shared machine slows every size alike. */
const ROUNDS = 3;

function run(req: CaseRequest): CaseResult {
  const knowledge = testKnowledge();
  const texts = req.sizes.map((size) => PATHOLOGICAL[req.name](size));
  const ms = texts.map(() => Infinity);
  const first: (string | null)[] = texts.map(() => null);
  try {
    for (let round = 0; round < (req.check ? 2 : ROUNDS); round++) {
      texts.forEach((text, k) => {
        const t0 = process.hrtime.bigint();
        const a = analyzeArticle(text, knowledge);
        ms[k] = Math.min(ms[k], Number(process.hrtime.bigint() - t0) / 1e6);
        if (!req.check) return;
        if (round === 0) {
          checkInvariants(text, a);
          first[k] = JSON.stringify(a);
        } else if (JSON.stringify(a) !== first[k]) throw new Error('not deterministic: two analyses of the same text differ');
      });
    }
    return { ms, error: null };
  } catch (err) {
    return { ms: [], error: err instanceof Error ? err.message : String(err) };
  }
}

parentPort!.postMessage(run(workerData as CaseRequest));
