// One file of the workspace index: read, classify, analyse, pack. The same function runs in index workers
// (each with its own knowledge, loaded once) and in the main thread (small passes, file watching), so both
// give the same records.
import { FactionDictionary } from '../../analysis/factions/dictionary';
import { Knowledge } from '../../analysis';
import { withUserPlaces } from '../../analysis/places/mergeUserPlaces';
import { UserPlaces } from '../../analysis/places/userPlaces';
import { readArticleFile } from '../../io/articleFiles';
import { loadFactionIndex } from '../../knowledge/loadFactions';
import { analyseForStore } from '../articleStore';
import { packAnalysis, PackedAnalysis, PackedText, packText } from './packedAnalysis';

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

export function indexFile(job: IndexJob, knowledge: Knowledge): IndexOutcome {
  const read = readArticleFile(job.file, job.maxBytes);
  if (read.text === null) return { uri: job.uri, file: job.file, text: null, reason: read.note ?? 'could not be read' };
  const input = { uri: job.uri, text: read.text, languageId: job.languageId, matchesGlobs: job.matchesGlobs, defaultPublished: job.defaultPublished };
  const { isArticle, analysis } = analyseForStore(read.text, input, knowledge);
  return { uri: job.uri, file: job.file, text: packText(read.text), note: read.note, isArticle, packed: packAnalysis(analysis) };
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
