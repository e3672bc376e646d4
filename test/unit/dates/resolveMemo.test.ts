// Resolved dates are kept and handed out again (resolveMemo.ts). Whatever is kept, a kept result must equal
// what resolving afresh gives: under another anchor, another tense, or after its slot was taken over.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { anchorOf, resolve } from '../../../server/src/analysis/dates/resolve';
import { resolveKept } from '../../../server/src/analysis/dates/resolveMemo';
import { calExpr, unitExpr, weekdayExpr, withMod } from '../../../server/src/analysis/dates/expr';
import { parseIsoDay } from '../../../server/src/analysis/dates/calendar';
import { Tense } from '../../../server/src/analysis/dates/tense';

const TENSES: Tense[] = [null, 'past', 'present', 'future'];

test('kept results equal fresh ones across anchors, tenses and many expressions', () => {
  const exprs = [
    calExpr(null, 8, 28), calExpr(null, 8, null), calExpr(2016, null, null), calExpr(2017, 10, 17), weekdayExpr(4), weekdayExpr(6),
    unitExpr('rel', 'week', -1), unitExpr('ago', 'day', 2), unitExpr('dur', 'year', 3), withMod(calExpr(null, 8, null), 'MID'),
    withMod(calExpr(2016, null, null), 'START'),
  ];
  // Far more distinct expressions than the table has slots, so slots are taken over.
  for (let d = 1; d <= 28; d++) for (let m = 1; m <= 12; m++) exprs.push(calExpr(null, m, d), calExpr(2000 + d, m, d));
  const anchors = [anchorOf(parseIsoDay('2013-09-13')), null, anchorOf(parseIsoDay('2017-01-02')), anchorOf(parseIsoDay('2013-09-13'))];
  for (let round = 0; round < 2; round++) {
    for (const anchor of anchors) {
      for (const e of exprs) {
        for (const tense of TENSES) assert.deepEqual(resolveKept(e, anchor, tense), resolve(e, anchor, tense), `${JSON.stringify(e)} ${anchor?.iso} ${tense}`);
      }
    }
  }
});

test('the same modifier on the same shared expression is one expression', () => {
  assert.equal(withMod(calExpr(null, 8, null), 'MID'), withMod(calExpr(null, 8, null), 'MID'));
  assert.notEqual(withMod(calExpr(null, 8, null), 'MID'), withMod(calExpr(null, 8, null), 'END'));
  assert.equal(withMod(calExpr(null, 8, null), 'END').mod, 'END');
});
