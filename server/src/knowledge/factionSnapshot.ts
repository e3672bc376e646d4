// The built-in factions index, built at build time and stored (dist/data/factions.snapshot) so a starting
// server reads it instead of tokenizing every alias of every faction and source again: building it was most
// of loading the knowledge at a cold start (~37 ms of JIT-cold code), reading it is a V8 deserialize.
// Building an index also adds its names' words to the tokenizer's lexicon (registerWords): the snapshot
// keeps those calls and replays them, so the lexicon ends up as a build would leave it.
// Layout: "DLFX", u32 little-endian header length, JSON header { format, key }, then v8.serialize(payload).
// The header is checked before the payload is read: any other format or key means "build it instead".
import * as v8 from 'node:v8';
import { FactionIndex } from '../analysis/factions/factionIndex';
import { registerWords } from '../analysis/factions/tokens';

/** Bumped whenever the layout or the payload's shape changes. */
export const FACTION_SNAPSHOT_FORMAT = 1;

const MAGIC = 'DLFX';

/** registerWords calls as (bit, words) pairs, one per bit. */
export type WordRegistrations = [number, string[]][];

interface Payload {
  index: FactionIndex;
  words: WordRegistrations;
}

export type SnapshotRead = { index: FactionIndex; words: WordRegistrations; problem: null } | { index: null; words: null; problem: string };

/** The (bit, word) pairs of registerWords calls, merged per bit (the lexicon ORs bits, so order does not matter). */
export function mergeWordRegistrations(calls: [number, string[]][]): WordRegistrations {
  const byBit = new Map<number, Set<string>>();
  for (const [bit, words] of calls) {
    let set = byBit.get(bit);
    if (!set) byBit.set(bit, (set = new Set()));
    for (const w of words) set.add(w);
  }
  return [...byBit].sort((a, b) => a[0] - b[0]).map(([bit, set]) => [bit, [...set].sort()]);
}

/** The snapshot file's bytes for an index and the registerWords calls its build made. */
export function encodeFactionSnapshot(index: FactionIndex, calls: [number, string[]][], key: string): Buffer {
  const header = Buffer.from(JSON.stringify({ format: FACTION_SNAPSHOT_FORMAT, key }), 'utf8');
  const payload: Payload = { index, words: mergeWordRegistrations(calls) };
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 4);
  return Buffer.concat([head, header, v8.serialize(payload)]);
}

/** The index and word registrations in `bytes` when they are a snapshot of this format made for `key`; else why not. */
export function decodeFactionSnapshot(bytes: Uint8Array, key: string): SnapshotRead {
  try {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return refused('not a factions snapshot');
    const headerLength = buf.readUInt32LE(4);
    if (8 + headerLength > buf.length) return refused('truncated header');
    const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as { format?: unknown; key?: unknown };
    if (header.format !== FACTION_SNAPSHOT_FORMAT) return refused(`format ${String(header.format)}, this version reads ${FACTION_SNAPSHOT_FORMAT}`);
    if (header.key !== key) return refused('built from another dictionary or code version');
    const payload = v8.deserialize(buf.subarray(8 + headerLength)) as Partial<Payload> | null;
    if (!payload || !isIndex(payload.index) || !isWords(payload.words)) return refused('payload is not a factions index');
    return { index: payload.index, words: payload.words, problem: null };
  } catch (err) {
    return refused(`unreadable: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Adds the snapshot's words to the lexicon, as building its index did. */
export function replayWordRegistrations(words: WordRegistrations): void {
  for (const [bit, list] of words) registerWords(bit, list);
}

function refused(problem: string): SnapshotRead {
  return { index: null, words: null, problem };
}

/** The shape checks that matter to the matcher (the key already vouches for the rest). */
function isIndex(x: unknown): x is FactionIndex {
  const i = x as FactionIndex | null | undefined;
  return (
    !!i &&
    typeof i.size === 'number' &&
    i.factions?.next instanceof Map &&
    i.sources?.next instanceof Map &&
    i.byId instanceof Map &&
    i.sourceById instanceof Map &&
    i.countries instanceof Map &&
    i.demonyms instanceof Map &&
    i.userIds instanceof Set &&
    i.leaders instanceof Map
  );
}

function isWords(x: unknown): x is WordRegistrations {
  return Array.isArray(x) && x.every((p) => Array.isArray(p) && typeof p[0] === 'number' && Array.isArray(p[1]) && p[1].every((w: unknown) => typeof w === 'string'));
}
