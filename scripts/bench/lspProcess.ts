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

/** Asks the server to shut down (waiting at most 2 s), then closes the connection and kills the process. */
export async function stopServer(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  try {
    await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await connection.sendNotification('exit');
  } catch {
    // gone already
  }
  connection.dispose();
  child.kill();
}
