// One diagnostic per claim in an open (unreviewed) conflict, on the claim's sentence, pointing at the
// other claims (in this or another article) through relatedInformation.
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver';
import { Conflict, ConflictKind } from '../../analysis/conflicts';
import { DatelineSettings } from '../../protocol';
import { ArticleRecord } from '../articleStore';
import { ServerContext } from '../serverContext';
import { ConflictState } from './conflictState';

type Level = DatelineSettings['conflictSeverity'][string];

/** Defaults: disagreements warn; a prediction checked against its outcome is information. */
export const DEFAULT_SEVERITY: Record<ConflictKind, Level> = {
  control: 'warning',
  extent: 'warning',
  date: 'warning',
  casualties: 'warning',
  status: 'warning',
  prediction: 'information',
};

const LSP_SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity a kind gets under the user's `dateline.conflictSeverity` (unknown values fall back). */
export function severityFor(kind: ConflictKind, configured: DatelineSettings['conflictSeverity'] | undefined): Level {
  const v = configured?.[kind];
  return v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off' ? v : DEFAULT_SEVERITY[kind];
}

export interface ConflictDiagnosticData {
  conflictId: string;
  claimId: string;
}

/** Diagnostics for one article from the current conflicts. */
export function conflictDiagnostics(record: ArticleRecord, ctx: ServerContext, state: ConflictState, configured: DatelineSettings['conflictSeverity'] | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const conflict of state.claims.conflictsFor(record.uri)) {
    if (state.isReviewed(conflict.id)) continue;
    const level = severityFor(conflict.kind, configured);
    if (level === 'off') continue;
    for (const claim of conflict.claims) {
      if (claim.uri !== record.uri || claim.range.end > record.text.length) continue;
      out.push({
        range: record.lines.rangeOf(claim.range),
        severity: LSP_SEVERITY[level],
        code: `dateline.conflict.${conflict.kind}`,
        source: 'dateline',
        message: conflict.message,
        relatedInformation: related(conflict, claim.claimId, record.uri, ctx),
        data: { conflictId: conflict.id, claimId: claim.claimId } satisfies ConflictDiagnosticData,
      });
    }
  }
  return out;
}

function related(conflict: Conflict, claimId: string, uri: string, ctx: ServerContext): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const other of conflict.claims) {
    if (other.uri === uri && other.claimId === claimId) continue;
    const r = ctx.store.get(other.uri);
    if (!r || other.range.end > r.text.length) continue;
    const when = other.published ? `, published ${other.published}` : '';
    out.push({ location: { uri: other.uri, range: r.lines.rangeOf(other.range) }, message: `${other.value} (${other.source.name}${when}): ${other.summary}` });
  }
  return out;
}
