// `npm run eval:dates`: scores the date tagger on MEANTIME English (../shared/eval/meantime_en.jsonl),
// TempEval-3 style. Publication dates (DCT) are given; CREATION_TIME items (the DCT itself) are left out,
// and so are system dates overlapping them. MEANTIME annotates only the title and the first sentences of
// each article (lines 0-5), so system dates are scored in the annotated lines only (the last line with any
// gold entity or TIMEX3). Options: --errors prints every miss and wrong value; --timeml DIR scores TimeML
// files instead (e.g. TimeBank/AQUAINT from TempEval-3's training data; never its test set).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tagDatesInPlainText } from '../../server/src/analysis/dates/plainText';
import { parseTimeML, timexesOf } from '../../server/src/analysis/dates/timeml';

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  functionInDocument?: string;
}
interface Doc {
  doc_id: string;
  entities: { start: number; end: number }[];
  dct: string | null;
  text: string;
  timex3: GoldTimex[];
}
interface Item {
  start: number;
  end: number;
  type: string;
  value: string;
  text: string;
}

const file = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'meantime_en.jsonl');
const showErrors = process.argv.includes('--errors');

function main(): void {
  const dirArg = process.argv.indexOf('--timeml');
  if (dirArg > 0) return scoreTimeML(process.argv[dirArg + 1] ?? '');
  if (!fs.existsSync(file)) {
    console.log(`eval:dates: ${file} not found (it lives in ../shared/eval); skipping.`);
    return;
  }
  const docs: Doc[] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const scored: ScoredDoc[] = docs.map((doc) => ({
    id: doc.doc_id,
    dct: doc.dct && /^\d{4}-\d{2}-\d{2}$/.test(doc.dct) ? doc.dct : datelineDate(doc.text),
    text: doc.text,
    gold: doc.timex3.filter((t) => t.functionInDocument !== 'CREATION_TIME'),
    skip: doc.timex3.filter((t) => t.functionInDocument === 'CREATION_TIME'),
    limit: endOfAnnotatedLines(doc),
  }));
  report(`MEANTIME English: ${docs.length} documents`, scored);
}

interface ScoredDoc {
  id: string;
  dct: string | null;
  text: string;
  gold: Item[];
  /** System dates overlapping these are not scored (the DCT written in the text). */
  skip: { start: number; end: number }[];
  /** Only system dates before this offset are scored. */
  limit: number;
}

/** TimeML files: gold TIMEX3 inside TEXT (offsets in the tag-free text), DCT from <DCT>. */
function scoreTimeML(dir: string): void {
  if (!dir || !fs.existsSync(dir)) {
    console.log(`eval:dates --timeml: directory "${dir}" not found; skipping.`);
    return;
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
  const scored: ScoredDoc[] = [];
  for (const f of files) {
    const source = fs.readFileSync(path.join(dir, f), 'utf8');
    const doc = parseTimeML(source);
    if (!doc) continue;
    const gold: Item[] = [];
    const open = /<TIMEX3\b([^>]*)>([^<]*)<\/TIMEX3>/g;
    // Map source offsets back to text offsets through doc.map (which lists the source index of each text char).
    const index = new Map<number, number>();
    doc.map.forEach((src, i) => index.set(src, i));
    for (let m = open.exec(source); m; m = open.exec(source)) {
      const contentStart = m.index + m[0].indexOf('>') + 1;
      const start = index.get(contentStart);
      if (start === undefined) continue; // the DCT, outside TEXT
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m![1])?.[1] ?? '';
      gold.push({ start, end: start + m[2].length, type: attr('type'), value: attr('value'), text: m[2] });
    }
    scored.push({ id: f, dct: doc.dct, text: doc.text, gold, skip: [], limit: doc.text.length });
  }
  report(`TimeML ${path.basename(dir)}: ${scored.length} documents`, scored);
}

function report(title: string, docs: ScoredDoc[]): void {
  let gold = 0, sys = 0, strict = 0, relaxed = 0, typeOk = 0, valueOk = 0;
  const errors: string[] = [];
  for (const doc of docs) {
    const G = doc.gold;
    const dct = doc.dct;
    const S: Item[] = timexesOf(tagDatesInPlainText(doc.text, dct))
      .filter((s) => s.start < doc.limit && !doc.skip.some((c) => c.start < s.end && s.start < c.end))
      .map((s) => ({ ...s, text: doc.text.slice(s.start, s.end) }));
    gold += G.length;
    sys += S.length;
    const pairs = match(G, S);
    for (const [g, s] of pairs) {
      relaxed++;
      if (g.start === s.start && g.end === s.end) strict++;
      if (g.type === s.type) typeOk++;
      if (g.value === s.value) valueOk++;
      else if (showErrors) errors.push(`VALUE ${doc.id} dct=${dct} "${g.text}" gold ${g.type} ${g.value} | sys "${s.text}" ${s.type} ${s.value}`);
    }
    if (showErrors) {
      const gm = new Set(pairs.map((p) => p[0]));
      const sm = new Set(pairs.map((p) => p[1]));
      for (const g of G) if (!gm.has(g)) errors.push(`MISS  ${doc.id} "${g.text}" ${g.type} ${g.value} | ${context(doc.text, g)}`);
      for (const s of S) if (!sm.has(s)) errors.push(`EXTRA ${doc.id} "${s.text}" ${s.type} ${s.value} | ${context(doc.text, s)}`);
    }
  }
  const f = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const sp = strict / sys, sr = strict / gold, rp = relaxed / sys, rr = relaxed / gold;
  const relaxedF1 = f(rp, rr);
  const valueAcc = valueOk / relaxed;
  if (showErrors) console.log(errors.join('\n') + '\n');
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(`${title}, ${gold} gold TIMEX3 (CREATION_TIME left out), ${sys} system`);
  console.log(`strict  extent  P ${pct(sp)}  R ${pct(sr)}  F1 ${pct(f(sp, sr))}`);
  console.log(`relaxed extent  P ${pct(rp)}  R ${pct(rr)}  F1 ${pct(relaxedF1)}`);
  console.log(`type accuracy  ${pct(typeOk / relaxed)}   value accuracy ${pct(valueAcc)}`);
  console.log(`Value F1 (value accuracy × relaxed F1) ${pct(valueAcc * relaxedF1)}`);
}

/**
 * When the corpus gives no usable DCT (2 missing, 1 malformed), read the article's own date line
 * (the line after the title), as Dateline does with a loose date line at the top of an article.
 */
function datelineDate(text: string): string | null {
  const lines = text.split('\n');
  const line = lines[1] ?? '';
  const found = tagDatesInPlainText(line, null).find((m) => !m.relative && /^\d{4}-\d{2}-\d{2}$/.test(m.value));
  return found ? found.value : null;
}

/** End offset of the last line holding any gold annotation. */
function endOfAnnotatedLines(doc: Doc): number {
  let last = 0;
  for (const x of [...doc.entities, ...doc.timex3]) last = Math.max(last, x.end);
  const nl = doc.text.indexOf('\n', last);
  return nl < 0 ? doc.text.length : nl;
}

/** One-to-one matching: identical spans first, then the remaining overlaps in text order. */
function match(G: Item[], S: Item[]): [Item, Item][] {
  const pairs: [Item, Item][] = [];
  const usedG = new Set<Item>();
  const usedS = new Set<Item>();
  for (const g of G) {
    const s = S.find((x) => !usedS.has(x) && x.start === g.start && x.end === g.end);
    if (s) {
      pairs.push([g, s]);
      usedG.add(g);
      usedS.add(s);
    }
  }
  for (const g of G) {
    if (usedG.has(g)) continue;
    const s = S.find((x) => !usedS.has(x) && x.start < g.end && g.start < x.end);
    if (s) {
      pairs.push([g, s]);
      usedG.add(g);
      usedS.add(s);
    }
  }
  return pairs;
}

function context(text: string, x: { start: number; end: number }): string {
  return (text.slice(Math.max(0, x.start - 50), x.start) + '[' + text.slice(x.start, x.end) + ']' + text.slice(x.end, x.end + 40)).replace(/\n/g, ' ');
}

main();
