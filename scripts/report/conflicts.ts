// `npm run report:conflicts`: every conflict found across the FA-KES corpus (../shared/corpus/fakes-dev.jsonl,
// 789 Syrian-war articles), each with its kind, place, dates and the two sentences, shortened. For hand review of
// precision (are the two reports about the same incident?). Options: --kind K (only conflicts of kind K),
// --json (one JSON object per conflict, for labelling files kept outside the project).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/analysis';
import { findConflicts } from '../../server/src/analysis/conflicts';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';

const corpus = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'fakes-dev.jsonl');
const kindArg = process.argv.indexOf('--kind');
const onlyKind = kindArg > 0 ? process.argv[kindArg + 1] : null;
const asJson = process.argv.includes('--json');

function brief(s: string, max = 260): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function main(): void {
  if (!fs.existsSync(corpus)) {
    console.log(`report:conflicts: ${corpus} not found (it lives in ../shared/corpus); skipping.`);
    return;
  }
  const knowledge = loadKnowledge();
  const texts = new Map<string, string>();
  const articles = [];
  for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { unit_id: string; text: string; source: string; event_date_crowd?: string };
    const uri = `fakes:${doc.unit_id}`;
    const analysis = analyzeArticle(doc.text, knowledge, { published: doc.event_date_crowd ?? null });
    texts.set(uri, doc.text);
    articles.push({ uri, published: analysis.publication.date ?? doc.event_date_crowd ?? null, claims: analysis.claims });
  }
  const conflicts = findConflicts(articles).filter((c) => !onlyKind || c.kind === onlyKind);
  const byKind = new Map<string, number>();
  for (const c of conflicts) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  for (const c of conflicts) {
    const sides = c.claims.map((cl) => ({ uri: cl.uri, value: cl.value, source: cl.source.name, date: cl.dateLabel, text: brief(texts.get(cl.uri)!.slice(cl.range.start, cl.range.end)) }));
    if (asJson) {
      console.log(JSON.stringify({ id: c.id, kind: c.kind, place: c.place?.name ?? null, dates: c.dates, sides }));
      continue;
    }
    console.log(`\n[${c.kind}] ${c.place?.name ?? '?'} ${c.dates ?? ''}  ${c.id}`);
    for (const s of sides) console.log(`  ${s.value} (${s.source}, ${s.uri}, ${s.date ?? '?'}): ${s.text}`);
  }
  console.log(`\n${conflicts.length} conflicts: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

main();
