// Plain data the outline core produces: grouped, counted entities for the side panel and the Outline.
// Positions are offsets into an article (the LSP adapter turns them into ranges).
import { ArticleAnalysis, Claim, MentionKind } from '../types';

/** One article as the outline sees it: its text (for sentences) and its analysis. */
export interface OutlineArticle {
  uri: string;
  text: string;
  analysis: ArticleAnalysis;
}

/** A span in one article. */
export interface At {
  uri: string;
  start: number;
  end: number;
}

export type OutlineKind = 'place' | 'faction' | 'date' | 'claim';

export type OutlineIcon =
  | 'country'
  | 'province'
  | 'place'
  | 'water'
  | 'terrain'
  | 'region'
  | 'state'
  | 'armed-group'
  | 'coalition'
  | 'militia'
  | 'political'
  | 'faction'
  | 'source'
  | 'year'
  | 'date'
  | 'duration'
  | 'claim'
  | 'group'
  | 'mention';

export type OutlineRole = 'group' | 'entity' | 'claim' | 'mention';

export interface OutlineEntityRef {
  kind: 'place' | 'date' | 'faction' | 'source' | 'claim';
  id: string;
  name: string;
}

/** A tree node; `id` never contains an offset, so it survives edits. */
export interface OutlineNode {
  id: string;
  label: string;
  /** Mentions or claims of the node's own entity (null for a plain group). */
  count: number | null;
  description: string | null;
  /** Plain text. */
  tooltip: string;
  icon: OutlineIcon;
  role: OutlineRole;
  entity: OutlineEntityRef | null;
  /** The mention or claim itself, or an entity's first mention. */
  at: At | null;
  children: OutlineNode[];
  /**
   * A row made without reading its article (a workspace tree, RowMode 'deferred'): what completeRows needs to
   * fill in its sentence, tooltip and clamped span. Absent on a complete node.
   */
  deferred?: DeferredRow;
  /**
   * An entity's mention rows not yet made (a deferred tree): they come after `children`, and are read from the
   * articles only when the entity is expanded (treePaging.ts withRows). A workspace has a million.
   */
  rows?: RowSource;
  /** A place's claims not yet made into rows (a deferred claims tree), in the order they are listed. */
  claims?: ClaimRow[];
}

/** One claim of a deferred claims tree. */
export interface ClaimRow {
  article: OutlineArticle;
  claim: Claim;
  /** How many claims of the same id came before it in its article (a repeated sentence). */
  repeat: number;
}

/** Where a deferred entity's mention rows are: the articles mentioning it (in reading order), and how many. */
export interface RowSource {
  kind: MentionKind;
  id: string;
  articles: OutlineArticle[];
  count: number;
}

/** One mention of an entity, as much as its tree row needs (no mention object is kept: see collectEntities). */
export interface MentionRow {
  article: OutlineArticle;
  /** Kind, id and the name as this mention gives it (names vary: "2013", "late 2013"); shared by rows alike. */
  entity: OutlineEntityRef;
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** 0-based, in text order: the stable part of a mention's tree id. */
  ordinal: number;
}


/** What a deferred mention or claim row still has to read from its article. */
export interface DeferredRow {
  /** The sentence index of the mention or claim. */
  sentence: number;
  /** The mention as written (a claim row: ''). */
  text: string;
  /** The claim of a claim row. */
  claim?: Claim;
}

/** The grouped entities of one kind. */
export interface OutlineTree {
  nodes: OutlineNode[];
  /** Mentions (or claims) listed. */
  total: number;
}
