// Marks events that take part in conflicts and gives each the other side's version, so both can be read together.
import type { TimelineEvent, TimelineVersion } from '../../protocol';
import { DraftEvent, ownDraft } from './draftEvent';
import type { TimelineConflict } from './timelineInput';
import { ITEMS_PER_STEP } from './sortedInSteps';

/** A conflict with the events its claims are on (null: a claim outside the timeline's scope). */
interface ConflictMembers {
  conflict: TimelineConflict;
  members: (DraftEvent | null)[];
  /** Each member's version and its key, made for the first event of the conflict read in full. */
  versions: { version: TimelineVersion; key: string }[] | null;
}

/**
 * Marks each event with the conflicts naming its claims (`conflicts`) and gives back what fills its `versions`,
 * the other sides of those conflicts, when the event is read in full. 10,000 articles give 426,168 versions
 * (events with up to 269): made for every event up front they were a third of the build and its garbage, and the
 * timeline panel reads a handful.
 */
export function* markConflicts(drafts: DraftEvent[], conflicts: TimelineConflict[]): Generator<void, (event: TimelineEvent) => void> {
  // By article, then claim id: keys made of both were 200,000 strings built at 10,000 articles.
  const byClaim = new Map<string, Map<string, DraftEvent>>();
  for (let i = 0; i < drafts.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    for (const c of drafts[i].claims) {
      let inArticle = byClaim.get(c.uri);
      if (!inArticle) byClaim.set(c.uri, (inArticle = new Map()));
      inArticle.set(c.claimId, drafts[i]);
    }
  }
  const byEvent = new Map<TimelineEvent, ConflictMembers[]>();
  const marks = new ConflictMarks();
  for (let i = 0; i < conflicts.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const conflict = conflicts[i];
    if (!conflict || !Array.isArray(conflict.claims)) continue;
    const members = conflict.claims.map((c) => byClaim.get(c.uri)?.get(c.claimId) ?? null);
    const distinct = new Set(members.filter((m): m is DraftEvent => m !== null));
    // Two claims merged into one event cannot disagree with each other; nothing to show.
    if (distinct.size < 2 && members.every((m) => m !== null)) continue;
    const entry: ConflictMembers = { conflict, members, versions: null };
    for (const d of distinct) {
      ownDraft(d);
      marks.add(d.event, conflict.id);
      const list = byEvent.get(d.event);
      if (list) list.push(entry);
      else byEvent.set(d.event, [entry]);
    }
  }
  return (event) => {
    const entries = byEvent.get(event);
    if (!entries) return;
    byEvent.delete(event);
    // The same version twice (same conflict and other event, or outside the scope the same words) is shown once.
    const seen = new Set<string>();
    for (const entry of entries) {
      // Made once per conflict, not once per event in it: a conflict of dozens of claims has dozens of events.
      entry.versions ??= entry.members.map((other, i) => {
        const version = versionOf(entry.conflict, other, entry.conflict.claims[i]);
        return { version, key: version.eventId !== null ? `${version.conflictId}\u0000e${version.eventId}` : `${version.conflictId}\u0000s${version.summary}` };
      });
      for (let i = 0; i < entry.members.length; i++) {
        const { version, key } = entry.versions[i];
        if (entry.members[i]?.event === event || seen.has(key)) continue;
        seen.add(key);
        event.versions.push(version);
      }
    }
  };
}

function versionOf(conflict: TimelineConflict, other: DraftEvent | null, ref: TimelineConflict['claims'][number]): TimelineVersion {
  const base = { conflictId: conflict.id, kind: conflict.kind, message: conflict.message ?? null };
  if (!other) {
    // The other claim is outside this timeline's scope (another article when building one): say where it is.
    const summary = ref.summary || `claim ${ref.claimId}`;
    return { ...base, eventId: null, summary, source: ref.source ?? '', modality: null, dateLabel: ref.dateLabel ?? null, extent: null, article: { uri: ref.uri, headline: null, published: null } };
  }
  const e = other.event;
  return { ...base, eventId: e.id, summary: e.summary, source: e.source, modality: e.modality, dateLabel: e.dateLabel, extent: e.extent, article: e.article };
}

/**
 * Adds conflict ids to events' `conflicts`, each once. An event in thousands of conflicts (a much-reported
 * capture) made looking through its list before each addition the costliest line of a 10,000-article build:
 * past a few ids, an event's are looked up in a set.
 */
class ConflictMarks {
  private readonly sets = new Map<TimelineEvent, Set<string>>();

  add(event: TimelineEvent, id: string): void {
    const list = event.conflicts;
    if (list.length < SCAN_UP_TO) {
      if (!list.includes(id)) list.push(id);
      return;
    }
    let set = this.sets.get(event);
    if (!set) this.sets.set(event, (set = new Set(list)));
    if (set.has(id)) return;
    set.add(id);
    list.push(id);
  }
}

/** Ids an event's list is searched through before a set takes over. */
const SCAN_UP_TO = 16;
