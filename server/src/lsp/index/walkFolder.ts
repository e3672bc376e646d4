// Lists the candidate article files of a workspace folder without blocking the server:
// one directory per turn of the event loop, dependency and version-control folders skipped with a reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTICLE_EXTENSIONS } from '../../io/articleFiles';

/** Folders never indexed, with the reason logged to the user. */
export const SKIPPED_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['node_modules', 'installed packages, not articles'],
  ['.git', 'version control data'],
  ['.hg', 'version control data'],
  ['.svn', 'version control data'],
  ['.dateline', "Dateline's own data (read separately)"],
]);

export interface WalkResult {
  files: string[];
  /** Folders left out, each with why. */
  skippedFolders: { path: string; reason: string }[];
}

/** True when the file is a candidate article: an article extension, or matched by the user's globs. */
export type FileFilter = (file: string) => boolean;

export function hasArticleExtension(file: string): boolean {
  return ARTICLE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** True when a path lies inside a skipped folder (used for file-watcher events). */
export function inSkippedFolder(file: string): boolean {
  return file.split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part));
}

/**
 * Walks `root` breadth-first with async readdir, so each directory read yields to pending requests.
 * `cancelled` is polled between directories. Symbolic links to folders are not followed (cycles).
 */
export async function walkFolder(root: string, accept: FileFilter, cancelled: () => boolean): Promise<WalkResult> {
  const files: string[] = [];
  const skippedFolders: { path: string; reason: string }[] = [];
  const queue = [root];
  while (queue.length > 0 && !cancelled()) {
    const dir = queue.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
      skippedFolders.push({ path: dir, reason: `cannot read folder: ${(err as Error).message}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        const reason = SKIPPED_FOLDERS.get(e.name);
        if (reason) skippedFolders.push({ path: full, reason });
        else queue.push(full);
      } else if (e.isFile() && accept(full)) {
        files.push(full);
      }
    }
  }
  return { files, skippedFolders };
}
