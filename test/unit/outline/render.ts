// Renders outline trees as indented lines, the way a reader sees the side panel: "al-Qarayatayn (3) — description".
import { OutlineNode } from '../../../server/src/analysis/outline';

export function renderTree(nodes: OutlineNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    const label = n.count !== null ? `${n.label} (${n.count})` : n.label;
    out.push(`${'  '.repeat(depth)}${label}${n.description ? ` — ${n.description}` : ''}`);
    renderTree(n.children, depth + 1, out);
  }
  return out;
}

/** Groups, entities and claims only (no mention rows, no descriptions): the shape of the tree. */
export function renderShape(nodes: OutlineNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.role === 'mention') continue;
    out.push(`${'  '.repeat(depth)}${n.count !== null ? `${n.label} (${n.count})` : n.label}`);
    renderShape(n.children, depth + 1, out);
  }
  return out;
}

/** Every id in the trees, to check uniqueness and stability. */
export function allIds(nodes: OutlineNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(n.id);
    allIds(n.children, out);
  }
  return out;
}
