// Starts code-server (VS Code in the browser) on 127.0.0.1 with its own data and extension folders,
// with the extension installed from the packaged .vsix, and stops it again.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Tools } from './install';
import { waitFor } from './poll';

export interface CodeServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Immediate, synchronous kill of its process group (for the run's time limit). */
  kill(): void;
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released for code-server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function baseArgs(tmp: string): string[] {
  // An empty config file of our own: code-server would otherwise write ~/.config/code-server/config.yaml.
  const config = path.join(tmp, 'config.yaml');
  if (!fs.existsSync(config)) fs.writeFileSync(config, 'auth: none\n');
  return ['--config', config, '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];
}

function env(tmp: string): NodeJS.ProcessEnv {
  // Keep code-server's own files (logs, heartbeat) inside the temp folder, and its Node on PATH.
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
  };
}

/** Installs the .vsix into a fresh extensions folder (the web client ignores --extensionDevelopmentPath). */
export function installExtension(tools: Tools, tmp: string, vsix: string): string {
  const r = spawnSync(tools.node24, [tools.codeServerEntry, ...baseArgs(tmp), '--install-extension', vsix, '--force'], { encoding: 'utf8', env: env(tmp) });
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  return out.trim().split('\n').filter((l) => /install/i.test(l)).join(' ');
}

/** Starts code-server on a random free port and waits until /healthz answers. */
export async function startCodeServer(tools: Tools, tmp: string, logFile: string, user: Record<string, unknown>): Promise<CodeServer> {
  const settingsDir = path.join(tmp, 'user-data', 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify(user, null, 2));
  const port = await freePort();
  const log = fs.openSync(logFile, 'w');
  const args = [
    tools.codeServerEntry,
    ...baseArgs(tmp),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child: ChildProcess = spawn(tools.node24, args, { env: env(tmp), stdio: ['ignore', log, log], detached: true });
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${port}`;
  await waitFor('code-server to answer /healthz', async () => {
    if (exited !== null) throw new Error(`code-server exited with ${exited}; see ${logFile}`);
    const res = await fetch(`${url}/healthz`).catch(() => null);
    return res?.ok ?? false;
  }, { timeout: 60_000, interval: 250 });
  return {
    url,
    port,
    kill() {
      try {
        if (child.pid !== undefined && exited === null) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
    async stop() {
      if (exited !== null || child.pid === undefined) return;
      // Its own process group: the extension host and our language server go with it.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await waitFor('code-server to exit', () => exited !== null, { timeout: 10_000 }).catch(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      });
      fs.closeSync(log);
    },
  };
}
