// The claims a reader finds in our two sample articles, written by hand, so the timeline and its exports are tested
// apart from the claim extractor. The same facts as ../shared/articles, in our own samples' wording.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleWithClaims, ClaimSpec } from '../../support/claimBuilders';
import type { TimelineArticle, TimelineConflict } from '../../../server/src/analysis/timeline';

export const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
export const SEPT = 'samples/2017-09-02-army-advances-in-hama.txt';
export const NOV = 'samples/2017-11-10-al-bukamal-recaptured.txt';

function read(rel: string): string {
  return fs.readFileSync(path.join(SAMPLES, '..', rel), 'utf8');
}

export function septArticle(text = read(SEPT)): TimelineArticle {
  return articleWithClaims(SEPT, text, SEPT_CLAIMS);
}

export function sampleText(rel: string): string {
  return read(rel);
}

const SEPT_CLAIMS: ClaimSpec[] = [
    { in: 'barrens around Qara', actor: 'syrian-army', action: 'took-control', patient: 'islamic-state', place: 'qara', time: ['2017-08', 'late Aug 2017', '2017-08-21', '2017-08-31'], extent: { kind: 'partial', text: 'the barrens around', percent: null }, summary: 'Syrian Arab Army took the barrens around Qara from Islamic State' },
    { in: 'the army seized Uqayribat', actor: 'syrian-army', action: 'took-control', patient: 'islamic-state', place: 'uqayribat', time: ['2017-09-01', '1 Sep 2017'], summary: 'Syrian Arab Army captured Uqayribat' },
    { in: 'full siege on Uqayribat', actor: 'syrian-army', action: 'besieged', place: 'uqayribat', time: ['2017-08-18', '18 Aug 2017'], summary: 'Syrian Arab Army besieged Uqayribat' },
    { in: 'four other villages', actor: 'syrian-army', action: 'took-control', place: 'hama', time: ['2017-09-01', '1 Sep 2017'], extent: { kind: 'partial', text: 'four other villages in eastern', percent: null }, summary: 'Syrian Arab Army took four villages in eastern Hama' },
    { in: 'administrative border', actor: 'syrian-army', action: 'advanced', place: 'deir-ez-zor-province', time: ['2017-09-01', '1 Sep 2017'], source: 'syrian-army', modality: 'reported', summary: 'Syrian Arab Army reached the border of Deir al-Zour province' },
    { in: 'the army recaptured recently', actor: 'syrian-army', action: 'took-control', place: 'sukhnah', time: null, summary: 'Syrian Arab Army recaptured Sukhnah' },
    { in: 'besieged by IS since 2015', actor: 'islamic-state', action: 'besieged', place: 'deir-ez-zor', time: ['2015', 'since 2015', '2015-01-01', null], extent: { kind: 'partial', text: 'government-held enclave in', percent: null }, summary: 'Islamic State besieged the government-held enclave in Deir al-Zour' },
    { id: 'sdf-old-city', in: 'the SDF said it controlled', actor: 'sdf', action: 'controls', place: 'raqqa', time: null, source: 'sdf', modality: 'reported', extent: { kind: 'full', text: 'the old city of', percent: null }, summary: 'Syrian Democratic Forces control the old city of Raqqa' },
    { id: 'sohr-old-city', in: '90 percent', actor: 'sdf', action: 'controls', place: 'raqqa', time: null, source: 'sohr', modality: 'reported', extent: { kind: 'partial', text: '90 percent of the old city of', percent: 90 }, summary: 'Syrian Democratic Forces hold 90 percent of the old city of Raqqa' },
    { id: 'mistura-raqqa', in: 'will probably take Raqqa', actor: 'sdf', action: 'took-control', place: 'raqqa', time: ['2017-10', 'by the end of Oct 2017', '2017-10-21', '2017-10-31'], source: 'de-mistura', modality: 'predicted', summary: 'Syrian Democratic Forces will take Raqqa' },
];

export function novArticle(): TimelineArticle {
  return articleWithClaims(NOV, read(NOV), [
    { in: 'Government forces retook the town', actor: 'syrian-army', action: 'took-control', place: 'al-qarayatayn', time: ['2017-10-21', '21 Oct 2017'], summary: 'Syrian Arab Army retook al-Qarayatayn' },
    { id: 'raqqa-falls', in: 'IS lost Raqqa to the SDF', actor: 'sdf', action: 'took-control', patient: 'islamic-state', place: 'raqqa', time: ['2017-10', 'Oct 2017'], summary: 'Syrian Democratic Forces took Raqqa from Islamic State' },
    { in: 'full control of Deir al-Zour city', actor: 'syrian-army', action: 'took-control', patient: 'islamic-state', place: 'deir-ez-zor', time: ['2017-11', 'early Nov 2017', '2017-11-01', '2017-11-10'], summary: 'Syrian Arab Army took full control of Deir al-Zour' },
    { in: 'captured al-Bukamal', actor: 'syrian-army', action: 'took-control', place: 'al-bukamal', time: ['2017-11-08', '8 Nov 2017'], summary: 'Syrian Arab Army captured al-Bukamal' },
    { in: 'declared victory on Thursday', actor: 'syrian-army', action: 'controls', place: 'al-bukamal', time: ['2017-11-09', '9 Nov 2017'], summary: 'Syrian Arab Army declared victory in al-Bukamal' },
    { in: 'fall of al-Bukamal', actor: 'syrian-army', action: 'took-control', place: 'al-bukamal', time: ['2017-11-08', '8 Nov 2017'], source: 'xinhua', summary: 'Syrian Arab Army captured al-Bukamal' },
  ]);
}

export const SAMPLE_CONFLICTS: TimelineConflict[] = [
  {
    id: 'extent-raqqa-old-city',
    kind: 'extent',
    message: 'Conflicting extent for the old city of Raqqa: full control (Syrian Democratic Forces) vs 90 percent (Syrian Observatory for Human Rights)',
    claims: [
      { uri: SEPT, claimId: 'sdf-old-city' },
      { uri: SEPT, claimId: 'sohr-old-city' },
    ],
  },
  {
    id: 'prediction-raqqa',
    kind: 'prediction',
    message: 'Prediction fulfilled: Syrian Democratic Forces took Raqqa in Oct 2017',
    claims: [
      { uri: SEPT, claimId: 'mistura-raqqa' },
      { uri: NOV, claimId: 'raqqa-falls' },
    ],
  },
];
