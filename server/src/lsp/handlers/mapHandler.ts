// `dateline/map`: the places of a scope with their mentions, claims and control history summed up, for the map
// panel; `dateline/mapPlace`: one of them in detail (the claims behind its control, its sentences) when selected.
import { CancellationToken } from 'vscode-languageserver';
import { findConflicts } from '../../analysis/conflicts';
import { ControlConflict, MapArticle, MapOfPlaces, mapOfPlacesSteps, placeSentences } from '../../analysis/map';
import { MapParams, MapPlaceParams, MapPlaceRequest, MapPlaceResult, MapRequest, MapResult, Scope } from '../../protocol';
import { ServerContext } from '../serverContext';
import { LatestBuilds } from '../latestBuilds';
import { runInSlices } from '../nextTurn';
import { readArticlesInSlices, withSlowWorkProgress } from '../slowWorkProgress';
import { mapArticleReader, sentenceArticles } from './mapArticles';
import { scopeArticles } from './outlineArticles';

/** Conflicts across the workspace (the server's conflict store), or computed here when none is given. */
export type MapConflictSource = () => Promise<readonly ControlConflict[]>;

/**
 * `conflictsSettled` tells of the conflict checks of an index pass catching up (they run after it, in slices): a
 * map made before then lacks some contested periods, so it is made again at the next request.
 */
export function registerMap(ctx: ServerContext, conflictSource?: MapConflictSource, conflictsSettled?: (listener: () => void) => void): void {
  // One map at a time, kept per scope until the store changes; each made in slices between other requests: the
  // first workspace map at 10,000 articles held the server for 4.6 s in one piece.
  const builds = new LatestBuilds<MapOfPlaces>();
  conflictsSettled?.(() => builds.clear());
  const mapFor = async (scope: Scope, uri: string | undefined, token?: CancellationToken): Promise<MapOfPlaces> => {
    const key = `${scope}:${scope === 'article' ? uri : ''}`;
    await scopeArticles(ctx, scope, uri, token);
    return builds.get(key, ctx.store.version, async (started) => {
      const records = await scopeArticles(ctx, scope, uri);
      started(ctx.store.version);
      // Conflicts come from every article: a report elsewhere can make a place in this one contested.
      const conflicts = conflictSource
        ? await conflictSource()
        : findConflicts(ctx.store.articles().map((r) => ({ uri: r.uri, published: r.analysis.publication.date, claims: r.analysis.claims })));
      return withSlowWorkProgress(ctx.connection.window, 'Dateline: building the map', async (progress) => {
        const read = mapArticleReader();
        const articles: MapArticle[] = [];
        await readArticlesInSlices(progress, records, (r) => articles.push(read(r)));
        progress.phase('placing the claims on the map');
        return runInSlices(mapOfPlacesSteps(articles, conflicts));
      });
    });
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
