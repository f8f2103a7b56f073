/**
 * A minimal DOM for unit tests in Node of code that builds SVG with DOM calls (viz/figureSvg.ts):
 * createElementNS, setAttribute/getAttribute, append, textContent, and a canvas whose getContext
 * returns null (so text.ts measures 0.6 em per character). Plus `find` to query the tree.
 */
export interface FakeElement {
  namespaceURI: string | null;
  tagName: string;
  attributes: Map<string, string>;
  children: FakeElement[];
  textContent: string;
  ownerDocument: FakeDocument;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  append(...nodes: FakeElement[]): void;
  getContext(kind: string): null;
}

export interface FakeDocument {
  createElementNS(ns: string, name: string): FakeElement;
  createElement(name: string): FakeElement;
}

export function fakeDocument(): FakeDocument {
  const doc: FakeDocument = {
    createElementNS: (ns, name) => element(ns, name),
    createElement: (name) => element(null, name),
  };
  function element(ns: string | null, tagName: string): FakeElement {
    return {
      namespaceURI: ns,
      tagName,
      attributes: new Map(),
      children: [],
      textContent: '',
      ownerDocument: doc,
      setAttribute(name, value) {
        this.attributes.set(name, value);
      },
      getAttribute(name) {
        return this.attributes.get(name) ?? null;
      },
      append(...nodes) {
        this.children.push(...nodes);
      },
      getContext: () => null,
    };
  }
  return doc;
}

/** Every element under (and including) `root` for which `test` holds, in document order. */
export function find(root: FakeElement, test: (e: FakeElement) => boolean): FakeElement[] {
  const out: FakeElement[] = test(root) ? [root] : [];
  for (const child of root.children) out.push(...find(child, test));
  return out;
}

/** Elements with this tag and (optionally) this class. */
export function byTag(root: FakeElement, tag: string, className?: string): FakeElement[] {
  return find(root, (e) => e.tagName === tag && (className === undefined || (e.getAttribute('class') ?? '').split(' ').includes(className)));
}
