/**
 * Presses on a heatmap told apart (viz/heatmapTouch.ts): a tap (touch, pen) or a click (mouse)
 * picks a cell; a drag, a pan, a pinch, a scroll (pointercancel) or a modified click does not.
 */
import { describe, expect, test } from 'vitest';
import { DRAG_THRESHOLD_PX } from '../../src/viz/heatmapZoom';
import { createPressTracker, isTouchLike, TAP_SLOP_PX, type PressPoint } from '../../src/viz/heatmapTouch';

const at = (x: number, y: number, over: Partial<PressPoint> = {}): PressPoint => ({
  pointerId: 1, pointerType: 'touch', button: 0, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, x, y, ...over,
});
const mouse = (x: number, y: number, over: Partial<PressPoint> = {}) => at(x, y, { pointerType: 'mouse', ...over });

describe('createPressTracker', () => {
  test('a touch that moves less than TAP_SLOP_PX is a tap at the point where it went down', () => {
    const t = createPressTracker();
    t.down(at(50, 60));
    t.move(at(54, 62));
    expect(t.up(at(54, 62))).toEqual({ kind: 'tap', x: 50, y: 60 });
  });
  test(`a touch that travels ${TAP_SLOP_PX} px or more (a scroll or a pan) is not a tap, even if it comes back`, () => {
    const t = createPressTracker();
    t.down(at(50, 60));
    t.move(at(50, 75));
    expect(t.up(at(50, 61))).toBeNull();
  });
  test('a pen tap counts like a touch tap', () => {
    const t = createPressTracker();
    t.down(at(5, 5, { pointerType: 'pen' }));
    expect(t.up(at(6, 5, { pointerType: 'pen' }))).toEqual({ kind: 'tap', x: 5, y: 5 });
  });
  test('a mouse click (primary button, no modifier, no drag) is a click where it was released', () => {
    const t = createPressTracker();
    t.down(mouse(10, 10));
    t.move(mouse(11, 10));
    expect(t.up(mouse(11, 10))).toEqual({ kind: 'click', x: 11, y: 10 });
  });
  test(`a mouse press that moved ${DRAG_THRESHOLD_PX} px (a pan) is not a click`, () => {
    const t = createPressTracker();
    t.down(mouse(10, 10));
    t.move(mouse(12, 11));
    expect(t.up(mouse(10, 10))).toBeNull();
  });
  test('a mouse press with another button or a modifier key picks nothing', () => {
    const t = createPressTracker();
    for (const over of [{ button: 2 }, { shiftKey: true }, { ctrlKey: true }, { altKey: true }, { metaKey: true }]) {
      t.down(mouse(10, 10, over));
      expect(t.up(mouse(10, 10, over))).toBeNull();
    }
  });
  test('a second finger during a press (a pinch) ends it without a pick', () => {
    const t = createPressTracker();
    t.down(at(10, 10));
    t.down(at(100, 100, { pointerId: 2 }));
    expect(t.up(at(10, 10))).toBeNull();
    expect(t.up(at(100, 100, { pointerId: 2 }))).toBeNull();
  });
  test('pointercancel (the browser scrolls) ends the press; an up from another pointer is ignored', () => {
    const t = createPressTracker();
    t.down(at(10, 10));
    t.cancel(1);
    expect(t.up(at(10, 10))).toBeNull();
    t.down(at(10, 10));
    expect(t.up(at(10, 10, { pointerId: 9 }))).toBeNull();
    expect(t.up(at(10, 10))).toEqual({ kind: 'tap', x: 10, y: 10 });
  });
  test('isTouchLike: touch and pen do not hover; mouse and unknown pointers do', () => {
    expect(['touch', 'pen', 'mouse', ''].map(isTouchLike)).toEqual([true, true, false, false]);
  });
});
