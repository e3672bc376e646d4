// Pure model of the map at a date: each place's marker size, colour class (by the faction holding it, or contested)
// and the words it says; and the faction legend. No DOM and no projection here: tested without a browser.
import type { MapControlSummary, MapPlace, MapResult, MapSide } from '../../../server/src/protocol';

/** A period with its sides looked up in the reply's table. */
export type MapPeriodView = Omit<MapControlSummary, 'parties'> & { parties: MapSide[] };

/** A place as the view reads it: its periods with their sides. */
export type MapPlaceView = Omit<MapPlace, 'control'> & { control: MapPeriodView[] };

/** The reply's places with each period's sides looked up (an index the table lacks is left out). */
export function placesOf(result: MapResult): MapPlaceView[] {
  const sides = Array.isArray(result.sides) ? result.sides : [];
  return result.places.map((p) => ({
    ...p,
    control: p.control.map((c) => ({ ...c, parties: c.parties.map((i) => sides[i]).filter((x): x is MapSide => x !== undefined) })),
  }));
}

export interface MarkerModel {
  place: MapPlaceView;
  /** Radius in px, by mention count (area grows with mentions). */
  r: number;
  /** 'held' with a faction colour index, 'contested', or 'unknown' (no claim says who holds it then). */
  status: 'held' | 'contested' | 'unknown';
  colour: number | null;
  period: MapPeriodView | null;
  /** What a screen reader says and the hover shows first. */
  label: string;
}

export interface LegendEntry {
  id: string;
  name: string;
  colour: number;
}

/** The period in force on a day, or null (of the summaries every place carries, or of a place's details). */
export function periodAt<P extends { from: string; to: string | null }>(periods: readonly P[], date: string | null): P | null {
  if (!date) return periods[periods.length - 1] ?? null;
  let found: P | null = null;
  for (const p of periods) if (p.from <= date && (p.to === null || date <= p.to)) found = p;
  return found;
}

/** One colour per faction that holds anything at any time, in order of first appearance (stable while sliding). */
export function legendOf(places: readonly MapPlaceView[]): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const p of places) {
    for (const period of p.control) {
      const f = period.faction;
      if (f && !out.some((x) => x.id === f.id)) out.push({ id: f.id, name: f.name, colour: out.length % 8 });
    }
  }
  return out;
}

export function radiusOf(mentions: number): number {
  return Math.round(Math.min(22, 4 + 3 * Math.sqrt(Math.max(1, mentions))));
}

/** Markers for a day: biggest first, so small ones are drawn on top and stay clickable. */
export function markersAt(places: readonly MapPlaceView[], date: string | null, legend: LegendEntry[]): MarkerModel[] {
  return places
    .map((place) => {
      const period = periodAt(place.control, date);
      const status: MarkerModel['status'] = period ? period.status : 'unknown';
      const colour = period?.faction ? legend.find((l) => l.id === period.faction!.id)?.colour ?? null : null;
      return { place, r: radiusOf(place.mentions), status, colour, period, label: markerLabel(place, period) };
    })
    .sort((a, b) => b.r - a.r);
}

/** "Raqqa: contested (Syrian Democratic Forces in the old city vs Islamic State) since 2017-09-02 — 3 mentions". */
export function markerLabel(place: MapPlaceView, period: MapPeriodView | null): string {
  const who = !period
    ? 'no claim about who holds it'
    : period.status === 'contested'
      ? `contested${period.parties.length ? ` (${sidesText(period)})` : ''}`
      : `held by ${period.faction?.name ?? 'an unnamed side'}`;
  const since = period ? ` since ${period.from}` : '';
  return `${place.name}: ${who}${since} — ${place.mentions} mention${place.mentions === 1 ? '' : 's'}`;
}

/**
 * The sides of a contested period, advancing sides (with the parts they hold) first, then those holding out:
 * "Syrian Democratic Forces in the old city vs Islamic State".
 */
export function sidesText(period: { parties: readonly MapSide[] }): string {
  const named = (p: MapSide) => (p.areas?.length ? `${p.name} in the ${p.areas.join(' and the ')}` : p.name);
  const names = (holdingOut: boolean) => period.parties.filter((p) => (p.role === 'holding out') === holdingOut).map(named).join(', ');
  const advancing = names(false);
  const holdingOut = names(true);
  return advancing && holdingOut ? `${advancing} vs ${holdingOut}` : advancing || holdingOut;
}

/** Days between two YYYY-MM-DD dates, and the date n days after one: for the slider. */
export function dayIndex(from: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(from: string, n: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
