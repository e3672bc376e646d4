// The text's UTF-16 code units in a typed array, made once per tagging call. The character scans (the
// trigger search and the tokenizer) read a typed array about twice as fast as String#charCodeAt, which
// re-checks the string's representation (joined, sliced, one- or two-byte) on every call.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** text.charCodeAt(i) for every i, as one array (same length as the text). */
export function codeUnits(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  if (LITTLE_ENDIAN && typeof Buffer !== 'undefined') {
    // A native copy: UTF-16LE bytes are the code units themselves (lone surrogates included).
    Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(text, 0, 'utf16le');
    return out;
  }
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
