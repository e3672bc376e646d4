// `dateline analyze [--format json] [--published YYYY-MM-DD] <file|dir>...`
import { arrayPieces } from '../../analysis/timeline';
import type { AnalyzedArticle } from '../loadInputs';
import { ClaimsArticle, claimsArticle, conflictsOfArticles } from './conflicts';

/**
 * The JSON document scripts rely on: field names here are a contract (add, never rename or drop). Written as
 * each article is analysed (the text of `JSON.stringify(doc, null, 2)`, in pieces): only the claims are kept,
 * for the conflicts at the end.
 */
export function* analyzeJsonPieces(articles: Iterable<AnalyzedArticle>): Generator<string> {
  const kept: ClaimsArticle[] = [];
  const entries = function* () {
    for (const a of articles) {
      kept.push(claimsArticle(a));
      const { file, analysis } = a;
      yield {
        file,
        published: analysis.publication.date,
        publishedFrom: analysis.publication.from,
        headline: analysis.headline,
        skipped: analysis.skipped,
        mentions: analysis.mentions,
        claims: analysis.claims,
      };
    }
  };
  yield '{\n  "articles": ';
  yield* arrayPieces(entries(), '  ');
  // Where the articles' sources disagree (kind, claims, files, ranges, sources, values).
  yield ',\n  "conflicts": ';
  yield* arrayPieces(conflictsOfArticles(kept), '  ');
  yield '\n}';
}
