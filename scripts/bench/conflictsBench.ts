// Conflict detection over the claims of 10,000 articles (batch), and the incremental update after one edit.
import { ClaimStore, findConflicts, syntheticArticleClaims } from '../../server/src/analysis/conflicts';
import { now, round } from './stats';

export interface ConflictRun {
  articles: number;
  claims: number;
  conflicts: number;
  batchMs: number;
  storeLoadMs: number;
  oneEditMs: number;
}

export function conflictsBench(count: number): ConflictRun {
  const articles = syntheticArticleClaims(count);
  const claims = articles.reduce((n, a) => n + a.claims.length, 0);
  let t = now();
  const found = findConflicts(articles);
  const batchMs = now() - t;
  const store = new ClaimStore();
  t = now();
  store.setMany(articles);
  store.conflicts();
  const storeLoadMs = now() - t;
  // One article edited: its claims change (the first one dropped), conflicts brought up to date.
  const edited = articles[Math.floor(count / 2)];
  t = now();
  store.set(edited.uri, edited.published, edited.claims.slice(1));
  store.conflicts();
  const oneEditMs = now() - t;
  return { articles: count, claims, conflicts: found.length, batchMs: round(batchMs, 1), storeLoadMs: round(storeLoadMs, 1), oneEditMs: round(oneEditMs, 2) };
}
