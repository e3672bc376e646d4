// Quotations that run over several sentences: `"First. Second," he said.` credits both to "he".
import { Sentence } from '../types';

/** Groups of sentence indices (two or more) joined by a quotation left open across a sentence end. */
export function quoteBlocks(text: string, sentences: Sentence[]): number[][] {
  const marks = quoteMarks(text);
  const blocks: number[][] = [];
  let open = false;
  let current: number[] = [];
  let paragraph = -1;
  let m = 0;
  sentences.forEach((s, si) => {
    if (s.paragraph !== paragraph) {
      // A quote never carries over a paragraph break unclosed in wire copy; reset to be safe.
      if (current.length > 1) blocks.push(current);
      current = [];
      open = false;
      paragraph = s.paragraph;
    }
    if (open) current.push(si);
    else {
      if (current.length > 1) blocks.push(current);
      current = [si];
    }
    while (m < marks.length && marks[m] < s.start) m++;
    for (; m < marks.length && marks[m] < s.end; m++) {
      const ch = text.charCodeAt(marks[m]);
      open = ch === 0x201c ? true : ch === 0x201d ? false : !open;
    }
  });
  if (current.length > 1) blocks.push(current);
  return blocks;
}

/** Offsets of every quotation mark, found with native indexOf (one pass per mark). */
function quoteMarks(text: string): number[] {
  const out: number[] = [];
  for (const q of ['"', '\u201c', '\u201d']) {
    for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) out.push(i);
  }
  return out.sort((a, b) => a - b);
}
