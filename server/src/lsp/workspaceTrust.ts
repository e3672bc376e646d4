// Workspace trust: in an untrusted workspace (VS Code's restricted mode) Dateline reads and analyses
// but writes nothing to `.dateline/`. The client says which in initializationOptions and later
// notifications; other editors, which have no such notion, count as trusted.
import { DatelineInitializationOptions, WorkspaceTrustNotification, WorkspaceTrustParams } from '../protocol';
import { ServerContext } from './serverContext';

/** Trust as stated by the client at initialize; anything but an explicit `false` is trusted. */
export function trustFromOptions(options: DatelineInitializationOptions | undefined): boolean {
  return options?.workspaceTrusted !== false;
}

export function registerWorkspaceTrust(ctx: ServerContext): void {
  ctx.connection.onNotification(WorkspaceTrustNotification, (p: WorkspaceTrustParams) => {
    ctx.workspaceTrusted = p?.trusted === true;
  });
}

/** Every writer of `.dateline/` calls this first: null when it may write, else the reason it may not. */
export function cannotWrite(ctx: ServerContext): string | null {
  return ctx.workspaceTrusted ? null : 'this workspace is not trusted: Dateline writes nothing to .dateline/ until you trust it (Manage Workspace Trust)';
}
