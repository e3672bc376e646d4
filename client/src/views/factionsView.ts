// The Factions view: Factions by kind, then the sources quoted.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EntityTreeProvider } from './entityTreeProvider';

export function createFactionsView(client: LanguageClient, memento: vscode.Memento): EntityTreeProvider {
  return new EntityTreeProvider('factions', 'faction', client, memento);
}
