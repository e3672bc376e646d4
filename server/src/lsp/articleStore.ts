// Every article the server knows: open documents (by version) and files indexed from disk.
// Analyses are cached by (uri, version); an open document always wins over its file on disk.
// Files from disk keep their analysis packed (index/packedAnalysis.ts): ~10 KB instead of ~75 KB a story.
import { analyzeArticles, AnalyzeOptions, ArticleAnalysis, emptyAnalysis, Knowledge, looksLikeArticle, Mention } from '../analysis';
import { LineIndex } from './lineIndex';
import { entityMentions, mentionKeysOf, mentionsByKey, writtenNames } from './index/entityDigests';
import { lazyAnalysis, mentionSpans, packAnalysis, PackedAnalysis, PackedText, packText, keepBulk, keepText, releaseSpill, shareRepeatedParts, unpackText } from './index/packedAnalysis';
import { SpillStore } from './index/spillStore';

export interface ArticleRecord {
  uri: string;
  /** Document version for open documents, null for files read from disk. */
  version: number | null;
  text: string;
  isArticle: boolean;
  analysis: ArticleAnalysis;
  lines: LineIndex;
  /** `kind\0id` of the places, factions and sources mentioned (see mentionKeysOf), when known without a scan. */
  mentionKeys?: readonly string[];
  /** Files from disk: the mentions of one key reduced to what workspace summaries count (index/packedAnalysis.ts entityMentions). */
  entityMentions?(key: string): Mention[] | null;
  /** Files from disk: the spans of one entity's mentions, read without unpacking the analysis (packedAnalysis.ts mentionSpans). */
  mentionSpans?(kind: Mention['kind'], id: string): { start: number; end: number }[];
  /** Files from disk: the spellings of one key as written, and a phrase's name (index/entityDigests.ts writtenNames), without unpacking. */
  writtenNames?(key: string): { name: string | null; written: readonly string[] } | null;
}

/** A file from disk: text and analysis unpacked on demand, line index built on first use. */
class DiskRecord implements ArticleRecord {
  readonly version = null;
  readonly analysis: ArticleAnalysis;
  readonly mentionKeys: readonly string[];
  private lineIndex: LineIndex | null = null;

  constructor(
    readonly uri: string,
    private readonly packedText: PackedText,
    readonly isArticle: boolean,
    private readonly packed: PackedAnalysis,
  ) {
    this.analysis = lazyAnalysis(packed);
    this.mentionKeys = packed.mentionKeys;
  }

  entityMentions(key: string): Mention[] | null {
    return entityMentions(this.packed, key);
  }

  mentionSpans(kind: Mention['kind'], id: string): { start: number; end: number }[] {
    return mentionSpans(this.packed, kind, id);
  }

  writtenNames(key: string): { name: string | null; written: readonly string[] } | null {
    return writtenNames(this.packed, key);
  }

  get text(): string {
    return unpackText(this.packedText);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** Dropped from the store: spilled bytes may be freed. */
  release(): void {
    releaseSpill(this.packed);
    releaseSpill(this.packedText);
  }
}

/**
 * An open document's analysis. Its mentions are grouped by place, faction and source once: workspace summaries
 * read an article's keys, then each key's mentions, every time it changes or a hover asks about a new id; for
 * a 2 MB document that was 25 ms for the keys and a scan of all 68,882 mentions per key (176 ms a change).
 */
class OpenRecord implements ArticleRecord {
  private byKey: Map<string, Mention[]> | null = null;
  private keys: readonly string[] | null = null;
  private lineIndex: LineIndex | null = null;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly isArticle: boolean,
    readonly analysis: ArticleAnalysis,
  ) {}

  get mentionKeys(): readonly string[] {
    return (this.keys ??= [...this.groups().keys()]);
  }

  entityMentions(key: string): Mention[] | null {
    return this.groups().get(key) ?? null;
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  private groups(): Map<string, Mention[]> {
    return (this.byKey ??= mentionsByKey(this.analysis.mentions));
  }
}

function releaseRecord(r: ArticleRecord): void {
  if (r instanceof DiskRecord) r.release();
}

/** The place, faction and source keys of a record, without unpacking an indexed file's analysis. */
export function recordMentionKeys(record: ArticleRecord): readonly string[] {
  return record.mentionKeys ?? mentionKeysOf(record.analysis.mentions);
}

export interface ClassifyInput {
  uri: string;
  languageId: string;
  text: string;
  /** Matches `dateline.articleGlobs`. */
  matchesGlobs: boolean;
  defaultPublished: string;
  /**
   * `dateline.maxFileSizeKB` in bytes for an open document: a larger text is not analysed (as the index skips
   * such a file). An 8 MB document held the server for about a minute (a hover waited 56 s), a 2 MB one 2.4 s.
   */
  maxBytes?: number;
}

/** Decides whether a document is an article: the news language always, text and Markdown when they look like one. */
export function classify(input: ClassifyInput): { isArticle: boolean; reason: string | null } {
  // A UTF-16 unit is at most 3 bytes of UTF-8: a text this short is within the limit without counting its bytes.
  if (input.maxBytes !== undefined && input.text.length > input.maxBytes / 3) {
    const size = Buffer.byteLength(input.text, 'utf8');
    if (size > input.maxBytes) return { isArticle: false, reason: `document is ${Math.round(size / 1024)} KB, over the ${Math.round(input.maxBytes / 1024)} KB limit (dateline.maxFileSizeKB)` };
  }
  if (input.languageId === 'news' || input.matchesGlobs) return { isArticle: true, reason: null };
  // Other editors name plain text differently: Neovim and Emacs (eglot) send "text", some clients "txt".
  const plain = input.languageId === 'plaintext' || input.languageId === 'text' || input.languageId === 'txt';
  if (!plain && input.languageId !== 'markdown') return { isArticle: false, reason: `language ${input.languageId} is not analysed` };
  if (looksLikeArticle(input.text)) return { isArticle: true, reason: null };
  return { isArticle: false, reason: 'no dateline or source/date line near the top, and not matched by dateline.articleGlobs' };
}

/** The analysis options of a stored article: the `dateline.defaultPublished` setting when it states no date. */
function storeAnalysisOptions(defaultPublished: string): AnalyzeOptions {
  return { published: defaultPublished || null, publishedFrom: 'setting' };
}

/** Classifies and analyses one text as the store does. */
export function analyseForStore(text: string, input: ClassifyInput, knowledge: Knowledge): { isArticle: boolean; analysis: ArticleAnalysis } {
  return analyseAllForStore([{ ...input, text }], knowledge)[0];
}

/**
 * Classifies and analyses texts as the store does (index workers take many files at once): the articles among
 * them together (analyzeArticles runs each stage over a batch while its code and tables are still in the
 * processor's caches, x1.2-1.3 faster than one by one), grouped by the publication date they fall back on.
 */
export function analyseAllForStore(inputs: readonly ClassifyInput[], knowledge: Knowledge): { isArticle: boolean; analysis: ArticleAnalysis }[] {
  const out: { isArticle: boolean; analysis: ArticleAnalysis }[] = new Array(inputs.length);
  const byPublished = new Map<string, number[]>();
  for (let i = 0; i < inputs.length; i++) {
    const { isArticle, reason } = classify(inputs[i]);
    if (!isArticle) out[i] = { isArticle, analysis: emptyAnalysis(inputs[i].text.length, reason) };
    else (byPublished.get(inputs[i].defaultPublished) ?? byPublished.set(inputs[i].defaultPublished, []).get(inputs[i].defaultPublished)!).push(i);
  }
  for (const [published, at] of byPublished) {
    // Pushed, not map()ped: V8's optimised map() makes a holey list where the built-in makes a packed one, and
    // analyzeArticles, optimised for one, was thrown away at the first batch with the other.
    const texts: string[] = [];
    for (let k = 0; k < at.length; k++) texts.push(inputs[at[k]].text);
    const found = analyzeArticles(texts, knowledge, storeAnalysisOptions(published));
    for (let k = 0; k < at.length; k++) out[at[k]] = { isArticle: true, analysis: found[k] };
  }
  return out;
}

type Listener = (uris: string[]) => void;

export class ArticleStore {
  private readonly open = new Map<string, ArticleRecord>();
  /** Open documents analysed under settings that have changed since (see settingsChanged). */
  private readonly staleOpen = new Set<string>();
  private readonly disk = new Map<string, ArticleRecord>();
  /** Where indexed files' bulky analysis parts go (a temp file); DATELINE_SPILL=0 keeps them in memory. */
  private readonly spill = process.env.DATELINE_SPILL === '0' ? null : new SpillStore();
  private readonly listeners: Listener[] = [];
  private generation = 0;
  private epoch = 0;

  constructor(private readonly knowledge: () => Knowledge) {}

  private bulk = false;
  private readonly bulkEndListeners: (() => void)[] = [];

  /**
   * True while the workspace index stores a large pass: derived caches may then lag the store rather than
   * rebuild for every batch (hovers' workspace summaries and conflicts by a few seconds).
   */
  get bulkLoading(): boolean {
    return this.bulk;
  }

  /** Starts or ends a large pass; its end is when lagging caches catch up (see onBulkEnd). */
  set bulkLoading(on: boolean) {
    const ended = this.bulk && !on;
    this.bulk = on;
    if (ended) for (const l of this.bulkEndListeners) l();
  }

  /** Called when a large pass ends (bulkLoading set back to false). */
  onBulkEnd(listener: () => void): void {
    this.bulkEndListeners.push(listener);
  }

  /** Bumped on every change, so derived caches (conflicts, symbols) know when to recompute. */
  get version(): number {
    return this.generation;
  }

  onChanged(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Analyses an open document's text for its version, reusing the cached result when unchanged. */
  setOpen(uri: string, version: number, text: string, input: Omit<ClassifyInput, 'uri' | 'text'>): ArticleRecord {
    const cached = this.open.get(uri);
    if (cached && cached.version === version && cached.text === text && !this.staleOpen.has(uri)) return cached;
    const record = this.build(uri, version, text, { ...input, uri, text });
    this.staleOpen.delete(uri);
    this.open.set(uri, record);
    this.changed([uri]);
    return record;
  }

  /**
   * Records an open document's analysis made elsewhere (the open-document worker) for `version`. `epoch` is
   * openEpoch when that analysis started: if the settings or the user's data changed since, the record is kept
   * but stays stale (the next request analyses again).
   */
  setOpenAnalysed(uri: string, version: number, text: string, result: { isArticle: boolean; analysis: ArticleAnalysis }, epoch: number): ArticleRecord {
    const record = new OpenRecord(uri, version, text, result.isArticle && !result.analysis.skipped, result.analysis);
    if (epoch === this.epoch) this.staleOpen.delete(uri);
    else this.staleOpen.add(uri);
    this.open.set(uri, record);
    this.changed([uri]);
    return record;
  }

  /** Changes whenever open analyses go out of date as a whole (settings, user data): see setOpenAnalysed. */
  get openEpoch(): number {
    return this.epoch;
  }

  /** Records a file read from disk (indexing, file watching), analysed here. */
  setDisk(uri: string, text: string, input: Omit<ClassifyInput, 'uri' | 'text'>, notify = true): ArticleRecord {
    const { isArticle, analysis } = this.analyse(text, { ...input, uri, text });
    return this.setDiskPacked(uri, packText(text), isArticle, packAnalysis(analysis), notify);
  }

  /** Records a file read and analysed elsewhere (an index worker): `isArticle` as classify() decided it. */
  setDiskPacked(uri: string, text: PackedText, isArticle: boolean, packed: PackedAnalysis, notify = true): ArticleRecord {
    const record = new DiskRecord(uri, text, isArticle && !packed.skipped, shareRepeatedParts(packed));
    keepBulk(packed, this.spill);
    keepText(text, this.spill);
    this.setDiskRecord(uri, record);
    if (notify && !this.open.has(uri)) this.changed([uri]);
    // A silent write still changes what derived caches (keyed by version) must see.
    else this.generation++;
    return record;
  }

  /** Tells listeners about files stored silently (notify=false), in one batch. */
  announce(uris: string[]): void {
    if (uris.length) this.changed(uris);
  }

  /** A file that could not be read or was skipped (binary, too large): kept so views can say why. */
  setSkipped(uri: string, reason: string, notify = true): void {
    const record: ArticleRecord = { uri, version: null, text: '', isArticle: false, analysis: emptyAnalysis(0, reason), lines: new LineIndex('') };
    this.setDiskRecord(uri, record);
    if (notify) this.changed([uri]);
    else this.generation++;
  }

  closeOpen(uri: string): void {
    this.epoch++;
    this.staleOpen.delete(uri);
    if (this.open.delete(uri)) this.changed([uri]);
  }

  removeDisk(uri: string): void {
    const old = this.disk.get(uri);
    if (!old) return;
    this.disk.delete(uri);
    releaseRecord(old);
    this.changed([uri]);
  }

  clearDisk(): void {
    const uris = [...this.disk.keys()];
    for (const r of this.disk.values()) releaseRecord(r);
    this.disk.clear();
    if (uris.length) this.changed(uris);
  }

  get(uri: string): ArticleRecord | undefined {
    return this.open.get(uri) ?? this.disk.get(uri);
  }

  /** The open document's record only if it is for this exact version (and the settings it was analysed under). */
  getVersion(uri: string, version: number): ArticleRecord | undefined {
    const r = this.open.get(uri);
    return r && r.version === version && !this.staleOpen.has(uri) ? r : undefined;
  }

  /**
   * The settings changed: each open document is analysed again at its next request (its globs, default
   * publication date or size limit may differ now); until then it keeps its record.
   */
  settingsChanged(): void {
    this.epoch++;
    for (const uri of this.open.keys()) this.staleOpen.add(uri);
  }

  /** Every known article (open ones shadow their disk copy). */
  articles(): ArticleRecord[] {
    const out: ArticleRecord[] = [];
    for (const r of this.open.values()) if (r.isArticle) out.push(r);
    for (const [uri, r] of this.disk) if (r.isArticle && !this.open.has(uri)) out.push(r);
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** How many records are held, for memory checks. */
  counts(): { open: number; disk: number } {
    return { open: this.open.size, disk: this.disk.size };
  }

  /** URIs of every file read from disk (articles, non-articles and skipped files). */
  diskUris(): string[] {
    return [...this.disk.keys()];
  }

  /** Skipped files with their reasons. */
  skipped(): { uri: string; reason: string }[] {
    return [...this.disk.values()].filter((r) => r.analysis.skipped).map((r) => ({ uri: r.uri, reason: r.analysis.skipped! }));
  }

  private setDiskRecord(uri: string, record: ArticleRecord): void {
    const old = this.disk.get(uri);
    this.disk.set(uri, record);
    if (old) releaseRecord(old);
  }

  private build(uri: string, version: number, text: string, input: ClassifyInput): ArticleRecord {
    const { isArticle, analysis } = this.analyse(text, input);
    return new OpenRecord(uri, version, text, isArticle && !analysis.skipped, analysis);
  }

  private analyse(text: string, input: ClassifyInput): { isArticle: boolean; analysis: ArticleAnalysis } {
    return analyseForStore(text, input, this.knowledge());
  }

  private changed(uris: string[]): void {
    this.generation++;
    for (const l of this.listeners) l(uris);
  }
}
