// The only way the timeline webview makes DOM: elements, attributes from a fixed list, and text nodes.
// Article text is untrusted, so nothing here parses HTML (no innerHTML, outerHTML, insertAdjacentHTML, document.write)
// and no attribute that can load or run anything (src, href, style, on*) can be set.

/** The part of `Document` the renderer uses; a tiny shim implements it in tests. */
export interface Doc {
  createElement(tag: string): HTMLElement;
  createTextNode(text: string): Text;
}

const TAGS = new Set(['div', 'span', 'button', 'select', 'option', 'label', 'input', 'details', 'summary', 'aside', 'h2', 'h3', 'p', 'ul', 'li', 'blockquote', 'strong', 'em']);

const ATTRIBUTES = new Set([
  'class',
  'id',
  'role',
  'title',
  'type',
  'value',
  'tabindex',
  'aria-label',
  'aria-pressed',
  'aria-selected',
  'aria-expanded',
  'aria-current',
  'aria-live',
  'aria-hidden',
  'aria-describedby',
  'aria-keyshortcuts',
  'data-testid',
  'data-event-id',
  'data-lane',
  'data-kind',
  'data-modality',
  'data-precision',
  'data-conflict',
  'data-format',
  'data-zoom',
  'data-target',
]);

export type Child = Node | string | null | undefined | false;

/** An element with attributes from the allow-list and children; strings become text nodes. */
export function h(doc: Doc, tag: string, attrs: Record<string, string | number | boolean | null | undefined> = {}, ...children: Child[]): HTMLElement {
  if (!TAGS.has(tag)) throw new Error(`timeline: tag <${tag}> is not allowed`);
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (!ATTRIBUTES.has(name)) throw new Error(`timeline: attribute ${name} is not allowed`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children) append(doc, el, c);
  return el;
}

export function append(doc: Doc, parent: HTMLElement, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  parent.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
}

/** Positions and sizes go through the CSSOM (allowed by the CSP), never through a style attribute. */
export function place(el: HTMLElement, box: { left?: number; top?: number; width?: number; height?: number }): HTMLElement {
  if (box.left !== undefined) el.style.left = `${box.left}px`;
  if (box.top !== undefined) el.style.top = `${box.top}px`;
  if (box.width !== undefined) el.style.width = `${box.width}px`;
  if (box.height !== undefined) el.style.height = `${box.height}px`;
  return el;
}

export function isAllowedAttribute(name: string): boolean {
  return ATTRIBUTES.has(name);
}
