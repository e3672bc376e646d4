// Semantic tokens: places, dates, factions and sources coloured out of the box.
import { Mention } from '../analysis';
import { LineIndex } from './lineIndex';

export const TOKEN_TYPES = ['place', 'date', 'faction', 'source'] as const;
export const TOKEN_MODIFIERS = ['resolved', 'relative'] as const;

/** LSP's relative encoding: 5 integers per token, single-line tokens only. */
export function encodeSemanticTokens(mentions: Mention[], lines: LineIndex): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const m of mentions) {
    if (m.start < lastEnd) continue; // tokens must not overlap
    const type = TOKEN_TYPES.indexOf(m.kind);
    let mods = 0;
    if (m.kind === 'faction' && m.resolvedFrom === 'context') mods |= 1;
    if (m.kind === 'date' && m.relative) mods |= 2;
    const start = lines.positionAt(m.start);
    const end = lines.positionAt(m.end);
    if (end.line !== start.line || end.character <= start.character) continue;
    data.push(start.line - prevLine, start.line === prevLine ? start.character - prevChar : start.character, end.character - start.character, type, mods);
    prevLine = start.line;
    prevChar = start.character;
    lastEnd = m.end;
  }
  return data;
}
