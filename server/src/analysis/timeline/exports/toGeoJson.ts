// GeoJSON (RFC 7946) of the places the timeline involves: one Point per place, [longitude, latitude] in WGS 84,
// with the events there summarised in properties. Loads as is in QGIS, kepler.gl or geojson.io.
import type { TimelineEvent } from '../../../protocol';

export interface PlaceFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  features: PlaceFeature[];
}

export interface GeoJsonOptions {
  /**
   * Extra properties per place, merged over ours: the hook the map work uses to add a `control` history
   * (who held the place when, according to which claims).
   */
  placeProperties?: (placeId: string, events: TimelineEvent[]) => Record<string, unknown>;
}

/** Places with coordinates, in order of first event; events without coordinates are left out. */
export function toGeoJson(events: TimelineEvent[], options: GeoJsonOptions = {}): PlaceCollection {
  const byPlace = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    if (!e.placeId || !validCoordinates(e.lat, e.lon)) continue;
    const list = byPlace.get(e.placeId) ?? [];
    list.push(e);
    byPlace.set(e.placeId, list);
  }
  const features: PlaceFeature[] = [];
  for (const [placeId, list] of byPlace) {
    const first = list[0];
    const dated = list.filter((e) => e.sortDate);
    const properties: Record<string, unknown> = {
      name: first.place,
      place_id: placeId,
      country: first.country,
      country_name: first.countryName,
      admin1: first.admin1,
      events: list.length,
      first_date: dated.length ? dated.reduce((m, e) => (e.sortDate! < m ? e.sortDate! : m), dated[0].sortDate!) : null,
      last_date: dated.length ? dated.reduce((m, e) => ((e.endDate ?? e.sortDate!) > m ? e.endDate ?? e.sortDate! : m), dated[0].endDate ?? dated[0].sortDate!) : null,
      actors: unique(list.map((e) => e.actor)),
      sources: unique(list.flatMap((e) => e.reports.map((r) => r.source))),
      conflicts: unique(list.flatMap((e) => e.conflicts)).length,
      timeline: list.map((e) => ({ date: e.sortDate, date_label: e.dateLabel, summary: e.summary, actor: e.actor, action: e.action, modality: e.modality, source: e.source, event_id: e.id })),
    };
    let extra: Record<string, unknown> = {};
    try {
      extra = options.placeProperties?.(placeId, list) ?? {};
    } catch {
      // A failing hook loses its extra properties, not the export.
    }
    features.push({
      type: 'Feature',
      id: placeId,
      geometry: { type: 'Point', coordinates: [round6(first.lon!), round6(first.lat!)] },
      properties: { ...properties, ...extra },
    });
  }
  return { type: 'FeatureCollection', features };
}

function validCoordinates(lat: number | null, lon: number | null): boolean {
  return typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** RFC 7946 §11.2: six decimals (about 10 cm) is more than enough. */
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
