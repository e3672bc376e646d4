// One article's share of a workspace tree: each entity it mentions, reduced to what the tree counts. Kept per
// article by the server, a tree made again after an edit reads only the edited article (entities.ts addEntities).
import { Mention, MentionKind } from '../types';
import { StringPool } from './ownStrings';

/**
 * The entities one article mentions, in order of first mention, as columns: a workspace keeps one of these per
 * article (~60 entities each): an object per entity held 97 MB of heap at 10,000 articles, these columns 47 MB.
 */
export interface ArticleEntities {
  /** Two numbers per entity: its mentions in the article × KINDS + the index of its kind; where its first mention is. */
  numbers: Int32Array;
  /** Ids, pooled. */
  ids: string[];
  /** Distinct spellings as written, in order, pooled: one string for most entities, else a list. */
  spellings: (string | string[])[];
  /** Faction descriptors, distinct, in order, pooled (null: the article has none at all). */
  descriptors: (string[] | null)[] | null;
  /** Entity index, mentions resolved from context (factions), sentences attributed (sources), for the few not 0. */
  tallies: number[] | null;
  /**
   * Each entity's first mention in the article, strings pooled, once asked for (leadingMention): its fields
   * describe the entity when this article is the first to mention it. Copied only then: a copy for each
   * article's each entity cost a 10,000-article workspace twice the time of its trees.
   */
  firsts: (Mention | null)[] | null;
}

/** Kinds an ArticleEntities can tell apart (the index of a kind takes 3 bits). */
const KINDS = 8;

/** How many entities. */
export function entityCount(e: ArticleEntities): number {
  return e.ids.length;
}

/** The index (in the kinds asked for) of entity i's kind. */
export function kindOf(e: ArticleEntities, i: number): number {
  return e.numbers[2 * i] % KINDS;
}

/** Entity i's mentions in the article. */
export function countOf(e: ArticleEntities, i: number): number {
  return Math.floor(e.numbers[2 * i] / KINDS);
}

/** Entity i's mentions resolved from context and sentences attributed to it. */
export function talliesOf(e: ArticleEntities, i: number): { resolved: number; attributed: number } {
  const t = e.tallies;
  if (t) for (let j = 0; j < t.length; j += 3) if (t[j] === i) return { resolved: t[j + 1], attributed: t[j + 2] };
  return NO_TALLIES;
}

const NO_TALLIES = { resolved: 0, attributed: 0 };

/**
 * The entities of these kinds an article's mentions name, strings taken from `strings` so that what is kept
 * holds nothing of the article (see ownStrings.ts). Mentions without an id are left out.
 */
export function entitiesOfArticle(mentions: readonly Mention[], kinds: readonly MentionKind[], strings: StringPool): ArticleEntities {
  const ids: string[] = [];
  const spellings: (string | string[])[] = [];
  let descriptors: (string[] | null)[] | null = null;
  let tallies: number[] | null = null;
  const numbers: number[] = [];
  // One map per kind (ids of two kinds may be equal): the entity's index.
  const seen: Map<string, number>[] = kinds.map(() => new Map());
  // (More kinds than the numbers can tell apart: none read. There are four.)
  for (let i = 0; i < mentions.length && kinds.length <= KINDS; i++) {
    const m = mentions[i];
    const k = kinds.indexOf(m.kind);
    if (k < 0 || typeof m.id !== 'string' || m.id === '') continue;
    const text = strings.own(m.text);
    let e = seen[k].get(m.id);
    if (e === undefined) {
      e = ids.length;
      seen[k].set(m.id, e);
      ids.push(strings.own(m.id));
      spellings.push(text);
      descriptors?.push(null);
      numbers.push(k, i);
    } else {
      const written = spellings[e];
      if (typeof written === 'string') {
        if (written !== text) spellings[e] = [written, text];
      } else if (!written.includes(text)) written.push(text);
    }
    numbers[2 * e] += KINDS;
    let resolved = 0;
    let attributed = 0;
    if (m.kind === 'faction') {
      for (const d of m.descriptors ?? []) {
        descriptors ??= ids.map(() => null);
        const list = (descriptors[e] ??= []);
        if (!list.includes(d)) list.push(strings.own(d));
      }
      if (m.resolvedFrom === 'context') resolved = 1;
    } else if (m.kind === 'source') attributed = m.attributed?.length ?? 0;
    if (resolved || attributed) {
      tallies ??= [];
      let j = 0;
      while (j < tallies.length && tallies[j] !== e) j += 3;
      if (j === tallies.length) tallies.push(e, 0, 0);
      tallies[j + 1] += resolved;
      tallies[j + 2] += attributed;
    }
  }
  return { numbers: Int32Array.from(numbers), ids: ids.slice(), spellings: spellings.slice(), descriptors: descriptors && descriptors.slice(), tallies, firsts: null };
}

/** The article's first mention of entity `i`, strings pooled (read from the article's mentions the first time). */
export function leadingMention(e: ArticleEntities, i: number, mentions: () => readonly Mention[], strings: StringPool): Mention {
  const kept = e.firsts?.[i];
  if (kept) return kept;
  const m = mentions()[e.numbers[2 * i + 1]];
  const id = e.ids[i];
  // The same record always has the same analysis; a mention not there (never seen) still names the entity.
  const first = m && m.id === id ? strings.ownAll(m) : ({ kind: 'place', id, name: id, text: id, start: 0, end: 0, sentence: -1 } as Mention);
  (e.firsts ??= e.ids.map(() => null))[i] = first;
  return first;
}
