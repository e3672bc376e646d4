// Escaping for exports: the quick test that skips plain text must never skip text the full escape would change.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { escapeMarkdown, oneLine } from '../../../server/src/analysis/timeline/exports/escape';

/** The escapes as written before the quick tests: every pass over every text. */
function oneLineWhole(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}
function escapeMarkdownWhole(text: string): string {
  return oneLineWhole(text)
    .replace(/[\\`*_{}[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^[#+\-=]|^(\d{1,9})([.)])/, (m, digits, dot) => (digits ? `${digits}\\${dot}` : `\\${m}`))
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@');
}

function check(text: string): void {
  assert.equal(oneLine(text), oneLineWhole(text), JSON.stringify(text));
  assert.equal(escapeMarkdown(text), escapeMarkdownWhole(text), JSON.stringify(text));
}

test('escapes: the same as every pass over the text, for hand-picked and random text', () => {
  for (const text of ['', ' ', 'plain words', ' lead', 'trail ', 'two  spaces', 'tab\there', 'line\nbreak', 'nbsp\u00a0here', 'bom\ufeff', 'ctl\u0001x', '# heading', '12. item', '3) x', 'a_b*c', 'see http://x.y', 'WWW.example.org', 'mail@x', '&amp;', 'x|y', '~', '`code`', '\u2028sep']) check(text);
  const alphabet = fc.constantFrom(...'ab1 .)#+-=\\`*_{}[]<>|~&@:/wW\t\n\r\u00a0\u2028\ufeff\u0000\u0007\u007f'.split(''));
  fc.assert(fc.property(fc.array(alphabet, { maxLength: 24 }).map((cs) => cs.join('')), (text) => check(text)), { numRuns: 3000, seed: 23 });
});
