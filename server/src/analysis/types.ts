// The plain-data contract of the analysis core. Everything here is JSON-serialisable.
// Offsets are JS string indices (UTF-16 code units), the unit LSP uses, half-open [start, end).

export interface Span {
  start: number;
  end: number;
}

/** Where a stretch of the article sits in its layout; boilerplate is never analysed. */
export type SectionKind = 'headline' | 'sourceLine' | 'dateline' | 'header' | 'caption' | 'body' | 'boilerplate';

export interface Section extends Span {
  kind: SectionKind;
}

export interface ArticleStructure {
  headline: Span | null;
  /** "Source: Xinhua| 2017-09-02 20:12:54|Editor: Yamei" */
  sourceLine: Span | null;
  /** "DAMASCUS, Sept. 2 (Xinhua) --" (the lead-in only, not the sentence after it) */
  dateline: Span | null;
  /** Agency named in the source line or dateline, e.g. "Xinhua". */
  agency: string | null;
  /** Dateline city as written, e.g. "DAMASCUS". */
  datelineCity: string | null;
  sections: Section[];
}

export interface Sentence extends Span {
  /** Section the sentence lies in (body, caption, headline). */
  section: SectionKind;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

export type PublicationSource = 'source-line' | 'dateline' | 'header' | 'front-matter' | 'setting' | 'option' | 'none';

/** The anchor against which relative dates resolve. */
export interface Publication {
  /** YYYY-MM-DD or null when unknown. */
  date: string | null;
  /** HH:MM:SS when the source line gives it. */
  time: string | null;
  from: PublicationSource;
  /** The text that gave the date, when it came from the article itself. */
  evidence: (Span & { text: string }) | null;
}

export type MentionKind = 'place' | 'date' | 'faction' | 'source';

interface MentionBase extends Span {
  kind: MentionKind;
  text: string;
  /** Canonical entity id (place id, faction id, date value, source id). */
  id: string;
  /** Canonical display name. */
  name: string;
  /** Index into ArticleAnalysis.sentences, or -1 outside any sentence. */
  sentence: number;
}

export type PlaceFeature = 'country' | 'region' | 'admin1' | 'admin2' | 'city' | 'town' | 'district' | 'river' | 'desert' | 'mountain' | 'crossing' | 'area' | 'other';

export interface PlaceMention extends MentionBase {
  kind: 'place';
  lat: number | null;
  lon: number | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  countryName: string | null;
  admin1: string | null;
  feature: PlaceFeature;
  population: number | null;
  /** 0..1: how sure the disambiguation is. */
  confidence: number;
  /** Other candidate ids for the same name, best first. */
  alternatives: string[];
  /** Why this candidate was chosen, for hovers. */
  reason: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimexMod = 'START' | 'MID' | 'END' | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER' | 'APPROX' | 'MORE_THAN' | 'LESS_THAN' | 'EQUAL_OR_MORE' | 'EQUAL_OR_LESS';

export interface DateMention extends MentionBase {
  kind: 'date';
  type: TimexType;
  /** TIMEX3 value: 2017-09-01, 2017-08, 2015, 2017-W35, P3M, PRESENT_REF, XXXX-10 … */
  value: string;
  mod: TimexMod | null;
  /** True when resolution needed the anchor (weekday, "last month", "yesterday"). */
  relative: boolean;
  /** Human label at true precision: "1 Sep 2017", "late Aug 2017", "since 2015". */
  label: string;
  /** Resolved calendar interval [first day, last day] (YYYY-MM-DD), when the value names one. */
  interval: { from: string; to: string } | null;
  /** One-line reasoning for hovers: "the Friday before the publication date, Sat 2 Sep 2017". */
  explanation: string;
  /** For spans ("from X to Y", "since 2015"): the range the expression opens. */
  range?: { from: string | null; to: string | null };
  /** For spans: the TIMEX3 elements TimeML writes for their ends ("2015" in "since 2015"). */
  parts?: TimexPart[];
}

/** One TIMEX3 element inside a date span, for TimeML export and scoring. */
export interface TimexPart extends Span {
  type: TimexType;
  value: string;
  mod: TimexMod | null;
}

export type FactionKind = 'state' | 'armed-group' | 'coalition' | 'militia' | 'political' | 'other';

export interface FactionMention extends MentionBase {
  kind: 'faction';
  factionKind: FactionKind;
  country: string | null;
  /** "context" when a generic phrase ("the army", "the group") was resolved to this faction. */
  resolvedFrom: 'dictionary' | 'phrase' | 'context' | 'user';
  /** Alignment descriptors seen on this mention: "U.S.-backed", "Kurdish-led". */
  descriptors: string[];
}

export type SourceKind = 'agency' | 'monitor' | 'official' | 'unnamed' | 'outlet' | 'other';

export interface SourceMention extends MentionBase {
  kind: 'source';
  sourceKind: SourceKind;
  /** Indices of sentences attributed to this source. */
  attributed: number[];
  /** Title of a named official as written: "UN Special Envoy to Syria". */
  role?: string;
}

export type Mention = PlaceMention | DateMention | FactionMention | SourceMention;

export type ClaimAction = 'took-control' | 'besieged' | 'controls' | 'advanced' | 'attacked' | 'casualties' | 'lost-control';
export type Modality = 'asserted' | 'reported' | 'predicted' | 'denied';
export type Extent = 'full' | 'partial';

export interface Claim extends Span {
  /** Stable within an article: derived from sentence text, not offsets. */
  id: string;
  sentence: number;
  actor: { id: string; name: string } | null;
  action: ClaimAction;
  /** Other party (the side that lost the place, the victims). */
  patient: { id: string; name: string } | null;
  /** `feature`: the place's kind (city, admin1, country…), so a toll for "Syria" is not compared with one for a town. */
  place: { id: string; name: string; lat: number | null; lon: number | null; country: string | null; admin1: string | null; feature?: PlaceFeature } | null;
  /** `area`: the normalised part of the place the claim is about ("old city"), or null for the whole place. */
  extent: { kind: Extent; text: string | null; percent: number | null; area?: string | null };
  /** `basis`: 'stated' (a date in the sentence), 'since' (an open range to publication), 'publication' (present/perfect tense, as of publication), 'before-publication' (undated past). */
  time: { value: string; label: string; from: string | null; to: string | null; basis?: 'stated' | 'since' | 'publication' | 'before-publication' | 'after-publication' } | null;
  source: { id: string; name: string };
  modality: Modality;
  /** Casualty count for action 'casualties'. */
  count: number | null;
  /** Free-text gist: "Syrian Arab Army captured Uqayribat". */
  summary: string;
  /** For casualties: who died ("civilians", "militants") and the kind of event ("execution", "airstrike"), when stated. */
  victims?: string | null;
  eventKind?: string | null;
  /** For casualties: "at least", "more than" … when the count is a bound. */
  countQualifier?: string | null;
  /** For casualties, what the sentence says about the incident, to tell two incidents apart: the target hit
   *  ("market", "hospital"), district or village names (lower case, without "al-"), and the sentence's other
   *  death figures (a breakdown: "21 killed, 15 in the north"). Present only when the sentence gives any. */
  incident?: { target?: string; districts?: string[]; figures?: number[] };
}

export interface Diagnostic extends Span {
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export interface ArticleAnalysis {
  /** Why an article was not analysed (binary, too large…), or null. */
  skipped: string | null;
  length: number;
  structure: ArticleStructure;
  publication: Publication;
  headline: string | null;
  sentences: Sentence[];
  /** All mentions, sorted by start, non-overlapping within a kind. */
  mentions: Mention[];
  claims: Claim[];
  /** Problems found in the text itself (not cross-article conflicts). */
  diagnostics: Diagnostic[];
}

export interface AnalyzeOptions {
  /** Publication date to use when the article states none (YYYY-MM-DD). */
  published?: string | null;
  /** Where `published` came from, for hovers. */
  publishedFrom?: PublicationSource;
}
