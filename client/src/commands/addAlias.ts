// "Add alias…" on a place: asks for the spelling (prefilled from a mention row), then hands it to the places
// feature's own command, which writes `.dateline/places.json` (one writer per file) and re-analyses; the views
// refresh on the index notification that follows.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EntityNode, PlaceEditArgs, PlaceEditCommand } from '../../../server/src/protocol';

export async function addAlias(_client: LanguageClient, node: EntityNode | undefined): Promise<void> {
  const entity = node?.entity;
  if (!entity || entity.kind !== 'place') return;
  const written = node.role === 'mention' ? node.label : '';
  const alias = await vscode.window.showInputBox({
    title: `Add a spelling of ${entity.name}`,
    prompt: `Dateline will read this spelling as ${entity.name} in every article (saved in .dateline/places.json).`,
    value: written !== entity.name ? written : '',
    validateInput: (v) => (v.trim().length === 0 ? 'Type the spelling as it appears in articles' : v.length > 200 ? 'Too long for a place name' : null),
  });
  if (!alias) return;
  const where = node.location ? vscode.Uri.parse(node.location.uri) : vscode.window.activeTextEditor?.document.uri;
  const folder = (where && vscode.workspace.getWorkspaceFolder(where)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Dateline: open a folder to keep your own spellings (they are saved in .dateline/places.json).');
    return;
  }
  if (!(await vscode.commands.getCommands(true)).includes(PlaceEditCommand)) {
    void vscode.window.showWarningMessage('Dateline: the language server is not ready to save spellings yet.');
    return;
  }
  const args: PlaceEditArgs = { folder: folder.uri.toString(), action: 'alias', spelling: alias.trim(), id: entity.id };
  await vscode.commands.executeCommand(PlaceEditCommand, args);
}
