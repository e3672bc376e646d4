// `.dateline/reviewed.json` in a workspace folder: conflicts the user marked as reviewed, by conflict id.
// Read tolerantly (a hand-edited or broken file never stops the server), written atomically
// (temp file + rename) and keeping fields this version does not know.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReviewedEntry {
  kind?: string;
  message?: string;
  reviewedAt?: string;
  [other: string]: unknown;
}

interface ReviewedFileData {
  version?: number;
  reviewed?: Record<string, ReviewedEntry>;
  [other: string]: unknown;
}

export function reviewedPath(folder: string): string {
  return path.join(folder, '.dateline', 'reviewed.json');
}

/** The file's contents, or an empty record when it is missing or not valid JSON. */
export function readReviewed(folder: string): { data: ReviewedFileData; problem: string | null } {
  const file = reviewedPath(folder);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return { data: {}, problem: null };
  }
  try {
    const parsed = JSON.parse(raw.replace(/^\uFEFF/, '')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { data: {}, problem: `${file}: not a JSON object, ignored` };
    const data = parsed as ReviewedFileData;
    if (data.reviewed !== undefined && (typeof data.reviewed !== 'object' || data.reviewed === null || Array.isArray(data.reviewed))) {
      return { data: { ...data, reviewed: {} }, problem: `${file}: "reviewed" is not an object, ignored` };
    }
    return { data, problem: null };
  } catch (err) {
    return { data: {}, problem: `${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Ids marked as reviewed in the folder's file. */
export function reviewedIds(folder: string): { ids: Set<string>; problem: string | null } {
  const { data, problem } = readReviewed(folder);
  return { ids: new Set(Object.keys(data.reviewed ?? {})), problem };
}

/** Marks or un-marks one conflict; re-reads the file first so concurrent edits by hand are kept. */
export function writeReviewed(folder: string, conflictId: string, entry: ReviewedEntry | null): void {
  const file = reviewedPath(folder);
  const { data, problem } = readReviewed(folder);
  // Never overwrite a file we could not understand: the user may be editing it.
  if (problem && fs.existsSync(file)) throw new Error(`${problem}; not overwritten`);
  const reviewed = { ...(data.reviewed ?? {}) };
  if (entry) reviewed[conflictId] = { ...(reviewed[conflictId] ?? {}), ...entry };
  else delete reviewed[conflictId];
  const next: ReviewedFileData = { ...data, version: data.version ?? 1, reviewed };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(next, null, 2) + '\n');
    fs.renameSync(temp, file);
  } catch (err) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
    throw err;
  }
}
