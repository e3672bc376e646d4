// A view of grouped entities (Places, Factions, Dates, Claims): asks `dateline/entities` and renders the nodes.
import * as vscode from 'vscode';
import { EntitiesParams, EntitiesRequest, EntitiesResult, EntityKind, EntityNode, Location, Scope } from '../../../server/src/protocol';
import { iconFor } from './icons';
import { ScopedTreeProvider } from './scopedTreeProvider';

/** The command a click on a mention or claim runs; arguments: [Location]. */
export const REVEAL_COMMAND = 'dateline.revealLocation';

/** Items that group others start expanded, so "Syria → Homs → al-Qarayatayn (3)" reads at a glance. */
const EXPANDED_ICONS = new Set(['country', 'province', 'region', 'year', 'group']);

export class EntityTreeProvider extends ScopedTreeProvider<EntityNode> {
  constructor(
    name: string,
    readonly kind: EntityKind,
    ...rest: [ConstructorParameters<typeof ScopedTreeProvider>[1], ConstructorParameters<typeof ScopedTreeProvider>[2]]
  ) {
    super(name, ...rest);
  }

  protected async fetch(scope: Scope, uri: string | undefined): Promise<EntityNode[]> {
    const params: EntitiesParams = { scope, uri, kind: this.kind };
    const result = await this.client.sendRequest<EntitiesResult>(EntitiesRequest, params);
    return result.nodes;
  }

  protected async childrenOf(node: EntityNode): Promise<EntityNode[]> {
    if (node.children.length >= node.childCount) return node.children;
    // Workspace trees come without mention rows; an expanded entity asks for its own.
    const params: EntitiesParams = { scope: this.scope, uri: this.articleUri, kind: this.kind, parent: node.id };
    try {
      const result = await this.client.sendRequest<EntitiesResult>(EntitiesRequest, params);
      node.children = result.nodes;
    } catch {
      // The server restarted or the node went away: the next refresh brings a fresh tree.
    }
    return node.children;
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    const label = node.count !== null ? `${node.label} (${node.count})` : node.label;
    const state =
      node.childCount === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.role === 'group' || EXPANDED_ICONS.has(node.icon)
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(label, state);
    item.id = node.id;
    item.description = node.description ?? undefined;
    // A plain string tooltip: article text is never rendered as Markdown.
    item.tooltip = node.tooltip;
    item.iconPath = iconFor(node.icon);
    item.contextValue = `${node.role}.${node.entity?.kind ?? 'none'}`;
    if (node.location && (node.role === 'mention' || node.role === 'claim')) item.command = revealCommand(node.location);
    return item;
  }
}

export function revealCommand(location: Location): vscode.Command {
  return { command: REVEAL_COMMAND, title: 'Show in article', arguments: [location] };
}

/** Opens the article at a location and selects the mention, leaving focus in the view. */
export async function revealLocation(location: Location | undefined, preserveFocus = true): Promise<void> {
  if (!location?.uri) return;
  const { start, end } = location.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, preserveFocus, preview: true });
}
