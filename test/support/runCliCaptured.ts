// Runs the CLI in-process with its two writers captured, for the CLI tests.
import { runCli } from '../../server/src/cli/main';

/** Exit code, stdout and stderr of `dateline <argv…>`. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, (s) => (out += s + '\n'), (s) => (err += s + '\n'));
  return { code, out, err };
}
