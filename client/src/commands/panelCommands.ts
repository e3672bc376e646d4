// Context-menu commands of the Dateline views: Find all mentions, Copy as citation, Add alias, Mark as reviewed.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import {
  CitationParams,
  CitationRequest,
  CitationResult,
  EntityNode,
  Location,
  MarkReviewedParams,
  MarkReviewedRequest,
  MarkReviewedResult,
  MentionsParams,
  MentionsRequest,
  MentionsResult,
} from '../../../server/src/protocol';
import { ConflictItem, conflictOf } from '../views/conflictsView';
import { revealLocation } from '../views/entityTreeProvider';
import { DatelineViews } from '../views/registerViews';
import { addAlias } from './addAlias';

type Item = EntityNode | ConflictItem;

export function registerPanelCommands(context: vscode.ExtensionContext, client: LanguageClient, views: DatelineViews, refreshStatus: () => Promise<void>): void {
  const markReviewed = async (item: ConflictItem | undefined, reviewed: boolean) => {
    const conflict = conflictOf(item);
    if (!conflict) return;
    const params: MarkReviewedParams = { conflictId: conflict.id, reviewed };
    const r = await client.sendRequest<MarkReviewedResult>(MarkReviewedRequest, params);
    if (!r.ok) void vscode.window.showErrorMessage(`Dateline: could not mark the conflict: ${r.error ?? 'unknown error'}`);
    views.conflicts.refresh();
    await refreshStatus();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('dateline.findAllMentions', (node: EntityNode | undefined) => findAllMentions(client, node)),
    vscode.commands.registerCommand('dateline.copyCitation', (item: Item | undefined) => copyCitation(client, views, item)),
    vscode.commands.registerCommand('dateline.addAlias', (node: EntityNode | undefined) => addAlias(client, node)),
    vscode.commands.registerCommand('dateline.markReviewed', (item: ConflictItem | undefined) => markReviewed(item, true)),
    vscode.commands.registerCommand('dateline.markNotReviewed', (item: ConflictItem | undefined) => markReviewed(item, false)),
  );
}

/** Every mention of the item's entity across the workspace, in the references peek. */
async function findAllMentions(client: LanguageClient, node: EntityNode | undefined): Promise<void> {
  const entity = node?.entity;
  if (!entity) return;
  if (entity.kind === 'claim') return revealLocation(node.location ?? undefined, false);
  const params: MentionsParams = { kind: entity.kind, id: entity.id };
  const { locations } = await client.sendRequest<MentionsResult>(MentionsRequest, params);
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(`Dateline: no mentions of ${entity.name} in the workspace.`);
    return;
  }
  const at = node.location ?? locations[0];
  await revealLocation(at, false);
  const toVs = (l: Location) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(at.uri), toVs(at).range.start, locations.map(toVs));
}

/** “sentence” — source, date, file, line n, onto the clipboard. */
async function copyCitation(client: LanguageClient, views: DatelineViews, item: Item | undefined): Promise<void> {
  const location = !item ? null : 'type' in item ? await conflictItemLocation(views, item) : item.location;
  if (!location) return;
  const params: CitationParams = { location };
  const c = await client.sendRequest<CitationResult | null>(CitationRequest, params);
  if (!c) {
    void vscode.window.showWarningMessage('Dateline: that article is no longer available.');
    return;
  }
  await vscode.env.clipboard.writeText(c.text);
  vscode.window.setStatusBarMessage(`Dateline: citation copied (${c.file}, line ${c.line})`, 4000);
}

/** A claim's location, or a conflict's first claim's (its claims are asked for when not listed yet). */
async function conflictItemLocation(views: DatelineViews, item: ConflictItem): Promise<Location | null> {
  if (item.type === 'claim') return item.claim.location;
  if (item.type !== 'conflict') return null;
  return (await views.conflicts.claimsOf(item.conflict))[0]?.location ?? null;
}
