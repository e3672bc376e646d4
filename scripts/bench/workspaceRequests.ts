// What a user does once a large workspace is indexed ("fast on ten thousand", issue 8): open the side panel's
// views, expand the most mentioned place, find all its mentions, build the timeline, list the conflicts, open
// the map, search symbols, then edit an open article and look at the panel and the timeline again. Each request is timed twice (the second reads the server's caches).
import { EntitiesRequest, EntitiesResult, EntityNode } from '../../server/src/protocol';
import { Session } from './lspSession';
import { generateArticle } from './newsCorpus';
import { now, percentile, rssNowMB, round } from './stats';

export interface RequestTiming {
  name: string;
  firstMs: number | null;
  againMs: number | null;
  /** Server CPU (all threads) during the first request. */
  firstCpuMs: number | null;
  /** JSON size of the reply. */
  replyMB: number | null;
  /** The server's resident memory right after the first reply. */
  rssMB?: number | null;
  /** Why the request failed (the error the server answered with), or null. */
  error: string | null;
  /** Hovers in an open article every 20 ms during the request (the panel's first one and the timeline's). */
  hoverMeanwhile?: { p50: number; p95: number; max: number; n: number };
}

/** Times the workspace-scope requests of a session whose index pass has ended. */
export async function workspaceRequests(s: Session, cpuSeconds: () => number | null): Promise<RequestTiming[]> {
  const out: RequestTiming[] = [];
  const time = async (name: string, method: string, params: unknown): Promise<unknown> => {
    let reply: unknown = null;
    const row: RequestTiming = { name, firstMs: null, againMs: null, firstCpuMs: null, replyMB: null, error: null };
    out.push(row);
    for (let k = 0; k < 2; k++) {
      const cpu0 = cpuSeconds();
      const t = now();
      try {
        reply = await s.connection.sendRequest(method, params);
      } catch (err) {
        row.error = err instanceof Error ? err.message : String(err);
        return null;
      }
      const ms = round(now() - t, 1);
      const cpu1 = cpuSeconds();
      if (k === 0) {
        row.firstMs = ms;
        row.firstCpuMs = cpu0 === null || cpu1 === null ? null : round((cpu1 - cpu0) * 1000, 0);
        row.replyMB = round(JSON.stringify(reply).length / 1e6, 2);
        const rss = rssNowMB(s.process.pid!);
        row.rssMB = rss === null ? null : round(rss, 0);
      } else row.againMs = ms;
    }
    return reply;
  };
  // The user hovers in an open article while the longest requests are answered.
  const uri = 'file:///tmp/dateline-bench-hovered.news';
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: generateArticle(44, 4000) } });
  await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
  const timeWhileHovering = async (name: string, method: string, params: unknown): Promise<unknown> => {
    const waits: number[] = [];
    let hovering = true;
    const probe = (async () => {
      while (hovering) {
        const t = now();
        await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
        waits.push(now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const reply = await time(name, method, params).finally(() => (hovering = false));
    await probe;
    if (waits.length) out[out.length - 1].hoverMeanwhile = { p50: round(percentile(waits, 50), 1), p95: round(percentile(waits, 95), 1), max: round(Math.max(...waits), 1), n: waits.length };
    return reply;
  };
  // The panel's views ask for their kinds together when it opens.
  const places = (await timeWhileHovering('side panel: places', EntitiesRequest, { scope: 'workspace', kind: 'place' })) as EntitiesResult | null;
  await time('side panel: factions', EntitiesRequest, { scope: 'workspace', kind: 'faction' });
  await time('side panel: dates', EntitiesRequest, { scope: 'workspace', kind: 'date' });
  await time('side panel: claims', EntitiesRequest, { scope: 'workspace', kind: 'claim' });
  const top = mostMentioned(places?.nodes ?? []);
  if (top?.entity) {
    await time(`side panel: expand ${top.label} (${top.count} mentions)`, EntitiesRequest, { scope: 'workspace', kind: 'place', parent: top.id });
    await time(`find all mentions of ${top.label}`, 'dateline/mentions', { kind: 'place', id: top.entity.id });
  }
  // The timeline panel asks for the window of days on screen (counts when crowded); the first builds the events.
  await timeWhileHovering('timeline: first window', 'dateline/timelineWindow', { scope: 'workspace' });
  await time('timeline: a page of events', 'dateline/timeline', { scope: 'workspace' });
  await time('conflicts', 'dateline/conflicts', { scope: 'workspace' });
  await time('map', 'dateline/map', { scope: 'workspace' });
  await time('workspace symbols "aleppo"', 'workspace/symbol', { query: 'aleppo' });
  // The user edits the open article: the panel's trees and the timeline are made again, from what each kept of
  // the other articles (only the edited one is read anew).
  let version = 1;
  const edit = () => s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: generateArticle(44 + version, 4000) }] });
  await edit();
  await time('after an edit: side panel places', EntitiesRequest, { scope: 'workspace', kind: 'place' });
  await edit();
  await time('after an edit: timeline first window', 'dateline/timelineWindow', { scope: 'workspace' });
  return out;
}

/** The place entity with the most mentions among the nodes sent (groups and their children). */
function mostMentioned(nodes: EntityNode[]): EntityNode | null {
  let best: EntityNode | null = null;
  const walk = (list: EntityNode[]) => {
    for (const n of list) {
      if (n.role === 'entity' && (n.count ?? 0) > (best?.count ?? 0)) best = n;
      walk(n.children);
    }
  };
  walk(nodes);
  return best;
}
