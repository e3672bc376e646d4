// The text's UTF-16 code units in a typed array, made once per tagging call. The character scans (the
// trigger search and the tokenizer) read a typed array about twice as fast as String#charCodeAt, which
// re-checks the string's representation (joined, sliced, one- or two-byte) on every call.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reused for texts up to this many code units (2 MB), so tagging an article allocates nothing here. */
const SHARED_MAX = 1 << 20;
let shared: Uint16Array | null = null;
/** The shared array's bytes as a Buffer, made with it: a view made per call was 0.5% of tagging FA-KES. */
let sharedBytes: Buffer | null = null;

/**
 * text.charCodeAt(i) for every i < text.length, as one array. With `reuse`, the array may be a shared
 * one (longer than the text, and overwritten by the next such call): only for a caller that is done with
 * it before it tags another text (tagDates, tagDatesInPlainText).
 */
export function codeUnits(text: string, reuse = false): Uint16Array {
  let out: Uint16Array;
  let bytes: Buffer | null = null;
  const native = LITTLE_ENDIAN && typeof Buffer !== 'undefined';
  if (reuse && text.length <= SHARED_MAX) {
    if (!shared || shared.length < text.length) {
      shared = new Uint16Array(Math.min(SHARED_MAX, Math.max(text.length, 4096) * 2));
      sharedBytes = native ? Buffer.from(shared.buffer, shared.byteOffset, shared.byteLength) : null;
    }
    out = shared;
    bytes = sharedBytes;
  } else out = new Uint16Array(text.length);
  if (native) {
    // A native copy: UTF-16LE bytes are the code units themselves (lone surrogates included).
    (bytes ?? Buffer.from(out.buffer, out.byteOffset, out.byteLength)).write(text, 0, text.length * 2, 'utf16le');
    return out;
  }
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
