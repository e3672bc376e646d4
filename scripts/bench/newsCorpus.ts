// Generates wire-copy-like news articles from templates, deterministically from a seed: the benchmark's
// corpora (1, 10, 50 MB) and the workspace fixtures of the index and robustness tests. Our own sentences.
import { rng } from '../../server/src/analysis/conflicts/syntheticClaims';

export { rng };

const CITIES = ['Damascus', 'Aleppo', 'Homs', 'Hama', 'Raqqa', 'Deir ez-Zor', 'Idlib', 'Palmyra', 'Daraa', 'Latakia', 'Tartus', 'Qamishli', 'Manbij', 'al-Bukamal', 'Mayadin', 'Uqayribat', 'Kobani', 'Afrin', 'al-Tabqa', 'Jarablus', 'Mosul', 'Tal Afar', 'Baghdad', 'Kirkuk', 'Beirut', 'Amman', 'Ankara', 'Moscow'];
const DATELINES = ['DAMASCUS', 'BEIRUT', 'BAGHDAD', 'AMMAN', 'ANKARA', 'MOSCOW', 'ALEPPO', 'HOMS'];
const AGENCIES = ['Xinhua', 'Reuters', 'AFP', 'AP'];
const FACTIONS = ['the Syrian army', 'government troops', 'Islamic State (IS) militants', 'the Syrian Democratic Forces (SDF)', 'Kurdish-led fighters', 'the U.S.-led coalition', 'Russian warplanes', 'rebel groups', 'the Free Syrian Army', 'Hezbollah fighters', 'Turkish-backed rebels', 'Iraqi forces', 'pro-government militias', 'the Nusra Front'];
const ACTIONS = ['captured', 'recaptured', 'pushed militants out of', 'besieged', 'advanced toward', 'shelled', 'launched an offensive on', 'seized most of', 'tightened the noose around', 'cut supply lines to', 'entered the eastern part of', 'lost control of'];
const SOURCES = ['the Syrian Observatory for Human Rights said', 'a military source told reporters', 'state news agency SANA reported', 'activists said', 'a spokesman for the group said in a statement', 'the monitor said', 'local residents told the agency', 'a security official said on condition of anonymity'];
const WHEN = ['on Friday', 'on Thursday', 'on Monday', 'late on Saturday', 'earlier this week', 'last month', 'on Sept. 1', 'on Aug. 28', 'in mid-August', 'since 2015', 'in the past 24 hours', 'two days ago', 'yesterday', 'on Oct. 17, 2017', 'in early 2016', 'last week', 'this morning', 'between Aug. 20 and Aug. 25'];
const CONNECT = ['Meanwhile,', 'Separately,', 'In the east,', 'Further north,', 'Earlier,', 'According to the report,', 'On the other front,', 'At the same time,'];
const NUMBERS = ['three', 'five', 'seven', 'a dozen', 'at least 12', 'more than 40', '150', 'nearly 2,000', 'dozens of', 'about 30'];
const VICTIMS = ['civilians', 'fighters', 'soldiers', 'militants', 'children', 'people'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const QUOTES = ['"We will not stop until the last militant leaves the city," the commander said.', '"The situation is dire and the roads are closed," a resident said by phone.', '"There is no truth to these claims," the ministry said in a statement.', '"Our forces are only two kilometers from the town center," he added.'];

type Pick = <T>(xs: readonly T[]) => T;

function sentence(pick: Pick, r: () => number): string {
  switch (Math.floor(r() * 7)) {
    case 0:
      return `${cap(pick(FACTIONS))} ${pick(ACTIONS)} ${pick(CITIES)} ${pick(WHEN)}, ${pick(SOURCES)}.`;
    case 1:
      return `${pick(CONNECT)} ${pick(NUMBERS)} ${pick(VICTIMS)} were killed in ${pick(CITIES)} ${pick(WHEN)}, ${pick(SOURCES)}.`;
    case 2:
      return `${cap(pick(SOURCES).replace(/ (said|told reporters|reported|told the agency|said in a statement|said on condition of anonymity)$/, ''))} said ${pick(FACTIONS)} ${pick(ACTIONS)} the countryside of ${pick(CITIES)} ${pick(WHEN)}.`;
    case 3:
      return pick(QUOTES);
    case 4:
      return `The battle for ${pick(CITIES)}, which ${pick(FACTIONS)} have controlled ${pick(WHEN)}, is expected to end within weeks.`;
    case 5:
      return `${cap(pick(FACTIONS))} now control about ${Math.floor(r() * 90) + 5} percent of ${pick(CITIES)}, ${pick(SOURCES)}.`;
    default:
      return `${pick(CONNECT)} ${pick(FACTIONS)} ${pick(ACTIONS)} villages near ${pick(CITIES)} and ${pick(CITIES)} ${pick(WHEN)}.`;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One article of roughly `targetChars` characters, with a headline, source line and dateline. */
export function generateArticle(seed: number, targetChars = 4000): string {
  const r = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const year = 2012 + Math.floor(r() * 6);
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const agency = pick(AGENCIES);
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parts = [
    `${cap(pick(FACTIONS))} ${pick(ACTIONS)} ${pick(CITIES)} as fighting spreads`,
    '',
    `Source: ${agency}| ${iso} ${String(8 + Math.floor(r() * 12)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:10|Editor: Desk`,
    '',
  ];
  let body = `${pick(DATELINES)}, ${MONTHS[month]} ${day} (${agency}) -- ${sentence(pick, r)} ${sentence(pick, r)}`;
  let length = parts.join('\n').length + body.length;
  const paragraphs = [body];
  while (length < targetChars) {
    const n = 1 + Math.floor(r() * 3);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) sentences.push(sentence(pick, r));
    body = sentences.join(' ');
    paragraphs.push(body);
    length += body.length + 2;
  }
  return parts.join('\n') + '\n' + paragraphs.join('\n\n') + '\n';
}

/** Articles concatenated (blank-line separated) up to `bytes` characters: the throughput corpora. */
export function generateCorpus(bytes: number, seed = 1): string[] {
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const a = generateArticle(seed * 1_000_003 + i, 2500 + ((i * 7919) % 4000));
    out.push(a);
    total += a.length;
  }
  return out;
}
