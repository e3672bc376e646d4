// The Conflicts view: claims that disagree, grouped by kind (and by place in a large workspace); reviewed
// conflicts stay listed but dimmed.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ConflictClaimInfo, ConflictGroupInfo, ConflictInfo, ConflictKind, ConflictsParams, ConflictsRequest, ConflictsResult, Scope } from '../../../server/src/protocol';
import { revealCommand } from './entityTreeProvider';
import { ScopedTreeProvider } from './scopedTreeProvider';

export type ConflictItem =
  | { type: 'kind'; kind: ConflictKind; count: number; open: number; children: ConflictItem[] }
  | { type: 'group'; group: ConflictGroupInfo }
  | { type: 'conflict'; conflict: ConflictInfo }
  | { type: 'claim'; conflict: ConflictInfo; claim: ConflictClaimInfo; index: number };

const KIND_LABELS: Record<ConflictKind, string> = {
  control: 'Who controls a place',
  extent: 'How much is held',
  date: 'When it happened',
  casualties: 'Casualty figures',
  status: 'Status',
  prediction: 'Predictions and outcomes',
};
const ORDER: ConflictKind[] = ['control', 'extent', 'date', 'casualties', 'status', 'prediction'];

/** Reviewed conflicts carry this URI scheme so the decoration provider can dim their labels. */
export const REVIEWED_SCHEME = 'dateline-reviewed';

export class ConflictsTreeProvider extends ScopedTreeProvider<ConflictItem> {
  // A conflict of the active article appears or goes away when another article is edited.
  protected override readonly dependsOnOtherArticles = true;

  constructor(client: LanguageClient, memento: vscode.Memento) {
    super('conflicts', client, memento);
  }

  protected async fetch(scope: Scope, uri: string | undefined): Promise<ConflictItem[]> {
    const result = await this.request({ scope, uri, includeReviewed: true });
    // A large workspace comes as counts by kind and place; each place's conflicts are asked for when expanded.
    const byKind = new Map<ConflictKind, { count: number; open: number; children: ConflictItem[] }>();
    const kindOf = (kind: ConflictKind) => byKind.get(kind) ?? byKind.set(kind, { count: 0, open: 0, children: [] }).get(kind)!;
    for (const group of result.groups ?? []) {
      const k = kindOf(group.kind);
      k.count += group.conflicts;
      k.open += group.conflicts - group.reviewed;
      k.children.push({ type: 'group', group });
    }
    // Open conflicts first within a kind; reviewed ones sink to the bottom.
    for (const conflict of openFirst(result.conflicts)) {
      const k = kindOf(conflict.kind);
      k.count++;
      if (!conflict.reviewed) k.open++;
      k.children.push({ type: 'conflict', conflict });
    }
    const kinds = [...byKind.keys()].sort((a, b) => rank(a) - rank(b));
    return kinds.map((kind) => ({ type: 'kind', kind, ...byKind.get(kind)! }));
  }

  protected async childrenOf(item: ConflictItem): Promise<ConflictItem[]> {
    if (item.type === 'kind') return item.children;
    try {
      if (item.type === 'group') {
        const result = await this.request({ scope: 'workspace', includeReviewed: true, parent: item.group.id });
        return openFirst(result.conflicts).map((conflict) => ({ type: 'conflict', conflict }));
      }
      if (item.type === 'conflict') return (await this.claimsOf(item.conflict)).map((claim, index) => ({ type: 'claim', conflict: item.conflict, claim, index }));
    } catch {
      // The server restarted or the conflict went away: the next refresh brings a fresh list.
    }
    return [];
  }

  /** A conflict's claims, asked for when it was listed without them (a large workspace); kept on the conflict. */
  async claimsOf(conflict: ConflictInfo): Promise<ConflictClaimInfo[]> {
    if (conflict.claims.length >= conflict.claimCount) return conflict.claims;
    const result = await this.request({ scope: 'workspace', includeReviewed: true, parent: conflict.id });
    conflict.claims = result.conflicts[0]?.claims ?? [];
    // Asked once: a claim whose article changed meanwhile may be left out of the list.
    conflict.claimCount = conflict.claims.length;
    return conflict.claims;
  }

  private request(params: ConflictsParams): Promise<ConflictsResult> {
    return this.client.sendRequest<ConflictsResult>(ConflictsRequest, params);
  }

  getTreeItem(item: ConflictItem): vscode.TreeItem {
    if (item.type === 'kind') {
      const t = new vscode.TreeItem(`${KIND_LABELS[item.kind] ?? item.kind} (${item.count})`, vscode.TreeItemCollapsibleState.Expanded);
      t.id = `conflict:kind:${item.kind}`;
      t.description = item.open === item.count ? undefined : `${item.open} open`;
      t.iconPath = new vscode.ThemeIcon('list-tree');
      t.contextValue = 'group.conflict';
      return t;
    }
    if (item.type === 'group') return groupItem(item.group);
    if (item.type === 'conflict') return conflictItem(item.conflict);
    const { claim, conflict } = item;
    const t = new vscode.TreeItem(`${claim.source}: ${claim.value}`, vscode.TreeItemCollapsibleState.None);
    t.id = `conflict:${conflict.id}/${claim.claimId}#${item.index}`;
    t.description = [claim.dateLabel, claim.modality === 'asserted' ? null : claim.modality, fileName(claim.article.uri)].filter(Boolean).join(' · ');
    t.tooltip = `${claim.sentence}\n\n${claim.summary}\n${[claim.article.headline, claim.article.published].filter(Boolean).join(' · ')}`;
    t.iconPath = new vscode.ThemeIcon('comment', conflict.reviewed ? new vscode.ThemeColor('disabledForeground') : undefined);
    t.contextValue = 'claim.conflict';
    t.command = revealCommand(claim.location);
    if (conflict.reviewed) t.resourceUri = reviewedUri(t.id);
    return t;
  }
}

function groupItem(g: ConflictGroupInfo): vscode.TreeItem {
  const t = new vscode.TreeItem(`${g.place.name} (${g.conflicts})`, vscode.TreeItemCollapsibleState.Collapsed);
  t.id = `conflict:${g.id}`;
  const open = g.conflicts - g.reviewed;
  t.description = open === g.conflicts ? undefined : `${open} open`;
  t.iconPath = new vscode.ThemeIcon('location');
  t.contextValue = 'group.conflict';
  return t;
}

function conflictItem(c: ConflictInfo): vscode.TreeItem {
  const where = [c.place?.name, c.dates].filter(Boolean).join(', ');
  const t = new vscode.TreeItem(where || c.message, vscode.TreeItemCollapsibleState.Collapsed);
  t.id = `conflict:${c.id}`;
  const sources = c.sources.join(' vs ');
  const outcome = c.outcome === 'fulfilled' ? 'fulfilled' : c.outcome === 'not-fulfilled' ? 'not fulfilled' : null;
  t.description = [c.reviewed ? 'reviewed' : null, outcome, sources].filter(Boolean).join(' · ');
  t.tooltip = `${c.message}${c.reviewed ? '\n\nMarked as reviewed.' : ''}`;
  t.iconPath = c.reviewed ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('disabledForeground')) : new vscode.ThemeIcon(c.severity === 'error' ? 'error' : 'warning', severityColor(c.severity));
  t.contextValue = c.reviewed ? 'conflict.reviewed' : 'conflict.open';
  if (c.claims[0]) t.command = revealCommand(c.claims[0].location);
  if (c.reviewed) t.resourceUri = reviewedUri(t.id);
  return t;
}

function severityColor(severity: ConflictInfo['severity']): vscode.ThemeColor | undefined {
  if (severity === 'error') return new vscode.ThemeColor('list.errorForeground');
  if (severity === 'warning') return new vscode.ThemeColor('list.warningForeground');
  return undefined;
}

function reviewedUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: REVIEWED_SCHEME, path: `/${encodeURIComponent(id)}` });
}

/** Dims the labels of reviewed conflicts (tree items cannot colour their labels any other way). */
export class ReviewedDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== REVIEWED_SCHEME) return undefined;
    return { color: new vscode.ThemeColor('disabledForeground'), tooltip: 'Reviewed', propagate: false };
  }
}

/** The conflict behind an item (the conflict itself, or one of its claims). */
export function conflictOf(item: ConflictItem | undefined): ConflictInfo | undefined {
  return item && (item.type === 'conflict' || item.type === 'claim') ? item.conflict : undefined;
}

/** Open conflicts first, reviewed ones after, each in the server's order. */
function openFirst(conflicts: ConflictInfo[]): ConflictInfo[] {
  return [...conflicts].sort((a, b) => Number(a.reviewed) - Number(b.reviewed));
}

function rank(kind: ConflictKind): number {
  const i = ORDER.indexOf(kind);
  return i < 0 ? ORDER.length : i;
}

function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
