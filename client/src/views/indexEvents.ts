// One subscription to `dateline/indexChanged`, shared by every view and the status bar.
// The language client keeps a single handler per notification method (the last registration wins), so features
// must not each call client.onNotification for it: they subscribe here instead.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { IndexChangedNotification, IndexChangedParams } from '../../../server/src/protocol';

const hubs = new WeakMap<LanguageClient, vscode.EventEmitter<IndexChangedParams>>();

/** Fires on every `dateline/indexChanged` from the server (articles added, edited, removed; conflicts changed). */
export function onIndexChanged(context: vscode.ExtensionContext, client: LanguageClient): vscode.Event<IndexChangedParams> {
  let hub = hubs.get(client);
  if (!hub) {
    const emitter = new vscode.EventEmitter<IndexChangedParams>();
    hub = emitter;
    hubs.set(client, emitter);
    context.subscriptions.push(emitter, client.onNotification(IndexChangedNotification, (p: IndexChangedParams) => emitter.fire(p)));
  }
  return hub.event;
}
