// CSV with ACLED-style columns, RFC 4180 quoting (CRLF rows, quoted fields with doubled quotes), so the timeline
// can be merged with ACLED data in a spreadsheet, R or pandas. Extra Dateline columns come after ACLED's.
import type { TimelineEvent } from '../../../protocol';
import { citePath, oneLine } from './escape';
import { ITEMS_PER_PIECE } from './textParts';

/** The ACLED columns, in ACLED's names and order. */
export const ACLED_COLUMNS = [
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'admin1',
  'country',
  'latitude',
  'longitude',
  'source',
  'notes',
  'fatalities',
] as const;

/** Dateline's own columns: the date as the reports give it, the kind of claim, conflicts, and where to read it. */
export const EXTRA_COLUMNS = ['date_label', 'end_date', 'modality', 'claim_action', 'conflicts', 'article', 'line', 'event_id'] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...EXTRA_COLUMNS];

export interface CsvOptions {
  relativeTo?: string[];
}

/** Renders events as CSV (header row first). */
export function toCsv(events: TimelineEvent[], options: CsvOptions = {}): string {
  return [...csvPieces(events, options)].join('');
}

/** The CSV of `toCsv` in pieces of a thousand rows (see textParts.ts). */
export function* csvPieces(events: TimelineEvent[], options: CsvOptions = {}): Generator<string> {
  let rows = [CSV_COLUMNS.map((c) => csvField(c)).join(',')];
  for (const [i, e] of events.entries()) {
    const row = csvRow(e, options);
    rows.push(CSV_COLUMNS.map((c) => csvField(row[c], NUMERIC.has(c))).join(','));
    if ((i + 1) % ITEMS_PER_PIECE === 0) {
      yield rows.join('\r\n') + '\r\n';
      rows = [];
    }
  }
  if (rows.length) yield rows.join('\r\n') + '\r\n';
}

const NUMERIC = new Set<string>(['time_precision', 'latitude', 'longitude', 'fatalities', 'line']);

/** One event as column → value, before quoting. */
export function csvRow(e: TimelineEvent, options: CsvOptions = {}): Record<(typeof CSV_COLUMNS)[number], string> {
  const [type, subType] = acledType(e);
  // ACLED's actor1 is the side that acted or won; "X lost Y to Z" puts Z first.
  const [actor1, actor2] = e.action === 'lost-control' ? [e.patient, e.actor] : [e.actor, e.patient];
  const sources = [...new Set(e.reports.map((r) => r.source))];
  return {
    event_date: e.sortDate ?? '',
    time_precision: String(acledPrecision(e)),
    event_type: type,
    sub_event_type: subType,
    actor1: actor1 ?? '',
    actor2: actor2 ?? '',
    location: e.place ?? '',
    admin1: e.admin1 ?? '',
    country: e.countryName ?? e.country ?? '',
    latitude: e.lat === null ? '' : e.lat.toFixed(4),
    longitude: e.lon === null ? '' : e.lon.toFixed(4),
    source: sources.join('; '),
    notes: notes(e),
    fatalities: e.action === 'casualties' ? (e.count === null ? '' : String(e.count)) : '0',
    date_label: e.dateLabel,
    end_date: e.endDate ?? '',
    modality: e.modality,
    claim_action: e.action,
    conflicts: e.conflicts.join(' '),
    article: citePath(e.location.uri, options.relativeTo),
    line: String(e.location.range.start.line + 1),
    event_id: e.id,
  };
}

/** ACLED time precision: 1 = the day is known, 2 = within about a week, 3 = a month or vaguer. */
export function acledPrecision(e: TimelineEvent): 1 | 2 | 3 {
  return e.precision === 'day' ? 1 : e.precision === 'week' ? 2 : 3;
}

/** ACLED event type and sub-event type for a claim action (closest fit; the claim action column keeps ours). */
export function acledType(e: TimelineEvent): [string, string] {
  const state = e.actorKind === 'state';
  switch (e.action) {
    case 'took-control':
      return ['Battles', state ? 'Government regains territory' : 'Non-state actor overtakes territory'];
    case 'lost-control':
      return ['Battles', state ? 'Non-state actor overtakes territory' : 'Government regains territory'];
    case 'besieged':
    case 'attacked':
      return ['Battles', 'Armed clash'];
    case 'casualties':
      return ['Battles', 'Armed clash'];
    case 'advanced':
    case 'controls':
    default:
      return ['Strategic developments', 'Other'];
  }
}

function notes(e: TimelineEvent): string {
  const parts = [e.modality === 'predicted' ? `Predicted: ${e.summary}.` : `${e.summary}.`];
  parts.push(`Date as reported: ${e.dateLabel}.`);
  for (const v of e.versions) parts.push(`Disputed (${v.kind}): ${v.source ? `${v.source}: ` : ''}${v.summary}.`);
  parts.push(`"${e.sentence}"`);
  return oneLine(parts.join(' '));
}

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with quotes doubled. Text cells that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR first) get a leading apostrophe: article text must not execute.
 */
export function csvField(value: string, numeric = false): string {
  let v = value;
  if (!numeric && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
