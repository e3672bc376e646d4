// Reads `dateline.*` settings per resource from the client; never cached in globals beyond one request.
import { Connection } from 'vscode-languageserver';
import { Minimatch } from 'minimatch';
import { DatelineSettings, DEFAULT_SETTINGS } from '../protocol';

/** Resources whose settings are remembered; the least recently asked are dropped beyond this (no leak per URI). */
const MAX_CACHED = 256;

export class Settings {
  private supported = false;
  private readonly cache = new Map<string, Promise<DatelineSettings>>();

  constructor(private readonly connection: Connection) {}

  enable(configurationSupported: boolean): void {
    this.supported = configurationSupported;
  }

  /** Called on workspace/didChangeConfiguration. */
  reset(): void {
    this.cache.clear();
  }

  forResource(uri: string): Promise<DatelineSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let p = this.cache.get(uri);
    if (p) {
      // Most recently used last, so the oldest entry is the one dropped.
      this.cache.delete(uri);
      this.cache.set(uri, p);
      return p;
    }
    p = this.connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'dateline' })
      .then((raw) => normalise(raw), () => DEFAULT_SETTINGS);
    this.cache.set(uri, p);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return p;
  }
}

/** Settings from the client are user input: keep what is well-formed, default the rest. */
export function normalise(raw: unknown): DatelineSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    articleGlobs: Array.isArray(r.articleGlobs) ? r.articleGlobs.filter((g): g is string => typeof g === 'string') : DEFAULT_SETTINGS.articleGlobs,
    maxFileSizeKB: typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB,
    defaultPublished: typeof r.defaultPublished === 'string' ? r.defaultPublished : DEFAULT_SETTINGS.defaultPublished,
    inlayHints: typeof r.inlayHints === 'boolean' ? r.inlayHints : DEFAULT_SETTINGS.inlayHints,
    conflictSeverity: r.conflictSeverity && typeof r.conflictSeverity === 'object' ? (r.conflictSeverity as DatelineSettings['conflictSeverity']) : {},
  };
}

/** True when the file path matches one of the article globs. */
export function matchesGlobs(uri: string, globs: string[]): boolean {
  if (globs.length === 0) return false;
  let path = uri;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    // not a URL: match the raw string
  }
  return globs.some((g) => compiled(g).match(path));
}

// Compiled globs, reused across the thousands of files an index run checks (bounded: globs come from settings).
const globCache = new Map<string, Minimatch>();

function compiled(glob: string): Minimatch {
  let m = globCache.get(glob);
  if (!m) {
    if (globCache.size >= 64) globCache.clear();
    m = new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') });
    globCache.set(glob, m);
  }
  return m;
}
