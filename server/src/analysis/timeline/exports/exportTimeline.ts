// One entry point for every timeline export, used by the CLI and the editor's export buttons alike.
import type { TimelineEvent, TimelineFormat } from '../../../protocol';
import { csvPieces } from './toCsv';
import { toGeoJson, GeoJsonOptions } from './toGeoJson';
import { toJson } from './toJson';
import { markdownPieces } from './toMarkdown';
import { toTimelineJs } from './toTimelineJs';
import { jsonPieces } from './textParts';

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
  return [...exportPieces(format, events, options)].join('');
}

/** The text of `exportTimeline` in pieces of a few MB at most, for exports too large to be one string. */
export function exportPieces(format: TimelineFormat, events: TimelineEvent[], options: ExportOptions = {}): Generator<string> {
  switch (format) {
    case 'md':
      return markdownPieces(events, { title: options.title, relativeTo: options.relativeTo });
    case 'csv':
      return csvPieces(events, { relativeTo: options.relativeTo });
    case 'json':
      return jsonPieces({ ...toJson(events, options.articles ?? new Set(events.map((e) => e.article.uri)).size) }, 'events');
    case 'timelinejs':
      return jsonPieces({ ...toTimelineJs(events, { title: options.title, groupBy: options.groupBy }) }, 'events');
    case 'geojson':
      return jsonPieces({ ...toGeoJson(events, { placeProperties: options.placeProperties }) }, 'features');
  }
}
