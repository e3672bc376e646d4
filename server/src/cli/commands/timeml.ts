// `dateline analyze --format timeml FILE…`: the text with <TIMEX3> tags inserted, everything else byte-identical.
// A TimeML document (TempEval-3 input: <DCT> and <TEXT>) is anchored on its DCT and only its TEXT is tagged;
// any other file is read as a plain article (publication date from the article, else --published).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectStructure } from '../../analysis/structure/detectStructure';
import { findPublication } from '../../analysis/structure/findPublication';
import { splitSentences } from '../../analysis/structure/splitSentences';
import { tagDates } from '../../analysis/dates/tagDates';
import { tagDatesInPlainText } from '../../analysis/dates/plainText';
import { insertTimexes, parseTimeML, timexesOf } from '../../analysis/dates/timeml';
import { listArticleFiles, readArticleFile } from '../../io/articleFiles';
import { CLI_MAX_BYTES, expandPaths } from '../loadInputs';

/** The annotated document for one input text (pure apart from nothing: text in, text out). */
export function timemlFor(source: string, published: string | null): string {
  const doc = parseTimeML(source);
  if (doc) {
    // TempEval's TEXT has no article layout: tag every line, anchored on the DCT (or --published).
    const dates = tagDatesInPlainText(doc.text, doc.dct ?? published);
    return insertTimexes(source, timexesOf(dates), doc.map, doc.maxTid + 1);
  }
  const structure = detectStructure(source);
  const publication = findPublication(source, structure, { published, publishedFrom: 'option' });
  const dates = tagDates(source, splitSentences(source, structure), publication);
  return insertTimexes(source, timexesOf(dates), null, 1);
}

/** Files to annotate: named files as they are; directories give their .tml and article files. */
function listInputs(paths: string[], err: (s: string) => void): string[] {
  return expandPaths(paths, err, (dir) => [
    ...fs.readdirSync(dir).filter((f) => /\.(tml|timeml)$/i.test(f)).sort().map((f) => path.join(dir, f)),
    ...listArticleFiles(dir),
  ]);
}

/**
 * Runs the TimeML export. With `--out DIR` each file is written to DIR under its own name (what the
 * TempEval-3 scorer wants); without it a single file is printed to stdout.
 */
export function runTimeML(paths: string[], published: string | null, outDir: string | null, out: (s: string) => void, err: (s: string) => void): number {
  const files = listInputs(paths, err);
  if (files.length === 0) return 1;
  if (!outDir && files.length > 1) {
    err(`dateline analyze --format timeml: ${files.length} files given; add --out DIR to write one annotated file each`);
    return 2;
  }
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const file of files) {
    const r = readArticleFile(file, CLI_MAX_BYTES);
    if (r.text === null) {
      err(`${file}: ${r.note}`);
      failed++;
      continue;
    }
    const annotated = timemlFor(r.text, published);
    if (outDir) fs.writeFileSync(path.join(outDir, path.basename(file)), annotated);
    else out(annotated.endsWith('\n') ? annotated.slice(0, -1) : annotated);
  }
  return failed ? 1 : 0;
}
