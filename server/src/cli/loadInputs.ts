// Resolves CLI paths to article texts: files named are taken as they are, directories are walked.
import * as fs from 'node:fs';
import { listArticleFiles, readArticleFile } from '../io/articleFiles';

export const CLI_MAX_BYTES = 50 * 1024 * 1024;

export interface Input {
  file: string;
  text: string;
}

/** Files named are taken as they are; a directory gives `filesIn(dir)`; missing paths are reported to `warn`. */
export function expandPaths(paths: string[], warn: (msg: string) => void, filesIn: (dir: string) => string[] = listArticleFiles): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      warn(`${p}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) files.push(...filesIn(p));
    else files.push(p);
  }
  return files;
}

/** Reads every input; problems go to `warn` (stderr) and the file is left out. */
export function loadInputs(paths: string[], warn: (msg: string) => void): Input[] {
  const files = expandPaths(paths, warn);
  const out: Input[] = [];
  for (const f of files) {
    const r = readArticleFile(f, CLI_MAX_BYTES);
    if (r.note) warn(`${f}: ${r.note}`);
    if (r.text !== null) out.push({ file: f, text: r.text });
  }
  return out;
}
