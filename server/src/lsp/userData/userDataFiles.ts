// Where the user's `.dateline/*.json` files live and how they are read; shared by places and factions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** User files larger than this are not read (a dictionary is never near it). */
const MAX_BYTES = 4 * 1024 * 1024;

/** `.dateline/<name>` in a workspace folder (uri), or null for non-file folders. */
export function userDataFilePath(folderUri: string, name: string): string | null {
  try {
    return path.join(fileURLToPath(folderUri), '.dateline', name);
  } catch {
    return null;
  }
}

/** The file's text, or null when it is missing, not a file, unreadable or over the size limit. */
export function readUserDataFile(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return null;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
