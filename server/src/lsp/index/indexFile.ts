// Files of the workspace index: read, classify, analyse, pack. The same function runs in index workers
// (each with its own knowledge, loaded once, on batches of files) and in the main thread (one file at a time:
// small passes, file watching), so both give the same records.
import { FactionDictionary } from '../../analysis/factions/dictionary';
import { Knowledge } from '../../analysis';
import { withUserPlaces } from '../../analysis/places/mergeUserPlaces';
import { UserPlaces } from '../../analysis/places/userPlaces';
import { readArticleFile } from '../../io/articleFiles';
import { loadFactionIndex } from '../../knowledge/loadFactions';
import { analyseAllForStore } from '../articleStore';
import { packAnalysis, PackedAnalysis, PackedText, packText, releaseSpill } from './packedAnalysis';

export interface IndexJob {
  file: string;
  uri: string;
  maxBytes: number;
  languageId: string;
  matchesGlobs: boolean;
  defaultPublished: string;
}

export type IndexOutcome =
  | { uri: string; file: string; text: null; reason: string }
  | { uri: string; file: string; text: PackedText; note: string | null; isArticle: boolean; packed: PackedAnalysis };

/** The user's `.dateline/places.json` and `factions.json` entries in force (plain data, sent to workers). */
export interface KnowledgeOverlays {
  places: UserPlaces | null;
  factions: FactionDictionary | null;
}

/** One file: read, classified, analysed and packed. */
export function indexFile(job: IndexJob, knowledge: Knowledge): IndexOutcome {
  return indexFiles([job], knowledge)[0];
}

/** Several files, with the same outcome for each as indexFile; the articles among them are analysed together (analyseAllForStore). */
export function indexFiles(jobs: readonly IndexJob[], knowledge: Knowledge): IndexOutcome[] {
  const reads = jobs.map((job) => readArticleFile(job.file, job.maxBytes));
  const readable = jobs.flatMap((job, i) => (reads[i].text === null ? [] : [i]));
  const found = analyseAllForStore(
    readable.map((i) => ({ uri: jobs[i].uri, text: reads[i].text!, languageId: jobs[i].languageId, matchesGlobs: jobs[i].matchesGlobs, defaultPublished: jobs[i].defaultPublished })),
    knowledge,
  );
  const outcomes: IndexOutcome[] = jobs.map((job, i) => ({ uri: job.uri, file: job.file, text: null, reason: reads[i].note ?? 'could not be read' }));
  readable.forEach((i, k) => {
    const { isArticle, analysis } = found[k];
    outcomes[i] = { uri: jobs[i].uri, file: jobs[i].file, text: packText(reads[i].text!), note: reads[i].note, isArticle, packed: packAnalysis(analysis) };
  });
  return outcomes;
}

/** An outcome that will not be stored (its pass was cancelled, its job no longer awaited): its spilled bytes may be freed. */
export function dropOutcome(o: IndexOutcome): void {
  if (o.text === null) return;
  releaseSpill(o.packed);
  releaseSpill(o.text);
}

/** The built-in knowledge with the user's entries laid over it, as the main thread does (places, then factions). */
export function knowledgeWithOverlays(base: Knowledge, overlays: KnowledgeOverlays): Knowledge {
  let k = base;
  const p = overlays.places;
  if (p && (p.places.length || p.pins.length || p.notPlaces.length)) k = { ...k, places: withUserPlaces(k.places, p).index };
  const f = overlays.factions;
  if (f && (f.factions.length || f.sources.length || Object.keys(f.countries).length)) k = { ...k, factions: loadFactionIndex(f) };
  return k;
}
