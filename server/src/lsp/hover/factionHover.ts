import { FactionMention, SourceMention } from '../../analysis';
import { escapeMarkdown } from './markdown';
import { HoverContext } from './hoverContext';

/** Hover for a faction: canonical name, kind, country, how the mention was resolved. */
export function factionHover(m: FactionMention, _ctx: HoverContext): string {
  const lines = [`**${escapeMarkdown(m.name)}** — ${m.factionKind}${m.country ? `, ${escapeMarkdown(m.country)}` : ''}`];
  if (m.resolvedFrom === 'context') lines.push(`${escapeMarkdown(m.text)} → ${escapeMarkdown(m.name)}, resolved from context`);
  if (m.descriptors.length) lines.push(`described as ${m.descriptors.map(escapeMarkdown).join(', ')}`);
  return lines.join('\n\n');
}

/** Hover for a source: who it is and how many sentences are attributed to it. */
export function sourceHover(m: SourceMention, _ctx: HoverContext): string {
  return [`**${escapeMarkdown(m.name)}** — source (${m.sourceKind})`, `${m.attributed.length} sentence(s) attributed`].join('\n\n');
}
