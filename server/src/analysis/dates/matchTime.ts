// Recognisers for clock times: "20:12:54", "6:40 p.m.", "18:00 UTC", "0800 GMT", "10am", "noon".
import { Kind, Token, touching } from './tokens';
import { Match, TimeOfDay, expr } from './expr';
import { intAt, w } from './grammarUtil';
import { WordSet } from './wordShapes';

export const UTC_ZONES = new WordSet(['utc', 'gmt', 'z']);
const OTHER_ZONES = new WordSet(['est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'mst', 'mdt', 'cet', 'cest', 'bst', 'ist', 'jst', 'msk', 'eet', 'eest', 'ast']);

/** A clock time at i, with its zone and a.m./p.m. when written. */
export function matchTime(T: Token[], i: number): Match | null {
  const t = T[i];
  if (!t) return null;
  if (t.l === 'noon' || t.l === 'midday' || t.l === 'midnight') {
    const prev = w(T, i - 1);
    if (prev !== 'at' && prev !== 'by' && prev !== 'until' && prev !== 'after' && prev !== 'before' && prev !== 'around') return null;
    return { start: i, end: i + 1, expr: expr({ k: 'time', time: { h: t.l === 'midnight' ? 24 : 12, mi: 0, s: null, zone: null } }) };
  }
  if (t.k !== Kind.Number || t.big) return null;
  let h: number;
  let mi = 0;
  let s: number | null = null;
  let j = i + 1;
  if (T[j]?.l === ':' && touching(t, T[j]) && touching(T[j], T[j + 1]) && T[j + 1].k === Kind.Number && T[j + 1].t.length === 2) {
    if (t.t.length > 2) return null;
    h = +t.t;
    mi = intAt(T, j + 1) ?? 99;
    j += 2;
    if (T[j]?.l === ':' && touching(T[j - 1], T[j]) && T[j + 1]?.k === Kind.Number && T[j + 1].t.length === 2 && touching(T[j], T[j + 1])) {
      s = intAt(T, j + 1);
      j += 2;
    }
    if (T[j] && touching(T[j - 1], T[j]) && (T[j].l === ':' || T[j].k === Kind.Number)) return null; // "1:2:3:4"
  } else if (t.t.length === 4 && (UTC_ZONES.has(w(T, i + 1)) || w(T, i + 1) === 'hrs' || w(T, i + 1) === 'hours') && /^[012]/.test(t.t)) {
    if (w(T, i + 1) === 'hours' && t.t[0] !== '0') return null;
    h = +t.t.slice(0, 2);
    mi = +t.t.slice(2);
  } else if (t.t.length <= 2) {
    h = +t.t;
    const ap = amPmAt(T, j);
    if (!ap) return null;
  } else return null;
  if (h > 24 || mi > 59 || (s !== null && s > 59)) return null;
  const ap = amPmAt(T, j);
  if (ap) {
    if (h === 0 || h > 12) return null;
    if (ap.pm && h < 12) h += 12;
    if (!ap.pm && h === 12) h = 0;
    j = ap.end;
  }
  let zone: string | null = null;
  const z = w(T, j);
  if (UTC_ZONES.has(z) && T[j].t === T[j].t.toUpperCase()) {
    zone = 'Z';
    j++;
  } else if (OTHER_ZONES.has(z) && T[j].t === T[j].t.toUpperCase()) {
    j++;
  } else if (z === 'hrs' || (z === 'hours' && t.t.length === 4)) j++;
  else if (z === 'local' && w(T, j + 1) === 'time') j += 2;
  const time: TimeOfDay = { h, mi, s, zone };
  return { start: i, end: j, expr: expr({ k: 'time', time }) };
}

/** "a.m.", "p.m.", "am", "pm", "AM" right after a number. */
function amPmAt(T: Token[], j: number): { pm: boolean; end: number } | null {
  const a = w(T, j);
  if (a === 'am' || a === 'pm') return { pm: a === 'pm', end: j + 1 };
  if ((a === 'a' || a === 'p') && T[j + 1]?.l === '.' && w(T, j + 2) === 'm' && touching(T[j], T[j + 1]) && touching(T[j + 1], T[j + 2])) {
    const end = T[j + 3]?.l === '.' && touching(T[j + 2], T[j + 3]) ? j + 4 : j + 3;
    return { pm: a === 'p', end };
  }
  return null;
}
