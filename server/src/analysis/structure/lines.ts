import { Span } from '../types';

export interface Line extends Span {
  /** The line without its terminator. */
  text: string;
  index: number;
}

/** Splits text into lines, keeping offsets; handles \n, \r\n and lone \r. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, text: text.slice(start, i), index: index++ });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: n, text: text.slice(start, n), index });
  return lines;
}

/** The line's span with leading and trailing white space removed. */
export function trimmedSpan(line: Line): Span {
  let s = line.start;
  let e = line.end;
  while (s < e && /\s/.test(line.text[s - line.start])) s++;
  while (e > s && /\s/.test(line.text[e - 1 - line.start])) e--;
  return { start: s, end: e };
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}
