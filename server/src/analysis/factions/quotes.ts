// Quotations that run over several sentences: `"First. Second," he said.` credits both to "he".
import { Sentence } from '../types';

/** Groups of sentence indices (two or more) joined by a quotation left open across a sentence end. */
export function quoteBlocks(text: string, sentences: Sentence[]): number[][] {
  const blocks: number[][] = [];
  let open = false;
  let current: number[] = [];
  let paragraph = -1;
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
    for (let i = s.start; i < s.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201c) open = true;
      else if (c === 0x201d) open = false;
      else if (c === 34) open = !open;
    }
  });
  if (current.length > 1) blocks.push(current);
  return blocks;
}
