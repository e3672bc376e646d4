// The Dates view: Dates in calendar order, by year.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EntityTreeProvider } from './entityTreeProvider';

export function createDatesView(client: LanguageClient, memento: vscode.Memento): EntityTreeProvider {
  return new EntityTreeProvider('dates', 'date', client, memento);
}
