// An article whose text tries every injection a timeline could fall for: HTML, script, event handlers,
// javascript: links, Markdown links, </textarea>, spreadsheet formulas. Used by export and webview tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleWithClaims } from '../../support/claimBuilders';
import { FIXTURES } from '../../support/expectFile';
import type { TimelineArticle } from '../../../server/src/analysis/timeline';

export const HOSTILE_URI = 'file:///work/articles/hostile%20<x>.txt';

export const HOSTILE_SUMMARY = 'Army <img src=x onerror=alert(1)> seized [x](javascript:alert(1)) </textarea><script>alert(4)</script>';

export function hostileArticle(): TimelineArticle {
  const text = fs.readFileSync(path.join(FIXTURES, 'timeline', 'hostile-article.txt'), 'utf8');
  return articleWithClaims(HOSTILE_URI, text, [
    { in: 'seized <img', actor: 'syrian-army', action: 'took-control', place: 'uqayribat', time: ['2017-09-01', '1 Sep 2017'], summary: HOSTILE_SUMMARY, extent: { kind: 'partial', text: '<b>part</b> of', percent: null } },
    { in: '=HYPERLINK', actor: '=cmd|"/c calc"!A1', action: 'besieged', place: 'uqayribat', time: ['2017-08', '<i>Aug</i> 2017'], source: '@SUM(1+1)*cmd', summary: '=HYPERLINK("http://evil.example","click")' },
  ]);
}
