// `dateline/map`: the places of a scope with their mentions, claims and control history, for the map panel.
import { CancellationToken } from 'vscode-languageserver';
import { findConflicts } from '../../analysis/conflicts';
import { ControlConflict, mapPlaces } from '../../analysis/map';
import { MapParams, MapRequest, MapResult } from '../../protocol';
import { ServerContext } from '../serverContext';
import { scopeArticles } from './outlineArticles';

/** Conflicts across the workspace (the server's conflict store), or computed here when none is given. */
export type MapConflictSource = () => readonly ControlConflict[];

export function registerMap(ctx: ServerContext, conflictSource?: MapConflictSource): void {
  const cache = new Map<string, { version: number; result: MapResult }>();
  ctx.connection.onRequest(MapRequest, async (params: MapParams, token?: CancellationToken): Promise<MapResult> => {
    const scope = params?.scope === 'article' ? 'article' : 'workspace';
    const key = `${scope}:${scope === 'article' ? params.uri : ''}`;
    const hit = cache.get(key);
    if (hit && hit.version === ctx.store.version) return hit.result;
    const records = await scopeArticles(ctx, scope, params?.uri, token);
    // Conflicts come from every article: a report elsewhere can make a place in this one contested.
    const conflicts =
      conflictSource?.() ?? findConflicts(ctx.store.articles().map((r) => ({ uri: r.uri, published: r.analysis.publication.date, claims: r.analysis.claims })));
    const result = mapPlaces(
      records.map((r) => ({ uri: r.uri, text: r.text, analysis: r.analysis, rangeOf: (span) => r.lines.rangeOf(span) })),
      conflicts,
    );
    cache.set(key, { version: ctx.store.version, result });
    return result;
  });
}
