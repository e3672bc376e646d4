import { Span } from '../types';

export interface Line extends Span {
  /** The line without its terminator. */
  text: string;
  index: number;
}

/**
 * Splits text into lines, keeping offsets; handles \n, \r\n and lone \r. The list and its lines are
 * reused by the next call (an object per line and a list grown per article were a quarter of the
 * structure stage's garbage): read them before calling again, and releaseLines() when done.
 */
export function splitLines(text: string): Line[] {
  releaseLines();
  let start = 0;
  let index = 0;
  const n = text.length;
  if (text.indexOf('\r') < 0) {
    // The usual case: only \n, found by the engine's own search rather than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      addLine(text, start, i, index++);
      start = i + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        addLine(text, start, i, index++);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  addLine(text, start, n, index);
  return LINES;
}

// The last text's lines, and every line object made so far (reused in turn).
const LINES: Line[] = [];
const POOL: Line[] = [];

function addLine(text: string, start: number, end: number, index: number): void {
  const k = LINES.length;
  if (k === POOL.length) POOL.push({ start: 0, end: 0, text: '', index: 0 });
  const line = POOL[k];
  line.start = start;
  line.end = end;
  line.text = text.slice(start, end);
  line.index = index;
  LINES.push(line);
}

/** Empties the reused list, so the lines keep no article's text alive between analyses. */
export function releaseLines(): void {
  // pop(), not length = 0: the list keeps its room for the next text.
  while (LINES.length > 0) LINES.pop()!.text = '';
}

/** The line's span with leading and trailing white space removed. */
export function trimmedSpan(line: Line): Span {
  let s = line.start;
  let e = line.end;
  while (s < e && isSpaceCode(line.text.charCodeAt(s - line.start))) s++;
  while (e > s && isSpaceCode(line.text.charCodeAt(e - 1 - line.start))) e--;
  return { start: s, end: e };
}

export function isBlank(line: Line): boolean {
  const t = line.text;
  for (let i = 0; i < t.length; i++) if (!isSpaceCode(t.charCodeAt(i))) return false;
  return true;
}

/** The characters a regex \s matches (and String.prototype.trim removes), by code unit. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
