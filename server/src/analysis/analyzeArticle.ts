import { ArticleAnalysis, AnalyzeOptions, Mention, Span } from './types';
import { Knowledge } from './knowledge';
import { detectStructure } from './structure/detectStructure';
import { findPublication } from './structure/findPublication';
import { splitSentences } from './structure/splitSentences';
import { tagDates } from './dates/tagDates';
import { findPlaces } from './places/findPlaces';
import { findFactions, findSources, resolveFactionReferences } from './factions/findFactions';
import { extractClaims } from './claims/extractClaims';
import { checkInput } from './inputCheck';

/**
 * Analyses one article: structure, publication date, sentences, mentions and claims.
 * Never throws: an input it cannot handle comes back with `skipped` set.
 */
export function analyzeArticle(text: string, knowledge: Knowledge, options: AnalyzeOptions = {}): ArticleAnalysis {
  const problem = checkInput(text);
  if (problem) return emptyAnalysis(typeof text === 'string' ? text.length : 0, problem);
  try {
    return analyzeChecked(text, knowledge, options);
  } catch (err) {
    // A bug in one stage must not take the editor down; report it as a skip with the reason.
    return emptyAnalysis(text.length, `internal error while analysing: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function analyzeChecked(text: string, knowledge: Knowledge, options: AnalyzeOptions): ArticleAnalysis {
  const structure = detectStructure(text);
  const publication = findPublication(text, structure, options);
  const sentences = splitSentences(text, structure);

  const dates = tagDates(text, sentences, publication);
  const factions = findFactions(text, sentences, knowledge.factions, { publication, blocked: dates });
  const places = findPlaces(text, sentences, knowledge.places, {
    blocked: mergeSpans(dates, factions),
    datelineCity: structure.datelineCity,
    dateline: structure.dateline,
  });
  const taken = mergeSpans(dates, factions, places);
  const resolved = resolveFactionReferences(text, sentences, knowledge.factions, factions, places, taken, publication);
  const sources = findSources(text, sentences, knowledge.factions, structure.agency, mergeSpans(taken, resolved), { actors: [...factions, ...resolved], structure });

  const mentions: Mention[] = [...dates, ...factions, ...places, ...resolved, ...sources].sort(byStart);
  const claims = extractClaims({ text, sentences, mentions, publication, agency: structure.agency });
  const headline = structure.headline ? text.slice(structure.headline.start, structure.headline.end) : null;
  return { skipped: null, length: text.length, structure, publication, headline, sentences, mentions, claims, diagnostics: [] };
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

function mergeSpans(...lists: Span[][]): Span[] {
  return lists.flat().sort(byStart);
}

export function emptyAnalysis(length: number, skipped: string | null): ArticleAnalysis {
  return {
    skipped,
    length,
    structure: { headline: null, sourceLine: null, dateline: null, agency: null, datelineCity: null, sections: [] },
    publication: { date: null, time: null, from: 'none', evidence: null },
    headline: null,
    sentences: [],
    mentions: [],
    claims: [],
    diagnostics: [],
  };
}
