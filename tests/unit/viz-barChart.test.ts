/**
 * The pure parts of the row inspector's bar charts (src/viz/barChartLayout.ts): the y domain and
 * scale, the layout and which key labels it shows, bar rectangles, pooled columns of a long row,
 * and runs of blocked keys. Text widths come from a fixed estimate (6 px per character), so every
 * expected value is written out.
 */
import { describe, expect, test } from 'vitest';
import { scaleLinear } from 'd3';
import {
  barChartLayout, barDomain, barLabels, barRects, barTickCount, barYScale, blockedRuns, MAX_BARS, pooledBars, pooledPath,
} from '../../src/viz/barChartLayout';
import { validateBarSpec } from '../../src/viz/barChart';

const inf = Infinity;
/** 6 px per character: a stand-in for canvas measureText at a 10 px font. */
const w6 = (t: string) => Array.from(t).length * 6;

describe('barDomain', () => {
  test('barDomain is the extent of the allowed finite values with 0, made nice', () => {
    expect(barDomain([1.2, -0.4, -inf], [0, 0, 1])).toEqual([-0.5, 1.5]);
    expect(barDomain([3.7, 0.2])).toEqual([0, 4]);
    expect(barDomain([-2.3, -0.1])).toEqual([-2.5, 0]);
  });
  test('barDomain skips blocked keys even when their value is finite, and NaN/±∞', () => {
    expect(barDomain([0.5, 90, NaN, inf], [0, 1, 0, 0])).toEqual([0, 0.5]);
  });
  test('barDomain of a fully masked row, or of zeros only, is [0, 1]', () => {
    expect(barDomain([-inf, -inf], [1, 1])).toEqual([0, 1]);
    expect(barDomain([0, 0, 0])).toEqual([0, 1]);
    expect(barDomain([])).toEqual([0, 1]);
  });
  test('barDomain with a fixed domain (weights) uses it as is', () => {
    expect(barDomain([0.2, 0.7], undefined, [0, 1])).toEqual([0, 1]);
  });
  test('barDomain throws a RangeError for a fixed domain that is not increasing or not finite', () => {
    expect(() => barDomain([1], undefined, [1, 0])).toThrow(/domain must be two finite increasing numbers, got \[1, 0\]/);
    expect(() => barDomain([1], undefined, [0, inf])).toThrow(RangeError);
  });
});

describe('barYScale', () => {
  test('barYScale([0, 1]) maps 0 to the plot bottom less ½ em and 1 to the top plus ½ em', () => {
    const y = barYScale([0, 1], { top: 10, plotHeight: 100 }, 10);
    expect(y.range()).toEqual([105, 15]);
    expect(y(0.5)).toBe(60);
  });
  test('barYScale with room above / below leaves 1.4 em over the highest / under the lowest value (value labels)', () => {
    expect(barYScale([-1, 1], { top: 10, plotHeight: 100 }, 10, { below: true }).range()).toEqual([96, 15]);
    expect(barYScale([0, 1], { top: 10, plotHeight: 100 }, 10, { above: true }).range()).toEqual([105, 24]);
  });
  test('barYScale clamps: a value past the domain is drawn at its end', () => {
    const y = barYScale([0, 1], { top: 0, plotHeight: 100 }, 10);
    expect(y(2)).toBe(5);
    expect(y(-1)).toBe(95);
  });
  test('barTickCount gives one tick per 2.5 em, at least 2', () => {
    expect(barTickCount(200, 13)).toBe(6);
    expect(barTickCount(30, 20)).toBe(2);
  });
});

describe('barChartLayout', () => {
  test('barChartLayout, 4 short tokens over 355 px: steps of 88.75 px, bars 71 px, labels horizontal', () => {
    const L = barChartLayout({ n: 4, width: 400, plotHeight: 100, fontSize: 10, marginLeft: 40, labels: ['The', 'cat', 'sat', 'on'], textWidth: w6 });
    expect(L).toEqual({
      width: 400, height: 134, left: 40, top: 14, plotWidth: 355, plotHeight: 100, step: 88.75, barWidth: 71, pooled: false,
      labelMode: 'horizontal', labelBand: 20,
      labels: [{ index: 0, text: 'The' }, { index: 1, text: 'cat' }, { index: 2, text: 'sat' }, { index: 3, text: 'on' }],
    });
  });
  test('barChartLayout rotates the labels when the widest does not fit its step, and sizes the band to it', () => {
    const labels = ['a', 'extraordinary', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const L = barChartLayout({ n: 10, width: 245, plotHeight: 100, fontSize: 10, marginLeft: 40, labels, textWidth: w6 });
    expect([L.step, L.barWidth, L.labelMode, L.labelBand, L.height]).toEqual([20, 16, 'rotated', 84, 198]);
  });
  test('barChartLayout, bars narrower than 6 px touch (no padding)', () => {
    const L = barChartLayout({ n: 100, width: 545, plotHeight: 100, fontSize: 10, marginLeft: 40, labels: [], textWidth: w6 });
    expect([L.step, L.barWidth, L.pooled, L.labelMode]).toEqual([5, 5, false, 'ticks']);
    // an index is 12 px wide + 1 em: 22 px apart at least → every 5th key (25 px)
    expect(L.labels.map((l) => l.index)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95]);
  });
  test('barChartLayout, Lk = 4096 over 600 px: pooled, round key indices every 500', () => {
    const L = barChartLayout({ n: 4096, width: 645, plotHeight: 100, fontSize: 10, marginLeft: 40, labels: [], textWidth: w6 });
    expect([L.pooled, L.labelMode, L.step]).toEqual([true, 'ticks', 600 / 4096]);
    expect(L.labels.map((l) => l.index)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
  });
  test('barChartLayout pools above MAX_BARS keys however wide the chart', () => {
    expect(MAX_BARS).toBe(256);
    expect(barChartLayout({ n: 257, width: 5000, plotHeight: 100, fontSize: 10, marginLeft: 40, labels: [], textWidth: w6 }).pooled).toBe(true);
    expect(barChartLayout({ n: 256, width: 5000, plotHeight: 100, fontSize: 10, marginLeft: 40, labels: [], textWidth: w6 }).pooled).toBe(false);
  });
  test('barChartLayout leaves out an index label that would pass the right edge', () => {
    // 12 keys of 1 px: indices 0, 5, 10; "10" is centred at 40 + 10.5 = 50.5 and 12 px wide → ends at 56.5 > 55
    const L = barChartLayout({ n: 12, width: 57, plotHeight: 50, fontSize: 4, marginLeft: 40, labels: [], textWidth: w6 });
    expect([L.step, L.labelMode]).toEqual([15 / 12, 'ticks']);
    expect(L.labels.map((l) => l.index)).toEqual([0]);
  });
  test('barChartLayout throws a RangeError naming the size when width or height is not > 0', () => {
    const base = { n: 2, plotHeight: 100, fontSize: 10, marginLeft: 40, labels: [], textWidth: w6 };
    expect(() => barChartLayout({ ...base, width: 0 })).toThrow(/width must be > 0 px, got 0/);
    expect(() => barChartLayout({ ...base, width: 100, plotHeight: NaN })).toThrow(/height must be > 0 px, got NaN/);
    expect(() => barChartLayout({ ...base, n: 1.5, width: 100 })).toThrow(/n must be a whole number/);
  });
});

describe('barLabels', () => {
  test('barLabels truncates long tokens to 14 characters and shows a missing one as its index', () => {
    const r = barLabels(['supercalifragilistic', 'a'], 3, 80, 10, w6); // 84 px + ½ em > 80: rotated
    expect(r).toEqual({ mode: 'rotated', labels: [{ index: 0, text: 'supercalifrag…' }, { index: 1, text: 'a' }, { index: 2, text: '2' }] });
  });
  test('barLabels with steps under 1.2 em shows round indices, whatever the tokens', () => {
    expect(barLabels(['a', 'b', 'c', 'd'], 4, 11, 10, w6)).toEqual({ mode: 'ticks', labels: [{ index: 0, text: '0' }, { index: 2, text: '2' }] });
  });
  test('barLabels of no keys shows nothing', () => {
    expect(barLabels([], 0, 100, 10, w6)).toEqual({ mode: 'none', labels: [] });
  });
});

describe('barRects', () => {
  const L = { left: 0, step: 50, barWidth: 40 };
  const y = scaleLinear().domain([-1, 1]).range([100, 0]);
  test('barRects: a positive value rises from the zero line, a negative one hangs below it, blocked keys get none', () => {
    const bars = barRects([0.5, -1, -inf, 0, 0.001], [0, 0, 1, 0, 0], L, y);
    expect(bars).toEqual([
      { index: 0, value: 0.5, x: 5, y: 25, width: 40, height: 25 },
      { index: 1, value: -1, x: 55, y: 50, width: 40, height: 50 },
      { index: 3, value: 0, x: 155, y: 50, width: 40, height: 0 },
      { index: 4, value: 0.001, x: 205, y: 49, width: 40, height: 1 },
    ]);
  });
  test('barRects skips NaN and ±∞ in allowed keys (never a bar of a non-number)', () => {
    expect(barRects([NaN, inf, -inf], undefined, L, y)).toEqual([]);
  });
});

describe('pooledBars and pooledPath', () => {
  test('pooledBars keeps the span from 0 to the extreme allowed values of each column', () => {
    expect(pooledBars([1, -2, 0.5, 3, 0, 0], [0, 0, 0, 0, 1, 1], 3)).toEqual([
      { start: 0, end: 2, lo: -2, hi: 1, allowed: true },
      { start: 2, end: 4, lo: 0, hi: 3, allowed: true },
      { start: 4, end: 6, lo: 0, hi: 0, allowed: false },
    ]);
  });
  test('pooledBars makes at most one column per key, and splits unevenly with floor', () => {
    expect(pooledBars([1, 2], undefined, 10).map((c) => [c.start, c.end])).toEqual([[0, 1], [1, 2]]);
    expect(pooledBars([1, 2, 3, 4, 5], undefined, 2).map((c) => [c.start, c.end])).toEqual([[0, 2], [2, 5]]);
  });
  test('pooledBars over 4096 keys into 600 columns: 6 or 7 keys each, every key in exactly one', () => {
    const cols = pooledBars(new Float32Array(4096), undefined, 600);
    expect(cols.length).toBe(600);
    expect(cols[0]).toEqual({ start: 0, end: 6, lo: 0, hi: 0, allowed: true });
    expect(cols[599]!.end).toBe(4096);
    expect(cols.every((c, i) => i === 0 || c.start === cols[i - 1]!.end)).toBe(true);
  });
  test('pooledPath draws the positive and the negative spans as separate paths, at least 1 px high', () => {
    const y = scaleLinear().domain([-1, 1]).range([100, 0]);
    const cols = [
      { start: 0, end: 2, lo: -1, hi: 1, allowed: true },
      { start: 2, end: 3, lo: 0, hi: 0.001, allowed: true },
      { start: 3, end: 4, lo: 0, hi: 0, allowed: false },
    ];
    expect(pooledPath(cols, { left: 10, step: 1 }, y, 'positive')).toBe('M10,0h2V50h-2ZM12,49h1V50h-1Z');
    expect(pooledPath(cols, { left: 10, step: 1 }, y, 'negative')).toBe('M10,50h2V100h-2Z');
  });
});

describe('blockedRuns', () => {
  test('blockedRuns merges consecutive blocked keys into [start, end) runs', () => {
    expect(blockedRuns([0, 1, 1, 0, 1])).toEqual([[1, 3], [4, 5]]);
    expect(blockedRuns(new Uint8Array([1, 1, 1]))).toEqual([[0, 3]]);
    expect(blockedRuns([0, 0])).toEqual([]);
    expect(blockedRuns(undefined)).toEqual([]);
  });
});

describe('validateBarSpec', () => {
  const spec = { values: [1, 2], labels: ['a', 'b'], blockedMark: '−∞', color: () => '#000', width: 300, height: 100, ariaLabel: 'x' };
  test('validateBarSpec accepts matching arrays', () => {
    expect(() => validateBarSpec(spec)).not.toThrow();
  });
  test('validateBarSpec throws a RangeError naming labels or blocked when their length differs from values', () => {
    expect(() => validateBarSpec({ ...spec, labels: ['a'] })).toThrow(/labels has length 1, expected values' length 2/);
    expect(() => validateBarSpec({ ...spec, blocked: [0, 0, 1] })).toThrow(/blocked has length 3, expected values' length 2/);
    expect(() => validateBarSpec({ ...spec, height: -1 })).toThrow(/height must be > 0 px, got -1/);
  });
});
