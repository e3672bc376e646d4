// `dateline/map`: the places of a scope with their mentions, claims and control history summed up, for the map
// panel; `dateline/mapPlace`: one of them in detail (the claims behind its control, its sentences) when selected.
import { CancellationToken } from 'vscode-languageserver';
import { findConflicts } from '../../analysis/conflicts';
import { ControlConflict, ControlPeriod, mapOfPlaces, placeSentences } from '../../analysis/map';
import { MapParams, MapPlaceParams, MapPlaceRequest, MapPlaceResult, MapRequest, MapResult, Scope } from '../../protocol';
import { ServerContext } from '../serverContext';
import { mapArticles, sentenceArticles } from './mapArticles';
import { scopeArticles } from './outlineArticles';

/** Conflicts across the workspace (the server's conflict store), or computed here when none is given. */
export type MapConflictSource = () => readonly ControlConflict[];

type MapOfPlaces = { result: MapResult; control: Map<string, ControlPeriod[]> };

export function registerMap(ctx: ServerContext, conflictSource?: MapConflictSource): void {
  const cache = new Map<string, { version: number; map: MapOfPlaces }>();
  const mapFor = async (scope: Scope, uri: string | undefined, token?: CancellationToken): Promise<MapOfPlaces> => {
    const key = `${scope}:${scope === 'article' ? uri : ''}`;
    const hit = cache.get(key);
    if (hit && hit.version === ctx.store.version) return hit.map;
    const records = await scopeArticles(ctx, scope, uri, token);
    // Conflicts come from every article: a report elsewhere can make a place in this one contested.
    const conflicts =
      conflictSource?.() ?? findConflicts(ctx.store.articles().map((r) => ({ uri: r.uri, published: r.analysis.publication.date, claims: r.analysis.claims })));
    const map = mapOfPlaces(mapArticles(records), conflicts);
    cache.set(key, { version: ctx.store.version, map });
    return map;
  };
  const scopeOf = (params: { scope?: unknown } | undefined): Scope => (params?.scope === 'article' ? 'article' : 'workspace');

  ctx.connection.onRequest(MapRequest, async (params: MapParams, token?: CancellationToken): Promise<MapResult> => (await mapFor(scopeOf(params), params?.uri, token)).result);

  ctx.connection.onRequest(MapPlaceRequest, async (params: MapPlaceParams, token?: CancellationToken): Promise<MapPlaceResult> => {
    if (typeof params?.placeId !== 'string') return { control: null, sentences: [], next: null };
    const scope = scopeOf(params);
    const offset = params.offset ?? 0;
    const control = offset > 0 ? null : ((await mapFor(scope, params.uri, token)).control.get(params.placeId) ?? []);
    const records = await scopeArticles(ctx, scope, params.uri, token);
    return { control, ...placeSentences(sentenceArticles(records, params.placeId), params.placeId, offset) };
  });
}
