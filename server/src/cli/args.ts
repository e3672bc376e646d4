// A small argv parser: positional arguments and --flag value / --flag=value options.

export interface ParsedArgs {
  command: string | null;
  positional: string[];
  options: Record<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['help', 'all-sentences', 'pretty', 'version']);

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { command: null, positional: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') out.options.help = true;
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) out.options[name] = a.slice(eq + 1);
      else if (BOOLEAN_FLAGS.has(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) out.options[name] = true;
      else out.options[name] = argv[++i];
    } else if (out.command === null) out.command = a;
    else out.positional.push(a);
  }
  return out;
}

export function stringOption(args: ParsedArgs, name: string): string | null {
  const v = args.options[name];
  return typeof v === 'string' ? v : null;
}
