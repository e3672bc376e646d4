// The article's focus countries: how much the article is about each country, from its dateline city, the
// countries it names and the places whose name is unambiguous. Candidates in these countries win.
import { FLAG_CAPITAL, lookupKey, PlaceIndex } from './placeIndex';
import { focusEvidence, placeRecord } from './candidateFacts';
import { placeKey } from './placeKey';
import type { RawMatches } from './rawMatches';

/**
 * Country code -> share 0..1 of one article. Kept from article to article (analyses run one at a time)
 * in two short parallel lists: an article names a few countries, and comparing their codes cost less than a
 * map update per name (a map per article was also its largest object after the mentions).
 */
export class FocusShares {
  private readonly codes: string[] = [];
  private readonly shares: number[] = [];
  private count = 0;

  /** The country's share, undefined when the article gives it none (as Map.get). */
  get(country: string): number | undefined {
    const codes = this.codes;
    for (let k = 0; k < this.count; k++) if (codes[k] === country) return this.shares[k];
    return undefined;
  }

  /** Weighs the article's names afresh. */
  fill(raw: RawMatches, index: PlaceIndex, datelineCity: string | null): void {
    const codes = this.codes;
    const sums = this.shares;
    // Emptied by pop(): setting the length to 0 gives up the lists' storage.
    while (codes.length > 0) codes.pop();
    while (sums.length > 0) sums.pop();
    const lead = datelineCity ? datelineCountry(index, datelineCity) : null;
    if (lead) {
      codes.push(lead);
      sums.push(3);
    }
    for (let r = 0; r < raw.count; r++) {
      const e = focusEvidence(index, raw.items[r].lookup);
      if (!e.country) continue;
      const k = codes.indexOf(e.country);
      if (k < 0) {
        codes.push(e.country);
        sums.push(e.weight);
      } else sums[k] += e.weight;
    }
    let max = 0;
    for (let k = 0; k < sums.length; k++) max = Math.max(max, sums[k]);
    // Scaled in place: the sums become the shares.
    if (max > 0) for (let k = 0; k < sums.length; k++) sums[k] = sums[k] / max;
    this.count = max > 0 ? codes.length : 0;
  }
}

const datelineCache = new WeakMap<PlaceIndex, Map<string, string | null>>();

/** The country of the dateline's city as written ("DAMASCUS"): its capital or largest city or town of the name. */
function datelineCountry(index: PlaceIndex, city: string): string | null {
  let m = datelineCache.get(index);
  if (!m || m.size > 5000) datelineCache.set(index, (m = new Map()));
  let country = m.get(city);
  if (country === undefined) m.set(city, (country = cityCountry(index, city)));
  return country;
}

/** datelineCountry's work, once per city (its closures could cost a context on every call there). */
function cityCountry(index: PlaceIndex, city: string): string | null {
  const look = lookupKey(index, placeKey(city));
  if (!look) return null;
  const cities = look.candidates.map((i) => placeRecord(index, i)).filter((p) => p.feature === 'city' || p.feature === 'town');
  cities.sort((a, b) => (b.flags & FLAG_CAPITAL) - (a.flags & FLAG_CAPITAL) || (b.population ?? 0) - (a.population ?? 0));
  return cities[0]?.country ?? null;
}
