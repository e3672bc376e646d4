import { ArticleAnalysis, ArticleStructure, AnalyzeOptions, Mention, Publication, Sentence, Span } from './types';
import { Knowledge } from './knowledge';
import { detectStructure } from './structure/detectStructure';
import { findPublication } from './structure/findPublication';
import { splitSentences } from './structure/splitSentences';
import { tagDates } from './dates/tagDates';
import { findPlaces } from './places/findPlaces';
import { findFactions, findSources, resolveFactionReferences } from './factions/findFactions';
import { extractClaims } from './claims/extractClaims';
import { checkInput } from './inputCheck';
import { MentionMerger } from './mergeMentions';

/**
 * Analyses one article: structure, publication date, sentences, mentions and claims.
 * Never throws: an input it cannot handle comes back with `skipped` set.
 */
export function analyzeArticle(text: string, knowledge: Knowledge, options: AnalyzeOptions = {}): ArticleAnalysis {
  const problem = checkInput(text);
  if (problem) return emptyAnalysis(typeof text === 'string' ? text.length : 0, problem);
  const job = JOBS.take(0).start(text, options, 0);
  for (let s = 0; s < STEPS.length && job.result === null; s++) runStep(STEPS[s], job, knowledge);
  const result = job.result!;
  JOBS.clear(1);
  return result;
}

/**
 * Analyses many articles, each exactly as analyzeArticle would: the stages run in turn over a few articles
 * at a time, so each stage's code and tables are still in the processor's caches for the next article.
 */
export function analyzeArticles(texts: readonly string[], knowledge: Knowledge, options: AnalyzeOptions = {}): ArticleAnalysis[] {
  const out: ArticleAnalysis[] = new Array(texts.length);
  for (let from = 0; from < texts.length; from += BATCH) {
    let count = 0;
    for (let i = from; i < texts.length && i < from + BATCH; i++) {
      const text = texts[i];
      const problem = checkInput(text);
      if (problem) out[i] = emptyAnalysis(typeof text === 'string' ? text.length : 0, problem);
      else JOBS.take(count++).start(text, options, i);
    }
    for (let s = 0; s < STEPS.length; s++) {
      for (let j = 0; j < count; j++) {
        const job = JOBS.take(j);
        if (job.result === null) runStep(STEPS[s], job, knowledge);
      }
    }
    for (let j = 0; j < count; j++) {
      const job = JOBS.take(j);
      out[job.at] = job.result!;
    }
    JOBS.clear(count);
  }
  return out;
}

// Articles per batch in analyzeArticles. Article by article, each stage finds its code and tables pushed out
// of the processor's caches by the other stages (each stage alone runs ~x1.4 faster than inside the
// pipeline, and evicting the 4 MB L2 cache between articles slows a stage alone about as much). Measured
// in-process against analyzeArticle in a loop (CPU, paired over 8 rounds x 8 chunks): batches of 16
// x1.29, 32 x1.33 on the generated 1 MB corpus; x1.17 and x1.27 on FA-KES.
const BATCH = 32;

/** One article on its way through the stages: what each stage found, for the stages after it. */
class Job {
  text = '';
  options: AnalyzeOptions = NO_OPTIONS;
  /** The article's index in the call's input. */
  at = 0;
  structure: ArticleStructure | null = null;
  publication: Publication | null = null;
  sentences: Sentence[] = NONE;
  dates: Span[] = NONE;
  mentions: Span[] = NONE;
  result: ArticleAnalysis | null = null;

  /** This job made over for another article, as if new. */
  start(text: string, options: AnalyzeOptions, at: number): this {
    this.text = text;
    this.options = options;
    this.at = at;
    this.structure = null;
    this.publication = null;
    this.sentences = NONE;
    this.dates = NONE;
    this.mentions = NONE;
    this.result = null;
    return this;
  }
}

const NO_OPTIONS: AnalyzeOptions = {};
/** The empty list of a job not yet through a stage: never written to (a stage's result replaces it). */
const NONE: never[] = [];

/**
 * The jobs of the batch being analysed, the same objects from one batch to the next (cleared after each, so
 * they keep no article). Made anew for each batch, no job was alive between two of them, a full collection
 * then dropped the jobs' shape (a V8 map held only weakly), and V8 threw away the optimised code of
 * analyzeArticles and of every step, which the next batch compiled again (8 such deopts in 5,000 files an
 * index worker reads, in one traced run). An analysis is never re-entered (see ARCHITECTURE.md), so one set
 * serves every call.
 */
class JobList {
  private readonly jobs: Job[] = [];

  /** The k-th job (made when first asked for). */
  take(k: number): Job {
    while (this.jobs.length <= k) this.jobs.push(new Job());
    return this.jobs[k];
  }

  /** Lets go of the articles of the first `count` jobs. */
  clear(count: number): void {
    for (let k = 0; k < count && k < this.jobs.length; k++) this.jobs[k].start('', NO_OPTIONS, 0);
  }
}

const JOBS = new JobList();

type Step = (job: Job, knowledge: Knowledge) => void;

/** Runs one stage on one article; a bug in a stage must not take the editor down: it becomes the article's skip reason. */
function runStep(step: Step, job: Job, knowledge: Knowledge): void {
  try {
    step(job, knowledge);
  } catch (err) {
    job.result = emptyAnalysis(job.text.length, `internal error while analysing: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// The pipeline, in order. Each merge extends the previous one rather than merging every stage's list again:
// the order comes out the same (ties in stage order), and no consumer changes the lists it is given
// (mergeMentions.ts keeps the offsets of the list it made for the next merge).
const STEPS: Step[] = [
  function structureStep(job) {
    const structure = detectStructure(job.text);
    job.structure = structure;
    job.publication = findPublication(job.text, structure, job.options);
    job.sentences = splitSentences(job.text, structure);
  },
  function datesStep(job) {
    job.dates = tagDates(job.text, job.sentences, job.publication!);
  },
  // Factions, places, references and sources in one step: the factions tokens are cached for the last
  // article only, and three of these stages read them (a step each re-made them twice per article: batches
  // of 16 gained x1.15 / x1.09 as separate steps, x1.29 / x1.17 together).
  function mentionsStep(job, knowledge) {
    const { text, sentences } = job;
    const structure = job.structure!;
    const publication = job.publication!;
    const factions = findFactions(text, sentences, knowledge.factions, { publication, blocked: job.dates });
    // Places are blocked by the dates and factions as two lists, and the three are merged in one pass: no
    // merged list of the dates and factions alone is made.
    const places = findPlaces(text, sentences, knowledge.places, { blocked: job.dates, blockedToo: factions, datelineCity: structure.datelineCity, dateline: structure.dateline });
    const taken = MERGER.three(job.dates, factions, places);
    const resolved = resolveFactionReferences(text, sentences, knowledge.factions, factions, places, taken, publication);
    const takenOrResolved = MERGER.extend(taken, resolved);
    // The sources pass only reads its actors: without resolved references the factions' own list serves.
    const actors = resolved.length === 0 ? factions : factions.concat(resolved);
    const sources = findSources(text, sentences, knowledge.factions, structure.agency, takenOrResolved, { actors, structure });
    job.mentions = MERGER.extend(takenOrResolved, sources);
    MERGER.release();
  },
  function claimsStep(job) {
    const { text, sentences, structure } = job;
    const mentions = job.mentions as Mention[];
    const claims = extractClaims({ text, sentences, mentions, publication: job.publication!, agency: structure!.agency });
    const headline = structure!.headline ? text.slice(structure!.headline.start, structure!.headline.end) : null;
    job.result = { skipped: null, length: text.length, structure: structure!, publication: job.publication!, headline, sentences, mentions, claims, diagnostics: [] };
  },
];

// Merges the mention lists of each article (one article's merges at a time, within one step).
const MERGER = new MentionMerger();

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
