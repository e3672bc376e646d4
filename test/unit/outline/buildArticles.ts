// Builds outline inputs from compact fixtures: article text plus mentions and claims named by their text,
// so the outline can be tested without (and before) the extractors. Offsets are found, never hand-counted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArticleAnalysis, Claim, Mention, Sentence } from '../../../server/src/analysis';
import { detectStructure } from '../../../server/src/analysis/structure/detectStructure';
import { findPublication } from '../../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../../server/src/analysis/structure/splitSentences';
import { OutlineArticle } from '../../../server/src/analysis/outline';
import { FIXTURES } from '../../support/expectFile';

type Spec = Record<string, unknown> & { kind: Mention['kind']; text: string; id: string };
type ClaimSpec = Partial<Claim> & { in: string };

interface ArticleSpec {
  uri: string;
  /** Lines of the article (joined with \n), so fixtures stay readable. */
  lines: string[];
  mentions: Spec[];
  claims?: ClaimSpec[];
}

const DEFAULTS: Record<Mention['kind'], Record<string, unknown>> = {
  place: { lat: null, lon: null, country: null, countryName: null, admin1: null, feature: 'town', population: null, confidence: 1, alternatives: [], reason: 'fixture' },
  date: { type: 'DATE', mod: null, relative: false, interval: null, explanation: 'fixture' },
  faction: { factionKind: 'armed-group', country: null, resolvedFrom: 'dictionary', descriptors: [] },
  source: { sourceKind: 'agency', attributed: [] },
};

/** Reads test/fixtures/outline/<name>.json and returns analysed articles. */
export function loadOutlineFixture(name: string): OutlineArticle[] {
  const specs = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'outline', `${name}.json`), 'utf8')) as { articles: ArticleSpec[] };
  return specs.articles.map(buildArticle);
}

export function buildArticle(spec: ArticleSpec): OutlineArticle {
  const text = spec.lines.join('\n');
  const structure = detectStructure(text);
  const sentences = splitSentences(text, structure);
  const sentenceOf = (offset: number) => sentences.findIndex((s) => offset >= s.start && offset < s.end);
  const containing = (needle: string): number => {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`${spec.uri}: "${needle}" not in text`);
    return sentenceOf(at);
  };
  let cursor = 0;
  const mentions: Mention[] = spec.mentions.map((m) => {
    // Mentions are listed in text order; each is the next occurrence of its text.
    const start = text.indexOf(m.text, cursor);
    if (start < 0) throw new Error(`${spec.uri}: mention "${m.text}" not found after offset ${cursor}`);
    cursor = start + m.text.length;
    const { attributedTo, ...rest } = m as Spec & { attributedTo?: string[] };
    const extra = m.kind === 'source' ? { attributed: (attributedTo ?? []).map(containing) } : {};
    const name = (m as { name?: string }).name ?? m.text;
    const label = m.kind === 'date' ? { label: (m as { label?: string }).label ?? m.text, value: (m as { value?: string }).value ?? m.id } : {};
    return { ...DEFAULTS[m.kind], ...rest, ...extra, ...label, name, start, end: cursor, sentence: sentenceOf(start) } as unknown as Mention;
  });
  const claims: Claim[] = (spec.claims ?? []).map((c) => {
    const index = containing(c.in);
    const s: Sentence = sentences[index];
    const { in: _in, ...rest } = c;
    return {
      id: `claim-${index}`,
      sentence: index,
      start: s.start,
      end: s.end,
      actor: null,
      action: 'took-control',
      patient: null,
      place: null,
      extent: { kind: 'full', text: null, percent: null },
      time: null,
      source: { id: 'unknown', name: 'unknown' },
      modality: 'asserted',
      count: null,
      summary: '',
      ...rest,
    } as Claim;
  });
  const analysis: ArticleAnalysis = {
    skipped: null,
    length: text.length,
    structure,
    publication: findPublication(text, structure),
    headline: structure.headline ? text.slice(structure.headline.start, structure.headline.end) : null,
    sentences,
    mentions: mentions.sort((a, b) => a.start - b.start),
    claims,
    diagnostics: [],
  };
  return { uri: spec.uri, text, analysis };
}
