// "Add alias…" on a place or faction: asks for the spelling, then hands it to the feature that owns the user's
// dictionary for that kind (places: the user gazetteer; factions: the user factions file). This view never writes
// those files itself, so there is one writer per file.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EntityNode } from '../../../server/src/protocol';

/** Commands the dictionary owners register, tried in order; each takes { kind, id, name, alias }. */
const DELEGATES: Record<string, string[]> = {
  place: ['dateline.addPlaceAlias'],
  faction: ['dateline.addFactionAlias'],
};

export async function addAlias(_client: LanguageClient, node: EntityNode | undefined): Promise<void> {
  const entity = node?.entity;
  if (!entity || (entity.kind !== 'place' && entity.kind !== 'faction')) return;
  const written = node.role === 'mention' ? node.label : '';
  const alias = await vscode.window.showInputBox({
    title: `Add a spelling for ${entity.name}`,
    prompt: `Dateline will recognise this spelling as ${entity.name} in every article.`,
    value: written !== entity.name ? written : '',
    validateInput: (v) => (v.trim().length === 0 ? 'Type the spelling as it appears in articles' : v.length > 200 ? 'Too long for a name' : null),
  });
  if (!alias) return;
  const available = new Set(await vscode.commands.getCommands(true));
  const delegate = DELEGATES[entity.kind].find((c) => available.has(c));
  if (!delegate) {
    void vscode.window.showWarningMessage(`Dateline: adding ${entity.kind} aliases is not available in this version.`);
    return;
  }
  await vscode.commands.executeCommand(delegate, { kind: entity.kind, id: entity.id, name: entity.name, alias: alias.trim() });
}
