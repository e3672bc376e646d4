// `dateline timeline [--format md|csv|json|timelinejs|geojson] [--all-sentences] [--group-by faction|place] <file|dir>...`
// Prints the chronology of dated events across the articles; Markdown by default.
import { Knowledge } from '../../analysis';
import { findConflicts } from '../../analysis/conflicts';
import { controlHistory } from '../../analysis/map';
import { buildTimeline, exportTimeline, isTimelineFormat, TIMELINE_FORMATS, TimelineArticle, TimelineConflict, toTimelineConflicts } from '../../analysis/timeline';
import { LineIndex } from '../../lsp/lineIndex';
import { ParsedArgs, stringOption } from '../args';
import { Input } from '../loadInputs';
import { analyzeInputs, AnalyzedArticle } from './analyze';

/** Finds conflicts between the articles' claims (replaceable in tests). */
export type ConflictFinder = (articles: AnalyzedArticle[]) => TimelineConflict[];

const conflictsOfArticles: ConflictFinder = (articles) =>
  toTimelineConflicts(findConflicts(articles.map((a) => ({ uri: a.file, published: a.analysis.publication.date, claims: a.analysis.claims }))));

export function runTimeline(
  args: ParsedArgs,
  inputs: Input[],
  knowledge: Knowledge,
  published: string | null,
  out: (s: string) => void,
  err: (s: string) => void,
  conflictFinder: ConflictFinder = conflictsOfArticles,
): number {
  const format = stringOption(args, 'format') ?? 'md';
  if (!isTimelineFormat(format)) {
    err(`dateline timeline: unknown --format ${format} (${TIMELINE_FORMATS.join(', ')})`);
    return 2;
  }
  const groupBy = stringOption(args, 'group-by') ?? 'faction';
  if (groupBy !== 'faction' && groupBy !== 'place') {
    err(`dateline timeline: --group-by takes faction or place, not "${groupBy}"`);
    return 2;
  }
  const analyzed = analyzeInputs(inputs, knowledge, published);
  // In the CLI an article's "uri" is its path as given, so citations read "samples/x.txt, line 14".
  const articles: TimelineArticle[] = analyzed
    .filter((a) => !a.analysis.skipped)
    .map((a) => {
      const lines = new LineIndex(a.text);
      return { uri: a.file.replace(/\\/g, '/'), text: a.text, analysis: a.analysis, rangeOf: (span) => lines.rangeOf(span) };
    });
  for (const a of analyzed) if (a.analysis.skipped) err(`${a.file}: skipped: ${a.analysis.skipped}`);
  let conflicts: TimelineConflict[] = [];
  try {
    conflicts = conflictFinder(analyzed.filter((a) => !a.analysis.skipped).map((a) => ({ ...a, file: a.file.replace(/\\/g, '/') })));
  } catch (e) {
    err(`dateline timeline: conflicts left out: ${e instanceof Error ? e.message : String(e)}`);
  }
  const events = buildTimeline(articles, conflicts, { allDatedSentences: args.options['all-sentences'] === true });
  // GeoJSON carries each place's control history (who held it when, per the claims) for QGIS or kepler.gl.
  const control = format === 'geojson' ? controlHistory(articles, conflicts) : null;
  const placeProperties = control ? (placeId: string) => ({ control: control.get(placeId)?.periods ?? [] }) : undefined;
  out(exportTimeline(format, events, { articles: articles.length, groupBy, placeProperties }).replace(/\n$/, ''));
  return 0;
}
