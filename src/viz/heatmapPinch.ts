/**
 * Two fingers on a heatmap (a tablet): their spread zooms the view around their midpoint, as
 * Ctrl + wheel does around the pointer (heatmapZoom.ts turns it into a ViewAction). Pure; no DOM.
 * The heatmap's <svg> sets touch-action `pan-x pan-y` (heatmap.ts), so the browser still scrolls
 * the page under one finger but leaves a pinch to the page, instead of zooming the whole page.
 */

/** Spread ratio since the last zoom that zooms again (smaller changes wait: each zoom redraws every stage). */
export const PINCH_MIN_CHANGE = 1.1;

/** A zoom asked for by a pinch: `factor` > 1 zooms in, around (x, y), SVG CSS px. */
export interface PinchZoom {
  factor: number;
  x: number;
  y: number;
}

/** Follows the touch contacts of one heatmap; two at once are a pinch. */
export class PinchTracker {
  private readonly points = new Map<number, [number, number]>();
  /** The spread (distance between the two contacts) at the pinch's start or its last zoom; 0 = no pinch. */
  private spread = 0;

  /** True while two contacts are down. */
  get pinching(): boolean {
    return this.spread > 0;
  }

  /** Contact `id` down at (x, y). Returns true when it starts a pinch (it is the second). */
  down(id: number, x: number, y: number): boolean {
    this.points.set(id, [x, y]);
    if (this.points.size !== 2) {
      this.spread = 0; // a third finger: no pinch until two remain
      return false;
    }
    this.spread = this.distance();
    return this.spread > 0;
  }

  /**
   * Contact `id` moved to (x, y). Returns the zoom to apply when pinching and the spread changed
   * by PINCH_MIN_CHANGE or more since the last one (factor = new spread / that spread), else null.
   */
  move(id: number, x: number, y: number): PinchZoom | null {
    if (!this.points.has(id)) return null;
    this.points.set(id, [x, y]);
    if (!this.pinching) return null;
    const d = this.distance();
    const factor = d / this.spread;
    if (!(d > 0) || (factor < PINCH_MIN_CHANGE && factor > 1 / PINCH_MIN_CHANGE)) return null;
    this.spread = d;
    const [[x0, y0], [x1, y1]] = [...this.points.values()] as [[number, number], [number, number]];
    return { factor, x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  }

  /** Contact `id` lifted or cancelled: the pinch ends. */
  up(id: number): void {
    this.points.delete(id);
    this.spread = 0;
  }

  private distance(): number {
    const [[x0, y0], [x1, y1]] = [...this.points.values()] as [[number, number], [number, number]];
    return Math.hypot(x1 - x0, y1 - y0);
  }
}
