// What the workspace says about one faction or source: how often and where it is mentioned, and the
// descriptors writers attach to it ("described as U.S.-backed in 3 articles"). Pure: analyses in, data out.
import { ArticleAnalysis, FactionMention, SourceMention } from '../types';
import { activeAt, Alignment, DatedLink, FactionEntry } from './dictionary';
import { FactionIndex } from './factionIndex';

export interface FactionProfile {
  mentions: number;
  articles: number;
  /** Mentions resolved from context ("the army"). */
  resolved: number;
  /** Descriptor → number of articles using it, most frequent first. */
  descriptors: { text: string; articles: number }[];
}

/** Counts and descriptors of a faction id across analyses. */
export function factionProfile(id: string, analyses: Iterable<ArticleAnalysis>): FactionProfile {
  let mentions = 0;
  let articles = 0;
  let resolved = 0;
  const descriptorArticles = new Map<string, number>();
  for (const a of analyses) {
    let here = 0;
    const seen = new Set<string>();
    for (const m of a.mentions) {
      if (m.kind !== 'faction' || m.id !== id) continue;
      here++;
      if ((m as FactionMention).resolvedFrom === 'context') resolved++;
      for (const d of (m as FactionMention).descriptors) seen.add(normaliseDescriptor(d));
    }
    if (!here) continue;
    mentions += here;
    articles++;
    for (const d of seen) descriptorArticles.set(d, (descriptorArticles.get(d) ?? 0) + 1);
  }
  const descriptors = [...descriptorArticles].map(([text, n]) => ({ text, articles: n })).sort((x, y) => y.articles - x.articles || x.text.localeCompare(y.text));
  return { mentions, articles, resolved, descriptors };
}

/** "US-backed" and "U.S.-backed" are one descriptor. */
export function normaliseDescriptor(d: string): string {
  return d.replace(/\bUS\b/g, 'U.S.').replace(/\s+/g, ' ').trim();
}

export interface SourceProfile {
  mentions: number;
  articles: number;
  sentences: number;
}

/** How many articles quote a source and how many sentences they attribute to it. */
export function sourceProfile(id: string, analyses: Iterable<ArticleAnalysis>): SourceProfile {
  let mentions = 0;
  let articles = 0;
  let sentences = 0;
  for (const a of analyses) {
    const ms = a.mentions.filter((m): m is SourceMention => m.kind === 'source' && m.id === id);
    if (!ms.length) continue;
    articles++;
    mentions += ms.length;
    sentences += new Set(ms.flatMap((m) => m.attributed)).size;
  }
  return { mentions, articles, sentences };
}

export interface FactionFacts {
  entry: FactionEntry;
  parent: FactionEntry | null;
  /** Backers valid at the date, with their names. */
  backers: { name: string; link: DatedLink }[];
  alignments: { name: string; link: Alignment }[];
  predecessor: FactionEntry | null;
  successor: FactionEntry | null;
  countryName: string | null;
}

/** Dictionary facts about a faction at a date (backers and alignments outside their range are left out). */
export function factionFacts(index: FactionIndex, id: string, date: string | null): FactionFacts | null {
  const entry = index.byId.get(id);
  if (!entry) return null;
  const name = (x: string) => index.byId.get(x)?.name ?? x;
  return {
    entry,
    parent: entry.parent ? (index.byId.get(entry.parent) ?? null) : null,
    backers: (entry.backers ?? []).filter((b) => activeAt(date, b.from, b.to)).map((link) => ({ name: name(link.id), link })),
    alignments: (entry.alignments ?? []).filter((b) => activeAt(date, b.from, b.to)).map((link) => ({ name: name(link.id), link })),
    predecessor: entry.predecessor ? (index.byId.get(entry.predecessor) ?? null) : null,
    successor: entry.successor ? (index.byId.get(entry.successor) ?? null) : null,
    countryName: entry.country ? (index.countries.get(entry.country)?.name ?? entry.country) : null,
  };
}
