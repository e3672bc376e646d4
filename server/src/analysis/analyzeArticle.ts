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
  // Each merge extends the previous one rather than merging every stage's list again: the order comes out
  // the same (ties in stage order), and no consumer changes the lists it is given.
  const datesAndFactions = mergeSpans(dates, factions);
  const places = findPlaces(text, sentences, knowledge.places, {
    blocked: datesAndFactions,
    datelineCity: structure.datelineCity,
    dateline: structure.dateline,
  });
  const taken = extendSpans(datesAndFactions, places);
  const resolved = resolveFactionReferences(text, sentences, knowledge.factions, factions, places, taken, publication);
  const takenOrResolved = extendSpans(taken, resolved);
  const sources = findSources(text, sentences, knowledge.factions, structure.agency, takenOrResolved, { actors: [...factions, ...resolved], structure });

  const mentions = extendSpans(takenOrResolved, sources) as Mention[];
  const claims = extractClaims({ text, sentences, mentions, publication, agency: structure.agency });
  const headline = structure.headline ? text.slice(structure.headline.start, structure.headline.end) : null;
  return { skipped: null, length: text.length, structure, publication, headline, sentences, mentions, claims, diagnostics: [] };
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

function mergeSpans(a: Span[], b: Span[]): Span[] {
  // Each stage's list is already in order: merge them in one pass (ties keep list order, exactly as a
  // stable sort of the concatenation would); any list out of order falls back to that sort.
  if (!inOrder(a)) return [...a, ...b].sort(byStart);
  return extendSpans(mergeTwo([], a), b);
}

/**
 * mergeSpans for a list that came out of a merge, so is in order already: only the new list is checked
 * (reading every mention's offsets again, of four kinds and seven object shapes, for each stage).
 */
function extendSpans(merged: Span[], list: Span[]): Span[] {
  if (!inOrder(list)) return [...merged, ...list].sort(byStart);
  return mergeTwo(merged, list);
}

function inOrder(list: Span[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStart(list[i - 1], list[i]) > 0) return false;
  return true;
}

function mergeTwo(a: Span[], b: Span[]): Span[] {
  if (!a.length) return b.slice();
  if (!b.length) return a;
  const out: Span[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byStart(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
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
