// The Places view: country → province → place.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EntityTreeProvider } from './entityTreeProvider';

export function createPlacesView(client: LanguageClient, memento: vscode.Memento): EntityTreeProvider {
  return new EntityTreeProvider('places', 'place', client, memento);
}
