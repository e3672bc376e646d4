// How the index packs analyses (server/src/lsp/index/packedAnalysis.ts): checks that every article of the
// generated corpus, the samples and, when ../shared is there, of the shared corpora (FA-KES, MEANTIME, the articles) unpacks
// to exactly what analyzeArticles returned, and times packing and unpacking against V8's serializer + brotli
// (the general way), alternated in one process, CPU time.
// Run: node --import tsx scripts/bench/packBench.ts
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { analyzeArticles, ArticleAnalysis } from '../../server/src/analysis';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';
import { isCompactBulk } from '../../server/src/lsp/index/compactBulk';
import { forgetUnpacked, packAnalysis, unpackAnalysis } from '../../server/src/lsp/index/packedAnalysis';
import { generateCorpus } from './newsCorpus';

const SHARED = path.join(__dirname, '..', '..', '..', 'shared');
const SAMPLES = path.join(__dirname, '..', '..', 'samples');

function sharedTexts(): { name: string; texts: string[] }[] {
  if (!fs.existsSync(SHARED)) {
    console.log(`(${SHARED} not found: generated corpus only)`);
    return [];
  }
  const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const out: { name: string; texts: string[] }[] = [];
  const fakes = path.join(SHARED, 'corpus', 'fakes-dev.jsonl');
  if (fs.existsSync(fakes)) out.push({ name: 'FA-KES', texts: lines(fakes).map((j) => j.text) });
  const meantime = path.join(SHARED, 'eval', 'meantime_en.jsonl');
  if (fs.existsSync(meantime)) out.push({ name: 'MEANTIME', texts: lines(meantime).map((j) => `${j.dct}\n\n${j.text}`) });
  const articles = path.join(SHARED, 'articles');
  if (fs.existsSync(articles)) out.push({ name: 'articles', texts: fs.readdirSync(articles).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(articles, f), 'utf8')) });
  return out;
}

/** Every analysis back exactly (values and key order); returns how many went in the compact form. */
function checkRoundTrip(analyses: readonly ArticleAnalysis[]): number {
  let compact = 0;
  for (const a of analyses) {
    const packed = packAnalysis(a);
    if (isCompactBulk(packed.bulk)) compact++;
    const back = unpackAnalysis(packed);
    assert.deepStrictEqual(back, a);
    assert.equal(JSON.stringify(back), JSON.stringify(a));
  }
  forgetUnpacked();
  return compact;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function generalPack(a: ArticleAnalysis): Uint8Array {
  const bytes = serialize({ structure: a.structure, sentences: a.sentences, mentions: a.mentions });
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

/** ms per article to pack and to unpack the bulk, each way, medians of alternated rounds. */
function timings(analyses: readonly ArticleAnalysis[], rounds: number): Record<string, number> {
  const t: Record<string, number[]> = { generalPack: [], generalUnpack: [], indexPack: [], indexUnpack: [] };
  const bytes: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    let t0 = cpuMs();
    const general = analyses.map(generalPack);
    t.generalPack.push((cpuMs() - t0) / analyses.length);
    t0 = cpuMs();
    for (const b of general) deserialize(brotliDecompressSync(b));
    t.generalUnpack.push((cpuMs() - t0) / analyses.length);
    t0 = cpuMs();
    const index = analyses.map(packAnalysis);
    t.indexPack.push((cpuMs() - t0) / analyses.length);
    t0 = cpuMs();
    for (const p of index) {
      void unpackAnalysis(p).mentions;
      forgetUnpacked();
    }
    t.indexUnpack.push((cpuMs() - t0) / analyses.length);
    bytes.general = general.reduce((n, b) => n + b.length, 0) / analyses.length;
    bytes.index = index.reduce((n, p) => n + p.bulk.length, 0) / analyses.length;
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(t)) out[`${k}Ms`] = Number(median(v).toFixed(4));
  for (const [k, v] of Object.entries(bytes)) out[`${k}Bytes`] = Math.round(v);
  return out;
}

const knowledge = loadKnowledge();
const generated = analyzeArticles(generateCorpus(1_000_000, 1), knowledge);
const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8'));
const sets = [{ name: 'generated 1 MB', analyses: generated }, { name: 'samples', analyses: analyzeArticles(samples, knowledge) }, ...sharedTexts().map((s) => ({ name: s.name, analyses: analyzeArticles(s.texts, knowledge) }))];
for (const s of sets) console.log(`${s.name}: ${s.analyses.length} articles unpack exactly, ${checkRoundTrip(s.analyses)} in the compact form`);
console.log('generated 1 MB, bulk only (packAnalysis also makes the entity digests):', JSON.stringify(timings(generated, 9)));
