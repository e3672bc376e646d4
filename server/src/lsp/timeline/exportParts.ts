// A timeline export sent in parts: the client asks for part 0, 1, … while `more` says another follows. The
// pieces are made as they are asked for (an export of 10,000 articles is past V8's longest string), and
// the one export under way is kept between its parts.
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { partsOf } from '../../analysis/timeline/exports/textParts';

/** Characters per part: a few MB a reply. */
export const PART_CHARS = 8_000_000;
/** The most a reply without `part` may hold; past it the client is told to ask in parts. */
export const WHOLE_EXPORT_CHARS = 100_000_000;

export class ExportParts {
  private current: { key: string; parts: Iterator<{ content: string; more: boolean }>; next: number } | null = null;

  /** Part `part` of the export `key`, made by `pieces` when the export is not the one under way. */
  part(key: string, part: number, pieces: () => Iterable<string>): { content: string; more: boolean } {
    if (this.current?.key !== key || this.current.next > part) this.current = { key, parts: partsOf(pieces(), PART_CHARS)[Symbol.iterator](), next: 0 };
    const run = this.current;
    for (;;) {
      const step = run.parts.next();
      if (step.done) {
        this.current = null;
        return { content: '', more: false };
      }
      run.next++;
      if (run.next - 1 < part) continue;
      if (!step.value.more) this.current = null;
      return step.value;
    }
  }
}

/** The whole export as one string, or an error saying to ask in parts when it would be too long for one reply. */
export function wholeExport(pieces: Iterable<string>, events: number): string {
  const out: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    length += piece.length;
    if (length > WHOLE_EXPORT_CHARS) {
      throw new ResponseError(ErrorCodes.InvalidRequest, `Dateline: the export of ${events} events passes ${WHOLE_EXPORT_CHARS / 1e6} million characters, too long for one reply; ask for it in parts (part: 0, 1, … while more)`);
    }
    out.push(piece);
  }
  return out.join('');
}
