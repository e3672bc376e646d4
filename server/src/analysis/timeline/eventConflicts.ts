// Marks events that take part in conflicts and gives each the other side's version, so both can be read together.
import type { TimelineVersion } from '../../protocol';
import type { DraftEvent } from './buildTimeline';
import type { TimelineConflict } from './timelineInput';

/** Fills `conflicts` and `versions` of each event from the conflicts naming its claims. */
export function attachConflicts(drafts: DraftEvent[], conflicts: TimelineConflict[]): void {
  const byClaim = new Map<string, DraftEvent>();
  for (const d of drafts) for (const c of d.claims) byClaim.set(claimKey(c.uri, c.claimId), d);
  for (const conflict of conflicts) {
    if (!conflict || !Array.isArray(conflict.claims)) continue;
    const members = conflict.claims.map((c) => byClaim.get(claimKey(c.uri, c.claimId)) ?? null);
    const distinct = new Set(members.filter((m): m is DraftEvent => m !== null));
    // Two claims merged into one event cannot disagree with each other; nothing to show.
    if (distinct.size < 2 && members.every((m) => m !== null)) continue;
    for (const d of distinct) {
      if (!d.event.conflicts.includes(conflict.id)) d.event.conflicts.push(conflict.id);
      for (let i = 0; i < members.length; i++) {
        const other = members[i];
        if (other === d) continue;
        const version = versionOf(conflict, other, conflict.claims[i]);
        if (!d.event.versions.some((v) => v.conflictId === version.conflictId && v.eventId === version.eventId && (v.eventId !== null || v.summary === version.summary))) {
          d.event.versions.push(version);
        }
      }
    }
  }
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
