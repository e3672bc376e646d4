// Deterministic synthetic claims for benchmarks ("conflict detection over the claims of 10,000 articles"):
// Zipf-like place popularity (a few places in thousands of claims, as Aleppo or Raqqa are), dates over
// seven years, a realistic mix of actions, sources and modalities. Plain data, no text.
import { Claim, ClaimAction } from '../types';
import { ArticleClaims } from './types';

/** Small deterministic PRNG (mulberry32), so every run of a benchmark or generated fixture sees the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = [
  { id: 'sy-army', name: 'Syrian Arab Army' },
  { id: 'is', name: 'Islamic State' },
  { id: 'sdf', name: 'Syrian Democratic Forces' },
  { id: 'fsa', name: 'Free Syrian Army' },
  { id: 'nusra', name: 'Nusra Front' },
  { id: 'iq-army', name: 'Iraqi Security Forces' },
];
const ACTIONS: ClaimAction[] = ['took-control', 'took-control', 'controls', 'controls', 'besieged', 'advanced', 'attacked', 'attacked', 'casualties', 'casualties'];
const SOURCES = ['Xinhua', 'Reuters', 'AFP', 'AP', 'SANA', 'Syrian Observatory for Human Rights', 'Amaq', 'Anadolu'];
const TOLL_KINDS = ['airstrike', 'shelling', 'bombing'];
const DAY0 = Date.UTC(2011, 2, 15) / 86400000;

function day(n: number): string {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

/** `count` articles of `claimsPerArticle` claims each, the same for the same seed. */
export function syntheticArticleClaims(count: number, seed = 1, claimsPerArticle = 8, places = 2000): ArticleClaims[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: ArticleClaims[] = [];
  for (let a = 0; a < count; a++) {
    const published = Math.floor(DAY0 + r() * 2600);
    const agency = pick(SOURCES.slice(0, 4));
    const claims: Claim[] = [];
    for (let k = 0; k < claimsPerArticle; k++) {
      // Zipf-like: place i with weight ~ 1/(i+1).
      const p = Math.min(places - 1, Math.floor(Math.exp(r() * Math.log(places + 1))) - 1);
      const action = pick(ACTIONS);
      let when = published - Math.floor(r() * r() * 20);
      // Who holds a place changes every year or so; one report in ten names someone else (a real dispute or an error).
      const era = Math.floor((when + p * 37) / 365);
      const holder = ACTORS[(p * 7 + era * 3) % ACTORS.length];
      // A capture is reported for the day the era began, a few reports a day or more off.
      if (action === 'took-control') when = era * 365 - p * 37 + (r() < 0.9 ? 0 : 1 + Math.floor(r() * 4));
      const precise = r() < 0.8;
      const from = precise ? day(when) : day(when - 15);
      const to = precise ? day(when) : day(when + 15);
      const percent = action === 'controls' && r() < 0.2 ? 50 + Math.floor(r() * 50) : null;
      const actor = (action === 'controls' || action === 'took-control') && r() < 0.9 ? holder : pick(ACTORS);
      const claim: Claim = {
        id: `s${a}.${k}`,
        start: k * 100,
        end: k * 100 + 90,
        sentence: k,
        actor,
        action,
        patient: null,
        place: { id: `place-${p}`, name: `Place ${p}`, lat: null, lon: null, country: 'SY', admin1: null },
        extent: { kind: percent ? 'partial' : 'full', text: null, percent, area: r() < 0.1 ? 'old city' : null },
        time: { value: from, label: from, from, to, basis: r() < 0.7 ? 'stated' : 'publication' },
        source: r() < 0.6 ? { id: agency.toLowerCase(), name: agency } : { id: `src-${k % 5}`, name: pick(SOURCES) },
        modality: r() < 0.05 ? 'predicted' : r() < 0.03 ? 'denied' : 'reported',
        count: action === 'casualties' ? 10 + Math.floor(r() * 4) * 5 : null,
        summary: '',
      };
      // Tolls carry a kind of event, victims and now and then a target or district, chosen without drawing from
      // the PRNG (the rest of the data stays as it was), so toll pairs run the whole casualty rule.
      if (action === 'casualties') {
        claim.eventKind = TOLL_KINDS[(p + when) % TOLL_KINDS.length];
        claim.victims = (a + k) % 3 === 0 ? 'civilians' : 'people';
        if ((p + when) % 4 === 0) claim.incident = { target: 'market', districts: [`district-${when % 3}`] };
      }
      claims.push(claim);
    }
    out.push({ uri: `file:///bench/article-${a}.txt`, published: day(published), claims });
  }
  return out;
}
