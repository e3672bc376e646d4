// What has landed in the project tree, so a step whose feature is not built yet says "skipped: <why>"
// instead of failing (or passing) for the wrong reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './install';

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
  };
}

export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** The id of the contributed command with this palette label ("Dateline: Show map"), or null. */
export function commandWithLabel(label: string): string | null {
  const c = manifest().contributes?.commands?.find((x) => (x.category ? `${x.category}: ${x.title}` : x.title) === label);
  return c?.command ?? null;
}

/** The activity-bar container with this id, or null. */
export function activityBarContainer(id: string): { id: string; title: string } | null {
  return manifest().contributes?.viewsContainers?.activitybar?.find((c) => c.id === id) ?? null;
}

/** Names of the views contributed to a container. */
export function viewNames(container: string): string[] {
  return (manifest().contributes?.views?.[container] ?? []).map((v) => v.name);
}

export function exists(rel: string): boolean {
  return fs.existsSync(path.join(ROOT, rel));
}

/** Files under `dir` (relative to the root) whose name matches `re`. */
export function filesMatching(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (re.test(e.name)) out.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}
