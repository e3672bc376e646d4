// Gold annotation of a claim, as written after "##" in fixtures: "<action> <actor|-> <place|-> [modality] [patient:<id|->]".
import { Claim } from '../../server/src/analysis/types';

/** The gold string a claim would match; modality only when it is not a plain statement. */
export function goldOf(c: Claim): string {
  const parts = [c.action, c.actor?.id ?? '-', c.place?.id ?? '-'];
  if (c.modality === 'predicted' || c.modality === 'denied') parts.push(c.modality);
  return parts.join(' ');
}

/**
 * The gold string a claim would match in a sentence whose gold lines may name the losing or besieged side
 * ("took-control sdf raqqa patient:is"): when any of them does, every claim of the sentence is written with it.
 */
export function goldIn(c: Claim, sentenceGold: string[]): string {
  return sentenceGold.some((g) => / patient:/.test(g)) ? `${goldOf(c)} patient:${c.patient?.id ?? '-'}` : goldOf(c);
}

/** Gold of a conflict, as written in fixtures after "## conflict:": "<kind> <place id> [fulfilled|not-fulfilled]". */
export function conflictGold(c: { kind: string; place: { id: string } | null; outcome: string | null }): string {
  return [c.kind, c.place?.id ?? '-', c.outcome].filter(Boolean).join(' ');
}

/** The gold conflicts of a fixture: every "## conflict: …" line except "none". */
export function conflictGoldLines(markup: string): string[] {
  return [...markup.matchAll(/^##\s*conflict:\s*(.+)$/gm)].map((m) => m[1].trim()).filter((g) => g !== 'none');
}
