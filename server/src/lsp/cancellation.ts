// Cancellation ($/cancelRequest): the editor cancels a request when its answer is no longer wanted (the user
// typed on, closed the panel, moved the cursor). A cancelled request is answered with RequestCancelled and
// no stale result; loops over many articles check the token between articles so a cancel stops them early.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** The cancellation token among a handler's arguments (its position differs per request kind), if any. */
export function tokenIn(args: readonly unknown[]): CancellationToken | undefined {
  for (const a of args) if (CancellationToken.is(a)) return a;
  return undefined;
}

/** The error a cancelled request is answered with. */
export function cancelledError(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `Dateline: ${name} cancelled`);
}

/** Throws RequestCancelled when the token is cancelled; call between articles in long loops. */
export function throwIfCancelled(token: CancellationToken | undefined, name = 'request'): void {
  if (token?.isCancellationRequested) throw cancelledError(name);
}
