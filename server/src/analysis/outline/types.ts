// Plain data the outline core produces: grouped, counted entities for the side panel and the Outline.
// Positions are offsets into an article (the LSP adapter turns them into ranges).
import { ArticleAnalysis, Claim } from '../types';

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
