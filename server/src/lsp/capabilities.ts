import { InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from './semanticTokens';
import { MarkReviewedCommand, PlaceEditCommand, FactionEditCommand } from '../protocol';

/** What the server offers; features register their handlers in startServer. */
export function capabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    inlayHintProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    executeCommandProvider: { commands: [MarkReviewedCommand, PlaceEditCommand, FactionEditCommand] },
    documentSymbolProvider: { label: 'Dateline' },
    workspaceSymbolProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
  };
}
