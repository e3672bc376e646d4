// What every analysis must satisfy whatever the input: ranges inside the text and in order.
import * as assert from 'node:assert/strict';
import { ArticleAnalysis, Span } from '../../../server/src/analysis';

function inside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer offsets ${span.start}-${span.end}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: ${span.start}-${span.end} outside 0-${length}`);
}

/** Throws (assert) when `a` breaks an invariant of the core's contract for `text`. */
export function checkInvariants(text: string, a: ArticleAnalysis): void {
  assert.equal(a.length, text.length, 'length');
  let prev = -1;
  a.sentences.forEach((s, i) => {
    inside(s, text.length, `sentence ${i}`);
    assert.ok(s.start >= prev, `sentence ${i} starts before the previous one ends`);
    prev = s.end;
  });
  let lastStart = -1;
  a.mentions.forEach((m, i) => {
    inside(m, text.length, `mention ${i} (${m.kind})`);
    assert.ok(m.start < m.end, `mention ${i} (${m.kind}) is empty`);
    assert.ok(m.start >= lastStart, `mention ${i} out of order`);
    lastStart = m.start;
    assert.equal(m.text, text.slice(m.start, m.end), `mention ${i} text is not the text at its range`);
    assert.ok(m.sentence === -1 || (m.sentence >= 0 && m.sentence < a.sentences.length), `mention ${i} sentence index ${m.sentence}`);
  });
  a.claims.forEach((c, i) => {
    inside(c, text.length, `claim ${i}`);
    assert.ok(c.sentence >= 0 && c.sentence < a.sentences.length, `claim ${i} sentence index ${c.sentence}`);
  });
  a.diagnostics.forEach((d, i) => inside(d, text.length, `diagnostic ${i}`));
  const st = a.structure;
  for (const [name, span] of [['headline', st.headline], ['sourceLine', st.sourceLine], ['dateline', st.dateline]] as const) if (span) inside(span, text.length, name);
  st.sections.forEach((s, i) => inside(s, text.length, `section ${i}`));
  if (a.publication.evidence) inside(a.publication.evidence, text.length, 'publication evidence');
  // Plain data for the CLI's JSON: no cycles, no BigInt, no NaN or Infinity (which JSON turns into null).
  assert.doesNotMatch(JSON.stringify(a, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? '__NOT_FINITE__' : v)), /__NOT_FINITE__/, 'a number is NaN or Infinity');
}
