// `dateline/conflicts` for the side panel, and marking as reviewed by request or by command.
import { Conflict, conflictKindOf } from '../../analysis/conflicts';
import { ConflictClaimInfo, ConflictGroupInfo, ConflictInfo, ConflictKind, ConflictsParams, ConflictsResult, DatelineSettings, MarkReviewedParams, MarkReviewedResult } from '../../protocol';
import { ServerContext } from '../serverContext';
import { ConflictState } from './conflictState';
import { severityFor } from './conflictDiagnostics';
import { ClaimTexts } from './claimTexts';

/**
 * A workspace with more conflicts than this is answered in groups by kind and place, a group's conflicts when
 * it is expanded and a conflict's claims when that is: at 10,000 generated articles (50,950 conflicts) the whole
 * list was a 116 MB reply that took 6-23 s (in a profile: 11 s to make, 4.8 s of it unpacking article texts
 * claim by claim, 2.2 s building every conflict, then 5 s writing the JSON). A thousand conflicts with their
 * claims make about 2 MB.
 */
export const CONFLICTS_AT_ONCE = 1000;

/** Group ids are `group:<kind>:<place id>`; anything else given as `parent` is taken for a conflict id. */
const GROUP = 'group:';

type Severities = DatelineSettings['conflictSeverity'];

/** Conflicts of the scope in protocol shape; claims whose article is gone are left out. */
export function conflictsResult(params: ConflictsParams | undefined, ctx: ServerContext, state: ConflictState, configured: Severities, atOnce = CONFLICTS_AT_ONCE): ConflictsResult {
  const includeReviewed = params?.includeReviewed !== false;
  const listed = (c: Conflict) => includeReviewed || !state.isReviewed(c.id);
  const texts = new ClaimTexts(ctx);
  const withClaims = (c: Conflict) => {
    const claims = texts.claimsOf(c);
    return infoOf(c, state, configured, claims.map((x) => x.source), claims);
  };
  if (params?.scope === 'article') {
    const all = params.uri ? state.claims.conflictsFor(params.uri) : [];
    const counts = state.counts(all);
    return { conflicts: all.filter(listed).map(withClaims), groups: null, open: counts.conflicts, reviewed: counts.reviewed };
  }
  // Counted by id: building every conflict is what a large workspace cannot afford.
  const byPlace = state.claims.conflictIdsByPlace();
  let total = 0;
  let reviewed = 0;
  for (const { ids } of byPlace) {
    total += ids.length;
    for (const id of ids) if (state.isReviewed(id)) reviewed++;
  }
  const counts = { open: total - reviewed, reviewed };
  if (typeof params?.parent === 'string') {
    const { parent } = params;
    const children = parent.startsWith(GROUP) ? groupConflicts(parent, state).filter(listed).map((c) => withoutClaims(c, ctx, state, configured)) : oneConflict(parent, state).filter(listed).map(withClaims);
    return { conflicts: children, groups: null, ...counts };
  }
  if (total > atOnce) return { conflicts: [], groups: groupsOf(byPlace, state, includeReviewed), ...counts };
  return { conflicts: state.all().filter(listed).map(withClaims), groups: null, ...counts };
}

/** Each kind's conflicts about each place, counted from their ids; by kind, then place name. */
function groupsOf(byPlace: { place: { id: string; name: string }; ids: string[] }[], state: ConflictState, includeReviewed: boolean): ConflictGroupInfo[] {
  const groups = new Map<string, ConflictGroupInfo>();
  for (const { place, ids } of byPlace) {
    for (const id of ids) {
      const isReviewed = state.isReviewed(id);
      if (isReviewed && !includeReviewed) continue;
      const kind = conflictKindOf(id);
      const groupId = `${GROUP}${kind}:${place.id}`;
      let g = groups.get(groupId);
      if (!g) groups.set(groupId, (g = { id: groupId, kind, place, conflicts: 0, reviewed: 0 }));
      g.conflicts++;
      if (isReviewed) g.reviewed++;
    }
  }
  return [...groups.values()].sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.place.name < b.place.name ? -1 : a.place.name > b.place.name ? 1 : 0));
}

/** The conflicts of a group id, building only its place's. */
function groupConflicts(groupId: string, state: ConflictState): Conflict[] {
  const rest = groupId.slice(GROUP.length);
  const sep = rest.indexOf(':');
  if (sep < 0) return [];
  const kind = rest.slice(0, sep) as ConflictKind;
  return state.claims.conflictsAbout(rest.slice(sep + 1)).filter((c) => c.kind === kind);
}

function oneConflict(id: string, state: ConflictState): Conflict[] {
  const c = state.byId(id);
  return c ? [c] : [];
}

/** A conflict listed without its claims (no article text read): they are counted, and their sources named. */
function withoutClaims(c: Conflict, ctx: ServerContext, state: ConflictState, configured: Severities): ConflictInfo {
  const kept = c.claims.filter((x) => ctx.store.get(x.uri));
  return infoOf(c, state, configured, kept.map((x) => x.source.name), [], kept.length);
}

function infoOf(c: Conflict, state: ConflictState, configured: Severities, sources: string[], claims: ConflictClaimInfo[], claimCount = claims.length): ConflictInfo {
  return {
    id: c.id,
    kind: c.kind,
    message: c.message,
    place: c.place,
    dates: c.dates,
    outcome: c.outcome,
    severity: severityFor(c.kind, configured),
    reviewed: state.isReviewed(c.id),
    sources: [...new Set(sources)],
    claimCount,
    claims,
  };
}

/** Marks or un-marks; the result says why when it could not. */
export function markReviewed(params: MarkReviewedParams | undefined, state: ConflictState): MarkReviewedResult {
  if (!params || typeof params.conflictId !== 'string' || !params.conflictId) return { ok: false, reviewed: state.counts().reviewed, error: 'no conflictId given' };
  const r = state.setReviewed(params.conflictId, params.reviewed !== false);
  return { ok: r.ok, reviewed: state.counts().reviewed, error: r.error };
}
