// One article's share of a workspace tree: each entity it mentions, reduced to what the tree counts. Kept per
// article by the server, a tree made again after an edit reads only the edited article (entities.ts addEntities).
import { Mention, MentionKind } from '../types';
import { StringPool } from './ownStrings';

/** One entity as one article mentions it. */
export interface ArticleEntity {
  /** Index of the mention kind in the kinds asked for. */
  kind: number;
  /** The entity's id (pooled). */
  id: string;
  /** Where the article's first mention of it is in the analysis' mentions, and its span. */
  at: number;
  start: number;
  end: number;
  /**
   * That mention, strings pooled, once asked for (firstMention): its fields describe the entity when this article
   * is the first to mention it. Copied only then: a copy for each article's each entity cost a 10,000-article
   * workspace twice the time of its trees.
   */
  first: Mention | null;
  /** The entity's name as the first mention gives it (pooled). */
  name: string;
  /** Mentions in this article. */
  count: number;
  /** Distinct spellings as written, in order (pooled); most entities have one, kept without a list. */
  spellings: string | string[];
  /** Faction descriptors, distinct, in order (pooled). */
  descriptors: string[];
  /** Faction mentions resolved from context. */
  resolved: number;
  /** Sentences attributed to a source, summed over its mentions. */
  attributed: number;
}

const NO_STRINGS: string[] = [];

/**
 * The entities of these kinds an article's mentions name, in order of first mention, strings taken from `strings` so
 * that what is kept holds nothing of the article (see ownStrings.ts). Mentions without an id are left out.
 */
export function entitiesOfArticle(mentions: readonly Mention[], kinds: readonly MentionKind[], strings: StringPool): ArticleEntity[] {
  const out: ArticleEntity[] = [];
  // One map per kind: ids of two kinds may be equal.
  const seen: Map<string, ArticleEntity>[] = kinds.map(() => new Map());
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const k = kinds.indexOf(m.kind);
    if (k < 0 || typeof m.id !== 'string' || m.id === '') continue;
    const text = strings.own(m.text);
    let e = seen[k].get(m.id);
    if (!e) {
      e = { kind: k, id: strings.own(m.id), at: i, start: m.start, end: m.end, first: null, name: strings.own(m.name || m.text), count: 0, spellings: text, descriptors: NO_STRINGS, resolved: 0, attributed: 0 };
      seen[k].set(e.id, e);
      out.push(e);
    } else if (typeof e.spellings === 'string') {
      if (e.spellings !== text) e.spellings = [e.spellings, text];
    } else if (!e.spellings.includes(text)) e.spellings.push(text);
    e.count++;
    if (m.kind === 'faction') {
      for (const d of m.descriptors ?? []) {
        if (e.descriptors === NO_STRINGS) e.descriptors = [];
        if (!e.descriptors.includes(d)) e.descriptors.push(strings.own(d));
      }
      if (m.resolvedFrom === 'context') e.resolved++;
    } else if (m.kind === 'source') e.attributed += m.attributed?.length ?? 0;
  }
  return out;
}

/** The article's first mention of the entity, strings pooled (read from the article's mentions the first time). */
export function leadingMention(e: ArticleEntity, mentions: readonly Mention[], strings: StringPool): Mention {
  if (e.first) return e.first;
  const m = mentions[e.at];
  // The same record always has the same analysis; a mention not there (never seen) still names the entity.
  e.first = m && m.id === e.id ? strings.ownAll(m) : ({ kind: 'place', id: e.id, name: e.name, text: e.name, start: e.start, end: e.end, sentence: -1 } as Mention);
  return e.first;
}
