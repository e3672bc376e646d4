// Claims grouped by the place they are about, each group in date order: who says what happened where.
import { Claim } from '../types';
import { byLabel, plural, readingOrder, sentenceText, shorten, spanIn, whereLine } from './articleText';
import { countLeaves, groupNode, RowMode } from './entities';
import { ClaimRow, OutlineArticle, OutlineNode, OutlineTree } from './types';

const MODALITY_WORDS: Record<Claim['modality'], string> = { asserted: '', reported: 'reported', predicted: 'predicted', denied: 'denied' };

interface Placed extends ClaimRow {
  sortDate: string;
  order: number;
}

/** Claims by place (alphabetical, claims without a place last), each place's claims by date then reading order. */
export function claimTree(articles: readonly OutlineArticle[], mode: RowMode): OutlineTree {
  const groups = new Map<string, { label: string; claims: Placed[] }>();
  let order = 0;
  for (const article of readingOrder(articles)) {
    const seen = new Map<string, number>();
    for (const claim of article.analysis.claims) {
      // Claim ids are unique within an article in principle; a repeated sentence still gets its own item.
      const n = seen.get(claim.id) ?? 0;
      seen.set(claim.id, n + 1);
      const key = claim.place?.id ?? '-';
      const g = groups.get(key) ?? { label: claim.place?.name ?? 'No place named', claims: [] };
      groups.set(key, g);
      g.claims.push({ article, claim, repeat: n, sortDate: claim.time?.from ?? claim.time?.value ?? '9999', order: order++ });
    }
  }
  const nodes = [...groups.entries()]
    .map(([key, g]) => {
      const sorted = g.claims.sort((a, b) => (a.sortDate !== b.sortDate ? (a.sortDate < b.sortDate ? -1 : 1) : a.order - b.order));
      const about = key === '-' ? 'Claims that name no place' : `Claims about ${g.label}`;
      // A deferred tree keeps the claims as they are (a workspace has hundreds of thousands): their rows are
      // made when the place is expanded (treePaging.ts withRows).
      const rows = mode === 'full' ? sorted.map((p) => claimNode(p.article, p.claim, p.repeat, mode)) : [];
      const node = groupNode(`claim:place:${key}`, g.label, key === '-' ? 'group' : 'place', rows, 'claim', about);
      if (mode === 'deferred') {
        node.claims = sorted.map(({ article, claim, repeat }) => ({ article, claim, repeat }));
        node.tooltip = `${about}\n${plural(sorted.length, 'claim')}`;
        node.at = sorted.length ? { uri: sorted[0].article.uri, start: sorted[0].claim.start, end: sorted[0].claim.end } : null;
      }
      // The count is in the label ("Raqqa (3)"); a "3 claims" description would only repeat it.
      node.count = sorted.length;
      node.description = null;
      return node;
    })
    .sort((a, b) => {
      const ao = a.id === 'claim:place:-';
      const bo = b.id === 'claim:place:-';
      return ao !== bo ? (ao ? 1 : -1) : byLabel(a, b);
    });
  return { nodes, total: countLeaves(nodes) };
}

/** A claim as a tree row (left for completeRows to fill in when deferred). */
export function claimNode(article: OutlineArticle, claim: Claim, repeat: number, mode: RowMode): OutlineNode {
  const modality = MODALITY_WORDS[claim.modality] ?? '';
  const node: OutlineNode = {
    id: `claim:${article.uri}#${claim.id}${repeat ? `~${repeat}` : ''}`,
    label: claim.summary + extentWords(claim),
    count: null,
    description: [claim.source?.name, claim.time?.label ?? 'undated', modality].filter(Boolean).join(' · '),
    tooltip: claim.summary,
    icon: 'claim',
    role: 'claim',
    entity: { kind: 'claim', id: claim.id, name: claim.summary },
    at: { uri: article.uri, start: claim.start, end: claim.end },
    children: [],
  };
  if (mode === 'deferred') node.deferred = { sentence: claim.sentence, text: '', claim };
  else fillClaimNode(node, article, claim);
  return node;
}

/** What a claim row reads of its article: its sentence (the label too when the claim has no summary), its span clamped. */
export function fillClaimNode(node: OutlineNode, article: OutlineArticle, claim: Claim): void {
  const sentence = sentenceText(article, claim.sentence) || article.text.slice(claim.start, claim.end);
  const modality = MODALITY_WORDS[claim.modality] ?? '';
  node.label = (claim.summary || shorten(sentence, 80)) + extentWords(claim);
  node.tooltip = `${sentence}\n\nAccording to ${claim.source?.name ?? 'the article'}${modality ? ` (${modality})` : ''}\n${whereLine(article, claim.start)}`;
  node.at = spanIn(article, claim);
}

function extentWords(claim: Claim): string {
  return claim.extent?.kind === 'partial' ? ` (partial${claim.extent.text ? `: ${claim.extent.text}` : ''})` : '';
}
