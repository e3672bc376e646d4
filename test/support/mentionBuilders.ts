// Hand-built mentions for claim and conflict tests, written inline in the fixture text, so claims can be
// tested before (and independently of) the place, date and faction extractors.
//
//   {p:uqayribat:Uqayribat|Uqayribat}      place id, name[, feature: country, admin1 …; default city] | surface text
//   {f:sy-army:Syrian Arab Army|the army}   faction id, name[, kind: state, militia …; default armed-group] | surface
//   {d:2017-09-01|Friday}                   date value | surface   ({d:2015@2015-01-01..|since 2015}: a range)
//   {s:sohr:Syrian Observatory>0,1|The Syrian Observatory}  source; attributed sentences relative to this one (default 0)
//
// One line = one body sentence; lines starting with "#" are comments or headers; "## …" after a line is gold.
import type { ClaimInput } from '../../server/src/analysis/claims/extractClaims';
import type { DateMention, FactionMention, Mention, PlaceMention, Sentence, SourceMention } from '../../server/src/analysis/types';

export interface BuiltArticle {
  input: ClaimInput;
  /** Gold annotations per sentence index ("took-control sy-army uqayribat"); absent lines mean "no claim". */
  gold: string[][];
  headers: Record<string, string>;
}

const TAG = /\{([pfds]):([^|{}]*)\|([^{}]*)\}/g;

/** Parses the fixture markup into the input extractClaims takes, plus gold lines. */
export function buildArticle(markup: string, defaults: { published?: string; agency?: string } = {}): BuiltArticle {
  const headers: Record<string, string> = {};
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const gold: string[][] = [];
  const pendingSources: { m: SourceMention; rel: number[] }[] = [];
  let text = '';
  for (const rawLine of markup.split(/\r?\n/)) {
    const header = /^#\s*([a-z]+):\s*(.*)$/.exec(rawLine);
    if (header && !rawLine.startsWith('##')) {
      headers[header[1]] = header[2].trim();
      continue;
    }
    if (!rawLine.trim() || rawLine.startsWith('#')) continue;
    const [body, goldPart] = rawLine.split(/\s*##\s*/, 2);
    const index = sentences.length;
    if (text) text += '\n\n';
    const start = text.length;
    let last = 0;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
      text += body.slice(last, m.index);
      const s = text.length;
      text += m[3];
      mentions.push(makeMention(m[1], m[2], m[3], s, text.length, index, pendingSources));
      last = m.index + m[0].length;
    }
    text += body.slice(last);
    sentences.push({ start, end: text.length, section: 'body', paragraph: index });
    gold.push(goldPart && goldPart.trim() !== 'none' ? goldPart.split(';').map((g) => g.trim()).filter(Boolean) : []);
  }
  for (const { m, rel } of pendingSources) m.attributed = rel.map((r) => m.sentence + r).filter((i) => i >= 0 && i < sentences.length);
  const published = headers.published ?? defaults.published ?? null;
  const agency = headers.agency ?? defaults.agency ?? null;
  return {
    input: {
      text,
      sentences,
      mentions: mentions.sort((a, b) => a.start - b.start),
      publication: { date: published, time: null, from: published ? 'source-line' : 'none', evidence: null },
      agency,
    },
    gold,
    headers,
  };
}

function makeMention(kind: string, spec: string, surface: string, start: number, end: number, sentence: number, pending: { m: SourceMention; rel: number[] }[]): Mention {
  const base = { start, end, text: surface, sentence };
  if (kind === 'p') {
    const [id, name, feature] = spec.split(':');
    const m: PlaceMention = { ...base, kind: 'place', id, name: name || surface, lat: null, lon: null, country: 'SY', countryName: 'Syria', admin1: null, feature: (feature as PlaceMention['feature']) || 'city', population: null, confidence: 1, alternatives: [], reason: 'test' };
    return m;
  }
  if (kind === 'f') {
    const [id, name, factionKind] = spec.split(':');
    const m: FactionMention = { ...base, kind: 'faction', id, name: name || surface, factionKind: (factionKind as FactionMention['factionKind']) || 'armed-group', country: null, resolvedFrom: 'dictionary', descriptors: [] };
    return m;
  }
  if (kind === 'd') {
    const [value, range] = spec.split('@');
    const [from, to] = range ? range.split('..') : [undefined, undefined];
    const m: DateMention = { ...base, kind: 'date', id: value, name: value, type: 'DATE', value, mod: null, relative: false, label: surface, interval: null, explanation: 'test' };
    if (range) m.range = { from: from || null, to: to || null };
    return m;
  }
  const [idName, relSpec] = spec.split('>');
  const [id, name] = idName.split(':');
  const m: SourceMention = { ...base, kind: 'source', id, name: name || surface, sourceKind: 'other', attributed: [] };
  pending.push({ m, rel: relSpec ? relSpec.split(',').map(Number) : [0] });
  return m;
}

/** Several articles in one fixture, each introduced by "=== <name> published=YYYY-MM-DD agency=X". */
export function buildArticles(markup: string): { uri: string; article: BuiltArticle }[] {
  const out: { uri: string; article: BuiltArticle }[] = [];
  const parts = markup.split(/^===\s*/m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const head = part.slice(0, nl < 0 ? part.length : nl).trim();
    const [name, ...pairs] = head.split(/\s+/);
    const opts: Record<string, string> = {};
    for (const p of pairs) {
      const [k, v] = p.split('=');
      opts[k] = (v ?? '').replace(/_/g, ' ');
    }
    out.push({ uri: `file:///fixtures/${name}`, article: buildArticle(nl < 0 ? '' : part.slice(nl + 1), { published: opts.published, agency: opts.agency }) });
  }
  return out;
}
