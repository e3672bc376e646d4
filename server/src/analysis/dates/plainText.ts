// Tagging text that has no article structure (evaluation corpora, benchmarks): one stretch per line.
import { DateMention } from '../types';
import { parseIsoDay } from './calendar';
import { anchorOf } from './resolve';
import { DiscourseContext, tagStretch } from './tagDates';
import { codeUnits } from './codeUnits';

/** Tags every line of `text` as a sentence, anchored on `published` (YYYY-MM-DD or null). Linear time. */
export function tagDatesInPlainText(text: string, published: string | null): DateMention[] {
  const anchor = anchorOf(parseIsoDay(published));
  const out: DateMention[] = [];
  let start = 0;
  let sentence = 0;
  const context: DiscourseContext = { lastDay: null };
  const codes = codeUnits(text, true);
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) tagStretch(text, start, end, sentence++, anchor, out, context, codes);
    start = end + 1;
  }
  return out;
}
