// TimeML in and out: the TIMEX3 elements of a list of mentions, reading a TempEval-style document
// (DCT and TEXT), and writing the text back with <TIMEX3> tags inserted and nothing else changed.
import { Mention, TimexPart } from '../types';

/** The TIMEX3 elements for date mentions: a span's ends, or the mention itself. Sorted, non-overlapping. */
export function timexesOf(mentions: Mention[]): TimexPart[] {
  const out: TimexPart[] = [];
  for (const m of mentions) {
    if (m.kind !== 'date') continue;
    if (m.parts && m.parts.length) out.push(...m.parts);
    else out.push({ start: m.start, end: m.end, type: m.type, value: m.value, mod: m.mod });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TimexPart[] = [];
  for (const t of out) if (!kept.length || t.start >= kept[kept.length - 1].end) kept.push(t);
  return kept;
}

export interface TimeMLDocument {
  /** Publication date from <DCT><TIMEX3 value=…>, as YYYY-MM-DD, or null. */
  dct: string | null;
  /** Largest tid number used in the document, so new tids do not clash. */
  maxTid: number;
  /** The TEXT element's content with tags removed (entities left as written). */
  text: string;
  /** For each index of `text` (and its end), the index in the source document. */
  map: number[];
}

/** Reads a TimeML document; null when it has no <TEXT> element (then it is a plain article). */
export function parseTimeML(source: string): TimeMLDocument | null {
  const open = /<TEXT\b[^>]{0,200}>/i.exec(source);
  if (!open) return null;
  const contentStart = open.index + open[0].length;
  const close = source.toUpperCase().lastIndexOf('</TEXT>');
  const contentEnd = close >= contentStart ? close : source.length;
  let dct: string | null = null;
  const dctEl = /<DCT\b[^>]{0,200}>[\s\S]{0,400}?<\/DCT>/i.exec(source);
  if (dctEl) {
    const v = /value\s*=\s*["'](\d{4}-\d{2}-\d{2})/i.exec(dctEl[0]);
    if (v) dct = v[1];
  }
  let maxTid = 0;
  const tidRe = /\btid\s*=\s*["']t(\d{1,9})["']/gi;
  for (let m = tidRe.exec(source); m; m = tidRe.exec(source)) maxTid = Math.max(maxTid, +m[1]);
  let text = '';
  const map: number[] = [];
  let i = contentStart;
  let runStart = i;
  while (i < contentEnd) {
    if (source.charCodeAt(i) === 60 /* < */) {
      const gt = source.indexOf('>', i);
      if (gt < 0 || gt >= contentEnd) break;
      text += source.slice(runStart, i);
      for (let k = runStart; k < i; k++) map.push(k);
      i = gt + 1;
      runStart = i;
    } else i++;
  }
  text += source.slice(runStart, contentEnd);
  for (let k = runStart; k < contentEnd; k++) map.push(k);
  map.push(contentEnd);
  return { dct, maxTid, text, map };
}

/**
 * Writes `source` with a <TIMEX3> element around each timex (offsets into `map`'s text, or into
 * `source` itself when map is null). A timex that would cross an existing tag is left out.
 */
export function insertTimexes(source: string, timexes: TimexPart[], map: number[] | null, firstTid: number): string {
  let out = '';
  let pos = 0;
  let tid = firstTid;
  for (const t of timexes) {
    const s = map ? map[t.start] : t.start;
    const e = map ? map[t.end - 1] + 1 : t.end;
    if (s === undefined || Number.isNaN(e) || s < pos || e - s !== t.end - t.start) continue;
    const mod = t.mod ? ` mod="${t.mod}"` : '';
    out += `${source.slice(pos, s)}<TIMEX3 tid="t${tid++}" type="${t.type}" value="${escapeAttr(t.value)}"${mod}>${source.slice(s, e)}</TIMEX3>`;
    pos = e;
  }
  return out + source.slice(pos);
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
