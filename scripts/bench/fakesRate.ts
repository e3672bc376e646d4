// The FA-KES dev corpus (789 real articles, ../shared), when present: its first pass and its steady state.
// The first pass after the generated corpora runs several times slower than later ones (the engine
// re-optimises every stage for real text's rarer paths), so one figure alone would measure the JIT.
import * as fs from 'node:fs';
import { analyzeArticle, Knowledge } from '../../server/src/analysis';
import { now, round, sizeMB } from './stats';

/** Passes after the first one; the steady figure is their median. */
const WARM_PASSES = 5;

export interface FakesRate {
  articles: number;
  mb: number;
  /** The first pass (straight after the generated corpora). */
  firstPassMBps: number;
  /** Median of the later passes. */
  mbPerSecond: number;
}

/** MB/s of the full analysis on FA-KES, or null when the corpus file is missing. */
export function fakesRate(file: string, knowledge: Knowledge): FakesRate | null {
  if (!fs.existsSync(file)) return null;
  const texts = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const o = JSON.parse(l) as { title?: string; text?: string };
      return `${o.title ?? ''}\n\n${o.text ?? ''}`;
    });
  const mb = sizeMB(texts);
  // No forced collection before a pass: it throws away optimised code (see timedPasses in throughput.ts).
  const pass = (): number => {
    const t = now();
    for (const x of texts) analyzeArticle(x, knowledge);
    return mb / ((now() - t) / 1000);
  };
  const first = pass();
  const warm: number[] = [];
  for (let p = 0; p < WARM_PASSES; p++) warm.push(pass());
  warm.sort((a, b) => a - b);
  return { articles: texts.length, mb: round(mb), firstPassMBps: round(first), mbPerSecond: round(warm[Math.floor(warm.length / 2)]) };
}
