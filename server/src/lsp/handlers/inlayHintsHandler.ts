// Inlay hints after relative dates: "on Friday ▸ 1 Sep 2017", "late last month ▸ late Aug 2017".
// Switched by `dateline.inlayHints`; the reasoning stays in the hover.
import { InlayHint, InlayHintKind, MarkupKind } from 'vscode-languageserver';
import { DateMention, Mention } from '../../analysis';
import { ServerContext } from '../serverContext';

/** Relative dates worth a hint: resolved to a calendar period, and saying something the text does not. */
export function hintedDates(mentions: Mention[], from: number, to: number): DateMention[] {
  const out: DateMention[] = [];
  for (const m of mentions) {
    if (m.kind !== 'date' || m.end < from || m.start > to) continue;
    if (!m.relative || !(m.interval || m.range) || m.label === m.text) continue;
    out.push(m);
  }
  return out;
}

export function registerInlayHints(ctx: ServerContext): void {
  ctx.connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const settings = await ctx.settings.forResource(textDocument.uri);
    if (!settings.inlayHints) return [];
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return [];
    const { lines } = record;
    return hintedDates(record.analysis.mentions, lines.offsetAt(range.start), lines.offsetAt(range.end)).map(
      (m): InlayHint => ({
        position: lines.positionAt(m.end),
        label: `▸ ${m.label}`,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: { kind: MarkupKind.PlainText, value: `${m.value}${m.mod ? ` (${m.mod})` : ''}: ${m.explanation}` },
      }),
    );
  });
}

/** Asks the client to re-request hints (after a settings change), when it supports that. */
export function refreshInlayHints(ctx: ServerContext, supported: boolean): void {
  if (supported) void ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
}
