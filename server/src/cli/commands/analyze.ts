// `dateline analyze [--format json] [--published YYYY-MM-DD] <file|dir>...`
import { analyzeArticles, ArticleAnalysis, Knowledge } from '../../analysis';
import { Input } from '../loadInputs';
import { conflictsOfArticles } from './conflicts';

export interface AnalyzedArticle {
  file: string;
  text: string;
  analysis: ArticleAnalysis;
}

export function analyzeInputs(inputs: Input[], knowledge: Knowledge, published: string | null): AnalyzedArticle[] {
  // In batches (analyzeArticles): the same analyses, faster over many files.
  const analyses = analyzeArticles(inputs.map((i) => i.text), knowledge, { published, publishedFrom: 'option' });
  return inputs.map((i, k) => ({ file: i.file, text: i.text, analysis: analyses[k] }));
}

/** The JSON document scripts rely on: field names here are a contract (add, never rename or drop). */
export function analyzeJson(articles: AnalyzedArticle[]): object {
  return {
    articles: articles.map(({ file, analysis }) => ({
      file,
      published: analysis.publication.date,
      publishedFrom: analysis.publication.from,
      headline: analysis.headline,
      skipped: analysis.skipped,
      mentions: analysis.mentions,
      claims: analysis.claims,
    })),
    // Where the articles' sources disagree (kind, claims, files, ranges, sources, values).
    conflicts: conflictsOfArticles(articles),
  };
}
