// The public face of the pure analysis core: text in, plain data out.
export * from './types';
export { analyzeArticle, analyzeArticles, emptyAnalysis } from './analyzeArticle';
export { detectStructure, looksLikeArticle } from './structure/detectStructure';
export type { Knowledge } from './knowledge';
