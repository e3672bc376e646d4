// Quotations that run over several sentences: `"First. Second," he said.` credits both to "he".
import { Sentence } from '../types';

/** Groups of sentence indices (two or more) joined by a quotation left open across a sentence end. */
export function quoteBlocks(text: string, sentences: Sentence[]): number[][] {
  // A block is a run of consecutive sentences: kept as its first sentence and length while it grows, and
  // made an array only when it has two or more (a one-sentence array per sentence was most of the bytes).
  const marks = new QuoteMarks(text);
  const blocks: number[][] = [];
  let open = false;
  let first = 0;
  let count = 0;
  let paragraph = -1;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    if (s.paragraph !== paragraph) {
      // A quote never carries over a paragraph break unclosed in wire copy; reset to be safe.
      if (count > 1) blocks.push(run(first, count));
      count = 0;
      open = false;
      paragraph = s.paragraph;
    }
    if (open) count++;
    else {
      if (count > 1) blocks.push(run(first, count));
      first = si;
      count = 1;
    }
    while (marks.at >= 0 && marks.at < s.start) marks.next();
    for (; marks.at >= 0 && marks.at < s.end; marks.next()) {
      const ch = text.charCodeAt(marks.at);
      open = ch === 0x201c ? true : ch === 0x201d ? false : !open;
    }
  }
  if (count > 1) blocks.push(run(first, count));
  return blocks;
}

/** [first, first + 1, …] of the given length. */
function run(first: number, count: number): number[] {
  const out: number[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = first + k;
  return out;
}

/**
 * The text's quotation marks in order, one at a time: a cursor per kind of mark, each found with native
 * indexOf, and `at` the nearest of them (-1 when none is left). No list of offsets to sort per article.
 */
class QuoteMarks {
  at = -1;
  private straight: number;
  private opening: number;
  private closing: number;

  constructor(private readonly text: string) {
    this.straight = text.indexOf('"');
    this.opening = text.indexOf('\u201c');
    this.closing = text.indexOf('\u201d');
    this.pick();
  }

  /** Moves past the current mark. */
  next(): void {
    const at = this.at;
    if (at < 0) return;
    if (at === this.straight) this.straight = this.text.indexOf('"', at + 1);
    else if (at === this.opening) this.opening = this.text.indexOf('\u201c', at + 1);
    else this.closing = this.text.indexOf('\u201d', at + 1);
    this.pick();
  }

  private pick(): void {
    let at = this.straight;
    if (this.opening >= 0 && (at < 0 || this.opening < at)) at = this.opening;
    if (this.closing >= 0 && (at < 0 || this.closing < at)) at = this.closing;
    this.at = at;
  }
}
