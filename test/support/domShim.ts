// A tiny DOM for testing webview renderers without a browser: elements, text nodes, attributes, CSSOM style,
// listeners. Anything that would parse HTML (innerHTML, outerHTML, insertAdjacentHTML) throws, so a renderer that
// reaches for it fails its test.

export class ShimText {
  readonly nodeType = 3;
  constructor(public data: string) {}
  get textContent(): string {
    return this.data;
  }
}

export class ShimElement {
  readonly nodeType = 1;
  readonly tagName: string;
  readonly childNodes: (ShimElement | ShimText)[] = [];
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> = {};
  readonly listeners = new Map<string, ((e: unknown) => void)[]>();
  checked = false;
  value = '';

  constructor(tag: string) {
    this.tagName = tag.toUpperCase();
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name.toLowerCase(), String(value));
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name.toLowerCase()) ?? null;
  }

  appendChild<T extends ShimElement | ShimText>(child: T): T {
    if (!(child instanceof ShimElement) && !(child instanceof ShimText)) throw new Error(`appendChild of a non-node: ${String(child)}`);
    this.childNodes.push(child);
    return child;
  }

  append(...children: (ShimElement | ShimText | string)[]): void {
    for (const c of children) this.appendChild(typeof c === 'string' ? new ShimText(c) : c);
  }

  addEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }

  /** Runs the listeners of an event type, as a click or change would. */
  dispatch(type: string): void {
    for (const fn of this.listeners.get(type) ?? []) fn({ type, target: this });
  }

  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }

  set textContent(s: string) {
    this.childNodes.length = 0;
    this.childNodes.push(new ShimText(s));
  }

  set innerHTML(_s: string) {
    throw new Error('innerHTML used: article text must never be parsed as HTML');
  }

  set outerHTML(_s: string) {
    throw new Error('outerHTML used');
  }

  insertAdjacentHTML(): void {
    throw new Error('insertAdjacentHTML used');
  }

  /** Every element below (and including) this one, depth first. */
  *walk(): Generator<ShimElement> {
    yield this;
    for (const c of this.childNodes) if (c instanceof ShimElement) yield* c.walk();
  }

  /** Every text node below this one. */
  *texts(): Generator<ShimText> {
    for (const c of this.childNodes) {
      if (c instanceof ShimText) yield c;
      else yield* c.texts();
    }
  }
}

export const shimDocument = {
  createElement: (tag: string) => new ShimElement(tag),
  createTextNode: (text: string) => new ShimText(text),
};
