// `dateline timeline [--format md|csv|json|timelinejs|geojson] [--all-sentences] [--group-by faction|place] <file|dir>...`
// Prints the chronology of dated events across the articles; Markdown by default.
import type { PlaceFeature } from '../../analysis';
import { controlHistory, ControlArticle, placeFeaturesOf } from '../../analysis/map';
import { addArticleEvents, DraftEvent, exportPieces, finishTimeline, isTimelineFormat, TIMELINE_FORMATS, TimelineConflict } from '../../analysis/timeline';
import { LineIndex } from '../../lsp/lineIndex';
import { ParsedArgs, stringOption } from '../args';
import { AnalyzedArticle } from '../loadInputs';
import { writeLines } from '../writeLines';
import { ClaimsArticle, claimsArticle, timelineConflicts } from './conflicts';

export function runTimeline(
  args: ParsedArgs,
  articles: Iterable<AnalyzedArticle>,
  out: (s: string) => void,
  err: (s: string) => void,
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
  // Each article's events are made as it is analysed; of the article only its claims are kept (for the
  // conflicts and GeoJSON's control history), so a folder of 10,000 articles fits in memory.
  const drafts: DraftEvent[] = [];
  const kept: (ClaimsArticle & { placeFeatures?: Map<string, PlaceFeature> })[] = [];
  // Only GeoJSON's control history reads each place's kind (town, province…).
  const withPlaces = format === 'geojson';
  const skipped: string[] = [];
  for (const a of articles) {
    if (a.analysis.skipped) {
      skipped.push(`${a.file}: skipped: ${a.analysis.skipped}`);
      continue;
    }
    // In the CLI an article's "uri" is its path as given, so citations read "samples/x.txt, line 14".
    const file = a.file.replace(/\\/g, '/');
    const lines = new LineIndex(a.text);
    addArticleEvents(drafts, { uri: file, text: a.text, analysis: a.analysis, rangeOf: (span) => lines.rangeOf(span) }, { allDatedSentences: args.options['all-sentences'] === true });
    kept.push({ ...claimsArticle(a), file, placeFeatures: withPlaces ? placeFeaturesOf(a.analysis.mentions) : undefined });
  }
  for (const line of skipped) err(line);
  let conflicts: TimelineConflict[] = [];
  try {
    conflicts = timelineConflicts(kept);
  } catch (e) {
    err(`dateline timeline: conflicts left out: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { events, fillVersions } = finishTimeline(drafts, conflicts);
  for (const e of events) fillVersions(e);
  // GeoJSON carries each place's control history (who held it when, per the claims) for QGIS or kepler.gl.
  const control = format === 'geojson' ? controlHistory(kept.map((k): ControlArticle => ({ uri: k.file, analysis: k.analysis, placeFeatures: k.placeFeatures })), conflicts) : null;
  const placeProperties = control ? (placeId: string) => ({ control: control.get(placeId)?.periods ?? [] }) : undefined;
  writeLines(exportPieces(format, events, { articles: kept.length, groupBy, placeProperties }), out);
  return 0;
}
