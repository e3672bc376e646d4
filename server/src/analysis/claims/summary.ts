// One-line gists of claims in the user's words: "Syrian Democratic Forces controls the old city of Raqqa".
import { Claim } from '../types';

const VERB: Record<Claim['action'], string> = {
  'took-control': 'took control of',
  besieged: 'besieged',
  controls: 'controls',
  advanced: 'advanced on',
  attacked: 'attacked',
  casualties: 'casualties in',
  'lost-control': 'lost control of',
};

/** "Syrian Arab Army took control of Uqayribat", "52 civilians killed in Uqayribat". */
export function summarise(c: Claim): string {
  const place = c.place ? placePhrase(c) : 'an unnamed place';
  const prefix = c.modality === 'predicted' ? 'predicted: ' : c.modality === 'denied' ? 'denied: ' : '';
  if (c.action === 'casualties') {
    if (c.count === 0 && c.modality === 'denied') return `no ${c.victims ?? 'people'} killed in ${place}`;
    const n = c.count === null ? 'an unknown number of' : `${c.countQualifier ? `${c.countQualifier} ` : ''}${c.count}`;
    return `${prefix}${n} ${c.victims ?? 'people'} killed in ${place}${c.actor ? ` by ${c.actor.name}` : ''}`;
  }
  return `${prefix}${c.actor?.name ?? 'unnamed side'} ${VERB[c.action]} ${place}`;
}

/** "90 percent of the old city of Raqqa", "the old city of Raqqa", "parts of Raqqa". */
export function placePhrase(c: Claim): string {
  const name = c.place?.name ?? 'an unnamed place';
  const area = c.extent.area ? `the ${c.extent.area} of ` : '';
  if (c.extent.percent !== null) return `${c.extent.percent} percent of ${area}${name}`;
  if (c.extent.kind === 'partial') return `part of ${area}${name}`;
  return `${area}${name}`;
}
