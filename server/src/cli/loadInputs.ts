// Resolves CLI paths to article files, and reads and analyses them a batch at a time.
import * as fs from 'node:fs';
import { analyzeArticles, ArticleAnalysis, Knowledge } from '../analysis';
import { listArticleFiles, readArticleFile } from '../io/articleFiles';

export const CLI_MAX_BYTES = 50 * 1024 * 1024;

export interface AnalyzedArticle {
  file: string;
  text: string;
  analysis: ArticleAnalysis;
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

/** Files read and analysed per analyzeArticles call: as many as an index worker hands it. */
const BATCH = 32;

/**
 * Each file read, analysed and handed on in turn (unreadable ones go to `warn` and are left out). Nothing is
 * kept here: a command keeps what it needs of each article. Holding every analysis at once ran
 * `dateline timeline` over 10,000 articles (39 MB) out of memory (4 GB heap, after 89 s).
 */
export function* analyzedArticles(files: string[], knowledge: Knowledge, published: string | null, warn: (msg: string) => void): Generator<AnalyzedArticle> {
  for (let from = 0; from < files.length; from += BATCH) {
    const batch: { file: string; text: string }[] = [];
    for (const file of files.slice(from, from + BATCH)) {
      const r = readArticleFile(file, CLI_MAX_BYTES);
      if (r.note) warn(`${file}: ${r.note}`);
      if (r.text !== null) batch.push({ file, text: r.text });
    }
    // In batches (analyzeArticles): the same analyses as one by one, faster over many files.
    const analyses = analyzeArticles(batch.map((b) => b.text), knowledge, { published, publishedFrom: 'option' });
    for (let i = 0; i < batch.length; i++) yield { file: batch[i].file, text: batch[i].text, analysis: analyses[i] };
  }
}
