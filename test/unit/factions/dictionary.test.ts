// The built-in factions dictionary: types, cross-references, coverage and the name histories users rely on.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { builtInFactionDictionary } from '../../../server/src/knowledge/loadFactions';
import { activeAt, aliasText, idAt, validateDictionary } from '../../../server/src/analysis/factions/dictionary';

const { dictionary, problems } = builtInFactionDictionary();
const byId = new Map(dictionary.factions.map((f) => [f.id, f]));

test('dictionary: built-in data validates without problems', () => {
  assert.deepEqual(problems, []);
});

test('dictionary: at least 200 actors across the conflicts of 2011-2026', () => {
  assert.ok(dictionary.factions.length >= 200, `only ${dictionary.factions.length} factions`);
  const countries = new Set(dictionary.factions.map((f) => f.country));
  for (const c of ['SY', 'IQ', 'YE', 'LY', 'ML', 'BF', 'NE', 'SD', 'SO', 'AF', 'UA', 'IL', 'PS', 'LB', 'MM', 'ET', 'CD', 'NG']) assert.ok(countries.has(c), `no actor for ${c}`);
  assert.ok(dictionary.sources.length >= 60);
});

test('dictionary: an alias shared by two entries for the same period is told apart by country (case-sensitive: JEM is not JeM)', () => {
  const seen = new Map<string, { id: string; country: string | null }>();
  const clashes: string[] = [];
  for (const f of dictionary.factions) {
    for (const a of [f.name, ...f.aliases]) {
      const key = `${aliasText(a)}|${typeof a === 'string' ? '' : `${a.from ?? ''}-${a.to ?? ''}`}`;
      const prev = seen.get(key);
      if (prev && prev.id !== f.id && prev.country === f.country) clashes.push(`${key}: ${prev.id} / ${f.id}`);
      seen.set(key, { id: f.id, country: f.country });
    }
  }
  assert.deepEqual(clashes, []);
});

test('dictionary: IS spellings, SDF/YPG umbrella, Nusra → JFS → HTS with the dates of the renaming', () => {
  const is = byId.get('is')!;
  for (const a of ['IS', 'ISIS', 'ISIL', 'Daesh', 'Islamic State']) assert.ok(is.aliases.some((x) => aliasText(x) === a) || is.name === a, a);
  assert.equal(byId.get('ypg')!.parent, 'sdf');
  assert.equal(byId.get('nusra')!.successor, 'jfs');
  assert.equal(byId.get('nusra')!.to, '2016-07-28');
  assert.equal(byId.get('jfs')!.from, '2016-07-28');
  assert.equal(byId.get('jfs')!.successor, 'hts');
  assert.equal(byId.get('hts')!.from, '2017-01-28');
  const alQaida = byId.get('nusra')!.alignments!.find((a) => a.id === 'al-qaida')!;
  assert.ok(activeAt('2015-06-01', alQaida.from, alQaida.to) && !activeAt('2017-01-01', alQaida.from, alQaida.to));
});

test('dictionary: the Syrian army is a different body after 8 Dec 2024', () => {
  const sy = dictionary.countries.SY;
  assert.equal(idAt(sy.army, '2017-09-02'), 'sy-army');
  assert.equal(idAt(sy.army, '2025-03-01'), 'sy-new-army');
});

test('dictionary: activeAt compares partial dates by their precision', () => {
  assert.equal(activeAt('2017-09-02', '2017', '2018'), true);
  assert.equal(activeAt('2017-09-02', '2017-10'), false);
  assert.equal(activeAt('2016-07-28', undefined, '2016-07-28'), false);
  assert.equal(activeAt('2016-07-27', undefined, '2016-07-28'), true);
  assert.equal(activeAt(null, '2030'), true);
});

test('dictionary: validation reports each defect with its path and keeps the good entries', () => {
  const { dictionary: d, problems: p } = validateDictionary({
    factions: [
      { id: 'ok-one', name: 'Good Group', kind: 'armed-group', country: 'SY', aliases: ['GG'] },
      { id: 'Bad Id', name: 'x', kind: 'armed-group' },
      { id: 'bad-kind', name: 'Y', kind: 'army', aliases: ['Y1', 3], parent: 'nobody', from: '2017-13' },
    ],
  });
  assert.deepEqual(d.factions.map((f) => f.id), ['ok-one', 'bad-kind']);
  assert.deepEqual(p.map((x) => x.path).sort(), ['factions/1/id', 'factions/2/aliases/1', 'factions/2/from', 'factions/2/kind', 'factions/2/parent'].sort());
  assert.deepEqual(validateDictionary('nonsense').problems.length, 1);
});
