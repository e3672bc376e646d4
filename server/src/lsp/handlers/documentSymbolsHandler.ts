// The built-in Outline and breadcrumbs: headline, then Places, Factions, Dates, Claims (see analysis/outline).
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { documentOutline, OutlineSymbol } from '../../analysis/outline';
import { LineIndex } from '../lineIndex';
import { ServerContext } from '../serverContext';

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

export function registerDocumentSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(async ({ textDocument }) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return [];
    return documentOutline(record).map((s) => toSymbol(s, record.lines));
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
    children: s.children.map((c) => toSymbol(c, lines)),
  };
}
