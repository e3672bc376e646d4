// Export text made a piece at a time, so an export of ~230,000 events (10,000 articles: 600 MB of pretty JSON,
// past V8's longest string) never has to be one string. Joined, the pieces are exactly the text the export had
// when it was made whole.

/** Events rendered per piece of Markdown or CSV: big enough that pieces stay few, small enough that one is a few MB at most. */
export const ITEMS_PER_PIECE = 1000;
/** Characters after which a JSON piece ends (at the end of an item: a GeoJSON place can list 20,000 events). */
export const JSON_PIECE_CHARS = 1_000_000;

/**
 * `JSON.stringify(doc, null, 2) + '\n'`, where `doc[key]` is an array, in pieces: the document around the
 * array, then its items, about a million characters at a time, indented as the whole would be.
 */
export function* jsonPieces(doc: Record<string, unknown>, key: string): Generator<string> {
  const items = doc[key];
  if (!Array.isArray(items) || items.length === 0) {
    yield JSON.stringify(doc, null, 2) + '\n';
    return;
  }
  const marker = JSON.stringify('\u0000items\u0000');
  const shell = JSON.stringify({ ...doc, [key]: '\u0000items\u0000' }, null, 2);
  const at = shell.indexOf(marker);
  yield shell.slice(0, at);
  yield* arrayPieces(items, /^ */.exec(shell.slice(shell.lastIndexOf('\n', at) + 1))![0]);
  yield `${shell.slice(at + marker.length)}\n`;
}

/**
 * `JSON.stringify([...items], null, 2)` for an array whose line is indented by `indent`, in pieces of about a
 * million characters: the items are read one at a time, so they can be made while the text is written.
 */
export function* arrayPieces(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let piece = '';
  let count = 0;
  for (const item of items) {
    piece += `${count++ ? ',\n' : '[\n'}${inner}${(JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, `\n${inner}`)}`;
    if (piece.length >= JSON_PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield count ? `${piece}\n${indent}]` : '[]';
}

/**
 * Markdown lines in pieces, tidied as `text.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'` would tidy them whole:
 * trailing blank space is held back until text follows it, so no run of newlines is split between two pieces.
 */
export function* tidyPieces(pieces: Iterable<string>): Generator<string> {
  let held = '';
  for (const piece of pieces) {
    const text = (held + piece).replace(/\n{3,}/g, '\n\n');
    const cut = text.trimEnd().length;
    held = text.slice(cut);
    if (cut > 0) yield text.slice(0, cut);
  }
  yield '\n';
}

/** Pieces joined into parts of about `size` characters, each told whether another follows. */
export function* partsOf(pieces: Iterable<string>, size: number): Generator<{ content: string; more: boolean }> {
  let part = '';
  let ready: string | null = null;
  for (const piece of pieces) {
    if (ready !== null) {
      yield { content: ready, more: true };
      ready = null;
    }
    part += piece;
    if (part.length >= size) {
      ready = part;
      part = '';
    }
  }
  if (ready !== null) yield { content: ready, more: part.length > 0 };
  if (part.length > 0 || ready === null) yield { content: part, more: false };
}
