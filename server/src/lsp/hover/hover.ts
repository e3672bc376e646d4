import { Mention } from '../../analysis';
import { HoverContext } from './hoverContext';
import { placeHover } from './placeHover';
import { dateHover } from './dateHover';
import { factionHover, sourceHover } from './factionHover';

/** The mention under an offset: the innermost one when mentions nest. */
export function mentionAt(mentions: Mention[], offset: number): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.start > offset) break;
    if (offset >= m.start && offset <= m.end && (!best || m.end - m.start < best.end - best.start)) best = m;
  }
  return best;
}

/** Markdown for a mention's hover. */
export function hoverMarkdown(m: Mention, ctx: HoverContext): string {
  switch (m.kind) {
    case 'place':
      return placeHover(m, ctx);
    case 'date':
      return dateHover(m, ctx);
    case 'faction':
      return factionHover(m, ctx);
    case 'source':
      return sourceHover(m, ctx);
  }
}
