// Registers the outline, navigation and side-panel handlers in one call, so startServer stays a list of features.
import { ServerContext } from '../serverContext';
import { registerDefinition, UserEntryLocator } from './definitionHandler';
import { registerDocumentSymbols } from './documentSymbolsHandler';
import { registerEntityRequests } from './entityRequestsHandler';
import { registerReferences } from './referencesHandler';
import { registerWorkspaceSymbols } from './workspaceSymbolsHandler';
import { userEntryLocator } from './userEntryLocator';

export function registerNavigation(ctx: ServerContext, userEntry?: UserEntryLocator): void {
  registerDocumentSymbols(ctx);
  registerWorkspaceSymbols(ctx);
  registerDefinition(ctx, userEntry ?? userEntryLocator(ctx));
  registerReferences(ctx);
  registerEntityRequests(ctx);
}
