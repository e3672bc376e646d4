import { groupDigits } from './groupDigits';

/** Texts longer than this are not analysed: a news article is never near it. */
export const MAX_ARTICLE_CHARS = 20_000_000;

/** Why a text cannot be analysed (binary, too large, not text), or null when it can. */
export function checkInput(text: unknown): string | null {
  if (typeof text !== 'string') return 'not text';
  if (text.length > MAX_ARTICLE_CHARS) return `too large to analyse (${groupDigits(text.length)} characters; the limit is ${groupDigits(MAX_ARTICLE_CHARS)})`;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `looks binary (a NUL character at offset ${nul}); not analysed`;
  return null;
}
