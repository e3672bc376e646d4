// One entry point for every timeline export, used by the CLI and the editor's export buttons alike.
import type { TimelineEvent, TimelineFormat } from '../../../protocol';
import { toCsv } from './toCsv';
import { toGeoJson, GeoJsonOptions } from './toGeoJson';
import { toJson } from './toJson';
import { toMarkdown } from './toMarkdown';
import { toTimelineJs } from './toTimelineJs';

export const TIMELINE_FORMATS: readonly TimelineFormat[] = ['md', 'csv', 'json', 'timelinejs', 'geojson'];

export interface ExportOptions {
  title?: string;
  /** Articles the events were built from. */
  articles?: number;
  /** Folders (URIs or paths) that citations are relative to. */
  relativeTo?: string[];
  /** TimelineJS lanes. */
  groupBy?: 'faction' | 'place';
  placeProperties?: GeoJsonOptions['placeProperties'];
}

/** File extension per format, for save dialogs and output names. */
export function exportExtension(format: TimelineFormat): string {
  return format === 'md' ? 'md' : format === 'csv' ? 'csv' : format === 'geojson' ? 'geojson' : 'json';
}

export function isTimelineFormat(s: string): s is TimelineFormat {
  return (TIMELINE_FORMATS as readonly string[]).includes(s);
}

/** Renders events in an export format, as the text to write to a file. */
export function exportTimeline(format: TimelineFormat, events: TimelineEvent[], options: ExportOptions = {}): string {
  const articles = options.articles ?? new Set(events.map((e) => e.article.uri)).size;
  switch (format) {
    case 'md':
      return toMarkdown(events, { title: options.title, relativeTo: options.relativeTo });
    case 'csv':
      return toCsv(events, { relativeTo: options.relativeTo });
    case 'json':
      return JSON.stringify(toJson(events, articles), null, 2) + '\n';
    case 'timelinejs':
      return JSON.stringify(toTimelineJs(events, { title: options.title, groupBy: options.groupBy }), null, 2) + '\n';
    case 'geojson':
      return JSON.stringify(toGeoJson(events, { placeProperties: options.placeProperties }), null, 2) + '\n';
  }
}
