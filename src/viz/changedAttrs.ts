/**
 * Attribute writes that skip values already set. Blink treats an SVG attribute written with its
 * own value as a change: the element is laid out again, and writing a <clipPath>'s rect or an
 * <svg>'s font attributes re-lays out every text that uses them (a trace of a head switch at
 * L = 64: about 200 axis labels per switch, most of a 9 ms layout, in the axes that had not
 * changed). d3's `attr` always writes.
 */
import type { BaseType, Selection } from 'd3';

/** Sets each of `attrs` on `node` whose current value differs (compared as strings); null removes one that is there. */
export function setChangedAttrs(node: Element, attrs: Record<string, string | number | null>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
      continue;
    }
    const text = String(value);
    if (node.getAttribute(name) !== text) node.setAttribute(name, text);
  }
}

/** setChangedAttrs on the first node of a d3 selection (none when it is empty). */
export function setChangedSelectionAttrs<E extends BaseType>(selection: Selection<E, unknown, null, undefined>, attrs: Record<string, string | number | null>): void {
  const node = selection.node();
  if (node instanceof Element) setChangedAttrs(node, attrs);
}
