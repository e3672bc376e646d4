// The `dateline` command line: analyze, timeline, conflicts. Writes results to stdout, problems to stderr.
import { loadKnowledge } from '../knowledge/loadKnowledge';
import { parseArgs, stringOption } from './args';
import { jsonPieces } from '../analysis/timeline/exports/textParts';
import { analyzedArticles, expandPaths } from './loadInputs';
import { writeLines } from './writeLines';
import { analyzeJsonPieces } from './commands/analyze';
import { runTimeML } from './commands/timeml';
import { runTimeline } from './commands/timeline';
import { claimsArticle, conflictsOfArticles, conflictsReport, reviewedFor } from './commands/conflicts';

const USAGE = `Usage: dateline <command> [options] <file|dir>...

Commands:
  analyze    places, dates, factions, sources and claims of each article, as JSON
  timeline   a chronology of the dated events across the articles
  conflicts  where the articles' sources disagree (control, extent, dates, death tolls, status, predictions)

Options:
  --format FORMAT          analyze: json (default), timeml (text with <TIMEX3> tags; --out DIR for several files)
                           conflicts: text (default), json
                           timeline: md (default), csv (ACLED columns), json, timelinejs, geojson
  --all-sentences          timeline: also every dated sentence without a claim
  --group-by faction|place timeline: TimelineJS groups (default faction)
  --published YYYY-MM-DD   publication date for articles that state none
  -h, --help               this text

A directory means every .txt, .md, .news and .article file under it; files named are analysed whatever they look like.`;

export function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseArgs(argv);
  if (args.options.help || !args.command) {
    (args.command ? out : err)(USAGE);
    return args.command ? 0 : 2;
  }
  const published = stringOption(args, 'published');
  if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    err(`--published takes a date as YYYY-MM-DD, not "${published}"`);
    return 2;
  }
  if (args.positional.length === 0) {
    err(`dateline ${args.command}: name at least one file or directory\n\n${USAGE}`);
    return 2;
  }
  const format = stringOption(args, 'format') ?? 'json';
  if (args.command === 'analyze' && format === 'timeml') return runTimeML(args.positional, published, stringOption(args, 'out'), out, err);
  const files = expandPaths(args.positional, err);
  const knowledge = loadKnowledge();
  const articles = analyzedArticles(files, knowledge, published, err);
  switch (args.command) {
    case 'analyze': {
      if (format !== 'json') {
        err(`dateline analyze: unknown --format ${format} (json, timeml)`);
        return 2;
      }
      writeLines(analyzeJsonPieces(articles), out);
      return 0;
    }
    case 'timeline':
      return runTimeline(args, articles, out, err);
    case 'conflicts': {
      const fmt = stringOption(args, 'format') ?? 'text';
      if (fmt !== 'text' && fmt !== 'json') {
        err(`dateline conflicts: unknown --format ${fmt} (text, json)`);
        return 2;
      }
      const kept = Array.from(articles, claimsArticle);
      const conflicts = conflictsOfArticles(kept);
      const reviewed = reviewedFor(args.positional);
      if (fmt === 'json') writeLines(jsonPieces({ conflicts: conflicts.map((c) => ({ ...c, reviewed: reviewed.has(c.id) })) }, 'conflicts'), out);
      else for (const line of conflictsReport(kept, conflicts, reviewed)) out(line);
      return 0;
    }
    default:
      err(`unknown command "${args.command}"\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  // `dateline timeline samples | head`: the reader closed the pipe early; stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = runCli(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'));
}
