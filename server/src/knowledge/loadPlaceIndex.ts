// Reads the compiled gazetteer (dist/data/gazetteer.bin) once. The file sits next to the bundles, so it is
// found by searching upward from this module: that works from dist/server.js, dist/cli.js and from sources
// run with tsx from the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyPlaceIndex, GazetteerTextDecoders, PlaceIndex, placeIndexFromBytes } from '../analysis/places/placeIndex';

/**
 * Node's Buffer decoders for the gazetteer's text blocks: the exact inverses of the build's Buffer encoders,
 * and several times faster than TextDecoder (~1 ms instead of ~7 ms for the 3.8 MB of names and keys).
 */
export const BUFFER_DECODERS: GazetteerTextDecoders = {
  utf16le: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf16le'),
  latin1: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'),
};

export interface PlaceIndexLoad {
  index: PlaceIndex;
  /** Where the gazetteer was read from, or null when none was found. */
  file: string | null;
  /** Why the gazetteer is empty, when it is. */
  problem: string | null;
  millis: number;
}

/** Finds dist/data/<name> above `from` (the bundle's own folder first). */
export function findDataFile(name: string, from: string = __dirname): string | null {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    for (const candidate of [path.join(dir, 'data', name), path.join(dir, 'dist', 'data', name)]) {
      if (fs.existsSync(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/**
 * The gazetteer's bytes as read by this process, in shared memory: the index keeps typed arrays over them, so
 * index workers given these bytes (workerData) share the 9.4 MB instead of reading a copy each.
 */
let sharedBytes: Uint8Array | null = null;

function readShared(file: string): Uint8Array {
  const read = fs.readFileSync(file);
  const shared = new Uint8Array(new SharedArrayBuffer(read.length));
  shared.set(read);
  return shared;
}

/** The bytes the last load read (to hand to index workers), or null before any load. */
export function loadedGazetteerBytes(): Uint8Array | null {
  return sharedBytes;
}

/**
 * Loads the built-in gazetteer (from `bytes` when another thread already read it); an empty index (and the
 * reason) when the data is missing or unreadable.
 */
export function loadPlaceIndex(bytes?: Uint8Array | null): PlaceIndexLoad {
  const t0 = performance.now();
  const file = bytes ? '(shared)' : findDataFile('gazetteer.bin');
  if (!file) return { index: emptyPlaceIndex(), file: null, problem: 'dist/data/gazetteer.bin not found: run `npm run build`', millis: performance.now() - t0 };
  try {
    const data = bytes ?? readShared(file);
    const index = placeIndexFromBytes(data, BUFFER_DECODERS);
    if (index) sharedBytes = data;
    if (!index) return { index: emptyPlaceIndex(), file, problem: `${file} is not a gazetteer this version understands: rebuild`, millis: performance.now() - t0 };
    return { index, file, problem: null, millis: performance.now() - t0 };
  } catch (err) {
    return { index: emptyPlaceIndex(), file, problem: `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, millis: performance.now() - t0 };
  }
}
