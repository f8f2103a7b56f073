/** setChangedAttrs (src/viz/changedAttrs.ts): writes only the attributes whose value differs. */
import { describe, expect, test } from 'vitest';
import { setChangedAttrs } from '../../src/viz/changedAttrs';

/** The Element methods setChangedAttrs uses, logging every write. */
function fakeElement(initial: Record<string, string>) {
  const attrs = new Map(Object.entries(initial));
  const log: string[] = [];
  const node = {
    getAttribute: (name: string) => attrs.get(name) ?? null,
    hasAttribute: (name: string) => attrs.has(name),
    setAttribute: (name: string, value: string) => {
      log.push(`set ${name}=${value}`);
      attrs.set(name, value);
    },
    removeAttribute: (name: string) => {
      log.push(`remove ${name}`);
      attrs.delete(name);
    },
  };
  return { node: node as unknown as Element, attrs, log };
}

describe('setChangedAttrs', () => {
  test('writes a changed or new value, skips one equal as a string (12 and "12"), removes for null only what is there', () => {
    const { node, attrs, log } = fakeElement({ width: '12', height: '5', 'aria-hidden': 'true' });
    setChangedAttrs(node, { width: 12, height: 6, x: 0, 'aria-hidden': null, 'font-size': null });
    expect(log).toEqual(['set height=6', 'set x=0', 'remove aria-hidden']);
    expect(Object.fromEntries(attrs)).toEqual({ width: '12', height: '6', x: '0' });
  });
  test('a second call with the same attributes writes nothing', () => {
    const { node, log } = fakeElement({});
    setChangedAttrs(node, { transform: 'translate(3,4)', 'font-size': 13 });
    setChangedAttrs(node, { transform: 'translate(3,4)', 'font-size': 13 });
    expect(log).toEqual(['set transform=translate(3,4)', 'set font-size=13']);
  });
});
