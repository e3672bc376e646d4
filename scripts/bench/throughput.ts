// Throughput of the core: the full analysis (analyzeArticles, and analyzeArticle one by one) on 1, 10 and 50 MB of generated wire copy,
// and each stage alone (structure, dates, factions, places, sources, claims) on the same text.
import { analyzeArticle, analyzeArticles, Knowledge, Mention, Span } from '../../server/src/analysis';
import { detectStructure } from '../../server/src/analysis/structure/detectStructure';
import { findPublication } from '../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../server/src/analysis/structure/splitSentences';
import { tagDates } from '../../server/src/analysis/dates/tagDates';
import { findPlaces } from '../../server/src/analysis/places/findPlaces';
import { findFactions, findSources, resolveFactionReferences } from '../../server/src/analysis/factions/findFactions';
import { extractClaims } from '../../server/src/analysis/claims/extractClaims';
import { WORKER_BATCH } from '../../server/src/lsp/index/indexWorkers';
import { now, round, sizeMB } from './stats';

/** Timed passes over the smallest (1 MB) corpus, the one the targets are stated on. */
const SMALL_CORPUS_PASSES = 11;
/**
 * Untimed passes first (each batched and one at a time): the optimising compiler was still at work after 3 MB
 * (passes 3-5 of a fresh process ran at 7.6-9.5 MB/s, later ones at 11-13 in the same quiet spell).
 */
const WARM_UP_PASSES = 8;

export interface ThroughputRow {
  corpusMB: number;
  articles: number;
  /** null when skipped for the time budget. */
  seconds: number | null;
  mbPerSecond: number | null;
  note: string | null;
}

/**
 * Articles handed to analyzeArticles per call: as many as an index worker hands it (the bulk of the analysis a
 * user's machine does), and each call's results dropped before the next, as the worker drops them once packed.
 * The call size matters beyond analyzeArticles' own batching: results held for 256 articles at a time outlive
 * the young generation, and the 1 MB corpus ran at 6.4-7.1 MB/s of CPU against 8.0-8.9 in calls of 16
 * (same process, alternated passes).
 */
const CALL = WORKER_BATCH;

/** The full analysis of a corpus as the index analyses many files: analyzeArticles, in calls of WORKER_BATCH articles. */
function analyseBatched(articles: string[], knowledge: Knowledge): void {
  for (let i = 0; i < articles.length; i += CALL) analyzeArticles(articles.slice(i, i + CALL), knowledge);
}

/** The full analysis one article at a time (analyzeArticle: what an edit in the open article runs). */
function analyseEach(articles: string[], knowledge: Knowledge): void {
  for (const a of articles) analyzeArticle(a, knowledge);
}

/**
 * Seconds of `passes` timed runs back to back: { median, total }. No forced collection before a pass: a full
 * collection made V8 throw away optimised analysis code whose embedded objects had died ("weak objects"
 * deopts: ~20 recompiles a pass against 2-5 without; 12 MB analysed in a row met one full collection on
 * its own), so each pass timed the engine recompiling. Same process, alternated sets of 5
 * passes on the 1 MB corpus: batched 3.6-4.7 MB/s with a collection before each against 5.3-7.0 without;
 * one at a time 3.0-3.8 against 4.1-6.7. An index worker never forces one, so the figure without is the one
 * users get; the collector's own work during a pass is counted either way.
 */
function timedPasses(passes: number, run: () => void): { median: number; total: number } {
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = now();
    run();
    times.push((now() - t0) / 1000);
  }
  return { median: times.sort((a, b) => a - b)[Math.floor(times.length / 2)], total: times.reduce((a, b) => a + b, 0) };
}

/** MB/s of analyzeArticle article by article on one corpus (median of passes, after the warm-up fullAnalysis did). */
export function oneAtATime(articles: string[], knowledge: Knowledge): number {
  return round(sizeMB(articles) / timedPasses(SMALL_CORPUS_PASSES, () => analyseEach(articles, knowledge)).median);
}

/** Full analysis (batched, as an index worker runs it) over each corpus; sizes whose estimate exceeds the remaining budget are skipped and said so. */
export function fullAnalysis(corpora: { mb: number; articles: string[] }[], knowledge: Knowledge, budgetSeconds: number): ThroughputRow[] {
  // Warm-up: untimed passes over the smallest corpus, so every size is measured in steady state (with 60
  // articles only, the 1 MB row measured mostly the JIT's tiering: half the MB/s of the 10 MB row; after one
  // pass, the next few still varied from 2.7 to 4.3 MB/s of CPU time).
  for (let p = 0; p < WARM_UP_PASSES; p++) {
    analyseBatched(corpora[0].articles, knowledge);
    analyseEach(corpora[0].articles, knowledge);
  }
  const rows: ThroughputRow[] = [];
  let spent = 0;
  let rate: number | null = null;
  for (const { mb, articles } of corpora) {
    const size = sizeMB(articles);
    const estimate = rate ? size / rate : 0;
    if (rate && spent + estimate > budgetSeconds) {
      rows.push({ corpusMB: mb, articles: articles.length, seconds: null, mbPerSecond: null, note: `skipped: ~${Math.round(estimate)} s at ${round(rate)} MB/s exceeds the bench's time budget` });
      continue;
    }
    // The smallest corpus takes well under a second a pass: the median of a few passes, so one pass caught by
    // the JIT's tiering or a busy neighbour does not make the figure; larger ones run once.
    const passes = rows.length === 0 ? SMALL_CORPUS_PASSES : 1;
    const { median: seconds, total } = timedPasses(passes, () => analyseBatched(articles, knowledge));
    spent += total;
    rate = size / seconds;
    rows.push({ corpusMB: mb, articles: articles.length, seconds: round(seconds), mbPerSecond: round(rate), note: passes > 1 ? `median of ${passes} passes` : null });
  }
  return rows;
}

export type StageName = 'structure' | 'dates' | 'factions' | 'places' | 'sources' | 'claims';
export type StageTimes = Record<StageName, number>;

/** The pipeline of analyzeArticle, stage by stage with a clock on each (kept in step with analyzeArticle.ts). */
export function stageTimes(articles: string[], knowledge: Knowledge): { mb: number; mbPerSecond: StageTimes; share: StageTimes } {
  const ms: StageTimes = { structure: 0, dates: 0, factions: 0, places: 0, sources: 0, claims: 0 };
  const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
  const merge = (...lists: Span[][]) => lists.flat().sort(byStart);
  for (const text of articles) {
    let t = now();
    const lap = (stage: StageName) => {
      const n = now();
      ms[stage] += n - t;
      t = n;
    };
    const structure = detectStructure(text);
    const publication = findPublication(text, structure, {});
    const sentences = splitSentences(text, structure);
    lap('structure');
    const dates = tagDates(text, sentences, publication);
    lap('dates');
    const factions = findFactions(text, sentences, knowledge.factions, { publication, blocked: dates });
    lap('factions');
    const places = findPlaces(text, sentences, knowledge.places, { blocked: merge(dates, factions), datelineCity: structure.datelineCity, dateline: structure.dateline });
    lap('places');
    const taken = merge(dates, factions, places);
    const resolved = resolveFactionReferences(text, sentences, knowledge.factions, factions, places, taken, publication);
    lap('factions');
    const sources = findSources(text, sentences, knowledge.factions, structure.agency, merge(taken, resolved), { actors: [...factions, ...resolved], structure });
    lap('sources');
    const mentions = [...dates, ...factions, ...places, ...resolved, ...sources].sort(byStart) as Mention[];
    extractClaims({ text, sentences, mentions, publication, agency: structure.agency });
    lap('claims');
  }
  const mb = sizeMB(articles);
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  const rate = {} as StageTimes;
  const share = {} as StageTimes;
  for (const k of Object.keys(ms) as StageName[]) {
    rate[k] = round(mb / (ms[k] / 1000));
    share[k] = round((ms[k] / total) * 100, 1);
  }
  return { mb: round(mb), mbPerSecond: rate, share };
}
