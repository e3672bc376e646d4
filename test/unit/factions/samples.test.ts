// The design's own examples through the whole pipeline (analyzeArticle): the factions and sources a reader
// must see in the two 2017 articles. Our samples always run; ../shared/articles when present (CI has it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, FactionMention, SourceMention } from '../../../server/src/analysis';
import { testKnowledge } from '../../support/knowledge';

const ROOT = path.join(__dirname, '..', '..', '..');
const SHARED = path.join(ROOT, '..', 'shared', 'articles');

interface Targets {
  factions: string[];
  sources: string[];
}

/** Every "text → canonical name" target must be among the article's mentions. */
function check(file: string, want: Targets): void {
  const a = analyzeArticle(fs.readFileSync(file, 'utf8'), testKnowledge());
  const factions = new Set(a.mentions.filter((m): m is FactionMention => m.kind === 'faction').map((m) => `${m.text} → ${m.name}`));
  const sources = new Set(a.mentions.filter((m): m is SourceMention => m.kind === 'source' && m.attributed.length > 0).map((m) => `${m.text} → ${m.name}`));
  assert.deepEqual(want.factions.filter((t) => !factions.has(t)), [], `factions missing in ${path.basename(file)}`);
  assert.deepEqual(want.sources.filter((t) => !sources.has(t)), [], `speaking sources missing in ${path.basename(file)}`);
}

test('samples: 2 Sep 2017 — IS, SDF, Hezbollah, Nusra Front, the Syrian army, "the army" resolved; SDF, SOHR, de Mistura speak', () => {
  check(path.join(ROOT, 'samples', '2017-09-02-army-advances-in-hama.txt'), {
    factions: ['Islamic State → Islamic State', 'IS → Islamic State', 'Syrian Democratic Forces → Syrian Democratic Forces', 'SDF → Syrian Democratic Forces', 'Hezbollah → Hezbollah', 'Nusra Front → Nusra Front', 'Syrian troops → Syrian Arab Army', 'the army → Syrian Arab Army', 'U.S.-led coalition → Global Coalition against Daesh', 'Iranian-backed militias → Iranian-backed militias'],
    sources: ['SDF → Syrian Democratic Forces', 'Syrian Observatory for Human Rights → Syrian Observatory for Human Rights', 'Staffan de Mistura → Staffan de Mistura', 'The army → Syrian Arab Army', 'Xinhua → Xinhua'],
  });
});

test('samples: 10 Nov 2017 — the Syrian army, IS, SDF, Iraqi forces; the army, Mekdad, an unnamed source speak', () => {
  check(path.join(ROOT, 'samples', '2017-11-10-al-bukamal-recaptured.txt'), {
    factions: ['Syrian army → Syrian Arab Army', 'IS → Islamic State', 'SDF → Syrian Democratic Forces', 'Iraqi forces → Iraqi Security Forces', 'Iraqi troops → Iraqi Security Forces', 'the army → Syrian Arab Army'],
    sources: ['the army → Syrian Arab Army', 'Faisal Mekdad → Faisal Mekdad', 'A source in Deir al-Zour → source in Deir al-Zour'],
  });
});

const shared = (name: string) => path.join(SHARED, name);
const haveShared = fs.existsSync(SHARED);

test('shared: 2 Sep 2017 Xinhua article (skipped without ../shared)', { skip: haveShared ? false : '../shared/articles not present' }, () => {
  check(shared('xinhua-2017-09-02-is-loses-ground-in-syria.txt'), {
    factions: ['IS → Islamic State', 'Islamic State → Islamic State', 'SDF → Syrian Democratic Forces', 'Kurdish YPG → People\'s Protection Units', 'Hezbollah → Hezbollah', 'Nusra Front → Nusra Front', 'Syrian army → Syrian Arab Army', 'The army → Syrian Arab Army', 'Russian air force → Russian Armed Forces', 'Iranian-backed groups → Iranian-backed groups', 'U.S.-led coalition → Global Coalition against Daesh', 'the terror-designated group → Islamic State'],
    sources: ['Syrian Observatory for Human Rights → Syrian Observatory for Human Rights', 'The London-based watchdog group → Syrian Observatory for Human Rights', 'The Observatory → Syrian Observatory for Human Rights', 'SDF → Syrian Democratic Forces', 'Staffan de Mistura → Staffan de Mistura', 'he → Staffan de Mistura'],
  });
});

test('shared: 10 Nov 2017 Xinhua article (skipped without ../shared)', { skip: haveShared ? false : '../shared/articles not present' }, () => {
  check(shared('xinhua-2017-11-10-caliphate-falls-apart.txt'), {
    factions: ['Syrian army → Syrian Arab Army', 'IS → Islamic State', 'SDF → Syrian Democratic Forces', 'Iraqi forces → Iraqi Security Forces', 'Iraqi troops → Iraqi Security Forces', 'the army → Syrian Arab Army'],
    sources: ['the army → Syrian Arab Army', 'the statement → Syrian Arab Army', 'Faisal Mekdad → Faisal Mekdad', 'Hamoudeh Sabagh → Hamoudeh Sabagh', 'Sabagh → Hamoudeh Sabagh', 'He → Hamoudeh Sabagh', 'A source based in Deir al-Zour → source based in Deir al-Zour', 'analysts → analysts'],
  });
});
