// One failing handler must fail its own request only: every handler registered on the connection is
// wrapped so an exception becomes a ResponseError for that request (logged with its stack), and an
// exception in a notification handler is logged and dropped. The server keeps serving either way.
import { Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { MarkReviewedRequest, ReanalyzeRequest } from '../protocol';
import { cancelledError, tokenIn } from './cancellation';

type Log = (message: string) => void;
type AnyFn = (...args: unknown[]) => unknown;

/**
 * Wraps a request handler: a thrown error or rejected promise becomes a ResponseError with a clear message, and a
 * request cancelled before it runs or while it ran is answered with RequestCancelled instead of a stale result.
 * `effects`: the handler changes state (marks reviewed, reanalyses); once it has run its answer says what it did.
 */
export function safeHandler<F extends AnyFn>(name: string, handler: F, log: Log, effects = false): F {
  const wrapped = async (...args: unknown[]) => {
    const token = tokenIn(args);
    if (token?.isCancellationRequested) throw cancelledError(name);
    try {
      const result = await handler(...args);
      if (!effects && token?.isCancellationRequested) throw cancelledError(name);
      return result;
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      log(`Dateline: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Dateline: ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return wrapped as unknown as F;
}

/** Wraps a notification handler: errors are logged, never thrown back into the connection. */
export function safeListener<F extends AnyFn>(name: string, handler: F, log: Log): F {
  const wrapped = (...args: unknown[]) => {
    const fail = (err: unknown) => log(`Dateline: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    try {
      const r = handler(...args);
      if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(undefined, fail);
    } catch (err) {
      fail(err);
    }
  };
  return wrapped as unknown as F;
}

/** Registration methods whose handlers answer a request (name shown in error messages). */
const REQUESTS: Record<string, string> = {
  onHover: 'hover',
  onDefinition: 'definition',
  onReferences: 'references',
  onDocumentSymbol: 'document symbols',
  onWorkspaceSymbol: 'workspace symbols',
  onCodeAction: 'code action',
  onCodeLens: 'code lens',
  onCompletion: 'completion',
  onDocumentHighlight: 'document highlight',
  onFoldingRanges: 'folding ranges',
  onRenameRequest: 'rename',
  onPrepareRename: 'prepare rename',
  onExecuteCommand: 'command',
  onDocumentLinks: 'document links',
  onSignatureHelp: 'signature help',
  onSelectionRanges: 'selection ranges',
};
/** Requests that change state (see safeHandler `effects`). */
const EFFECT_REQUESTS = new Set(['workspace/executeCommand', ReanalyzeRequest, MarkReviewedRequest]);
const NOTIFICATIONS = ['onDidChangeWatchedFiles', 'onDidChangeConfiguration', 'onInitialized'];
const LANGUAGE_FEATURES = ['semanticTokens', 'inlayHint', 'inlineValue', 'diagnostics'];

/**
 * Patches a connection's registration methods so that every handler registered afterwards is wrapped.
 * Call once, before any feature registers (startServer does).
 */
export function guardConnection(connection: Connection, log: Log): void {
  // A stray rejected promise (e.g. a message the client declined) is logged; by default Node would exit.
  process.on('unhandledRejection', (reason) => log(`Dateline: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  const patch = (target: Record<string, unknown>, method: string, wrap: (fn: AnyFn, args: unknown[]) => AnyFn) => {
    const original = target[method];
    if (typeof original !== 'function') return;
    target[method] = (...args: unknown[]) => original.apply(target, args.map((a) => (typeof a === 'function' ? wrap(a as AnyFn, args) : a)));
  };
  const c = connection as unknown as Record<string, unknown>;
  for (const [method, name] of Object.entries(REQUESTS)) patch(c, method, (fn) => safeHandler(name, fn, log, method === 'onExecuteCommand'));
  for (const method of NOTIFICATIONS) patch(c, method, (fn) => safeListener(method, fn, log));
  patch(c, 'onRequest', (fn, args) => {
    const method = methodName(args[0], 'request');
    return safeHandler(method, fn, log, EFFECT_REQUESTS.has(method));
  });
  patch(c, 'onNotification', (fn, args) => safeListener(methodName(args[0], 'notification'), fn, log));
  const languages = connection.languages as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const feature of LANGUAGE_FEATURES) {
    // These are getters returning a fresh object each time: pin one patched instance as an own property.
    const api = languages[feature];
    if (!api) continue;
    for (const method of ['on', 'onDelta', 'onRange', 'resolve']) patch(api, method, (fn) => safeHandler(`${feature} ${method}`, fn, log));
    Object.defineProperty(languages, feature, { value: api, configurable: true });
  }
}

function methodName(first: unknown, fallback: string): string {
  if (typeof first === 'string') return first;
  const method = (first as { method?: unknown } | null)?.method;
  return typeof method === 'string' ? method : fallback;
}
