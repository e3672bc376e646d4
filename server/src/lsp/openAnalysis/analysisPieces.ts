// An analysis cut into pieces for the trip from the open-document worker to the main thread. One message with
// the whole analysis is decoded by the main thread in one go: 234-470 ms for a 2 MB document (68,882 mentions),
// and no request is answered meanwhile. Pieces of a few thousand items are decoded one per turn of the event
// loop instead, each in a few milliseconds, with requests answered between them.
import * as v8 from 'node:v8';
import { ArticleAnalysis } from '../../analysis';

/** The long lists of an analysis, sent in pieces; everything else goes in the head. */
const LISTS = ['sentences', 'mentions', 'claims', 'diagnostics'] as const;
type ListName = (typeof LISTS)[number];

/** Items per piece: a piece decodes in ~3-8 ms here (mentions and claims are the heavy ones). */
const ITEMS_PER_PIECE: Record<ListName, number> = { sentences: 4000, mentions: 1500, claims: 300, diagnostics: 2000 };

export interface AnalysisPieces {
  /** The analysis without its long lists (those are empty here). */
  head: ArticleAnalysis;
  pieces: { list: ListName; bytes: Uint8Array }[];
}

/** Cuts an analysis into pieces; `transfer` lists the buffers a postMessage may move instead of copying. */
export function toPieces(analysis: ArticleAnalysis): { pieces: AnalysisPieces; transfer: ArrayBuffer[] } {
  const head: ArticleAnalysis = { ...analysis, sentences: [], mentions: [], claims: [], diagnostics: [] };
  const pieces: AnalysisPieces['pieces'] = [];
  const transfer: ArrayBuffer[] = [];
  for (const list of LISTS) {
    const items: readonly unknown[] = analysis[list];
    const step = ITEMS_PER_PIECE[list];
    for (let at = 0; at < items.length; at += step) {
      const bytes = ownedBytes(v8.serialize(items.slice(at, at + step)));
      pieces.push({ list, bytes });
      transfer.push(bytes.buffer as ArrayBuffer);
    }
  }
  return { pieces: { head, pieces }, transfer };
}

/** Bytes over a buffer of their own (a Buffer may be a view into a shared pool, which must not be transferred). */
function ownedBytes(buf: Buffer): Uint8Array {
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return new Uint8Array(buf.buffer, 0, buf.byteLength);
  return new Uint8Array(buf);
}

/** Puts the analysis back together, one piece per call of `nextTurn` (which lets queued requests run first). */
export async function fromPieces(p: AnalysisPieces, nextTurn: () => Promise<void>): Promise<ArticleAnalysis> {
  const lists: Record<ListName, unknown[]> = { sentences: [], mentions: [], claims: [], diagnostics: [] };
  for (const piece of p.pieces) {
    await nextTurn();
    const items = v8.deserialize(piece.bytes) as unknown[];
    const into = lists[piece.list];
    for (let i = 0; i < items.length; i++) into.push(items[i]);
  }
  return { ...p.head, ...(lists as Pick<ArticleAnalysis, ListName>) };
}
