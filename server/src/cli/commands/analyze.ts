// `dateline analyze [--format json] [--published YYYY-MM-DD] <file|dir>...`
import { analyzeArticle, ArticleAnalysis, Knowledge } from '../../analysis';
import { Input } from '../loadInputs';
import { conflictsOfArticles } from './conflicts';

export interface AnalyzedArticle {
  file: string;
  text: string;
  analysis: ArticleAnalysis;
}

export function analyzeInputs(inputs: Input[], knowledge: Knowledge, published: string | null): AnalyzedArticle[] {
  return inputs.map((i) => ({ file: i.file, text: i.text, analysis: analyzeArticle(i.text, knowledge, { published, publishedFrom: 'option' }) }));
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
