// Which events the timeline panel (and an export of what it shows) keeps: the user hides actors, places, sources
// and kinds of event, or keeps only the disputed ones. Shared by the panel's window and the export.
import type { TimelineFilter, TimelineKindFilter } from '../../protocol';

/** The fields of an event (full or brief) the filter reads. */
export interface FilterableEvent {
  kind: string;
  modality: string;
  actor: string | null;
  place: string | null;
  conflicts: readonly string[];
}

export const NO_ACTOR = 'No actor named';
export const NO_PLACE = 'No place named';

/** The kind an event counts as for the kind filter. */
export function kindOf(e: FilterableEvent): TimelineKindFilter {
  if (e.kind === 'dated-sentence') return 'dated-sentence';
  if (e.modality === 'predicted') return 'predicted';
  if (e.modality === 'denied') return 'denied';
  return 'reported';
}

export const factionOf = (e: FilterableEvent): string => e.actor ?? NO_ACTOR;
export const placeOf = (e: FilterableEvent): string => e.place ?? NO_PLACE;

/** A filter checked once: its lists as sets, `null` when it hides nothing. */
export interface CompiledFilter {
  kinds: Set<string>;
  factions: Set<string>;
  places: Set<string>;
  sources: Set<string>;
  conflictsOnly: boolean;
}

/** Reads a filter from an untrusted request: anything malformed hides nothing. */
export function compileFilter(filter: TimelineFilter | null | undefined): CompiledFilter | null {
  const f = filter && typeof filter === 'object' ? filter : {};
  const set = (v: unknown) => new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const compiled = { kinds: set(f.kinds), factions: set(f.factions), places: set(f.places), sources: set(f.sources), conflictsOnly: f.conflictsOnly === true };
  const hidesNothing = !compiled.conflictsOnly && compiled.kinds.size + compiled.factions.size + compiled.places.size + compiled.sources.size === 0;
  return hidesNothing ? null : compiled;
}

/** Does the event pass the filter? `sources` are every source reporting it. */
export function passes(e: FilterableEvent, sources: readonly string[], f: CompiledFilter | null): boolean {
  if (!f) return true;
  if (f.kinds.has(kindOf(e))) return false;
  if (f.factions.has(factionOf(e))) return false;
  if (f.places.has(placeOf(e))) return false;
  if (f.sources.size && sources.every((x) => f.sources.has(x))) return false;
  if (f.conflictsOnly && e.conflicts.length === 0) return false;
  return true;
}
