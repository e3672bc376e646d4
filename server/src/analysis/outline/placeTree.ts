// Places grouped country → province (admin1) → place, e.g. Syria → Homs → al-Qarayatayn (3).
// A country or province that is itself mentioned carries its own count and mentions on its group node.
import { PlaceFeature, PlaceMention } from '../types';
import { byLabel } from './articleText';
import { countLeaves, EntityMentions, entityNode, groupNode, RowMode } from './entities';
import { OutlineIcon, OutlineNode, OutlineTree } from './types';

const NO_COUNTRY = '-';

interface Province {
  key: string;
  label: string;
  own: EntityMentions<PlaceMention>[];
  places: EntityMentions<PlaceMention>[];
}

interface Country {
  key: string;
  label: string;
  own: EntityMentions<PlaceMention>[];
  provinces: Map<string, Province>;
  places: EntityMentions<PlaceMention>[];
}

/** Places (collectEntitiesOf) as a country → province → place tree, alphabetical at each level. */
export function placeTree(places: Map<string, EntityMentions<PlaceMention>>, mode: RowMode): OutlineTree {
  const countries = new Map<string, Country>();
  for (const e of places.values()) {
    const m = e.first;
    const key = m.country || NO_COUNTRY;
    let c = countries.get(key);
    if (!c) {
      c = { key, label: key === NO_COUNTRY ? 'Other places' : m.countryName || m.country || key, own: [], provinces: new Map(), places: [] };
      countries.set(key, c);
    }
    if (m.feature === 'country' && key !== NO_COUNTRY) {
      c.own.push(e);
      if (m.countryName) c.label = m.countryName;
      continue;
    }
    const provinceName = m.feature === 'admin1' ? m.admin1 || m.name : m.admin1;
    if (!provinceName || key === NO_COUNTRY) {
      c.places.push(e);
      continue;
    }
    const pkey = provinceName.toLowerCase();
    let p = c.provinces.get(pkey);
    if (!p) {
      p = { key: pkey, label: provinceLabel(provinceName), own: [], places: [] };
      c.provinces.set(pkey, p);
    }
    if (m.feature === 'admin1') p.own.push(e);
    else p.places.push(e);
  }

  const nodes = [...countries.values()].map((c) => countryNode(c, mode)).sort((a, b) => {
    // "Other places" always last.
    const ao = a.id === `place:country:${NO_COUNTRY}`;
    const bo = b.id === `place:country:${NO_COUNTRY}`;
    return ao !== bo ? (ao ? 1 : -1) : byLabel(a, b);
  });
  return { nodes, total: countLeaves(nodes) };
}

function countryNode(c: Country, mode: RowMode): OutlineNode {
  const id = `place:country:${c.key}`;
  const children = [...[...c.provinces.values()].map((p) => provinceNode(c, p, mode)), ...c.places.map((e) => placeNode(e, mode))].sort(byLabel);
  return withOwn(id, c.label, 'country', c.own, children, `${c.label}: places mentioned`, mode);
}

function provinceNode(c: Country, p: Province, mode: RowMode): OutlineNode {
  const id = `place:admin1:${c.key}/${p.key}`;
  return withOwn(id, p.label, 'province', p.own, p.places.map((e) => placeNode(e, mode)).sort(byLabel), `${p.label}, ${c.label}`, mode);
}

/** A group node, which is also the entity node when the country or province is itself mentioned. */
function withOwn(id: string, label: string, icon: OutlineIcon, own: EntityMentions<PlaceMention>[], children: OutlineNode[], about: string, mode: RowMode): OutlineNode {
  if (own.length === 0) return groupNode(id, label, icon, children, 'place', about);
  // Rarely two gazetteer entries resolve to one country or province: the first leads, the rest are listed inside.
  const [lead, ...rest] = own;
  const node = entityNode(lead, id, icon, describePlace(lead.first), mode, [...children, ...rest.map((e) => placeNode(e, mode))].sort(byLabel), 'place');
  node.label = label;
  return node;
}

function placeNode(e: EntityMentions<PlaceMention>, mode: RowMode): OutlineNode {
  const m = e.first;
  return entityNode(e, `place:${e.id}`, iconOf(m.feature), describePlace(m), mode);
}

/** "Homs Governorate" → "Homs": the tree already says it is a province, and analysts write the short form. */
function provinceLabel(name: string): string {
  const short = name.replace(/\s+(?:Governorate|Province|Prefecture)$/i, '').trim();
  return short || name;
}

const FEATURE_WORDS: Partial<Record<PlaceFeature, string>> = { admin1: 'province', admin2: 'district', other: 'place' };

/** "town in Homs, Syria (34.23°N, 37.24°E)" */
function describePlace(m: PlaceMention): string {
  const within = [m.feature === 'admin1' ? null : m.admin1, m.feature === 'country' ? null : m.countryName].filter(Boolean).join(', ');
  const coords = typeof m.lat === 'number' && typeof m.lon === 'number' ? ` (${m.lat.toFixed(2)}°, ${m.lon.toFixed(2)}°)` : '';
  return `${FEATURE_WORDS[m.feature] ?? m.feature}${within ? ` in ${within}` : ''}${coords}`;
}

function iconOf(feature: PlaceFeature): OutlineIcon {
  switch (feature) {
    case 'country':
      return 'country';
    case 'admin1':
    case 'admin2':
      return 'province';
    case 'region':
      return 'region';
    case 'river':
      return 'water';
    case 'desert':
    case 'mountain':
      return 'terrain';
    default:
      return 'place';
  }
}
