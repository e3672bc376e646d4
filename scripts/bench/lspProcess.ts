// What the benchmark's LSP session and the tests' LSP client share: polling until the server has done
// something, and stopping it politely (shutdown, exit) before killing it.
import { ChildProcess } from 'node:child_process';
import { ProtocolConnection } from 'vscode-languageserver-protocol/node';

/** Resolves with the predicate's first truthy value, checked every `stepMs`; rejects after `timeoutMs`. */
export async function pollUntil<T>(what: string, predicate: () => T | undefined | null | false, timeoutMs: number, stepMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = predicate();
    if (v) return v;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Asks the server to shut down (waiting at most 2 s), then waits for it to exit (at most 2 s) before killing it. */
export async function stopServer(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  try {
    await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await connection.sendNotification('exit');
    // Given a moment to exit by itself (so a profiling server writes its profile), then killed.
    if (child.exitCode === null) await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
  } catch {
    // gone already
  }
  connection.dispose();
  if (child.exitCode === null) child.kill();
}
