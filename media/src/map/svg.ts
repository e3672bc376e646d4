// SVG elements for the map, with the same discipline as the timeline's dom.ts: a fixed list of tags and attributes,
// text only through text nodes. Path data and coordinates are numbers we computed, never article text.
const NS = 'http://www.w3.org/2000/svg';
const TAGS = new Set(['svg', 'g', 'path', 'circle', 'text', 'title', 'rect', 'line', 'defs', 'pattern']);
const ATTRIBUTES = new Set([
  'class', 'd', 'cx', 'cy', 'r', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height', 'viewBox', 'role', 'aria-label', 'tabindex',
  'data-testid', 'data-place-id', 'text-anchor', 'focusable', 'id', 'patternUnits', 'patternTransform', 'xmlns', 'fill', 'stroke', 'stroke-width',
]);

export interface SvgDoc {
  createElementNS(ns: string, tag: string): Element;
  createTextNode(text: string): Text;
}

export function svg(doc: SvgDoc, tag: string, attrs: Record<string, string | number | null | undefined> = {}, ...children: (Node | string | null)[]): SVGElement {
  if (!TAGS.has(tag)) throw new Error(`map: tag <${tag}> is not allowed`);
  const el = doc.createElementNS(NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (!ATTRIBUTES.has(k)) throw new Error(`map: attribute ${k} is not allowed`);
    el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null) el.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
  return el;
}
