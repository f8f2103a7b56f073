/**
 * typesetCache.ts: a formula typeset once is shown again as a copy of its nodes, without running the
 * typesetter; other formulas, and formulas dropped from the full cache, are typeset again. Tested
 * with stand-in elements (a tree of named nodes with replaceChildren and a deep cloneNode).
 */
import { describe, expect, test } from 'vitest';
import { createTypesetCache } from '../../src/ui/typesetCache';

/** A stand-in DOM node: a name and children; cloneNode(true) copies the whole tree. */
class FakeNode {
  childNodes: FakeNode[] = [];
  constructor(readonly name: string) {}
  replaceChildren(...nodes: FakeNode[]) {
    this.childNodes = nodes;
  }
  cloneNode(): FakeNode {
    const copy = new FakeNode(this.name);
    copy.childNodes = this.childNodes.map((c) => c.cloneNode());
    return copy;
  }
  /** The tree as text, e.g. "span(mi(x),mo(=))". */
  text(): string {
    return this.childNodes.length ? `${this.name}(${this.childNodes.map((c) => c.text()).join(',')})` : this.name;
  }
}

const host = () => new FakeNode('span') as unknown as HTMLElement & FakeNode;

/** A typesetter that counts its runs and fills the host with one node per character of `tex`. */
function counter() {
  const runs: string[] = [];
  const typeset = (tex: string) => (h: HTMLElement) => {
    runs.push(tex);
    (h as unknown as FakeNode).replaceChildren(new FakeNode('math'), ...Array.from(tex, (c) => new FakeNode(c)));
  };
  return { runs, typeset };
}

describe('createTypesetCache', () => {
  test('a formula shown again is a copy of the first output; the typesetter runs once', () => {
    const cache = createTypesetCache();
    const { runs, typeset } = counter();
    const first = host();
    cache.show(first, 'x=1', typeset('x=1'));
    const second = host();
    second.replaceChildren(new FakeNode('stale') as unknown as Node);
    cache.show(second, 'x=1', typeset('x=1'));
    expect(runs).toEqual(['x=1']);
    expect(second.text()).toBe(first.text());
    expect(second.text()).toBe('span(math,x,=,1)');
    // a copy, not the same nodes: the first host keeps its own
    expect(second.childNodes[1]).not.toBe(first.childNodes[1]);
    expect(first.text()).toBe('span(math,x,=,1)');
  });

  test('the output kept is a copy: changing a host later does not change what is shown next', () => {
    const cache = createTypesetCache();
    const { typeset } = counter();
    const first = host();
    cache.show(first, 'ab', typeset('ab'));
    first.childNodes[1]!.replaceChildren(new FakeNode('changed'));
    const again = host();
    cache.show(again, 'ab', typeset('ab'));
    expect(again.text()).toBe('span(math,a,b)');
  });

  test('another key is typeset; a full cache drops the least recently shown formulas', () => {
    const cache = createTypesetCache(2);
    const { runs, typeset } = counter();
    for (const tex of ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'a']) cache.show(host(), tex, typeset(tex));
    // 'a' shown again at once is a copy; after four other formulas (over twice the size: quick-lru
    // keeps up to 2 × maxSize across its two generations) it is gone and typeset again
    expect(runs).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'a']);
  });

  test('what the typesetter throws is passed on and nothing is kept', () => {
    const cache = createTypesetCache();
    const { runs, typeset } = counter();
    expect(() => cache.show(host(), 'bad', () => {
      throw new Error('KaTeX failed');
    })).toThrow('KaTeX failed');
    cache.show(host(), 'bad', typeset('bad'));
    expect(runs).toEqual(['bad']);
  });
});
