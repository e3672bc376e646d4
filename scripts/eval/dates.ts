// `npm run eval:dates`: scores the date tagger on MEANTIME English (../shared/eval/meantime_en.jsonl),
// TempEval-3 style. Publication dates (DCT) are given; CREATION_TIME items (the DCT itself) are left out,
// and so are system dates overlapping them. MEANTIME annotates only the title and the first sentences of
// each article (lines 0-5), so system dates are scored in the annotated lines only (the last line with any
// gold entity or TIMEX3). Options: --errors prints every miss and wrong value.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tagDatesInPlainText } from '../../server/src/analysis/dates/plainText';
import { timexesOf } from '../../server/src/analysis/dates/timeml';

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
  if (!fs.existsSync(file)) {
    console.log(`eval:dates: ${file} not found (it lives in ../shared/eval); skipping.`);
    return;
  }
  const docs: Doc[] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  let gold = 0, sys = 0, strict = 0, relaxed = 0, typeOk = 0, valueOk = 0;
  const errors: string[] = [];
  for (const doc of docs) {
    const dct = doc.dct && /^\d{4}-\d{2}-\d{2}$/.test(doc.dct) ? doc.dct : datelineDate(doc.text);
    const creation = doc.timex3.filter((t) => t.functionInDocument === 'CREATION_TIME');
    const G: Item[] = doc.timex3.filter((t) => t.functionInDocument !== 'CREATION_TIME');
    const annotatedEnd = endOfAnnotatedLines(doc);
    const S: Item[] = timexesOf(tagDatesInPlainText(doc.text, dct))
      .filter((s) => s.start < annotatedEnd && !creation.some((c) => c.start < s.end && s.start < c.end))
      .map((s) => ({ ...s, text: doc.text.slice(s.start, s.end) }));
    gold += G.length;
    sys += S.length;
    const pairs = match(G, S);
    for (const [g, s] of pairs) {
      relaxed++;
      if (g.start === s.start && g.end === s.end) strict++;
      if (g.type === s.type) typeOk++;
      if (g.value === s.value) valueOk++;
      else if (showErrors) errors.push(`VALUE ${doc.doc_id} dct=${dct} "${g.text}" gold ${g.type} ${g.value} | sys "${s.text}" ${s.type} ${s.value}`);
    }
    if (showErrors) {
      const gm = new Set(pairs.map((p) => p[0]));
      const sm = new Set(pairs.map((p) => p[1]));
      for (const g of G) if (!gm.has(g)) errors.push(`MISS  ${doc.doc_id} "${g.text}" ${g.type} ${g.value} | ${context(doc.text, g)}`);
      for (const s of S) if (!sm.has(s)) errors.push(`EXTRA ${doc.doc_id} "${s.text}" ${s.type} ${s.value} | ${context(doc.text, s)}`);
    }
  }
  const f = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const sp = strict / sys, sr = strict / gold, rp = relaxed / sys, rr = relaxed / gold;
  const relaxedF1 = f(rp, rr);
  const valueAcc = valueOk / relaxed;
  if (showErrors) console.log(errors.join('\n') + '\n');
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(`MEANTIME English: ${docs.length} documents, ${gold} gold TIMEX3 (CREATION_TIME left out), ${sys} system`);
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
