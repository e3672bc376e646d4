// Writes a user data file (.dateline/*.json) so that a crash or a full disk never leaves it half written:
// write a temporary file next to it, then rename over the original (atomic on the same file system).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes `text` to `file` atomically (creating its folder); returns an error message or null. */
export function writeFileAtomically(file: string, text: string): string | null {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
    return null;
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the temporary file may never have been created
    }
    return `cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
