// Mentions gathered by entity across articles: the common ground of every entity view.
import { Mention, MentionKind } from '../types';
import { plural, readingOrder, sentenceAround, sentenceText, shorten, spanIn, whereLine } from './articleText';
import { StringPool } from './ownStrings';
import { ArticleEntities, countOf, entitiesOfArticle, entityCount, kindOf, leadingMention, talliesOf } from './articleEntities';
import { MentionRow, OutlineArticle, OutlineEntityRef, OutlineIcon, OutlineNode } from './types';

/** Every mention of one entity, in reading order. */
export interface EntityMentions<M extends Mention = Mention> {
  kind: MentionKind;
  id: string;
  name: string;
  /** The first mention (its gazetteer or dictionary fields describe the entity). */
  first: M;
  /** The rows' entity references by name, one object for each. */
  refs: Map<string, OutlineEntityRef>;
  /** The mentions as rows (RowMode 'full'; none when deferred). */
  rows: MentionRow[];
  /** How many mentions. */
  count: number;
  /** The first mention's article and span. */
  firstAt: { article: OutlineArticle; start: number; end: number };
  /** The articles mentioning it, in reading order (RowMode 'deferred': where its rows will be read). */
  inArticles: OutlineArticle[];
  /** Distinct spellings as written, in order of first appearance. */
  spellings: string[];
  /** Articles the entity appears in. */
  articles: number;
  /** Faction descriptors ("jihadist", "Kurdish-led"), distinct, in order of first appearance. */
  descriptors: string[];
  /** Faction mentions resolved from context ("the army"). */
  resolved: number;
  /** Sentences attributed to a source, summed over its mentions. */
  attributed: number;
}

/**
 * How mention and claim rows are made. 'full': whole, with their sentence (one article, the Outline). 'deferred':
 * without anything read from the article's text or sentences (`deferred` set), for a workspace tree whose rows are
 * sent only when their entity is expanded (completeRows then fills them in). Full rows for 10,000 indexed
 * articles read each article's sentences once per entity mentioning it, unpacking the same articles over and over:
 * 57-104 s per tree kind.
 */
export type RowMode = 'full' | 'deferred';

/**
 * The mentions of each kind asked for, grouped by entity id across articles (articles in reading order), in one
 * pass. Only a row's few fields are kept, not the mention objects: in a workspace they are unpacked from the
 * index and would otherwise all stay alive together.
 */
export function collectEntitiesOf(articles: readonly OutlineArticle[], kinds: readonly MentionKind[], mode: RowMode = 'full'): Map<string, EntityMentions>[] {
  const collector = new EntityCollector(kinds, mode);
  for (const article of readingOrder(articles)) collector.add(article);
  return collector.found;
}

/**
 * collectEntitiesOf an article at a time, so a caller can spread a workspace over several turns (10,000 indexed
 * articles take seconds to read). Articles must come in reading order (articleText.ts readingOrder).
 */
export class EntityCollector {
  /** Entities by id, one map per kind asked for (same order). */
  readonly found: Map<string, EntityMentions>[];

  /** `strings`: the pool of the entities handed to addEntities, if kept beyond this collector. */
  constructor(
    private readonly kinds: readonly MentionKind[],
    private readonly mode: RowMode,
    private readonly strings = new StringPool(),
  ) {
    this.found = kinds.map(() => new Map<string, EntityMentions>());
  }

  add(article: OutlineArticle): void {
    if (this.mode === 'deferred') {
      const mentions = article.analysis.mentions;
      this.addEntities(article, entitiesOfArticle(mentions, this.kinds, this.strings), mentions);
      return;
    }
    const { kinds, strings } = this;
    const ordinals = new Map<string, number>();
    for (const m of article.analysis.mentions) {
      const k = kinds.indexOf(m.kind);
      if (k < 0 || typeof m.id !== 'string' || m.id === '') continue;
      const byId = this.found[k];
      const ordinalKey = kinds.length === 1 ? m.id : `${m.kind}\u0000${m.id}`;
      const ordinal = ordinals.get(ordinalKey) ?? 0;
      ordinals.set(ordinalKey, ordinal + 1);
      let e = byId.get(m.id);
      if (!e) {
        const id = strings.own(m.id);
        e = newEntity(m.kind, id, strings.own(m.name || m.text), strings.ownAll(m), { article, start: m.start, end: m.end });
        byId.set(id, e);
      }
      if (ordinal === 0) e.articles++;
      e.count++;
      const text = strings.own(m.text);
      let entity = e.refs.get(m.name);
      if (!entity) e.refs.set(m.name, (entity = { kind: m.kind, id: e.id, name: m.name }));
      e.rows.push({ article, entity, text, start: m.start, end: m.end, sentence: m.sentence, ordinal });
      if (!e.spellings.includes(text)) e.spellings.push(text);
      if (m.kind === 'faction') {
        for (const d of m.descriptors ?? []) if (!e.descriptors.includes(d)) e.descriptors.push(strings.own(d));
        if (m.resolvedFrom === 'context') e.resolved++;
      } else if (m.kind === 'source') e.attributed += m.attributed?.length ?? 0;
    }
  }

  /**
   * An article's entities as entitiesOfArticle gave them (made with the kinds of this collector, in this order),
   * for a deferred collector: a workspace tree made again after an edit reads only the edited article's.
   * `mentions`: the article's, if at hand (read from the article only for an entity it is the first to mention).
   */
  addEntities(article: OutlineArticle, entities: ArticleEntities, mentions: readonly Mention[] | null = null): void {
    const mentionsOf = () => (mentions ??= article.analysis.mentions);
    for (let i = 0; i < entityCount(entities); i++) {
      const kind = kindOf(entities, i);
      const byId = this.found[kind];
      if (!byId) continue;
      const id = entities.ids[i];
      let e = byId.get(id);
      if (!e) {
        const first = leadingMention(entities, i, mentionsOf, this.strings);
        const name = this.strings.own(first.name || first.text);
        byId.set(id, (e = newEntity(this.kinds[kind], id, name, first, { article, start: first.start, end: first.end })));
      }
      e.articles++;
      // A deferred tree keeps no row per mention (a workspace has a million): they are read again when shown.
      e.inArticles.push(article);
      e.count += countOf(entities, i);
      const written = entities.spellings[i];
      if (typeof written === 'string') {
        if (!e.spellings.includes(written)) e.spellings.push(written);
      } else for (const text of written) if (!e.spellings.includes(text)) e.spellings.push(text);
      for (const d of entities.descriptors?.[i] ?? NO_DESCRIPTORS) if (!e.descriptors.includes(d)) e.descriptors.push(d);
      const { resolved, attributed } = talliesOf(entities, i);
      e.resolved += resolved;
      e.attributed += attributed;
    }
  }
}

const NO_DESCRIPTORS: readonly string[] = [];

function newEntity(kind: MentionKind, id: string, name: string, first: Mention, firstAt: EntityMentions['firstAt']): EntityMentions {
  return { kind, id, name, first, refs: new Map(), rows: [], count: 0, firstAt, inArticles: [], spellings: [], articles: 0, descriptors: [], resolved: 0, attributed: 0 };
}

/** A mention as a tree leaf: the text as written, its sentence as description (filled in later when deferred). */
export function mentionLeaf(row: MentionRow, parentId: string, mode: RowMode = 'full'): OutlineNode {
  const leaf: OutlineNode = {
    id: `${parentId}@${row.article.uri}#${row.ordinal}`,
    label: row.text,
    count: null,
    description: null,
    tooltip: row.text,
    icon: 'mention',
    role: 'mention',
    // Full rows each have their own (as they always had); deferred rows, by the hundred thousand, share one.
    entity: mode === 'deferred' ? row.entity : { ...row.entity },
    at: { uri: row.article.uri, start: row.start, end: row.end },
    children: [],
  };
  // The row itself is what is left to read (its sentence and text): no object more per row.
  if (mode === 'deferred') leaf.deferred = row;
  else fillMentionLeaf(leaf, row.article, row.sentence, row.text);
  return leaf;
}

/** What a mention row reads of its article: its sentence (or line) as description and tooltip, its span clamped. */
export function fillMentionLeaf(leaf: OutlineNode, article: OutlineArticle, sentenceIndex: number, text: string): void {
  const span = leaf.at ?? { start: 0, end: 0 };
  // Outside any sentence (a dateline city), the line it stands on is the context.
  const sentence = sentenceText(article, sentenceIndex) || sentenceAround(article, span.start).text || text;
  leaf.description = shorten(sentence);
  leaf.tooltip = `${sentence}\n\n${whereLine(article, span.start)}`;
  leaf.at = spanIn(article, span);
}

/** An entity as a tree node whose children are its mentions (after any `before` nodes). */
export function entityNode(e: EntityMentions, nodeId: string, icon: OutlineIcon, about: string, mode: RowMode, before: OutlineNode[] = [], noun = 'entry'): OutlineNode {
  const spelled = e.spellings.filter((s) => s !== e.name);
  const lines = [
    about ? `${e.name} — ${about}` : e.name,
    `${plural(e.count, 'mention')} in ${plural(e.articles, 'article')}`,
    ...(spelled.length ? [`Also written: ${spelled.slice(0, 8).join(', ')}`] : []),
  ];
  const node: OutlineNode = {
    id: nodeId,
    label: e.name,
    count: e.count,
    description: before.length ? describeGroup(before, noun) : null,
    tooltip: lines.join('\n'),
    icon,
    role: 'entity',
    entity: { kind: e.kind, id: e.id, name: e.name },
    at: e.count > 0 ? firstAt(e.firstAt, mode) : null,
    children: mode === 'deferred' ? before : [...before, ...e.rows.map((r) => mentionLeaf(r, nodeId))],
  };
  if (mode === 'deferred') node.rows = { kind: e.kind, id: e.id, articles: e.inArticles, count: e.count };
  return node;
}

/** An entity's first mention; in a deferred tree as the analysis gives it (clamping would read the article's text). */
function firstAt(row: EntityMentions['firstAt'], mode: RowMode): OutlineNode['at'] {
  return mode === 'deferred' ? { uri: row.article.uri, start: row.start, end: row.end } : spanIn(row.article, row);
}

/** A plain group (no entity of its own). */
export function groupNode(id: string, label: string, icon: OutlineIcon, children: OutlineNode[], noun: string, tooltip?: string): OutlineNode {
  const description = describeGroup(children, noun);
  return {
    id,
    label,
    count: null,
    description,
    tooltip: tooltip ? `${tooltip}\n${description}` : `${label}\n${description}`,
    icon,
    role: 'group',
    entity: null,
    at: firstAtOf(children),
    children,
  };
}

/** "4 places · 9 mentions" style totals for a group's description. */
function describeGroup(children: OutlineNode[], noun: string): string {
  let entities = 0;
  let mentions = 0;
  let claims = 0;
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.role === 'entity') entities++;
      else if (n.role === 'mention') mentions++;
      else if (n.role === 'claim') claims++;
      mentions += n.rows?.count ?? 0;
      claims += n.claims?.length ?? 0;
      walk(n.children);
    }
  };
  walk(children);
  if (claims) return plural(claims, 'claim');
  return entities ? `${plural(entities, noun).replace(/ys$/, 'ies')} · ${plural(mentions, 'mention')}` : plural(mentions, 'mention');
}

function firstAtOf(nodes: OutlineNode[]): OutlineNode['at'] {
  for (const n of nodes) if (n.at) return n.at;
  return null;
}

/** Mentions (or claims) under the nodes. */
export function countLeaves(nodes: OutlineNode[]): number {
  let n = 0;
  for (const node of nodes) n += node.role === 'mention' || node.role === 'claim' ? 1 : countLeaves(node.children) + (node.rows?.count ?? 0) + (node.claims?.length ?? 0);
  return n;
}
