// `npm run eval:places`: precision, recall and F1 of named place mentions.
// 1. MEANTIME English (../shared/eval/meantime_en.jsonl; skipped with a message when absent): gold = entities
//    with ent_type LOC and syntactic_type NAM. Gold mentions nest ("Seattle , Washington , in the United States"
//    inside "their Everett Factory near Seattle , ..."): recall counts the innermost ones (a leading "the"
//    dropped), each found when a system mention overlaps it; precision counts a system mention right when it
//    overlaps any gold named place, at any nesting level. System mentions overlapping only a gold LOC of
//    another syntactic type (premodifiers such as "US" in "US Air Force") count neither way.
//    MEANTIME annotates the title and the first sentences only, so system mentions are scored up to the last
//    line holding any gold annotation.
// 2. Our own fixtures (test/fixtures/places/articles and samples): the reviewed expected files are the gold,
//    scored on (text, resolved id), so a wrong resolution counts as a miss and a false alarm.
// Options: --errors prints every miss and false alarm.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/analysis/analyzeArticle';
import { detectStructure } from '../../server/src/analysis';
import { splitSentences } from '../../server/src/analysis/structure/splitSentences';
import { findPlaces } from '../../server/src/analysis/places/findPlaces';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';
import { PlaceMention } from '../../server/src/analysis/types';

const ROOT = path.join(__dirname, '..', '..');
const MEANTIME = path.join(ROOT, '..', 'shared', 'eval', 'meantime_en.jsonl');
const showErrors = process.argv.includes('--errors');
const knowledge = loadKnowledge();

interface Entity {
  start: number;
  end: number;
  text: string;
  ent_type: string;
  syntactic_type: string;
}
interface Doc {
  doc_id: string;
  dct: string | null;
  text: string;
  entities: Entity[];
  timex3: { start: number; end: number }[];
}
interface Span {
  start: number;
  end: number;
  text: string;
}
interface Score {
  tp: number;
  fp: number;
  fn: number;
}

function prf(s: Score): string {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

/** Innermost gold place mentions, a leading "the " dropped. */
function goldPlaces(doc: Doc): Span[] {
  const locs = doc.entities.filter((e) => e.ent_type === 'LOC' && e.syntactic_type === 'NAM');
  const inner = locs.filter((e) => !locs.some((o) => o !== e && o.start >= e.start && o.end <= e.end && (o.start !== e.start || o.end !== e.end)));
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const e of inner) {
    let start = e.start;
    const m = /^the /i.exec(doc.text.slice(e.start, e.end));
    if (m) start += m[0].length;
    const key = `${start}:${e.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start, end: e.end, text: doc.text.slice(start, e.end) });
  }
  return out;
}

/** End offset of the last line holding any annotation: MEANTIME leaves the rest unannotated. */
function annotatedEnd(doc: Doc): number {
  let last = 0;
  for (const a of [...doc.entities, ...doc.timex3]) last = Math.max(last, a.end);
  const nl = doc.text.indexOf('\n', last);
  return nl < 0 ? doc.text.length : nl;
}

function evalMeantime(): void {
  if (!fs.existsSync(MEANTIME)) {
    console.log(`eval:places: ${MEANTIME} not found (it lives in ../shared/eval); skipping MEANTIME.`);
    return;
  }
  const docs: Doc[] = fs
    .readFileSync(MEANTIME, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const score: Score = { tp: 0, fp: 0, fn: 0 };
  const recall = { found: 0, total: 0 };
  const errors: string[] = [];
  for (const doc of docs) {
    const gold = goldPlaces(doc);
    const end = annotatedEnd(doc);
    const analysis = analyzeArticle(doc.text, knowledge, { published: doc.dct });
    const sys = analysis.mentions.filter((m): m is PlaceMention => m.kind === 'place' && m.start < end);
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    const anyNamed = doc.entities.filter((e) => e.ent_type === 'LOC' && e.syntactic_type === 'NAM');
    const otherLoc = doc.entities.filter((e) => e.ent_type === 'LOC' && e.syntactic_type !== 'NAM');
    for (const s of sys) {
      if (anyNamed.some((g) => overlaps(g, s))) score.tp++;
      else if (!otherLoc.some((g) => overlaps(g, s))) {
        score.fp++;
        errors.push(`${doc.doc_id} false alarm: "${s.text}" -> ${s.name} (${s.id})`);
      }
    }
    for (const g of gold) {
      if (sys.some((s) => overlaps(g, s))) recall.found++;
      else errors.push(`${doc.doc_id} missed: "${g.text}"`);
      recall.total++;
    }
  }
  const p = score.tp + score.fp ? score.tp / (score.tp + score.fp) : 0;
  const r = recall.total ? recall.found / recall.total : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(`MEANTIME named places (${docs.length} docs): P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (system right ${score.tp}, false alarms ${score.fp}; gold found ${recall.found} of ${recall.total})`);
  if (showErrors) for (const e of errors) console.log(`  ${e}`);
}

/** Our fixtures: the reviewed expected files list "text -> name [id] ...". */
function evalFixtures(): void {
  const score: Score = { tp: 0, fp: 0, fn: 0 };
  const errors: string[] = [];
  const pairs: [string, string][] = [];
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'places');
  for (const name of fs.readdirSync(path.join(fixtures, 'articles')).filter((f) => f.endsWith('.txt'))) {
    pairs.push([path.join(fixtures, 'articles', name), path.join(fixtures, 'articles', name.replace(/\.txt$/, '.expected.json'))]);
  }
  for (const name of fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.txt'))) {
    pairs.push([path.join(ROOT, 'samples', name), path.join(fixtures, 'samples', name.replace(/\.txt$/, '.expected.json'))]);
  }
  for (const [textFile, goldFile] of pairs) {
    if (!fs.existsSync(goldFile)) continue;
    const text = fs.readFileSync(textFile, 'utf8');
    const gold = (JSON.parse(fs.readFileSync(goldFile, 'utf8')) as string[]).map((line) => {
      const m = /^(.*) -> .* \[([^\]]+)\]/.exec(line);
      return m ? `${m[1]}|${m[2]}` : line;
    });
    const structure = detectStructure(text);
    const sentences = splitSentences(text, structure);
    const sys = findPlaces(text, sentences, knowledge.places, { blocked: [], datelineCity: structure.datelineCity, dateline: structure.dateline }).map((m) => `${m.text}|${m.id}`);
    const left = [...gold];
    for (const s of sys) {
      const i = left.indexOf(s);
      if (i >= 0) {
        left.splice(i, 1);
        score.tp++;
      } else {
        score.fp++;
        errors.push(`${path.basename(textFile)} unexpected: ${s}`);
      }
    }
    score.fn += left.length;
    for (const g of left) errors.push(`${path.basename(textFile)} missed: ${g}`);
  }
  console.log(`Own fixtures, place and resolution (${pairs.length} articles): ${prf(score)}`);
  if (showErrors) for (const e of errors) console.log(`  ${e}`);
}

evalMeantime();
evalFixtures();
