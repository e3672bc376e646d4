// OWNED BY the factions work (issue 5).
import { FactionMention, PlaceMention, Publication, Sentence, SourceMention, Span } from '../types';
import { FactionIndex } from './factionIndex';

export interface FactionContext {
  publication: Publication;
  /** Spans already taken by dates. */
  blocked: Span[];
}

/** Named factions and actor phrases ("Iraqi troops", "U.S.-backed rebels"). */
export function findFactions(_text: string, _sentences: Sentence[], _index: FactionIndex, _ctx: FactionContext): FactionMention[] {
  return [];
}

/** Generic mentions ("the army", "the group") resolved from context, given places for the focus country. */
export function resolveFactionReferences(
  _text: string,
  _sentences: Sentence[],
  _index: FactionIndex,
  _named: FactionMention[],
  _places: PlaceMention[],
  _blocked: Span[],
): FactionMention[] {
  return [];
}

/** Sources (agencies, monitors, officials, unnamed) and the sentences attributed to each. */
export function findSources(
  _text: string,
  _sentences: Sentence[],
  _index: FactionIndex,
  _agency: string | null,
  _blocked: Span[],
): SourceMention[] {
  return [];
}
