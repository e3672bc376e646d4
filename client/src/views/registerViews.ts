// Creates the Dateline views (Places, Factions, Dates, Claims, Conflicts), their scope toggles, and wires their
// refreshes to the server's `dateline/indexChanged` notification and to the active editor. No polling.
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { Location, Scope } from '../../../server/src/protocol';
import { createClaimsView } from './claimsView';
import { ConflictsTreeProvider, ReviewedDecorations } from './conflictsView';
import { createDatesView } from './datesView';
import { REVEAL_COMMAND, revealLocation } from './entityTreeProvider';
import { createFactionsView } from './factionsView';
import { onIndexChanged } from './indexEvents';
import { createPlacesView } from './placesView';
import { ScopedTreeProvider } from './scopedTreeProvider';

export interface DatelineViews {
  all: ScopedTreeProvider<unknown>[];
  conflicts: ConflictsTreeProvider;
  refreshAll(): void;
}

export function registerViews(context: vscode.ExtensionContext, client: LanguageClient): DatelineViews {
  const memento = context.workspaceState;
  const conflicts = new ConflictsTreeProvider(client, memento);
  const providers: ScopedTreeProvider<any>[] = [
    createPlacesView(client, memento),
    createFactionsView(client, memento),
    createDatesView(client, memento),
    createClaimsView(client, memento),
    conflicts,
  ];
  const views = new Map<ScopedTreeProvider<any>, vscode.TreeView<any>>();

  for (const provider of providers) {
    const view = vscode.window.createTreeView(provider.viewId, { treeDataProvider: provider, showCollapseAll: true });
    views.set(provider, view);
    context.subscriptions.push(provider, view);
    provider.messageSink = (message) => (view.message = message);
    describeScope(provider, view);
    provider.onDidChangeTreeData(() => describeScope(provider, view));
    for (const scope of ['article', 'workspace'] as Scope[]) {
      const command = `${provider.viewId}.show${scope === 'article' ? 'Article' : 'Workspace'}`;
      context.subscriptions.push(vscode.commands.registerCommand(command, () => provider.setScope(scope)));
    }
  }

  context.subscriptions.push(
    vscode.window.registerFileDecorationProvider(new ReviewedDecorations()),
    vscode.commands.registerCommand(REVEAL_COMMAND, (location: Location) => revealLocation(location)),
    onIndexChanged(context, client)((e) => providers.forEach((p) => p.indexChanged(e))),
    vscode.window.onDidChangeActiveTextEditor((editor) => providers.forEach((p) => p.activeEditorChanged(editor))),
    // Views asked before the server ran show their welcome text; fill them once it is up.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) providers.forEach((p) => p.refresh());
    }),
  );

  return { all: providers, conflicts, refreshAll: () => providers.forEach((p) => p.refresh()) };
}

/** The view header says what it shows: "all articles" or the active article's file name. */
function describeScope(provider: ScopedTreeProvider<unknown>, view: vscode.TreeView<unknown>): void {
  if (provider.scope === 'workspace') {
    view.description = 'all articles';
    return;
  }
  const uri = provider.activeArticle;
  view.description = uri ? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) : 'no article open';
}
