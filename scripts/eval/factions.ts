// `npm run eval:factions`: precision and recall of faction mentions (dictionary names, actor phrases and
// references resolved from context such as "the army") on our annotated wire-style fixtures, then the
// speed of faction + source matching on news text (../shared/corpus when present, else the fixtures).
// Options: --errors prints every miss and false alarm.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, FactionMention } from '../../server/src/analysis';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';
import { detectStructure } from '../../server/src/analysis/structure/detectStructure';
import { findPublication } from '../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../server/src/analysis/structure/splitSentences';
import { findFactions, findSources, resolveFactionReferences } from '../../server/src/analysis/factions/findFactions';
import { idMatches, loadAnnotated } from './factionAnnotations';
import { tokenAt, tokenize, W_FACTION_FIRST, W_SOURCE_FIRST } from '../../server/src/analysis/factions/tokens';
import { DictionaryHit, matchDictionary } from '../../server/src/analysis/factions/matcher';
import { FactionEntry, SourceEntry } from '../../server/src/analysis/factions/dictionary';

const showErrors = process.argv.includes('--errors');
const corpus = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'fakes-dev.jsonl');

function main(): void {
  const knowledge = loadKnowledge();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let spanTp = 0;
  const rows: string[] = [];
  for (const doc of loadAnnotated()) {
    const analysis = analyzeArticle(doc.text, knowledge);
    const system = analysis.mentions.filter((m): m is FactionMention => m.kind === 'faction');
    const used = new Set<number>();
    let dtp = 0;
    for (const g of doc.gold) {
      const i = system.findIndex((s, k) => !used.has(k) && s.start === g.start && s.end === g.end);
      if (i >= 0) {
        used.add(i);
        spanTp++;
        if (idMatches(g.id, system[i].id)) {
          dtp++;
          continue;
        }
        fp++;
        fn++;
        if (showErrors) console.log(`  WRONG ${doc.name}: "${g.text}" gold ${g.id}, got ${system[i].id}`);
        continue;
      }
      fn++;
      if (showErrors) console.log(`  MISS  ${doc.name}: "${g.text}" (${g.id})`);
    }
    system.forEach((s, k) => {
      if (used.has(k)) return;
      fp++;
      if (showErrors) console.log(`  FALSE ${doc.name}: "${s.text}" → ${s.id} (${s.resolvedFrom})`);
    });
    tp += dtp;
    rows.push(`  ${doc.name.padEnd(34)} gold ${String(doc.gold.length).padStart(3)}  found ${String(system.length).padStart(3)}  correct ${String(dtp).padStart(3)}`);
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  console.log('Faction mentions on annotated fixtures (exact span and id; "the army" resolutions included)');
  for (const r of rows) console.log(r);
  console.log(`  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn}; span-only matches ${spanTp})`);
  console.log(`  targets: precision >= 0.95 ${precision >= 0.95 ? 'met' : 'NOT met'}, recall >= 0.90 ${recall >= 0.9 ? 'met' : 'NOT met'}`);
  speed(knowledge);
}

/** Faction + source matching throughput: structure and sentences are prepared outside the timed part. */
function speed(knowledge: ReturnType<typeof loadKnowledge>): void {
  let texts: string[];
  let label: string;
  if (fs.existsSync(corpus)) {
    texts = fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
    label = `FA-KES corpus (${texts.length} articles)`;
  } else {
    texts = loadAnnotated().map((d) => d.text);
    label = 'annotated fixtures';
  }
  const prepared = texts.map((text) => {
    const structure = detectStructure(text);
    const publication = findPublication(text, structure, { published: '2017-01-01' });
    return { text, structure, publication, sentences: splitSentences(text, structure) };
  });
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  let best = Infinity;
  let mentions = 0;
  for (let round = 0; round < 5; round++) {
    mentions = 0;
    // Fresh flat copies defeat the per-text token cache, so every round tokenises again.
    const fresh = prepared.map((x) => Buffer.from(x.text, 'utf8').toString('utf8'));
    let k = 0;
    // CPU time, not wall time: the figure should not depend on what else the machine is running.
    const t0 = cpuMs();
    for (const p of prepared) {
      const text = fresh[k++];
      const factions = findFactions(text, p.sentences, knowledge.factions, { publication: p.publication, blocked: [] });
      const resolved = resolveFactionReferences(text, p.sentences, knowledge.factions, factions, [], factions, p.publication);
      const sources = findSources(text, p.sentences, knowledge.factions, p.structure.agency, [...factions, ...resolved].sort((a, b) => a.start - b.start), { actors: [...factions, ...resolved], structure: p.structure });
      mentions += factions.length + resolved.length + sources.length;
    }
    best = Math.min(best, cpuMs() - t0);
  }
  console.log(`Speed: factions + sources (names, phrases, coreference, attribution) on ${label}, ${(bytes / 1e6).toFixed(2)} MB: ${((bytes / 1e6) / (best / 1000)).toFixed(1)} MB/s of CPU time (best of 5, ${mentions} mentions)`);
  // The name matching alone: tokens, then both tries (faction names, source names) over every sentence.
  let bestMatch = Infinity;
  let hits = 0;
  for (let round = 0; round < 5; round++) {
    const fresh = prepared.map((x) => Buffer.from(x.text, 'utf8').toString('utf8'));
    hits = 0;
    const t0 = cpuMs();
    prepared.forEach((p, n) => {
      const tokens = tokenize(fresh[n]);
      const names: DictionaryHit<FactionEntry>[] = [];
      const sourceNames: DictionaryHit<SourceEntry>[] = [];
      for (const s of p.sentences) {
        const from = tokenAt(tokens, s.start);
        const to = tokenAt(tokens, s.end);
        matchDictionary(fresh[n], tokens, from, to, knowledge.factions.factions, p.publication.date, names, W_FACTION_FIRST);
        matchDictionary(fresh[n], tokens, from, to, knowledge.factions.sources, p.publication.date, sourceNames, W_SOURCE_FIRST);
      }
      hits += names.length + sourceNames.length;
    });
    bestMatch = Math.min(bestMatch, cpuMs() - t0);
  }
  console.log(`Speed: name matching alone (tokens + faction and source tries) on ${label}: ${((bytes / 1e6) / (bestMatch / 1000)).toFixed(1)} MB/s of CPU time (best of 5, ${hits} names)`);
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

main();
