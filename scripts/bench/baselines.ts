// The libraries users would otherwise reach for, on the same text: chrono-node's parse (dates) and
// compromise's places(). Each runs in a child process with a time limit, since chrono is super-linear
// on long texts and a synchronous call cannot be interrupted in-process.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { round, sizeMB } from './stats';

export interface BaselineRow {
  library: string;
  mode: string;
  mb: number;
  seconds: number | null;
  mbPerSecond: number | null;
  note: string | null;
}

const SCRIPT = `
const fs = require('node:fs');
const [lib, mode, file] = process.argv.slice(1);
const texts = JSON.parse(fs.readFileSync(file, 'utf8'));
const run = lib === 'chrono' ? ((t) => require('chrono-node').parse(t)) : ((t) => require('compromise')(t).places().out('array'));
run('warm up on Friday, Sept. 1 in Damascus');
const inputs = mode === 'whole' ? [texts.join('\\n\\n')] : texts;
// One article at a time is quick: the median of a few passes, as for Dateline's own 1 MB figure.
const passes = mode === 'whole' ? 1 : Number(process.env.BASELINE_PASSES || 1);
const times = [];
let found = 0;
for (let p = 0; p < passes; p++) {
  const t0 = process.hrtime.bigint();
  found = 0;
  for (const t of inputs) found += run(t).length;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ ms: times[Math.floor(times.length / 2)], found, passes }));
`;

/** Runs one library over the texts (one at a time, or joined into one text) within `limitSeconds`. */
export function baseline(library: 'chrono' | 'compromise', mode: 'per-article' | 'whole', texts: string[], limitSeconds: number, cwd: string, passes = 1): BaselineRow {
  const label = library === 'chrono' ? 'chrono-node parse' : 'compromise places()';
  const mb = round(sizeMB(texts));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-')), 'texts.json');
  fs.writeFileSync(file, JSON.stringify(texts));
  try {
    const env = { ...process.env, BASELINE_PASSES: String(passes) };
    const r = spawnSync(process.execPath, ['-e', SCRIPT, library, mode === 'whole' ? 'whole' : 'each', file], { cwd, env, timeout: limitSeconds * 1000, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.error || r.status !== 0) {
      const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
      return { library: label, mode, mb, seconds: null, mbPerSecond: null, note: timedOut ? `gave up after ${limitSeconds} s` : `failed: ${(r.stderr || String(r.error)).slice(0, 200)}` };
    }
    const { ms, passes: ran } = JSON.parse(r.stdout) as { ms: number; passes: number };
    return { library: label, mode, mb, seconds: round(ms / 1000), mbPerSecond: round(sizeMB(texts) / (ms / 1000), 3), note: ran > 1 ? `median of ${ran} passes` : null };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
