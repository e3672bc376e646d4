// Factions grouped by kind (states and armies, armed groups, coalitions…), then the sources quoted.
import { FactionKind, FactionMention, SourceKind, SourceMention } from '../types';
import { byLabel } from './articleText';
import { countLeaves, EntityMentions, entityNode, groupNode, RowMode } from './entities';
import { OutlineIcon, OutlineNode, OutlineTree } from './types';

const KINDS: { kind: FactionKind; label: string; one: string; icon: OutlineIcon }[] = [
  { kind: 'state', label: 'States and armies', one: 'state force', icon: 'state' },
  { kind: 'armed-group', label: 'Armed groups', one: 'armed group', icon: 'armed-group' },
  { kind: 'coalition', label: 'Coalitions', one: 'coalition', icon: 'coalition' },
  { kind: 'militia', label: 'Militias', one: 'militia', icon: 'militia' },
  { kind: 'political', label: 'Political groups', one: 'political group', icon: 'political' },
  { kind: 'other', label: 'Other actors', one: 'actor', icon: 'faction' },
];

const SOURCE_WORDS: Record<SourceKind, string> = {
  agency: 'news agency',
  monitor: 'monitoring group',
  official: 'official',
  unnamed: 'unnamed source',
  outlet: 'news outlet',
  other: 'source',
};

/** Factions by kind, then a "Sources" group; alphabetical within each group. */
export function factionTree(factions: Map<string, EntityMentions<FactionMention>>, sourceEntities: Map<string, EntityMentions<SourceMention>>, mode: RowMode): OutlineTree {
  const byKind = new Map<FactionKind, OutlineNode[]>();
  for (const e of factions.values()) {
    const m = e.first;
    const kind = KINDS.some((k) => k.kind === m.factionKind) ? m.factionKind : 'other';
    const spec = KINDS.find((k) => k.kind === kind)!;
    const list = byKind.get(kind) ?? [];
    list.push(entityNode(e, `faction:${e.id}`, spec.icon, describeFaction(e), mode));
    byKind.set(kind, list);
  }
  const nodes: OutlineNode[] = [];
  for (const k of KINDS) {
    const list = byKind.get(k.kind);
    if (list) nodes.push(groupNode(`faction:kind:${k.kind}`, k.label, k.icon, list.sort(byLabel), 'faction'));
  }
  const sources = [...sourceEntities.values()].map((e) => entityNode(e, `source:${e.id}`, 'source', describeSource(e), mode));
  if (sources.length) nodes.push(groupNode('source:group', 'Sources', 'source', sources.sort(byLabel), 'source', 'Who the articles quote or attribute claims to'));
  return { nodes, total: countLeaves(nodes) };
}

function describeFaction(e: EntityMentions<FactionMention>): string {
  const m = e.first;
  const { descriptors, resolved } = e;
  const kind = KINDS.find((k) => k.kind === m.factionKind)?.one ?? 'actor';
  return [kind + (m.country ? ` (${m.country})` : ''), descriptors.length ? descriptors.join(', ') : '', resolved ? `${resolved} resolved from context ("the army")` : '']
    .filter(Boolean)
    .join('; ');
}

function describeSource(e: EntityMentions<SourceMention>): string {
  const m = e.first;
  const { attributed } = e;
  return `${SOURCE_WORDS[m.sourceKind] ?? 'source'}${attributed ? `; ${attributed} sentence${attributed === 1 ? '' : 's'} attributed` : ''}`;
}
