// Finding and reading article files on disk, shared by the CLI and the workspace indexer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from './decodeText';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.news', '.article'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.dateline', 'dist', 'out']);

export interface ReadResult {
  file: string;
  text: string | null;
  /** Reason the file was skipped, or a note about its decoding. */
  note: string | null;
}

/** Every article file under a directory (sorted), skipping node_modules, .git and friends. */
export function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) walk(full);
      } else if (e.isFile() && ARTICLE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

/** Reads one file as text; binary, oversized and unreadable files come back with text null and a reason. */
export function readArticleFile(file: string, maxBytes: number): ReadResult {
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { file, text: null, note: `file is ${Math.round(size / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit: skipped` };
    const decoded = decodeText(fs.readFileSync(file));
    return { file, text: decoded.text, note: decoded.note };
  } catch (err) {
    return { file, text: null, note: `cannot read: ${(err as Error).message}` };
  }
}
