// Marks events that take part in conflicts and gives each the other side's version, so both can be read together.
import type { TimelineVersion } from '../../protocol';
import type { DraftEvent } from './buildTimeline';
import type { TimelineConflict } from './timelineInput';

/**
 * Fills `conflicts` and `versions` of each event from the conflicts naming its claims. A conflict's versions are
 * made once and the ones an event has are kept as keys: 10,000 articles give conflicts of dozens of claims and
 * events with 269 versions, and comparing each new version with the list took 10 of the timeline's 15 s.
 */
export function attachConflicts(drafts: DraftEvent[], conflicts: TimelineConflict[]): void {
  const byClaim = new Map<string, DraftEvent>();
  for (const d of drafts) for (const c of d.claims) byClaim.set(claimKey(c.uri, c.claimId), d);
  const has = new Map<DraftEvent, Set<string>>();
  for (const conflict of conflicts) {
    if (!conflict || !Array.isArray(conflict.claims)) continue;
    const members = conflict.claims.map((c) => byClaim.get(claimKey(c.uri, c.claimId)) ?? null);
    const distinct = new Set(members.filter((m): m is DraftEvent => m !== null));
    // Two claims merged into one event cannot disagree with each other; nothing to show.
    if (distinct.size < 2 && members.every((m) => m !== null)) continue;
    const versions = members.map((other, i) => versionOf(conflict, other, conflict.claims[i]));
    const keys = versions.map(versionKey);
    for (const d of distinct) {
      let seen = has.get(d);
      if (!seen) has.set(d, (seen = new Set([...d.event.conflicts.map((id) => `c\u0000${id}`), ...d.event.versions.map(versionKey)])));
      if (!seen.has(`c\u0000${conflict.id}`)) {
        seen.add(`c\u0000${conflict.id}`);
        d.event.conflicts.push(conflict.id);
      }
      for (let i = 0; i < members.length; i++) {
        if (members[i] === d || seen.has(keys[i])) continue;
        seen.add(keys[i]);
        d.event.versions.push(versions[i]);
      }
    }
  }
}

/** Two versions are the same when they name the same conflict and other event (or, outside the scope, say the same). */
function versionKey(v: TimelineVersion): string {
  return v.eventId !== null ? `v\u0000${v.conflictId}\u0000e${v.eventId}` : `v\u0000${v.conflictId}\u0000s${v.summary}`;
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

function claimKey(uri: string, claimId: string): string {
  return `${uri}\u0000${claimId}`;
}
