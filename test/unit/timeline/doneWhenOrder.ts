// The issue's "done when" chronology as matchers, shared by the hand-built test and the real-pipeline test:
// each names what a reader checks (place, kind of event, date) without pinning wording the extractor may vary.
import * as assert from 'node:assert/strict';
import type { TimelineEvent } from '../../../server/src/protocol';

export interface EventMatcher {
  what: string;
  test: (e: TimelineEvent) => boolean;
}

const place = (e: TimelineEvent, re: RegExp) => re.test(e.place ?? '') || re.test(e.summary);
const isReported = (e: TimelineEvent) => e.modality !== 'predicted' && e.modality !== 'denied';
const taken = (e: TimelineEvent) => e.action === 'took-control' || e.action === 'lost-control';

export const DONE_WHEN: EventMatcher[] = [
  { what: "IS's siege of the government-held part of Deir al-Zour since 2015", test: (e) => e.action === 'besieged' && place(e, /Deir/) && e.sortDate?.startsWith('2015') === true },
  { what: 'the siege of Uqayribat on 18 Aug 2017', test: (e) => e.action === 'besieged' && place(e, /Uqayribat/) && e.sortDate === '2017-08-18' },
  { what: 'the capture of the Qara barrens, late Aug 2017', test: (e) => taken(e) && place(e, /Qara\b/) && /late Aug 2017/.test(e.dateLabel) },
  { what: 'the capture of Uqayribat on 1 Sep 2017', test: (e) => taken(e) && isReported(e) && place(e, /Uqayribat/) && e.sortDate === '2017-09-01' },
  { what: 'the capture of four towns in eastern Hama on 1 Sep 2017', test: (e) => taken(e) && place(e, /Hama/) && /four/.test(`${e.extent ?? ''} ${e.summary} ${e.sentence}`) && e.sortDate === '2017-09-01' },
  { what: 'the army reaching the Deir al-Zour province border on 1 Sep 2017', test: (e) => e.action === 'advanced' && place(e, /Deir/) && e.sortDate === '2017-09-01' },
  { what: 'the SDF in control of the old city of Raqqa (~2 Sep 2017), with the conflicting 90 percent figure', test: (e) => e.action === 'controls' && place(e, /Raqqa/) && e.sortDate === '2017-09-02' && e.conflicts.length > 0 && e.versions.some((v) => /90/.test(`${v.summary} ${v.extent ?? ''} ${v.message ?? ''}`) || /90/.test(e.extent ?? '')) },
  { what: 'Raqqa taken by the SDF, Oct 2017', test: (e) => taken(e) && isReported(e) && place(e, /Raqqa/) && e.sortDate?.startsWith('2017-10') === true && /Syrian Democratic Forces|SDF/.test(`${e.actor} ${e.patient}`) },
  { what: 'al-Qarayatayn retaken by the army on 21 Oct 2017', test: (e) => taken(e) && place(e, /Qara?yatayn/) && e.sortDate === '2017-10-21' },
  { what: 'Deir al-Zour city taken by government forces, Nov 2017', test: (e) => taken(e) && place(e, /Deir/) && e.sortDate?.startsWith('2017-11') === true },
  { what: 'al-Bukamal captured on 8 Nov 2017', test: (e) => taken(e) && place(e, /Bukamal/) && e.sortDate === '2017-11-08' },
  { what: 'victory declared in al-Bukamal on 9 Nov 2017', test: (e) => place(e, /Bukamal/) && e.sortDate === '2017-11-09' },
];

/** Asserts the matchers find events in this order (others may come between); says which one is missing. */
export function assertInOrder(events: TimelineEvent[], matchers: EventMatcher[]): void {
  let from = 0;
  for (const m of matchers) {
    const at = events.findIndex((e, i) => i >= from && m.test(e));
    if (at < 0) {
      const anywhere = events.findIndex((e) => m.test(e));
      const listing = events.map((e, i) => `  ${i}. ${e.dateLabel} | ${e.action} | ${e.place} | ${e.summary}`).join('\n');
      assert.fail(`${anywhere < 0 ? 'missing' : `out of order (found at ${anywhere}, expected after ${from - 1})`}: ${m.what}\n${listing}`);
    }
    from = at + 1;
  }
}
