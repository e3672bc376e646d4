// TIMEX3 value strings for durations and sets.
import { UNIT_CODE, Unit } from './lexicon';

/** "P3Y", "PT30M", "PXM" (n null = unknown amount), "P10Y" for a decade, "P1.5Y". */
export function durationValue(unit: Unit, n: number | null): string {
  let u = unit;
  let amount = n;
  if (unit === 'decade' || unit === 'century') {
    // TIMEX3 has DE/CE, but corpora write decades in years: "the past decade" = P10Y.
    amount = n === null ? null : n * (unit === 'decade' ? 10 : 100);
    u = 'year';
  }
  const code = UNIT_CODE[u];
  const scaled = amount === null ? 'X' : formatAmount(amount * code.scale);
  return `P${code.time ? 'T' : ''}${scaled}${code.code}`;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
