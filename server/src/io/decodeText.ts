// Turns file bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1.
// Binary files (NUL bytes outside UTF-16) are refused with a reason, never guessed at.

export interface Decoded {
  text: string | null;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin-1' | null;
  /** Why the bytes were not turned into text, or a note on a fallback decoding. */
  note: string | null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', note: null };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', note: null };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const probe = bytes.subarray(start, Math.min(bytes.length, start + 65536));
  if (probe.includes(0)) return { text: null, encoding: null, note: 'binary file (contains NUL bytes): skipped' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8', note: null };
  } catch {
    // Not UTF-8: old wire archives are mostly Latin-1 / Windows-1252.
    return { text: new TextDecoder('windows-1252').decode(bytes.subarray(start)), encoding: 'latin-1', note: 'not valid UTF-8: read as Latin-1 (Windows-1252)' };
  }
}
