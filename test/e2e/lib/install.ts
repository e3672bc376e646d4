// Runs scripts/ci/install-e2e.sh (idempotent: reuses .cache/e2e) and returns the tool paths it prints.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface Tools {
  node24: string;
  codeServerEntry: string;
  chromium: string;
  nvim: string;
}

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Installs (or finds) Node 24, code-server, chromium and neovim; throws with the script's output when it fails. */
export function ensureTools(): Tools {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'ci', 'install-e2e.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/ci/install-e2e.sh failed (exit ${r.status})`);
  const kv = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) kv.set(m[1], m[2]);
  }
  const need = (k: string): string => {
    const v = kv.get(k);
    if (!v) throw new Error(`scripts/ci/install-e2e.sh did not report ${k}`);
    return v;
  };
  return { node24: need('NODE24'), codeServerEntry: need('CODE_SERVER_ENTRY'), chromium: need('CHROMIUM'), nvim: need('NVIM') };
}
