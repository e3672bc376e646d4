// Code actions on conflict diagnostics: "Open the other report" (a client command with a Location)
// and "Mark as reviewed" (a server command writing `.dateline/reviewed.json`).
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { Location, MarkReviewedCommand, OpenLocationCommand } from '../../protocol';
import { ServerContext } from '../serverContext';
import { ConflictState } from './conflictState';
import { ConflictDiagnosticData } from './conflictDiagnostics';

function dataOf(d: Diagnostic): ConflictDiagnosticData | null {
  const data = d.data as Partial<ConflictDiagnosticData> | undefined;
  return typeof d.code === 'string' && d.code.startsWith('dateline.conflict.') && data && typeof data.conflictId === 'string'
    ? { conflictId: data.conflictId, claimId: String(data.claimId ?? '') }
    : null;
}

/** The actions for the conflict diagnostics the client sends back with the request. */
export function conflictCodeActions(params: CodeActionParams, ctx: ServerContext, state: ConflictState): CodeAction[] {
  const out: CodeAction[] = [];
  const done = new Set<string>();
  for (const d of params.context.diagnostics ?? []) {
    const data = dataOf(d);
    if (!data || done.has(data.conflictId)) continue;
    done.add(data.conflictId);
    const conflict = state.byId(data.conflictId);
    if (!conflict) continue;
    for (const other of conflict.claims) {
      if (other.uri === params.textDocument.uri && other.claimId === data.claimId) continue;
      const r = ctx.store.get(other.uri);
      if (!r) continue;
      const location: Location = { uri: other.uri, range: r.lines.rangeOf(other.range) };
      const where = other.uri === params.textDocument.uri ? 'this article' : fileName(other.uri);
      out.push({
        title: `Open the other report: ${other.source.name} (${where})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Open the other report', command: OpenLocationCommand, arguments: [location] },
      });
    }
    out.push({
      title: 'Mark conflict as reviewed',
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: 'Mark as reviewed', command: MarkReviewedCommand, arguments: [conflict.id] },
    });
  }
  return out;
}

function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
