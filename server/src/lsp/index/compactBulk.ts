// The compact form of the bulk of an indexed analysis (structure, sentences, mentions): V8's serializer writes
// every string of every mention out in full, and mentions repeat long ones from the knowledge (a place's
// country and province, a date's templated explanation); here each distinct string of the article is written
// once, numbers go to typed arrays, and the result is a fifth of the bytes for the compressor. Lossless: an
// analysis of a shape this code does not know is left to the caller's general path (encodeBulk gives null).
//
// Bytes: a header of eight little-endian 32-bit words (as readWord reads them), the floats (native byte order:
// the bytes never leave this process), the stream of numbers (the article's, then each string's length in
// UTF-16 units), the strings' characters.
import type { ArticleStructure, Mention, Section, Sentence } from '../../analysis';
import { CompactReader, CompactWriter, hasKeys, KEEP_BYTES } from './compactWriter';
import { passNumbers, readMentions, readMentionSpans, writeMentions } from './compactMentions';

export interface Bulk {
  structure: ArticleStructure;
  sentences: Sentence[];
  mentions: Mention[];
}

/** First header word: "Dl" and a format number. V8's serialization starts with byte 0xFF, so the two never meet. */
const MAGIC = 0x00016c44;
const HEADER_WORDS = 8;
const UTF8 = 0;
const UTF16 = 1;

// Columns of CompactWriter.str (mentions use those below 32, compactMentions.ts): kinds repeat section after section.
const SECTION_KIND_COLUMN = 32;
const SENTENCE_SECTION_COLUMN = 33;
const STRUCTURE_KEYS = ['headline', 'sourceLine', 'dateline', 'agency', 'datelineCity', 'sections'];
const SECTION_KEYS = ['kind', 'start', 'end'];
const SENTENCE_KEYS = ['start', 'end', 'section', 'paragraph'];
/** A lone surrogate: UTF-8 would not keep it, so such strings go as UTF-16. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/**
 * False when a string holds a lone surrogate. String.prototype.isWellFormed (Node 20) where there is one: the
 * regex above took ~10 % of encodeBulk.
 */
const wellFormed: (s: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);

const writer = new CompactWriter();
let scratch = Buffer.alloc(64 * 1024);

/**
 * The compact bytes of an article's bulk, or null when some value is not of the shape this form knows. The
 * bytes are a view on a buffer reused by the next call: compress or copy them first.
 */
export function encodeBulk(bulk: Bulk): Uint8Array | null {
  const w = writer;
  w.reset();
  if (scratch.length > KEEP_BYTES) scratch = Buffer.alloc(64 * 1024);
  writeStructure(w, bulk.structure);
  writeSentences(w, bulk.sentences);
  if (!w.bad) writeMentions(w, bulk.mentions);
  if (w.bad) return null;
  const mainBytes = w.byteCount;
  for (let i = 0; i < w.strings.length; i++) w.push(w.strings[i].length);
  const chars = w.strings.join('');
  // As many UTF-8 bytes as characters: all ASCII, so no lone surrogate (counting is quicker than the scan).
  const utf8Bytes = Buffer.byteLength(chars, 'utf8');
  const encoding = utf8Bytes === chars.length || wellFormed(chars) ? UTF8 : UTF16;
  const charBytes = encoding === UTF8 ? utf8Bytes : chars.length * 2;
  const floatsAt = HEADER_WORDS * 4;
  const streamAt = floatsAt + w.floatCount * 8;
  const charsAt = streamAt + w.byteCount;
  const size = charsAt + charBytes;
  if (scratch.length < size) scratch = Buffer.alloc(Math.max(size, scratch.length * 2));
  const out = scratch;
  const header = [MAGIC, w.floatCount, mainBytes, w.byteCount, w.strings.length, charBytes, encoding, 0];
  for (let i = 0; i < HEADER_WORDS; i++) out.writeUInt32LE(header[i], i * 4);
  new Float64Array(out.buffer, out.byteOffset + floatsAt, w.floatCount).set(w.floats.subarray(0, w.floatCount));
  out.set(w.bytes.subarray(0, w.byteCount), streamAt);
  out.write(chars, charsAt, encoding === UTF8 ? 'utf8' : 'utf16le');
  return out.subarray(0, size);
}

/** True when `bytes` are in the compact form (else they are V8's serialization). */
export function isCompactBulk(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER_WORDS * 4 && readWord(bytes, 0) === MAGIC;
}

/** The bulk back from its compact bytes (isCompactBulk), as fresh objects equal to those encoded; throws on bytes it did not write. */
export function decodeBulk(bytes: Uint8Array): Bulk {
  const floatCount = readWord(bytes, 1);
  const mainBytes = readWord(bytes, 2);
  const streamBytes = readWord(bytes, 3);
  const stringCount = readWord(bytes, 4);
  const charBytes = readWord(bytes, 5);
  const encoding = readWord(bytes, 6);
  const floatsAt = HEADER_WORDS * 4;
  const streamAt = floatsAt + floatCount * 8;
  const charsAt = streamAt + streamBytes;
  if (charsAt + charBytes !== bytes.length || mainBytes > streamBytes) throw new Error('compact bulk: wrong length');
  const floats = new Float64Array(aligned(bytes, floatsAt, floatCount * 8));
  const r = new CompactReader(bytes, streamAt + mainBytes, floats, []);
  const chars = Buffer.from(bytes.buffer, bytes.byteOffset + charsAt, charBytes).toString(encoding === UTF8 ? 'utf8' : 'utf16le');
  const strings: string[] = [];
  for (let i = 0, at = 0; i < stringCount; i++) {
    const length = r.count();
    strings.push(chars.slice(at, at + length));
    at += length;
  }
  if (r.at !== charsAt) throw new Error('compact bulk: string lengths do not fit');
  r.setStrings(strings);
  r.at = streamAt;
  const structure = readStructure(r);
  const sentences = readSentences(r);
  const mentions = readMentions(r);
  if (r.at !== streamAt + mainBytes || !r.floatsDone()) throw new Error('compact bulk: numbers left over');
  return { structure, sentences, mentions };
}

/**
 * The spans of one entity's mentions from compact bytes (isCompactBulk), in order, without unpacking anything
 * else (see readMentionSpans); throws on bytes it did not write.
 */
export function decodeMentionSpans(bytes: Uint8Array, kind: Mention['kind'], id: string): { start: number; end: number }[] {
  const floatCount = readWord(bytes, 1);
  const mainBytes = readWord(bytes, 2);
  const streamBytes = readWord(bytes, 3);
  const stringCount = readWord(bytes, 4);
  const charBytes = readWord(bytes, 5);
  const streamAt = HEADER_WORDS * 4 + floatCount * 8;
  const charsAt = streamAt + streamBytes;
  if (charsAt + charBytes !== bytes.length || mainBytes > streamBytes) throw new Error('compact bulk: wrong length');
  const r = new CompactReader(bytes, streamAt + mainBytes, NO_FLOATS, []);
  const chars = Buffer.from(bytes.buffer, bytes.byteOffset + charsAt, charBytes).toString(readWord(bytes, 6) === UTF8 ? 'utf8' : 'utf16le');
  // The numbers of the strings equal to the id, found without cutting out every string: an inlined string (a
  // mention's text, "2016") is written again, so the one an id field names may not be the first.
  const idNumbers: number[] = [];
  for (let i = 0, at = 0; i < stringCount; i++) {
    const length = r.count();
    if (length === id.length && chars.startsWith(id, at)) idNumbers.push(i);
    at += length;
  }
  if (idNumbers.length === 0) return [];
  r.at = streamAt;
  passStructure(r);
  passSentences(r);
  return readMentionSpans(r, kind, idNumbers);
}

const NO_FLOATS = new Float64Array(0);

function readWord(bytes: Uint8Array, word: number): number {
  const at = word * 4;
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** A copy of a section of `bytes` in an ArrayBuffer of its own (a Float64Array view must start on a multiple of 8). */
function aligned(bytes: Uint8Array, at: number, length: number): ArrayBuffer {
  // Not bytes.slice(): on a Buffer that is a view on the same memory.
  const copy = new Uint8Array(length);
  copy.set(bytes.subarray(at, at + length));
  return copy.buffer;
}

function writeStructure(w: CompactWriter, s: ArticleStructure): void {
  if (!hasKeys(s, STRUCTURE_KEYS)) {
    w.bad = true;
    return;
  }
  w.spanOrNull(s.headline);
  w.spanOrNull(s.sourceLine);
  w.spanOrNull(s.dateline);
  w.strOrNull(s.agency);
  w.strOrNull(s.datelineCity);
  const sections = s.sections;
  if (!Array.isArray(sections)) {
    w.bad = true;
    return;
  }
  w.push(sections.length);
  let prevEnd = 0;
  for (let i = 0; i < sections.length; i++) {
    const x = sections[i];
    if (!hasKeys(x, SECTION_KEYS)) {
      w.bad = true;
      return;
    }
    w.str(x.kind, SECTION_KIND_COLUMN);
    w.delta(x.start, prevEnd);
    w.delta(x.end, x.start);
    prevEnd = x.end;
  }
}

function readStructure(r: CompactReader): ArticleStructure {
  const headline = r.spanOrNull();
  const sourceLine = r.spanOrNull();
  const dateline = r.spanOrNull();
  const agency = r.strOrNull();
  const datelineCity = r.strOrNull();
  const n = r.count();
  const sections: Section[] = [];
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const kind = r.str() as Section['kind'];
    const start = r.delta(prevEnd);
    prevEnd = r.delta(start);
    sections.push({ kind, start, end: prevEnd });
  }
  return { headline, sourceLine, dateline, agency, datelineCity, sections };
}

/** Passes over what readStructure reads: three spans or nulls, agency, dateline city, the sections. */
function passStructure(r: CompactReader): void {
  for (let k = 0; k < 3; k++) if (r.count() !== 0) passNumbers(r, 2);
  passNumbers(r, 2);
  for (let n = r.count(); n > 0; n--) passNumbers(r, 3);
}

function writeSentences(w: CompactWriter, sentences: readonly Sentence[]): void {
  if (!Array.isArray(sentences)) {
    w.bad = true;
    return;
  }
  w.push(sentences.length);
  // Each sentence after the one before: start after its end, paragraph after its paragraph.
  let prevEnd = 0;
  let prevParagraph = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (!hasKeys(s, SENTENCE_KEYS)) {
      w.bad = true;
      return;
    }
    w.delta(s.start, prevEnd);
    w.delta(s.end, s.start);
    w.str(s.section, SENTENCE_SECTION_COLUMN);
    w.delta(s.paragraph, prevParagraph);
    prevEnd = s.end;
    prevParagraph = s.paragraph;
  }
}

function readSentences(r: CompactReader): Sentence[] {
  const n = r.count();
  const out: Sentence[] = [];
  let prevEnd = 0;
  let prevParagraph = 0;
  for (let i = 0; i < n; i++) {
    const start = r.delta(prevEnd);
    const end = (prevEnd = r.delta(start));
    const section = r.str() as Sentence['section'];
    prevParagraph = r.delta(prevParagraph);
    out.push({ start, end, section, paragraph: prevParagraph });
  }
  return out;
}

/** Passes over what readSentences reads: start, end, section and paragraph of each. */
function passSentences(r: CompactReader): void {
  for (let n = r.count(); n > 0; n--) passNumbers(r, 4);
}
