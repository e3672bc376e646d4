// The Markdown chronology: events by year, each with its date at true precision and numbered citations
// to the article and line behind it. Article text is escaped; our own words are not.
import type { TimelineEvent, TimelineReport } from '../../../protocol';
import { dayLabel } from '../eventTime';
import { citePath, escapeMarkdown } from './escape';
import { ITEMS_PER_PIECE, tidyPieces } from './textParts';

export interface MarkdownOptions {
  title?: string;
  /** Folder URIs (or paths) citations are written relative to. */
  relativeTo?: string[];
}

/** Renders events (already in order) as a Markdown chronology with a numbered list of sources. */
export function toMarkdown(events: TimelineEvent[], options: MarkdownOptions = {}): string {
  return [...markdownPieces(events, options)].join('');
}

/** The chronology of `toMarkdown` in pieces of a thousand events or sources (see textParts.ts). */
export function markdownPieces(events: TimelineEvent[], options: MarkdownOptions = {}): Generator<string> {
  return tidyPieces(markdownLines(events, options));
}

function* markdownLines(events: TimelineEvent[], options: MarkdownOptions): Generator<string> {
  const cites = new Citations(options.relativeTo ?? []);
  let lines: string[] = [`# ${escapeMarkdown(options.title ?? 'Timeline')}`, ''];
  const conflicts = new Set(events.flatMap((e) => e.conflicts)).size;
  // Articles that gave events: a folder of clippings may hold files with nothing dated in them.
  const articles = new Set(events.flatMap((e) => e.reports.map((r) => r.article.uri))).size;
  lines.push(
    `${plural(events.length, 'event')} from ${plural(articles, 'article')}` +
      (conflicts ? `, ${plural(conflicts, 'conflict')} between sources` : '') +
      '. Dates at the precision the reports give; numbers in brackets cite the sources listed at the end.',
    '',
  );
  if (events.length === 0) lines.push('No dated events found.', '');
  let heading: string | null = null;
  for (const [i, e] of events.entries()) {
    const h = e.sortDate ? e.sortDate.slice(0, 4) : 'Undated';
    if (h !== heading) {
      lines.push('', `## ${h}`, '');
      heading = h;
    }
    lines.push(...eventLines(e, cites));
    if ((i + 1) % ITEMS_PER_PIECE === 0) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (cites.list.length) {
    lines.push('', '## Sources', '');
    for (const [i, r] of cites.list.entries()) {
      lines.push(`${i + 1}. ${cites.describe(r)}`);
      if ((i + 1) % ITEMS_PER_PIECE === 0) {
        yield lines.join('\n') + '\n';
        lines = [];
      }
    }
  }
  yield lines.join('\n');
}

function eventLines(e: TimelineEvent, cites: Citations): string[] {
  const refs = e.reports.map((r) => `[${cites.number(r)}]`).join('');
  const sources = [...new Set(e.reports.map((r) => r.source))].map(escapeMarkdown).join('; ');
  const place = e.place ? placeSuffix(e) : '';
  const prefix = e.modality === 'predicted' ? '*Predicted:* ' : e.modality === 'denied' ? '*Denied:* ' : '';
  const summary = prefix ? e.summary.replace(/^(predicted|denied):?\s*/i, '') : e.summary;
  const line = `- **${escapeMarkdown(e.dateLabel)}** — ${prefix}${escapeMarkdown(summary)}${place}. ${sources ? `Source: ${sources}. ` : ''}${refs}`;
  const out = [line.trimEnd()];
  const seen = new Set<string>();
  for (const v of e.versions) {
    const key = `${v.conflictId}|${v.eventId ?? v.summary}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const verb = v.modality === 'predicted' ? ' predicted' : v.modality === 'denied' ? ' denied' : '';
    const said = `${v.source ? `${escapeMarkdown(v.source)}${verb}: ` : ''}${escapeMarkdown(v.summary)}${v.dateLabel ? ` (${escapeMarkdown(v.dateLabel)})` : ''}`;
    const what = v.kind === 'prediction' ? 'Prediction and outcome' : `⚠ Disputed (${escapeMarkdown(v.kind)})`;
    out.push(`  - ${what}: ${said}${v.message ? ` — ${escapeMarkdown(v.message)}` : ''}`);
  }
  return out;
}

/** " (Hama, Syria)": the place too when the summary does not name it; admin1 and country are the gazetteer's. */
function placeSuffix(e: TimelineEvent): string {
  const named = e.place !== null && e.summary.includes(e.place);
  const where = [named ? null : e.place, e.admin1, e.countryName ?? e.country].filter((x, i): x is string => !!x && (i === 0 || x !== e.place));
  return where.length ? ` (${where.map(escapeMarkdown).join(', ')})` : '';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Numbers each distinct report (article + line) once, in order of first citation. */
class Citations {
  readonly list: TimelineReport[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly relativeTo: string[]) {}

  number(r: TimelineReport): number {
    const key = `${r.location.uri}\u0000${r.location.range.start.line}\u0000${r.sentence}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.list.push(r);
      n = this.list.length;
      this.index.set(key, n);
    }
    return n;
  }

  /** Xinhua, "Headline", 2 Sep 2017 — samples/file.txt, line 14: “sentence” */
  describe(r: TimelineReport): string {
    const headline = r.article.headline ? `, “${escapeMarkdown(r.article.headline)}”` : '';
    const published = r.article.published ? `, ${dayLabel(r.article.published)}` : '';
    const where = `${escapeMarkdown(citePath(r.location.uri, this.relativeTo))}, line ${r.location.range.start.line + 1}`;
    return `${escapeMarkdown(r.source)}${headline}${published} — ${where}: “${escapeMarkdown(r.sentence)}”`;
  }
}
