// The built-in Outline and breadcrumbs: headline, then Places, Factions, Dates, Claims (see analysis/outline).
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { documentOutline, OutlineSymbol } from '../../analysis/outline';
import { ArticleRecord } from '../articleStore';
import { LineIndex } from '../lineIndex';
import { ServerContext } from '../serverContext';
import { articleTree } from './outlineArticles';

/** Symbol kinds echo the semantic token super-types: places namespaces, factions classes, dates numbers. */
const KIND: Record<OutlineSymbol['icon'], SymbolKind> = {
  headline: SymbolKind.File,
  group: SymbolKind.Package,
  country: SymbolKind.Namespace,
  province: SymbolKind.Namespace,
  region: SymbolKind.Namespace,
  place: SymbolKind.Module,
  water: SymbolKind.Module,
  terrain: SymbolKind.Module,
  state: SymbolKind.Class,
  'armed-group': SymbolKind.Class,
  coalition: SymbolKind.Class,
  militia: SymbolKind.Class,
  political: SymbolKind.Class,
  faction: SymbolKind.Class,
  source: SymbolKind.String,
  year: SymbolKind.Enum,
  date: SymbolKind.Number,
  duration: SymbolKind.Number,
  claim: SymbolKind.Event,
  mention: SymbolKind.Field,
};

/**
 * Mentions (or claims) listed under one entity (or group) in the editor's Outline; the rest are summed up in
 * one last entry (the Dateline panel pages through them all). A 1.9 MB document gave 78,742 symbols, 14 MB of
 * JSON that took the server 1.7 s to build and send, each time the editor asked (after every edit); with its
 * mentions capped, its 6,000 claims still made 4.1 MB.
 */
export const MAX_MENTION_SYMBOLS = 50;

/** The symbols of each open document's analysis, made once per version (editors ask again for breadcrumbs). */
const made = new WeakMap<ArticleRecord, DocumentSymbol[]>();

export function registerDocumentSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(async ({ textDocument }) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return [];
    let symbols = made.get(record);
    if (!symbols) made.set(record, (symbols = documentOutline(record, (kind) => articleTree(record, kind)).map((s) => toSymbol(s, record.lines))));
    return symbols;
  });
}

function toSymbol(s: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  return {
    // Editors reject empty names.
    name: s.name.trim() || '(unnamed)',
    detail: s.detail,
    kind: KIND[s.icon] ?? SymbolKind.Field,
    range: lines.rangeOf(s.span),
    selectionRange: lines.rangeOf(s.selection),
    children: childSymbols(s.children, lines),
  };
}

function childSymbols(children: OutlineSymbol[], lines: LineIndex): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  let rows = 0;
  let firstHidden: OutlineSymbol | null = null;
  for (const c of children) {
    if ((c.role === 'mention' || c.role === 'claim') && ++rows > MAX_MENTION_SYMBOLS) firstHidden ??= c;
    else out.push(toSymbol(c, lines));
  }
  if (firstHidden) {
    const more = rows - MAX_MENTION_SYMBOLS;
    const what = firstHidden.role === 'claim' ? 'claim' : 'mention';
    const at = lines.rangeOf(firstHidden.selection);
    out.push({ name: `… ${more} more ${what}${more === 1 ? '' : 's'}`, detail: 'all in the Dateline panel', kind: firstHidden.role === 'claim' ? SymbolKind.Event : SymbolKind.Field, range: at, selectionRange: at, children: [] });
  }
  return out;
}
