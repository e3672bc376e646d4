// The Claims view: Claims, grouped by the place they are about.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EntityTreeProvider } from './entityTreeProvider';

export function createClaimsView(client: LanguageClient, memento: vscode.Memento): EntityTreeProvider {
  return new EntityTreeProvider('claims', 'claim', client, memento);
}
