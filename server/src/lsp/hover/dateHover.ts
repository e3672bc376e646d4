import { DateMention } from '../../analysis';
import { anchorPhrase, escapeMarkdown, formatDay } from './markdown';
import { HoverContext } from './hoverContext';

/** Hover for a date: the resolved value, its type, the days it covers, and the reasoning with the anchor used. */
export function dateHover(m: DateMention, ctx: HoverContext): string {
  const pub = ctx.record.analysis.publication;
  const lines = [`**${escapeMarkdown(m.text)}** → **${escapeMarkdown(m.label)}**`, `TIMEX3 ${m.type} \`${m.value}\`${m.mod ? ` mod ${m.mod}` : ''}`];
  if (m.range && (m.range.from || m.range.to)) lines.push(`Span: ${m.range.from ? formatDay(m.range.from) : 'open'} – ${m.range.to ? formatDay(m.range.to) : 'open'}`);
  else if (m.interval && m.interval.from !== m.interval.to) lines.push(`Covers ${formatDay(m.interval.from)} – ${formatDay(m.interval.to)}`);
  if (m.explanation) lines.push(escapeMarkdown(m.explanation));
  if (m.relative) {
    lines.push(pub.date ? `Anchor: publication date ${formatDay(pub.date, true)}, ${anchorPhrase(pub.from)}` : 'No publication date found: set `dateline.defaultPublished` or add a `Date:` line');
  }
  return lines.join('\n\n');
}
