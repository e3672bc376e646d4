// Article text never runs: hover Markdown escapes it (no live links, commands or HTML), the server and
// CLI open no network connections, and an untrusted workspace gets nothing written to `.dateline/`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { escapeMarkdown } from '../../server/src/lsp/hover/markdown';
import { hoverMarkdown } from '../../server/src/lsp/hover/hover';
import { ArticleStore } from '../../server/src/lsp/articleStore';
import { Mention } from '../../server/src/analysis';
import { testKnowledge } from '../support/knowledge';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { MarkReviewedRequest, PlaceEditCommand, ReanalyzeRequest, WorkspaceTrustNotification } from '../../server/src/protocol';
import { counted } from './support/tally';

const ROOT = path.join(__dirname, '..', '..');
const PRELOAD = path.join(__dirname, 'support', 'noNetwork.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLES = path.join(ROOT, 'samples');

/** Payloads article text may carry; none may come out of a hover as live Markdown or HTML. */
const HOSTILE = ['[x](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '`BT1`', '<script>alert(2)</script>', '[y](javascript:alert(3))', '</textarea>', '![i](https://evil.example/p.png)', '<a href="command:x">z</a>'];

/** Why `md` would render something live from article text, or null when it is inert. */
function liveMarkup(md: string): string | null {
  // Escaped characters and code spans render literally: neither can form a link or HTML.
  const unescaped = md.replace(/\\[\s\S]/g, '_').replace(/`[^`]*`/g, '``');
  if (unescaped.includes('<')) return `raw HTML: ${md}`;
  for (const m of unescaped.matchAll(/\]\(([^)]*)\)/g)) if (!m[1].startsWith('https://www.openstreetmap.org/') && !/^https:\/\/[a-z.]*wiki[a-z.]*\.org\//.test(m[1])) return `link to ${m[1]}`;
  if (md.includes('`BT1`')) return 'article backticks form a code span';
  return null;
}

test('security: escapeMarkdown leaves no live link, image, HTML or code span, for any string', () => {
  const withPayloads = fc.array(fc.oneof(fc.constantFrom(...HOSTILE, '[', ']', '(', ')', '<', '>', '`', '\\', '!', '&', '\n'), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 40 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(withPayloads, counted((s: string) => {
      const out = escapeMarkdown(s);
      assert.equal(liveMarkup(`**${out}**`), null, `escaped: ${out}`);
      assert.doesNotMatch(out, /[\r\n]/);
    })),
    { numRuns: 300, seed: 10_11 },
  );
});

/** Mentions of each kind with a hostile string in every string field. */
function hostileMentions(h: string): Mention[] {
  const base = { start: 0, end: 5, text: h, id: h, name: h, sentence: 0 };
  return [
    { ...base, kind: 'place', lat: 35.9, lon: 39, country: 'SY', countryName: h, admin1: h, feature: 'city', population: 1000, confidence: 0.5, alternatives: [h], reason: h },
    { ...base, kind: 'date', type: 'DATE', value: '2017-09-01', mod: null, relative: true, label: h, interval: { from: '2017-09-01', to: '2017-09-01' }, explanation: h },
    { ...base, kind: 'faction', factionKind: 'armed-group', country: h, resolvedFrom: 'phrase', descriptors: [h] },
    { ...base, kind: 'faction', factionKind: 'armed-group', country: h, resolvedFrom: 'context', descriptors: [h] },
    { ...base, kind: 'source', sourceKind: 'unnamed', attributed: [0] },
  ];
}

test('security: every hover kind escapes hostile text in every field', () => {
  const store = new ArticleStore(testKnowledge);
  for (const h of HOSTILE) {
    const text = `${h} said ${h} captured ${h} on Friday.\n`;
    const record = store.setOpen(`untitled:hostile-${h.length}`, 1, text, { languageId: 'news', matchesGlobs: false, defaultPublished: '2017-09-02' });
    for (const m of hostileMentions(h)) {
      counted(() => {
        const md = hoverMarkdown(m, { record, store, knowledge: testKnowledge() });
        assert.equal(liveMarkup(md), null, `${m.kind} hover for ${h}`);
      })();
    }
  }
});

const HOSTILE_ARTICLE = [
  'Army <img src=x onerror=alert(1)> retakes [Raqqa](command:workbench.action.terminal.new) district',
  '',
  'Source: Xinhua| 2017-09-02 18:40:10|Editor: Desk',
  '',
  'DAMASCUS, Sept. 2 (Xinhua) -- The Syrian army captured Aleppo <script>alert(2)</script> on Friday, [activists](javascript:alert(3)) said.',
  '',
  'Islamic State `BT1` militants withdrew from Raqqa </textarea> last month, the Syrian Observatory for Human Rights said. "The [SDF](command:x) entered Homs," a military source told Xinhua.',
  '',
].join('\n');

test('security: hovers over a hostile article contain no live link, command or HTML (over LSP)', async () => {
  const server = await startServer();
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'hostile.news'));
    await server.open(uri, HOSTILE_ARTICLE, 'news');
    const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    let line = 0;
    let character = 0;
    let hovers = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      const hover = await server.connection.sendRequest<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      if (!hover) continue;
      hovers++;
      counted(() => assert.equal(liveMarkup(hover.contents.value), null, `hover at ${line}:${character}`))();
    }
    assert.ok(hovers >= 3, `only ${hovers} hovers on the hostile article`);
  } finally {
    await server.stop();
  }
});

function netLog(): { file: string; attempts: () => string; loadedBy: () => string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-net-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'net.log');
  return {
    file,
    attempts: () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''),
    loadedBy: () => (fs.existsSync(`${file}.loaded`) ? fs.readFileSync(`${file}.loaded`, 'utf8').trim().split('\n') : []),
  };
}

test('security: the network guard itself catches an attempt (control)', () => {
  counted(() => {
    const log = netLog();
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "try { require('node:http').get('http://127.0.0.1:9/') } catch {} try { require('node:net').connect(9, '127.0.0.1') } catch {}"], {
      env: { ...process.env, DATELINE_NET_LOG: log.file },
    });
    assert.equal(r.status, 0, String(r.stderr));
    assert.match(log.attempts(), /http\.get/);
    assert.match(log.attempts(), /net\.connect/);
  })();
});

test('security: the language server opens no network connection', async () => {
  await counted(async () => {
    const log = netLog();
    const server: TestServer = await startServer({ workspaceFolder: SAMPLES, execArgv: ['--require', PRELOAD], env: { DATELINE_NET_LOG: log.file } });
    try {
      const file = path.join(SAMPLES, '2017-09-02-army-advances-in-hama.txt');
      const uri = await server.open(fileUri(file), fs.readFileSync(file, 'utf8'));
      await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 40 } });
      assert.ok((await server.connection.sendRequest<number>(ReanalyzeRequest)) >= 2);
      await server.waitFor('diagnostics', () => server.diagnostics.get(uri));
    } finally {
      await server.stop();
    }
    assert.equal(log.loadedBy().length, 1, 'the guard was not loaded into the server');
    assert.equal(log.attempts(), '', 'the server tried to open a connection');
  })();
});

test('security: the CLI opens no network connection', () => {
  counted(() => {
    const log = netLog();
    const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'analyze', SAMPLES], { env: { ...process.env, DATELINE_NET_LOG: log.file }, maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, String(r.stderr));
    assert.ok(r.stdout.length > 100);
    assert.equal(log.loadedBy().length, 1, 'the guard was not loaded into the CLI');
    assert.equal(log.attempts(), '', 'the CLI tried to open a connection');
  })();
});

test('security: an untrusted workspace gets nothing written to .dateline/, until trust is granted', async () => {
  await counted(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-untrusted-'));
    fs.copyFileSync(path.join(SAMPLES, '2017-09-02-army-advances-in-hama.txt'), path.join(dir, 'hama.txt'));
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { workspaceTrusted: false } });
    try {
      const edit = () =>
        server.connection.sendRequest<{ ok: boolean; error: string | null }>('workspace/executeCommand', {
          command: PlaceEditCommand,
          arguments: [{ folder: fileUri(dir), action: 'notPlace', spelling: 'Editor' }],
        });
      const refused = await edit();
      assert.equal(refused.ok, false);
      assert.match(refused.error ?? '', /not trusted/);
      const review = await server.connection.sendRequest<{ ok: boolean; error: string | null }>(MarkReviewedRequest, { conflictId: 'c1' });
      assert.equal(review.ok, false);
      assert.match(review.error ?? '', /not trusted/);
      assert.equal(fs.existsSync(path.join(dir, '.dateline')), false, '.dateline/ was created in an untrusted workspace');
      // The same edit goes through once the user trusts the folder.
      await server.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
      const allowed = await edit();
      assert.equal(allowed.ok, true, allowed.error ?? '');
      assert.match(fs.readFileSync(path.join(dir, '.dateline', 'places.json'), 'utf8'), /"Editor"/);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  })();
});
