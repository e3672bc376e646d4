// Conflicts among the claims about one place: candidate pairs by a sweep over time (so a place with
// thousands of claims stays fast), findings merged by their normalised key into stable conflicts.
import { Conflict, ConflictClaim } from './types';
import { Entry } from './entry';
import { comparePair, PairFinding } from './rules';
import { hashText } from '../claims/claimText';

// Longest claim interval a time-bound rule accepts, and the widest gap between two claims it compares.
const MAX_SPAN = 31;
const MAX_GAP = 31;

/** Every conflict among the entries of one place (all entries share the place id). */
export function conflictsOfPlace(entries: Entry[]): Conflict[] {
  const findings = new Map<string, PairFinding[]>();
  const add = (a: Entry, b: Entry) => {
    const f = comparePair(a, b);
    if (!f) return;
    const got = findings.get(f.key);
    if (got) got.push(f);
    else findings.set(f.key, [f]);
  };

  // Short, dated claims: compare only neighbours in time.
  const timed = entries.filter((e) => e.from !== null && e.to !== null && e.to - e.from <= MAX_SPAN).sort((x, y) => x.from! - y.from!);
  for (let i = 0; i < timed.length; i++) {
    const a = timed[i];
    for (let j = i + 1; j < timed.length && timed[j].from! <= a.to! + MAX_GAP; j++) add(a, timed[j]);
  }
  // Long or open claims (sieges "since 2015", predictions) meet captures only: few of each per place.
  const takes = entries.filter((e) => e.claim.action === 'took-control');
  const open = entries.filter((e) => !(e.from !== null && e.to !== null && e.to - e.from <= MAX_SPAN) && (e.claim.action === 'besieged' || e.claim.modality === 'predicted'));
  for (const o of open) for (const t of takes) if (o !== t) add(o, t);
  // Predictions with a precise deadline are "timed" too but meet their outcome weeks later.
  const predictions = timed.filter((e) => e.claim.modality === 'predicted');
  for (const p of predictions) for (const t of takes) if (p !== t && t.from !== null && t.from > p.to! + MAX_GAP) add(p, t);

  return [...findings.values()].map(toConflict);
}

function ref(e: Entry, value: string): ConflictClaim {
  const c = e.claim;
  return {
    uri: e.uri,
    claimId: c.id,
    range: { start: c.start, end: c.end },
    sentence: c.sentence,
    source: c.source,
    value,
    summary: c.summary,
    modality: c.modality,
    dateLabel: c.time?.label ?? null,
    published: e.published,
  };
}

function toConflict(found: PairFinding[]): Conflict {
  const f = found[0];
  const claims: ConflictClaim[] = [];
  const seen = new Set<string>();
  for (const g of found) {
    g.sides.forEach((e, i) => {
      const k = `${e.uri}#${e.claim.id}`;
      if (seen.has(k)) return;
      seen.add(k);
      claims.push(ref(e, g.values[i]));
    });
  }
  claims.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : x.range.start - y.range.start));
  const place = f.sides[0].claim.place;
  return {
    id: `${f.kind}-${hashText(f.key)}`,
    kind: f.kind,
    place: place ? { id: place.id, name: place.name } : null,
    dates: f.dates,
    outcome: f.outcome,
    message: f.message,
    claims,
    files: claims.map((c) => c.uri),
    ranges: claims.map((c) => c.range),
    sources: claims.map((c) => c.source.name),
    values: claims.map((c) => c.value),
  };
}
