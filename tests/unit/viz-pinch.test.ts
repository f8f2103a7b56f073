/**
 * PinchTracker (src/viz/heatmapPinch.ts): two fingers on a heatmap zoom by their spread, around
 * their midpoint, in steps of at least PINCH_MIN_CHANGE; one finger, or three, never zoom.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PINCH_MIN_CHANGE, PinchTracker } from '../../src/viz/heatmapPinch';

describe('PinchTracker', () => {
  test('one finger is no pinch; the second starts one, whose spread 100 → 150 px zooms × 1.5 around the midpoint', () => {
    const p = new PinchTracker();
    expect(p.down(1, 100, 100)).toBe(false);
    expect(p.move(1, 140, 100)).toBeNull();
    expect(p.down(2, 240, 100)).toBe(true); // 100 px apart
    expect(p.move(2, 245, 100)).toBeNull(); // × 1.05: less than PINCH_MIN_CHANGE
    expect(p.move(2, 290, 100)).toEqual({ factor: 1.5, x: 215, y: 100 });
    expect(p.move(1, 215, 100)).toEqual({ factor: 0.5, x: 252.5, y: 100 }); // 150 → 75: out
    p.up(2);
    expect(p.pinching).toBe(false);
    expect(p.move(1, 0, 0)).toBeNull();
  });

  test('a third finger ends the pinch; two fingers down at one point do not start one', () => {
    const p = new PinchTracker();
    p.down(1, 0, 0);
    p.down(2, 100, 0);
    expect(p.down(3, 50, 50)).toBe(false);
    expect(p.move(2, 400, 0)).toBeNull();
    const q = new PinchTracker();
    q.down(1, 10, 10);
    expect(q.down(2, 10, 10)).toBe(false);
  });

  test('over any moves, the zooms multiply to the spread’s change, short of one step (PINCH_MIN_CHANGE)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }));
    fc.assert(fc.property(point, point, fc.array(fc.tuple(fc.constantFrom(1, 2), point), { maxLength: 30 }), (a, b, moves) => {
      fc.pre(a[0] !== b[0] || a[1] !== b[1]);
      const p = new PinchTracker();
      p.down(1, ...a);
      p.down(2, ...b);
      const at = new Map([[1, a], [2, b]]);
      let product = 1;
      for (const [id, xy] of moves) {
        at.set(id, xy);
        const zoom = p.move(id, ...xy);
        if (zoom !== null) product *= zoom.factor;
      }
      const [[x0, y0], [x1, y1]] = [at.get(1)!, at.get(2)!];
      const spread = Math.hypot(x1 - x0, y1 - y0) / Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (spread === 0) return; // both fingers on one point: no zoom is asked for it
      const left = spread / product;
      expect(left).toBeLessThan(PINCH_MIN_CHANGE + 1e-9);
      expect(left).toBeGreaterThan(1 / PINCH_MIN_CHANGE - 1e-9);
    }));
  });
});
