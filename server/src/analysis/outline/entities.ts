// Mentions gathered by entity across articles: the common ground of every entity view.
import { Mention, MentionKind } from '../types';
import { plural, readingOrder, sentenceAround, sentenceText, shorten, spanIn, whereLine } from './articleText';
import { OutlineArticle, OutlineIcon, OutlineNode } from './types';

/** One mention with its article and its ordinal among the same entity's mentions in that article. */
export interface MentionRef<M extends Mention = Mention> {
  article: OutlineArticle;
  mention: M;
  /** 0-based, in text order: the stable part of a mention's tree id. */
  ordinal: number;
}

/** Every mention of one entity, in reading order. */
export interface EntityMentions<M extends Mention = Mention> {
  kind: MentionKind;
  id: string;
  name: string;
  refs: MentionRef<M>[];
  /** Distinct spellings as written, in order of first appearance. */
  spellings: string[];
  /** Articles the entity appears in. */
  articles: number;
}

/** Groups the mentions of one kind by entity id across articles (articles in reading order). */
export function collectEntities<K extends MentionKind>(
  articles: readonly OutlineArticle[],
  kind: K,
): Map<string, EntityMentions<Extract<Mention, { kind: K }>>> {
  type M = Extract<Mention, { kind: K }>;
  const out = new Map<string, EntityMentions<M>>();
  for (const article of readingOrder(articles)) {
    const ordinals = new Map<string, number>();
    for (const m of article.analysis.mentions) {
      if (m.kind !== kind || typeof m.id !== 'string' || m.id === '') continue;
      const ordinal = ordinals.get(m.id) ?? 0;
      ordinals.set(m.id, ordinal + 1);
      let e = out.get(m.id);
      if (!e) {
        e = { kind, id: m.id, name: m.name || m.text, refs: [], spellings: [], articles: 0 };
        out.set(m.id, e);
      }
      if (ordinal === 0) e.articles++;
      e.refs.push({ article, mention: m as M, ordinal });
      if (!e.spellings.includes(m.text)) e.spellings.push(m.text);
    }
  }
  return out;
}

/** A mention as a tree leaf: the text as written, its sentence as description. */
export function mentionLeaf(ref: MentionRef, parentId: string): OutlineNode {
  const { article, mention } = ref;
  // Outside any sentence (a dateline city), the line it stands on is the context.
  const sentence = sentenceText(article, mention.sentence) || sentenceAround(article, mention.start).text || mention.text;
  return {
    id: `${parentId}@${article.uri}#${ref.ordinal}`,
    label: mention.text,
    count: null,
    description: shorten(sentence),
    tooltip: `${sentence}\n\n${whereLine(article, mention.start)}`,
    icon: 'mention',
    role: 'mention',
    entity: { kind: mention.kind, id: mention.id, name: mention.name },
    at: spanIn(article, mention),
    children: [],
  };
}

/** An entity as a tree node whose children are its mentions (after any `before` nodes). */
export function entityNode(e: EntityMentions, nodeId: string, icon: OutlineIcon, about: string, before: OutlineNode[] = [], noun = 'entry'): OutlineNode {
  const first = e.refs[0];
  const spelled = e.spellings.filter((s) => s !== e.name);
  const lines = [
    about ? `${e.name} — ${about}` : e.name,
    `${plural(e.refs.length, 'mention')} in ${plural(e.articles, 'article')}`,
    ...(spelled.length ? [`Also written: ${spelled.slice(0, 8).join(', ')}`] : []),
  ];
  return {
    id: nodeId,
    label: e.name,
    count: e.refs.length,
    description: before.length ? describeGroup(before, noun) : null,
    tooltip: lines.join('\n'),
    icon,
    role: 'entity',
    entity: { kind: e.kind, id: e.id, name: e.name },
    at: first ? spanIn(first.article, first.mention) : null,
    children: [...before, ...e.refs.map((r) => mentionLeaf(r, nodeId))],
  };
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
    at: firstAt(children),
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
      walk(n.children);
    }
  };
  walk(children);
  if (claims) return plural(claims, 'claim');
  return entities ? `${plural(entities, noun).replace(/ys$/, 'ies')} · ${plural(mentions, 'mention')}` : plural(mentions, 'mention');
}

function firstAt(nodes: OutlineNode[]): OutlineNode['at'] {
  for (const n of nodes) if (n.at) return n.at;
  return null;
}

/** Mentions (or claims) under the nodes. */
export function countLeaves(nodes: OutlineNode[]): number {
  let n = 0;
  for (const node of nodes) n += node.role === 'mention' || node.role === 'claim' ? 1 : countLeaves(node.children);
  return n;
}
