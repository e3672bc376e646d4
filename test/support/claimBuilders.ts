// Hand-built claims on real article text, for testing what consumes claims (the timeline, its exports) apart from
// the claim extractor. The article's structure and sentences come from the real core; claims are written here.
import { detectStructure } from '../../server/src/analysis/structure/detectStructure';
import { findPublication } from '../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../server/src/analysis/structure/splitSentences';
import { ArticleAnalysis, Claim, ClaimAction, FactionKind, Mention, Modality, PlaceFeature } from '../../server/src/analysis/types';
import { TimelineArticle } from '../../server/src/analysis/timeline';
import { LineIndex } from '../../server/src/lsp/lineIndex';

/** A few places with gazetteer-like facts (coordinates rounded; enough for exports). */
export const PLACES: Record<string, { name: string; lat: number; lon: number; country: string; countryName: string; admin1: string | null; feature?: PlaceFeature }> = {
  raqqa: { name: 'Raqqa', lat: 35.9528, lon: 39.0079, country: 'SY', countryName: 'Syria', admin1: 'Raqqa' },
  'deir-ez-zor': { name: 'Deir al-Zour', lat: 35.3359, lon: 40.1408, country: 'SY', countryName: 'Syria', admin1: 'Deir ez-Zor' },
  'deir-ez-zor-province': { name: 'Deir al-Zour province', lat: 35.0, lon: 40.5, country: 'SY', countryName: 'Syria', admin1: null, feature: 'admin1' },
  uqayribat: { name: 'Uqayribat', lat: 35.0, lon: 37.2, country: 'SY', countryName: 'Syria', admin1: 'Hama' },
  hama: { name: 'Hama', lat: 35.1318, lon: 36.7578, country: 'SY', countryName: 'Syria', admin1: 'Hama', feature: 'admin1' },
  qara: { name: 'Qara', lat: 34.1542, lon: 36.7442, country: 'SY', countryName: 'Syria', admin1: 'Rif Dimashq' },
  'al-bukamal': { name: 'al-Bukamal', lat: 34.4536, lon: 40.9367, country: 'SY', countryName: 'Syria', admin1: 'Deir ez-Zor' },
  'al-qarayatayn': { name: 'al-Qarayatayn', lat: 34.2294, lon: 37.2406, country: 'SY', countryName: 'Syria', admin1: 'Homs' },
  sukhnah: { name: 'Sukhnah', lat: 34.8867, lon: 38.8722, country: 'SY', countryName: 'Syria', admin1: 'Homs' },
  nowhere: { name: 'Nowhere', lat: NaN, lon: NaN, country: 'SY', countryName: 'Syria', admin1: null },
};

export const FACTIONS: Record<string, { name: string; kind: FactionKind }> = {
  'syrian-army': { name: 'Syrian Arab Army', kind: 'state' },
  'islamic-state': { name: 'Islamic State', kind: 'armed-group' },
  sdf: { name: 'Syrian Democratic Forces', kind: 'coalition' },
  hezbollah: { name: 'Hezbollah', kind: 'militia' },
};

export const SOURCES: Record<string, string> = {
  xinhua: 'Xinhua',
  sohr: 'Syrian Observatory for Human Rights',
  sdf: 'Syrian Democratic Forces',
  'de-mistura': 'Staffan de Mistura',
  'syrian-army': 'Syrian Arab Army',
};

export interface ClaimSpec {
  /** A snippet of the sentence the claim is in (the first sentence containing it). */
  in: string;
  actor?: string | null;
  action: ClaimAction;
  patient?: string | null;
  place?: string | null;
  /** [value, label, from?, to?] as the date tagger and claims stage would resolve them. */
  time?: [string, string, (string | null)?, (string | null)?] | null;
  source?: string;
  modality?: Modality;
  extent?: { kind: 'full' | 'partial'; text: string | null; percent: number | null };
  count?: number | null;
  summary?: string;
  /** Overrides the claim id (default: c<index>). */
  id?: string;
}

/** An article (real structure, sentences and publication date) with the given claims and their mentions. */
export function articleWithClaims(uri: string, text: string, specs: ClaimSpec[]): TimelineArticle {
  const structure = detectStructure(text);
  const publication = findPublication(text, structure, {});
  const sentences = splitSentences(text, structure);
  const mentions: Mention[] = [];
  const claims: Claim[] = specs.map((spec, i) => {
    const sentence = sentences.findIndex((s) => text.slice(s.start, s.end).includes(spec.in));
    if (sentence < 0) throw new Error(`claimBuilders: no sentence contains "${spec.in}"`);
    const s = sentences[sentence];
    const place = spec.place ? PLACES[spec.place] : null;
    if (spec.place && !place) throw new Error(`claimBuilders: unknown place ${spec.place}`);
    const actor = spec.actor ? { id: spec.actor, name: FACTIONS[spec.actor]?.name ?? spec.actor } : null;
    const patient = spec.patient ? { id: spec.patient, name: FACTIONS[spec.patient]?.name ?? spec.patient } : null;
    if (actor && FACTIONS[actor.id]) mentions.push(factionMention(actor.id, s.start, sentence));
    if (spec.place && place) mentions.push(placeMention(spec.place, s.start, sentence));
    const source = spec.source ?? 'xinhua';
    const t = spec.time;
    return {
      id: spec.id ?? `c${i}`,
      start: s.start,
      end: s.end,
      sentence,
      actor,
      action: spec.action,
      patient,
      place: spec.place && place ? { id: spec.place, name: place.name, lat: place.lat, lon: place.lon, country: place.country, admin1: place.admin1 } : null,
      extent: spec.extent ?? { kind: 'full', text: null, percent: null },
      time: t ? { value: t[0], label: t[1], from: t[2] ?? null, to: t[3] ?? null } : null,
      source: { id: source, name: SOURCES[source] ?? source },
      modality: spec.modality ?? 'asserted',
      count: spec.count ?? null,
      summary: spec.summary ?? [actor?.name ?? 'Someone', spec.action.replace('-', ' '), place?.name ?? ''].join(' ').trim(),
    };
  });
  const headline = structure.headline ? text.slice(structure.headline.start, structure.headline.end) : null;
  const analysis: ArticleAnalysis = {
    skipped: null,
    length: text.length,
    structure,
    publication,
    headline,
    sentences,
    mentions: mentions.sort((a, b) => a.start - b.start),
    claims,
    diagnostics: [],
  };
  const lines = new LineIndex(text);
  return { uri, text, analysis, rangeOf: (span) => lines.rangeOf(span) };
}

/** Mentions are placed at the sentence start with zero width: only their ids and facts matter to consumers. */
function factionMention(id: string, at: number, sentence: number): Mention {
  const f = FACTIONS[id];
  return { kind: 'faction', start: at, end: at, text: f.name, id, name: f.name, sentence, factionKind: f.kind, country: null, resolvedFrom: 'dictionary', descriptors: [] };
}

function placeMention(id: string, at: number, sentence: number): Mention {
  const p = PLACES[id];
  return {
    kind: 'place', start: at, end: at, text: p.name, id, name: p.name, sentence, lat: p.lat, lon: p.lon, country: p.country,
    countryName: p.countryName, admin1: p.admin1, feature: p.feature ?? 'town', population: null, confidence: 1, alternatives: [], reason: 'test',
  };
}
