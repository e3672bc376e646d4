// `npm run report:faction-misses`: frequent capitalised actor phrases in the FA-KES corpus
// (../shared/corpus/fakes-dev.jsonl, 789 Syrian-war articles from 15 outlets) that no faction or source
// mention covers. Use it to grow server/data/factions.json; the list should stay short.
// Options: --all lists every candidate (not only actor-like ones), --min N sets the minimum count (default 3).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/analysis';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';
import { CAP, HYPHENED, PUNCT, tokenize, UPPER } from '../../server/src/analysis/factions/tokens';

const corpus = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'fakes-dev.jsonl');
const all = process.argv.includes('--all');
const minArg = process.argv.indexOf('--min');
const min = minArg > 0 ? Number(process.argv[minArg + 1]) || 3 : 3;

/** Words that make a capitalised phrase look like an armed or political actor. */
const ACTOR_HEADS = /^(army|armies|forces|force|front|brigade|brigades|battalion|battalions|division|group|movement|militia|militias|council|party|units|unit|guard|guards|corps|legion|organization|organisation|committee|coalition|alliance|jaysh|jaish|liwa|harakat|ahrar|faylaq|failaq|kataib|saraya|regiment|police|network|mujahideen|rebels|fighters|resistance|state|regime|government|militants|jabhat|hay'at|hayat|ansar|jund|tahrir|ministry|command|mission)$/i;
const LINKS = new Set(['of', 'for', 'the', 'al', 'el', 'and', 'in', 'ul', 'wal', 'ash', 'ad', 'bin']);

function main(): void {
  if (!fs.existsSync(corpus)) {
    console.log(`report:faction-misses: ${corpus} not found (it lives in ../shared/corpus); skipping.`);
    return;
  }
  const knowledge = loadKnowledge();
  const counts = new Map<string, { n: number; outlets: Set<string> }>();
  for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { text: string; source: string; event_date_crowd?: string };
    const text = doc.text;
    const analysis = analyzeArticle(text, knowledge, { published: doc.event_date_crowd ?? null });
    // Only analysed text counts (boilerplate and page furniture are not read); mentions other than dates cover.
    const covered = new Uint8Array(text.length + 1).fill(1);
    for (const s of analysis.sentences) covered.fill(0, s.start, s.end);
    for (const m of analysis.mentions) if (m.kind !== 'date') covered.fill(1, m.start, m.end);
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!(t.flags & CAP) || t.flags & PUNCT || covered[t.start]) continue;
      // A run of capitalised words, allowing "of", "al-", "and" inside: "Jaish al Fatah", "Army of Islam".
      let j = i + 1;
      while (j < tokens.length && j - i < 8 && !(tokens[j].flags & PUNCT) && !covered[tokens[j].start] && (tokens[j].flags & CAP || (LINKS.has(tokens[j].key) && tokens[j + 1] && tokens[j + 1].flags & CAP) || tokens[j].flags & HYPHENED)) j++;
      while (j > i + 1 && LINKS.has(tokens[j - 1].key)) j--;
      const phrase = text.slice(t.start, tokens[j - 1].end).replace(/\s+/g, ' ');
      const words = phrase.split(/[\s-]+/);
      const acronym = j === i + 1 && t.flags & UPPER && t.end - t.start >= 2 && t.end - t.start <= 6;
      const actorLike = acronym || words.some((w) => ACTOR_HEADS.test(w));
      if ((all || actorLike) && (j > i + 1 || acronym)) {
        const c = counts.get(phrase) ?? { n: 0, outlets: new Set<string>() };
        c.n++;
        c.outlets.add(doc.source);
        counts.set(phrase, c);
      }
      i = j - 1;
    }
  }
  const rows = [...counts].filter(([, c]) => c.n >= min).sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
  console.log(`Capitalised actor-like phrases no faction or source covers (count >= ${min}): ${rows.length}`);
  for (const [phrase, c] of rows) console.log(`${String(c.n).padStart(5)}  ${phrase}  (${[...c.outlets].slice(0, 5).join(', ')})`);
}

main();
