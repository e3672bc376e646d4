// `dateline/conflicts` for the side panel, and marking as reviewed by request or by command.
import { Conflict } from '../../analysis/conflicts';
import { ConflictClaimInfo, ConflictInfo, ConflictsParams, ConflictsResult, DatelineSettings, MarkReviewedParams, MarkReviewedResult } from '../../protocol';
import { ServerContext } from '../serverContext';
import { ConflictState } from './conflictState';
import { severityFor } from './conflictDiagnostics';

/** Conflicts of the scope in protocol shape; claims whose article is gone are left out. */
export function conflictsResult(params: ConflictsParams | undefined, ctx: ServerContext, state: ConflictState, configured: DatelineSettings['conflictSeverity']): ConflictsResult {
  const scope = params?.scope === 'article' ? 'article' : 'workspace';
  const all = scope === 'article' && params?.uri ? state.claims.conflictsFor(params.uri) : scope === 'article' ? [] : state.all();
  const counts = state.counts(all);
  const includeReviewed = params?.includeReviewed !== false;
  const conflicts = all.filter((c) => includeReviewed || !state.isReviewed(c.id)).map((c) => infoOf(c, ctx, state, configured));
  return { conflicts, open: counts.conflicts, reviewed: counts.reviewed };
}

function infoOf(c: Conflict, ctx: ServerContext, state: ConflictState, configured: DatelineSettings['conflictSeverity']): ConflictInfo {
  const claims: ConflictClaimInfo[] = [];
  for (const x of c.claims) {
    const r = ctx.store.get(x.uri);
    if (!r || x.range.end > r.text.length) continue;
    claims.push({
      claimId: x.claimId,
      location: { uri: x.uri, range: r.lines.rangeOf(x.range) },
      source: x.source.name,
      value: x.value,
      summary: x.summary,
      modality: x.modality,
      dateLabel: x.dateLabel,
      sentence: r.text.slice(x.range.start, x.range.end),
      article: { uri: x.uri, headline: r.analysis.headline, published: r.analysis.publication.date },
    });
  }
  return {
    id: c.id,
    kind: c.kind,
    message: c.message,
    place: c.place,
    dates: c.dates,
    outcome: c.outcome,
    severity: severityFor(c.kind, configured),
    reviewed: state.isReviewed(c.id),
    claims,
  };
}

/** Marks or un-marks; the result says why when it could not. */
export function markReviewed(params: MarkReviewedParams | undefined, state: ConflictState): MarkReviewedResult {
  if (!params || typeof params.conflictId !== 'string' || !params.conflictId) return { ok: false, reviewed: state.counts().reviewed, error: 'no conflictId given' };
  const r = state.setReviewed(params.conflictId, params.reviewed !== false);
  return { ok: r.ok, reviewed: state.counts().reviewed, error: r.error };
}
