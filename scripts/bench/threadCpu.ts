// CPU time of a process split by thread (Linux /proc), sampled while it runs: index workers exit before the run
// ends, so the last sample of each thread is kept. Tells the index's own work (main thread, index workers) from
// the engine's helper threads (optimising compiler, garbage collector), which the process total mixes in.
import * as fs from 'node:fs';
import { INDEX_WORKER_THREAD_NAME } from '../../server/src/lsp/index/indexWorkers';

export interface ThreadCpu {
  /** Seconds of CPU in the main thread, in the index workers and in every other thread (V8's compiler and collector, libuv). */
  main: number;
  indexWorkers: number;
  other: number;
}

/** Samples a process's threads every `everyMs` until stop() is called, which returns the split (null off Linux). */
export function sampleThreadCpu(pid: number, everyMs = 200): { stop(): ThreadCpu | null } {
  const last = new Map<string, { name: string; seconds: number }>();
  let readable = true;
  const sample = () => {
    try {
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        try {
          const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          last.set(tid, { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
        } catch {
          // The thread ended between the listing and the read: its previous sample stands.
        }
      }
    } catch {
      readable = false;
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      if (!readable && last.size === 0) return null;
      const split: ThreadCpu = { main: 0, indexWorkers: 0, other: 0 };
      for (const [tid, t] of last) {
        if (tid === String(pid)) split.main += t.seconds;
        else if (t.name === INDEX_WORKER_THREAD_NAME) split.indexWorkers += t.seconds;
        else split.other += t.seconds;
      }
      return { main: round1(split.main), indexWorkers: round1(split.indexWorkers), other: round1(split.other) };
    },
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
