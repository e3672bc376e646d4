import { FactionMention, SourceMention } from '../../analysis';
import { activeAt, aliasText } from '../../analysis/factions/dictionary';
import { factionFacts, factionProfile, FactionProfile, sourceProfile, SourceProfile } from '../../analysis/factions/profile';
import { escapeMarkdown, formatDay } from './markdown';
import { HoverContext } from './hoverContext';
import { Summary, Tally, workspaceSummary } from './workspaceMentions';

const KIND_LABEL: Record<string, string> = {
  state: 'state forces',
  'armed-group': 'armed group',
  coalition: 'coalition',
  militia: 'militia',
  political: 'political body',
  other: 'actor',
};

/** Hover for a faction: canonical name, kind, country, aliases, backers and alignment at the article's date, workspace counts. */
export function factionHover(m: FactionMention, ctx: HoverContext): string {
  const e = escapeMarkdown;
  const date = ctx.record.analysis.publication.date;
  const facts = factionFacts(ctx.knowledge.factions, m.id, date);
  const country = facts?.countryName ?? m.country;
  const lines = [`**${e(m.name)}** — ${KIND_LABEL[m.factionKind] ?? m.factionKind}${country ? `, ${e(country)}` : ''}`];
  if (m.resolvedFrom === 'context') lines.push(`${e(m.text)} → ${e(m.name)}, resolved from context`);
  else if (m.resolvedFrom === 'phrase') lines.push(`${e(m.text)}: actor phrase${m.id.startsWith('actor:') ? ' (not in the factions dictionary: "Add as faction…" puts it in .dateline/factions.json)' : ''}`);
  else if (m.resolvedFrom === 'user') lines.push('from your dictionary `.dateline/factions.json`');
  if (m.descriptors.length) lines.push(`here described as ${m.descriptors.map(e).join(', ')}`);
  if (facts) {
    const f = facts.entry;
    const aliases = f.aliases.map(aliasText).filter((a) => a !== f.name).slice(0, 8);
    if (aliases.length) lines.push(`also: ${aliases.map(e).join(', ')}${f.aliases.length > 8 ? ', …' : ''}`);
    if (f.from || f.to) lines.push(`active ${f.from ? `from ${formatDate(f.from)}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `until ${formatDate(f.to)}` : ''}`);
    if (facts.predecessor) lines.push(`formerly ${e(facts.predecessor.name)}`);
    if (facts.successor) lines.push(`became ${e(facts.successor.name)}${facts.successor.from ? ` (${formatDate(facts.successor.from)})` : ''}`);
    if (facts.parent) lines.push(`part of ${e(facts.parent.name)}`);
    const leaders = (f.leaders ?? []).filter((l) => activeAt(date, l.from, l.to));
    if (leaders.length) lines.push(`led by ${leaders.map((l) => e(l.name)).join(' / ')}`);
    const at = date ? ` at the article's date (${formatDay(date)})` : '';
    if (facts.backers.length) lines.push(`backed by ${facts.backers.map((b) => e(b.name) + range(b.link.from, b.link.to)).join(', ')}${at}`);
    if (facts.alignments.length) lines.push(`alignment${at}: ${facts.alignments.map((a) => `${e(a.link.relation)} ${e(a.name)}${range(a.link.from, a.link.to)}`).join(', ')}`);
    if (f.note) lines.push(e(f.note));
  }
  // "The SDF said…": the same words are a source too; the hover shows one mention, so say it here.
  const speaking = ctx.record.analysis.mentions.find((x): x is SourceMention => x.kind === 'source' && x.start === m.start && x.end === m.end);
  if (speaking?.attributed.length) lines.push(`as a source here: ${speaking.attributed.length} sentence${speaking.attributed.length === 1 ? '' : 's'} attributed`);
  const profile = workspaceSummary(ctx.store, 'faction', m.id, factionSummary(m.id));
  if (profile.articles) {
    lines.push(`mentioned ${profile.mentions} time${profile.mentions === 1 ? '' : 's'} in ${profile.articles} article${profile.articles === 1 ? '' : 's'}${profile.resolved ? ` (${profile.resolved} resolved from context)` : ''}`);
  }
  if (profile.descriptors.length) {
    lines.push(profile.descriptors.slice(0, 5).map((d) => `described as ${e(d.text)} in ${d.articles} article${d.articles === 1 ? '' : 's'}`).join(' · '));
  }
  return lines.join('\n\n');
}

/** Hover for a source: who it is, its title, the sentences attributed to it here and across the workspace. */
export function sourceHover(m: SourceMention, ctx: HoverContext): string {
  const e = escapeMarkdown;
  const a = ctx.record.analysis;
  const lines = [`**${e(m.name)}** — source (${m.sourceKind})${m.role ? `, ${e(m.role)}` : ''}`];
  if (m.text.toLowerCase() !== m.name.toLowerCase() && !m.name.endsWith(m.text)) lines.push(`${e(m.text)} → ${e(m.name)}`);
  const here = new Set(a.mentions.filter((x): x is SourceMention => x.kind === 'source' && x.id === m.id).flatMap((x) => x.attributed));
  if (m.attributed.length) {
    const first = a.sentences[m.attributed[0]];
    const quote = first ? ctx.record.text.slice(first.start, Math.min(first.end, first.start + 160)) : '';
    lines.push(`${m.attributed.length} sentence${m.attributed.length === 1 ? '' : 's'} attributed here${quote ? `: “${e(quote)}${first && first.end - first.start > 160 ? '…' : ''}”` : ''}`);
  } else lines.push('named here, nothing attributed to this mention');
  if (here.size > m.attributed.length) lines.push(`${here.size} sentences in this article in all`);
  const p = workspaceSummary(ctx.store, 'source', m.id, sourceSummary(m.id));
  if (p.articles > 1) lines.push(`quoted in ${p.articles} articles (${p.sentences} sentences)`);
  return lines.join('\n\n');
}

interface FactionTotal {
  mentions: number;
  articles: number;
  resolved: number;
  /** Articles per descriptor (normalised as factionProfile does). */
  descriptors: Tally;
}

/** factionProfile over the workspace, kept as running totals. */
export function factionSummary(id: string): Summary<FactionTotal, FactionProfile> {
  return {
    name: 'profile',
    empty: () => ({ mentions: 0, articles: 0, resolved: 0, descriptors: new Tally() }),
    apply(t, analysis, uri, sign) {
      // The article's own profile: its mentions, resolved ones and distinct normalised descriptors.
      const p = factionProfile(id, [analysis]);
      if (!p.articles) return;
      t.mentions += sign * p.mentions;
      t.articles += sign;
      t.resolved += sign * p.resolved;
      let at = 0;
      for (const d of p.descriptors) {
        if (sign > 0) t.descriptors.add(d.text, 1, uri, at++);
        else t.descriptors.remove(d.text, 1, uri);
      }
    },
    exact: (t) => t.descriptors.exact,
    value: (t) => ({
      mentions: t.mentions,
      articles: t.articles,
      resolved: t.resolved,
      // As factionProfile sorts them (its ties keep first seen in store order: inOrder gives that order).
      descriptors: t.descriptors
        .inOrder()
        .map(([text, n]) => ({ text, articles: n }))
        .sort((x, y) => y.articles - x.articles || x.text.localeCompare(y.text)),
    }),
  };
}

/** sourceProfile over the workspace, kept as running totals. */
export function sourceSummary(id: string): Summary<SourceProfile, SourceProfile> {
  return {
    name: 'profile',
    empty: () => ({ mentions: 0, articles: 0, sentences: 0 }),
    apply(t, analysis, _uri, sign) {
      const p = sourceProfile(id, [analysis]);
      t.mentions += sign * p.mentions;
      t.articles += sign * p.articles;
      t.sentences += sign * p.sentences;
    },
    exact: () => true,
    value: (t) => ({ ...t }),
  };
}

function range(from?: string, to?: string): string {
  if (!from && !to) return '';
  return ` (${from ? formatDate(from) : ''}–${to ? formatDate(to) : ''})`;
}

function formatDate(d: string): string {
  return d.length === 10 ? formatDay(d) : d;
}
