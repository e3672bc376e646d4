// `npm run eval:claims`: claim and conflict precision/recall on our annotated fixtures.
//  1. claims on hand-built mentions (test/fixtures/claims/*.txt, gold after "##" per sentence);
//  2. conflicts on hand-built mentions (test/fixtures/conflicts/*.txt, gold "## conflict:" lines, adversarial cases included);
//  3. the same on held-out fixtures (…/heldout/): written before tuning, not enforced by tests;
//  4. claims and conflicts end to end through analyzeArticle on our samples (test/fixtures/claims/e2e/samples.gold.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../server/src/analysis/claims/extractClaims';
import { findConflicts } from '../../server/src/analysis/conflicts';
import { analyzeArticle } from '../../server/src/analysis';
import { Claim } from '../../server/src/analysis/types';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';
import { buildArticle, buildArticles } from '../../test/support/mentionBuilders';
import { conflictGold, conflictGoldLines, goldIn, goldOf } from '../../test/support/claimGold';

const ROOT = path.join(__dirname, '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures');

interface Score {
  tp: number;
  fp: number;
  fn: number;
  errors: string[];
}

const score = (): Score => ({ tp: 0, fp: 0, fn: 0, errors: [] });

/** Multiset comparison of predicted and gold strings. */
function compare(s: Score, predicted: string[], gold: string[], where: string): void {
  const left = [...gold];
  for (const p of predicted) {
    const i = left.indexOf(p);
    if (i >= 0) {
      left.splice(i, 1);
      s.tp++;
    } else {
      s.fp++;
      s.errors.push(`  FP ${where}: ${p}`);
    }
  }
  for (const g of left) {
    s.fn++;
    s.errors.push(`  FN ${where}: ${g}`);
  }
}

function line(label: string, s: Score): string {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  return `${label.padEnd(46)} precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

function claimFixtures(dir: string): Score {
  const s = score();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const built = buildArticle(fs.readFileSync(path.join(dir, name), 'utf8'));
    const claims = extractClaims(built.input);
    built.gold.forEach((gold, i) => compare(s, claims.filter((c) => c.sentence === i).map((c) => goldIn(c, gold)), gold, `${name}#${i}`));
  }
  return s;
}

function conflictFixtures(dir: string): { s: Score; cases: number; adversarial: number } {
  const s = score();
  let cases = 0;
  let adversarial = 0;
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const markup = fs.readFileSync(path.join(dir, name), 'utf8');
    const articles = buildArticles(markup).map(({ uri, article }) => ({ uri, published: article.input.publication.date, claims: extractClaims(article.input) }));
    const gold = conflictGoldLines(markup);
    cases++;
    if (gold.length === 0) adversarial++;
    compare(s, findConflicts(articles).map(conflictGold), gold, name);
  }
  return { s, cases, adversarial };
}

/** "took-control sy-army uqayribat": the place is matched by a word of its name. */
function e2eGold(c: Claim, goldPlaces: string[]): string {
  const name = (c.place?.name ?? '-').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const word = goldPlaces.find((w) => name.includes(w)) ?? name;
  const parts = [c.action, c.actor?.id ?? '-', word];
  if (c.modality === 'predicted' || c.modality === 'denied') parts.push(c.modality);
  return parts.join(' ');
}

function endToEnd(): { claims: Score; conflicts: Score } {
  const gold = JSON.parse(fs.readFileSync(path.join(FIX, 'claims', 'e2e', 'samples.gold.json'), 'utf8')) as {
    articles: Record<string, Record<string, string[]>>;
    conflicts: string[];
  };
  const knowledge = loadKnowledge();
  const claims = score();
  const conflicts = score();
  const all = [];
  for (const [file, sentences] of Object.entries(gold.articles)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const a = analyzeArticle(text, knowledge);
    const words = Object.values(sentences).flat().map((g) => g.split(' ')[2]);
    a.sentences.forEach((sent, i) => {
      const body = text.slice(sent.start, sent.end);
      const key = Object.keys(sentences).find((k) => body.startsWith(k));
      compare(claims, a.claims.filter((c) => c.sentence === i).map((c) => e2eGold(c, words)), key ? sentences[key] : [], `${path.basename(file)}: ${body.slice(0, 40)}`);
    });
    all.push({ uri: file, published: a.publication.date, claims: a.claims });
  }
  const placeWords = gold.conflicts.map((g) => g.split(' ')[1]);
  const found = findConflicts(all).map((c) => {
    const name = (c.place?.name ?? '-').toLowerCase();
    return [c.kind, placeWords.find((w) => name.includes(w)) ?? name, c.outcome].filter(Boolean).join(' ');
  });
  compare(conflicts, found, gold.conflicts, 'samples');
  return { claims, conflicts };
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const c = claimFixtures(path.join(FIX, 'claims'));
  const k = conflictFixtures(path.join(FIX, 'conflicts'));
  const hc = claimFixtures(path.join(FIX, 'claims', 'heldout'));
  const hk = conflictFixtures(path.join(FIX, 'conflicts', 'heldout'));
  const e = endToEnd();
  const out = [
    'Dateline claims and conflicts evaluation (our annotated fixtures)',
    line('claims, hand-built mentions (test fixtures)', c),
    line(`conflicts, ${k.cases} cases (${k.adversarial} must give none)`, k.s),
    line('claims, held-out (never tuned on)', hc),
    line(`conflicts, held-out, ${hk.cases} cases (${hk.adversarial} none)`, hk.s),
    line('claims, end to end on samples/', e.claims),
    line('conflicts, end to end on samples/', e.conflicts),
    'targets: precision >= 0.9, recall >= 0.8',
  ];
  console.log(out.join('\n'));
  const errors = [...c.errors, ...k.s.errors, ...hc.errors, ...hk.s.errors, ...e.claims.errors, ...e.conflicts.errors];
  if (errors.length) console.log(verbose ? `\nerrors:\n${errors.join('\n')}` : `\n${errors.length} errors (--verbose lists them)`);
}

main();
