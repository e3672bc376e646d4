// Gold annotation of a claim, as written after "##" in fixtures: "<action> <actor|-> <place|-> [modality]".
import { Claim } from '../../server/src/analysis/types';

/** The gold string a claim would match; modality only when it is not a plain statement. */
export function goldOf(c: Claim): string {
  const parts = [c.action, c.actor?.id ?? '-', c.place?.id ?? '-'];
  if (c.modality === 'predicted' || c.modality === 'denied') parts.push(c.modality);
  return parts.join(' ');
}
