// Long output written a part at a time through a line writer (one that ends each call with a newline), so a
// timeline of 10,000 articles never has to be one string.

/** Characters gathered before a part is written. */
const PART_CHARS = 1 << 20;

/**
 * Writes the pieces' text through `out`, which adds a newline after each call: parts end where the text has a
 * newline, so the output is exactly the text, with one newline added at the end when it has none.
 */
export function writeLines(pieces: Iterable<string>, out: (line: string) => void): void {
  let held = '';
  for (const piece of pieces) {
    held += piece;
    if (held.length < PART_CHARS) continue;
    // A newline at the very end stays held: the last call's own newline stands for it.
    const cut = held.lastIndexOf('\n', held.length - 2);
    if (cut < 0) continue;
    out(held.slice(0, cut));
    held = held.slice(cut + 1);
  }
  out(held.endsWith('\n') ? held.slice(0, -1) : held);
}
