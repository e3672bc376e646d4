// `dateline conflicts [--format text|json] <file|dir>...`: where the articles' sources disagree, as a
// readable report (default) or JSON. Also the conflict finder the other commands share.
import * as path from 'node:path';
import { ArticleClaims, Conflict, findConflicts } from '../../analysis/conflicts';
import { TimelineConflict, toTimelineConflicts } from '../../analysis/timeline';
import { LineIndex } from '../../lsp/lineIndex';
import { reviewedIds } from '../../lsp/conflicts/reviewedFile';
import type { ArticleAnalysis } from '../../analysis';
import type { AnalyzedArticle } from '../loadInputs';

/** What the conflict commands keep of an analysed article: its text (for the report's quotes) and its claims. */
export interface ClaimsArticle {
  file: string;
  text: string;
  analysis: Pick<ArticleAnalysis, 'skipped' | 'publication' | 'claims'>;
}

/** An analysed article without its mentions and sentences, which the conflicts never read. */
export function claimsArticle({ file, text, analysis }: AnalyzedArticle): ClaimsArticle {
  return { file, text, analysis: { skipped: analysis.skipped, publication: analysis.publication, claims: analysis.claims } };
}

/** The articles' claims as the conflict check takes them; an article's uri is its path as given. */
export function claimsOfArticles(articles: ClaimsArticle[]): ArticleClaims[] {
  return articles
    .filter((a) => !a.analysis.skipped)
    .map((a) => ({ uri: a.file.replace(/\\/g, '/'), published: a.analysis.publication.date, claims: a.analysis.claims }));
}

/** Conflicts among analysed articles. */
export function conflictsOfArticles(articles: ClaimsArticle[]): Conflict[] {
  return findConflicts(claimsOfArticles(articles));
}

/** For `dateline timeline`: conflicts in the timeline's shape. */
export function timelineConflicts(articles: ClaimsArticle[]): TimelineConflict[] {
  return toTimelineConflicts(conflictsOfArticles(articles));
}

/** Reviewed marks from `.dateline/reviewed.json` in the current folder and in each folder named. */
export function reviewedFor(positional: string[], cwd: string = process.cwd()): Set<string> {
  const ids = new Set<string>();
  for (const dir of [cwd, ...positional]) reviewedIds(path.resolve(dir)).ids.forEach((id) => ids.add(id));
  return ids;
}

const KIND_LABEL: Record<string, string> = {
  control: 'CONTROL',
  extent: 'EXTENT',
  date: 'DATE',
  casualties: 'DEATH TOLL',
  status: 'STATUS',
  prediction: 'PREDICTION',
};

/** The human report's lines: one block per conflict, each claim with file:line, value, source and its sentence. */
export function conflictsReport(articles: ClaimsArticle[], conflicts: Conflict[], reviewed: Set<string>): string[] {
  const texts = new Map(articles.map((a) => [a.file.replace(/\\/g, '/'), a.text]));
  const lines = new Map<string, LineIndex>();
  const lineOf = (uri: string, offset: number) => {
    const text = texts.get(uri);
    if (text === undefined) return 0;
    let idx = lines.get(uri);
    if (!idx) lines.set(uri, (idx = new LineIndex(text)));
    return idx.rangeOf({ start: offset, end: offset }).start.line + 1;
  };
  const open = conflicts.filter((c) => !reviewed.has(c.id));
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const out: string[] = [];
  const predictions = open.filter((c) => c.kind === 'prediction').length;
  const head = `${n(open.length - predictions, 'conflict')}${predictions ? ` and ${n(predictions, 'prediction check')}` : ''} among ${n(articles.length, 'article')}`;
  out.push(reviewed.size && conflicts.length > open.length ? `${head} (${conflicts.length - open.length} reviewed, not shown)` : head);
  for (const c of open) {
    out.push('', `${KIND_LABEL[c.kind] ?? c.kind.toUpperCase()}  ${oneLine(c.message)}`, `  id ${c.id}`);
    for (const x of c.claims) {
      const text = texts.get(x.uri) ?? '';
      const sentence = oneLine(text.slice(x.range.start, x.range.end));
      out.push(`  ${x.uri}:${lineOf(x.uri, x.range.start)}  ${oneLine(x.value)} (${oneLine(x.source.name)})`, `      "${sentence.length > 160 ? sentence.slice(0, 157) + '...' : sentence}"`);
    }
  }
  return out;
}

/** Article text is untrusted: no control characters or line breaks into the terminal. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}
