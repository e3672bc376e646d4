// Workspace trees are made with deferred rows (entities.ts RowMode): a row's sentence is read only when the row
// is about to be shown, i.e. when its entity is expanded. These fill such rows in, reading each article once.
import { fillClaimNode } from './claimTree';
import { fillMentionLeaf } from './entities';
import { OutlineArticle, OutlineNode } from './types';

/**
 * Copies of the nodes with every deferred row filled in from its article, as a tree made with full rows has it.
 * Rows are taken article by article (an entity's rows run across many articles, and an indexed article is
 * unpacked to be read). A row whose article is gone (`articleOf` gives nothing) keeps what it has.
 */
export function completeRows<N extends OutlineNode>(nodes: readonly N[], articleOf: (uri: string) => OutlineArticle | undefined): N[] {
  const out = nodes.map((n) => ({ ...n }));
  const byArticle = new Map<string, N[]>();
  for (const n of out) {
    if (!n.deferred || !n.at) continue;
    const list = byArticle.get(n.at.uri);
    if (list) list.push(n);
    else byArticle.set(n.at.uri, [n]);
  }
  for (const [uri, rows] of byArticle) {
    const article = articleOf(uri);
    for (const row of rows) {
      const d = row.deferred!;
      delete row.deferred;
      if (!article) continue;
      try {
        if (d.claim) fillClaimNode(row, article, d.claim);
        else fillMentionLeaf(row, article, d.sentence, d.text);
      } catch {
        // A malformed analysis: the row keeps its label and span rather than failing the whole expansion.
      }
    }
  }
  return out;
}
