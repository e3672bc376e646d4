// Loads a CommonJS bundle with a V8 code cache, as editors do for their own code: the language server's entry
// (server/src/serverEntry.ts, dist/server.js) loads the server bundle (dist/server-main.js) this way. Compiling the 1.2 MB bundle and the functions the first
// analysis runs is a third of a cold start; with the cache from an earlier start, V8 reuses that work.
// The cache is a file in the temp folder, keyed by the bundle's size and time and the Node version; any
// failure (unreadable, rejected, unwritable) only means compiling as usual. Stays tiny: no other imports.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import Module from 'node:module';
import { isMainThread } from 'node:worker_threads';

/** How long after start the cache is written: by then the first analysis has compiled what it needs. */
const WRITE_AFTER_MS = 3000;

/** The cache file for a bundle as it is now (another build or Node version gets another file). */
export function cacheFileFor(bundle: string, dir = path.join(os.tmpdir(), 'dateline-code-cache')): string | null {
  try {
    const st = fs.statSync(bundle);
    const key = `${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`.replace(/[^\w.-]/g, '_');
    return path.join(dir, `${path.basename(bundle, '.js')}-${key}.bin`);
  } catch {
    return null;
  }
}

function readCache(file: string | null): Buffer | undefined {
  try {
    return file ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (a half-written file must never be read by another starting server). */
function writeCache(file: string, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    // No cache next time: nothing else depends on it.
  }
}

/** Runs a CommonJS bundle as a module of its own, compiled with the cache when one fits. */
export function loadWithCodeCache(bundle: string, cacheDir?: string): void {
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileFor(bundle, cacheDir);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const fresh = !cachedData || script.cachedDataRejected === true;
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundle));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  if (fresh && cacheFile && isMainThread) {
    // Written once the server has done real work (or when it exits before), so the functions it compiled
    // lazily are in the cache too.
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(cacheFile, script.createCachedData());
    };
    setTimeout(write, WRITE_AFTER_MS).unref();
    process.once('exit', write);
  }
}
