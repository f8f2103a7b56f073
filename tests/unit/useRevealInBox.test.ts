/**
 * revealOffset: how far presentation mode's side column scrolls to show the row inspector
 * (useRevealInBox.ts) — as little as it takes, its top first when it is taller than the column.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { revealOffset } from '../../src/ui/useRevealInBox';

describe('revealOffset', () => {
  const box = { top: 100, bottom: 500 };

  test('in view: no scroll; below: up by the overflow; above: down to its top; taller than the box: its top', () => {
    expect(revealOffset({ top: 150, bottom: 450 }, box)).toBe(0);
    expect(revealOffset({ top: 450, bottom: 650 }, box)).toBe(150);
    expect(revealOffset({ top: 40, bottom: 240 }, box)).toBe(-60);
    expect(revealOffset({ top: 300, bottom: 900 }, box)).toBe(200);
  });

  test('after the scroll the element is in the box, or its top is at the box’s top when it cannot fit', () => {
    fc.assert(fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 0, max: 1500 }), (top, height) => {
      const shift = revealOffset({ top, bottom: top + height }, box);
      const [t, b] = [top - shift, top + height - shift];
      if (height <= box.bottom - box.top) {
        expect(t).toBeGreaterThanOrEqual(box.top);
        expect(b).toBeLessThanOrEqual(box.bottom);
      } else {
        expect(t).toBe(box.top);
      }
    }));
  });
});
