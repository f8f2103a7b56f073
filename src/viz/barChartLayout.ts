/**
 * Pure geometry of a bar chart over the keys of one query row (barChart.ts draws it): the y
 * domain, the layout (margins, bar step), which key labels are shown and how, the bars as
 * rectangles, the pooled bars of a long row, and the runs of blocked keys. No DOM here, so all
 * of it is unit-tested in Node (tests/unit/viz-barChart.test.ts). Lengths are CSS px.
 */
import { scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import { finiteExtent } from './extent';
import type { AxisLabel } from './heatmapAxes';
import { indexTicks, labelGapPx, labelText } from './heatmapLabels';

/** Above this many keys the bars are pooled (one per pixel column, no token labels, no value labels). */
export const MAX_BARS = 256;
/** Share of a bar's step left empty between bars (d3 band `paddingInner`), when bars are ≥ MIN_PADDED_STEP_PX. */
export const BAR_PADDING = 0.2;
/** Below this step (CSS px) bars touch: padding would leave nothing to see. */
export const MIN_PADDED_STEP_PX = 6;

/**
 * The y domain of the bars: `fixed` when given (weights: [0, 1]); otherwise the extent of the
 * finite, non-blocked values extended to include 0, made "nice" by d3 (round ends); [0, 1] when
 * there is no such value or every one is 0.
 *
 * @param values  bar values, [n]; blocked entries are ignored (−∞ there is fine)
 * @param blocked optional flags, [n]; non-zero = blocked key
 * @param fixed   a domain to use as is, [lo, hi] with lo < hi, both finite
 * @throws RangeError when `fixed` is not two finite increasing numbers, or blocked has another length
 * @example barDomain([1.2, -0.4, -Infinity], [0, 0, 1]) // → [-0.5, 1.5]
 *          barDomain([3.7, 0.2]) // → [0, 4];  barDomain([-Infinity], [1]) // → [0, 1]
 */
export function barDomain(values: ArrayLike<number>, blocked?: ArrayLike<number>, fixed?: readonly [number, number]): [number, number] {
  if (fixed !== undefined) {
    const [lo, hi] = fixed;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new RangeError(`drawBarChart: domain must be two finite increasing numbers, got [${lo}, ${hi}]`);
    return [lo, hi];
  }
  const e = finiteExtent(values, blocked);
  if (e === null) return [0, 1];
  const lo = Math.min(0, e[0]);
  const hi = Math.max(0, e[1]);
  if (lo === hi) return [0, 1];
  const nice = scaleLinear().domain([lo, hi]).nice(5).domain();
  return [nice[0] as number, nice[1] as number];
}

/** What `barChartLayout` needs. */
export interface BarLayoutInput {
  /** Number of keys (bars), ≥ 0. */
  n: number;
  /** Width of the whole chart, CSS px, > 0. */
  width: number;
  /** Height of the plot (the bars' area, without the key labels), CSS px, > 0. */
  plotHeight: number;
  /** Font size of labels and ticks, CSS px. */
  fontSize: number;
  /** Left margin (y axis and its tick labels), CSS px. */
  marginLeft: number;
  /** Key labels, [n]; a missing one shows its index. */
  labels: readonly string[];
  /** Width of a text in the chart's font, CSS px (a canvas measure in the browser, an estimate in tests). */
  textWidth: (text: string) => number;
}

/** How the key labels under the bars are written. */
export type BarLabelMode = 'horizontal' | 'rotated' | 'ticks' | 'none';

/** Where everything of a bar chart goes. The plot spans x ∈ [left, left + plotWidth], y ∈ [top, top + plotHeight]. */
export interface BarChartLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  plotWidth: number;
  plotHeight: number;
  /** Distance between the left edges of neighbouring keys, CSS px (plotWidth / n). */
  step: number;
  /** Width of a drawn bar (step less the padding). */
  barWidth: number;
  /** True when n > MAX_BARS: bars are pooled per pixel column (pooledBars), no token labels. */
  pooled: boolean;
  labelMode: BarLabelMode;
  /** The key labels shown (index and text); index numbers in 'ticks' mode. */
  labels: AxisLabel[];
  /** Height of the band under the plot that holds the labels, CSS px. */
  labelBand: number;
}

/**
 * Lays out a bar chart of `n` keys: the plot takes the width left of the margins, each key a
 * step of plotWidth / n; the labels under the plot are chosen by `barLabels` and their band
 * sized to fit them. An index label ('ticks') that would pass the chart's right edge is left out.
 *
 *   top      = ⌈1.4 · fontSize⌉ (room for a value label above the tallest bar and the top tick)
 *   right    = ⌈fontSize / 2⌉   (half of the last horizontal label may pass the last bar)
 *   band     = horizontal/ticks: ⌈1.6 · fontSize⌉ + 4;  rotated: widest label + ⌈0.6 · fontSize⌉;  none: 4
 *   height   = top + plotHeight + band
 *
 * @throws RangeError when n is not a whole number ≥ 0, or width / plotHeight is not > 0
 * @example barChartLayout({ n: 4, width: 400, plotHeight: 100, fontSize: 10, marginLeft: 40, … })
 *          // → left 40, top 14, plotWidth 355, step 88.75, barWidth 71, height 14 + 100 + 20
 */
export function barChartLayout(i: BarLayoutInput): BarChartLayout {
  if (!Number.isInteger(i.n) || i.n < 0) throw new RangeError(`drawBarChart: n must be a whole number ≥ 0, got ${i.n}`);
  if (!(i.width > 0 && Number.isFinite(i.width))) throw new RangeError(`drawBarChart: width must be > 0 px, got ${i.width}`);
  if (!(i.plotHeight > 0 && Number.isFinite(i.plotHeight))) throw new RangeError(`drawBarChart: height must be > 0 px, got ${i.plotHeight}`);
  const f = i.fontSize;
  const top = Math.ceil(1.4 * f);
  const right = Math.ceil(f / 2);
  const plotWidth = Math.max(1, i.width - i.marginLeft - right);
  const step = i.n > 0 ? plotWidth / i.n : plotWidth;
  const pooled = i.n > MAX_BARS;
  const barWidth = pooled || step < MIN_PADDED_STEP_PX ? step : step * (1 - BAR_PADDING);
  const shown = barLabels(i.labels, i.n, step, f, i.textWidth);
  // An index near the right end would stick out of the chart: it is left out.
  if (shown.mode === 'ticks') shown.labels = shown.labels.filter((l) => i.marginLeft + (l.index + 0.5) * step + i.textWidth(l.text) / 2 <= i.width);
  const labelBand = shown.mode === 'none' ? 4
    : shown.mode === 'rotated' ? Math.ceil(Math.max(0, ...shown.labels.map((l) => i.textWidth(l.text))) + 0.6 * f)
      : Math.ceil(1.6 * f) + 4;
  return {
    width: i.width, height: top + i.plotHeight + labelBand, left: i.marginLeft, top, plotWidth, plotHeight: i.plotHeight,
    step, barWidth, pooled, labelMode: shown.mode, labels: shown.labels, labelBand,
  };
}

/**
 * Which key labels a chart of `n` keys, `step` px apart, shows, and how:
 * - n ≤ MAX_BARS and step ≥ labelGapPx(fontSize): every key's token (truncated to
 *   MAX_LABEL_CHARS), 'horizontal' when the widest fits its step with ½ em to spare,
 *   else 'rotated' (−90°, or upright for CJK as the heatmap's column labels);
 * - otherwise round key indices ('ticks', heatmapLabels `indexTicks`), spaced so that the
 *   widest index plus 1 em fits between two (they are written horizontally);
 * - n = 0: 'none'.
 *
 * @example barLabels(['a', 'b'], 2, 50, 10, w) // → horizontal a, b
 *          barLabels([], 4096, 600 / 4096, 10, w) // → ticks 0, 500, 1000, …, 4000 (w: 6 px per character)
 */
export function barLabels(labels: readonly string[], n: number, step: number, fontSize: number, textWidth: (text: string) => number): { mode: BarLabelMode; labels: AxisLabel[] } {
  if (n <= 0) return { mode: 'none', labels: [] };
  if (n <= MAX_BARS && step >= labelGapPx(fontSize)) {
    const all = Array.from({ length: n }, (_, index) => ({ index, text: labelText(labels, index) }));
    const widest = Math.max(...all.map((l) => textWidth(l.text)));
    return { mode: widest + fontSize / 2 <= step ? 'horizontal' : 'rotated', labels: all };
  }
  const gap = textWidth(String(n - 1)) + fontSize;
  return { mode: 'ticks', labels: indexTicks(0, n, step, gap).map((index) => ({ index, text: String(index) })) };
}

/**
 * The y scale of the plot: `domain` onto [top + plotHeight − padBelow, top + padAbove], each pad
 * ⌈fontSize / 2⌉ (so the end ticks' labels and the bars' ends stay inside the plot), or
 * ⌈1.4 · fontSize⌉ with `room.above` / `room.below` (value labels over the tallest bar, under the
 * lowest negative one). Clamped: a value outside the domain is drawn at its end.
 * @example barYScale([0, 1], { top: 10, plotHeight: 100 }, 10)(0.5) // → 60
 *          barYScale([0, 1], { top: 10, plotHeight: 100 }, 10, { above: true }).range() // → [105, 24]
 */
export function barYScale(domain: readonly [number, number], L: Pick<BarChartLayout, 'top' | 'plotHeight'>, fontSize: number, room: { above?: boolean; below?: boolean } = {}): ScaleLinear<number, number> {
  const pad = Math.ceil(fontSize / 2);
  const labelPad = Math.ceil(1.4 * fontSize);
  return scaleLinear().domain(domain).range([L.top + L.plotHeight - (room.below ? labelPad : pad), L.top + (room.above ? labelPad : pad)]).clamp(true);
}

/** A bar: key `index`, its value, and its rectangle (CSS px). */
export interface Bar {
  index: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Left edge of key `index`'s bar (its step, less half the padding). */
export function barX(L: Pick<BarChartLayout, 'left' | 'step' | 'barWidth'>, index: number): number {
  return L.left + index * L.step + (L.step - L.barWidth) / 2;
}

/**
 * One bar per allowed key with a finite value (n ≤ MAX_BARS): from the zero line y(0) up to
 * y(v) for v > 0, down to y(v) for v < 0 (negative logits go below the zero line). A blocked key,
 * or a NaN / ±∞ value, gets no bar: barChart.ts marks blocked keys instead ("−∞", "0").
 * A bar shorter than 1 px is drawn 1 px high, so a small non-zero value is not read as a missing bar;
 * a value of exactly 0 has height 0.
 *
 * @param values  [n];  blocked: optional [n], non-zero = blocked
 * @example barRects([0.5, -1], undefined, L, y) with y: [−1, 1] → [100, 0], step 50, barWidth 40:
 *          → { index 0, x: L.left + 5, y: 25, height: 25 }, { index 1, x: L.left + 55, y: 50, height: 50 }
 */
export function barRects(values: ArrayLike<number>, blocked: ArrayLike<number> | undefined, L: Pick<BarChartLayout, 'left' | 'step' | 'barWidth'>, y: ScaleLinear<number, number>): Bar[] {
  const y0 = y(0);
  const bars: Bar[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if ((blocked !== undefined && blocked[i] !== 0) || !Number.isFinite(v)) continue;
    const yv = y(v);
    let height = Math.abs(y0 - yv);
    if (v !== 0 && height < 1) height = 1;
    bars.push({ index: i, value: v, x: barX(L, i), y: v >= 0 ? y0 - height : y0, width: L.barWidth, height });
  }
  return bars;
}

/** A pixel column of a pooled chart: keys [start, end), the span [lo, hi] of their allowed values with 0. */
export interface PooledColumn {
  start: number;
  end: number;
  /** min(0, smallest allowed finite value) of the keys. */
  lo: number;
  /** max(0, largest allowed finite value) of the keys. */
  hi: number;
  /** True when the column has at least one allowed key with a finite value. */
  allowed: boolean;
}

/**
 * Pools n keys into `columns` columns (keys [⌊c·n/columns⌋, ⌊(c+1)·n/columns⌋) each), keeping
 * for each the span from 0 to its largest and smallest allowed value: a tall key is never lost
 * between pixels (the heatmap's max-pooling, pool.ts, for bars). columns = min(n, requested).
 *
 * @example pooledBars([1, -2, 0.5, 3, 0, 0], [0, 0, 0, 0, 1, 1], 3)
 *          // → [0,2) lo −2 hi 1 · [2,4) lo 0 hi 3 · [4,6) allowed false
 */
export function pooledBars(values: ArrayLike<number>, blocked: ArrayLike<number> | undefined, columns: number): PooledColumn[] {
  const n = values.length;
  const count = Math.max(0, Math.min(n, Math.floor(columns)));
  const out: PooledColumn[] = [];
  for (let c = 0; c < count; c++) {
    const start = Math.floor((c * n) / count);
    const end = Math.floor(((c + 1) * n) / count);
    let lo = 0;
    let hi = 0;
    let allowed = false;
    for (let i = start; i < end; i++) {
      const v = values[i] as number;
      if ((blocked !== undefined && blocked[i] !== 0) || !Number.isFinite(v)) continue;
      allowed = true;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    out.push({ start, end, lo, hi, allowed });
  }
  return out;
}

/**
 * One side of the pooled columns as one SVG path: 'positive' draws a rectangle from y(0) up to
 * y(hi) for each column with hi > 0, 'negative' one from y(0) down to y(lo) for each with lo < 0
 * (at least 1 px high), each spanning its keys' x range. Two paths, so each side has one colour.
 * @example pooledPath([{ start: 0, end: 2, lo: -1, hi: 1, allowed: true }], { left: 0, step: 1 }, y, 'positive')
 *          // with y(1) = 0, y(0) = 50, y(−1) = 100 → 'M0,0h2V50h-2Z' ('negative': 'M0,50h2V100h-2Z')
 */
export function pooledPath(columns: readonly PooledColumn[], L: Pick<BarChartLayout, 'left' | 'step'>, y: ScaleLinear<number, number>, side: 'positive' | 'negative'): string {
  const r = (v: number) => Math.round(v * 100) / 100;
  const y0 = y(0);
  let d = '';
  for (const c of columns) {
    const v = side === 'positive' ? c.hi : c.lo;
    if (!c.allowed || v === 0) continue;
    let top = side === 'positive' ? y(v) : y0;
    let bottom = side === 'positive' ? y0 : y(v);
    if (bottom - top < 1) {
      if (side === 'positive') top = bottom - 1;
      else bottom = top + 1;
    }
    const x = L.left + c.start * L.step;
    const w = (c.end - c.start) * L.step;
    d += `M${r(x)},${r(top)}h${r(w)}V${r(bottom)}h${r(-w)}Z`;
  }
  return d;
}

/**
 * Runs of consecutive blocked keys, [start, end) each, in order.
 * @example blockedRuns([0, 1, 1, 0, 1]) // → [[1, 3], [4, 5]]
 */
export function blockedRuns(blocked: ArrayLike<number> | undefined): [number, number][] {
  const runs: [number, number][] = [];
  if (blocked === undefined) return runs;
  for (let i = 0; i < blocked.length; i++) {
    if (blocked[i] === 0) continue;
    const start = i;
    while (i + 1 < blocked.length && blocked[i + 1] !== 0) i++;
    runs.push([start, i + 1]);
  }
  return runs;
}

/**
 * Approximate number of y ticks (d3 `axis.ticks`, a hint) for a plot `plotHeight` px high:
 * one per 2.5 em, at least 2.
 * @example barTickCount(200, 13) // → 6
 */
export function barTickCount(plotHeight: number, fontSize: number): number {
  return Math.max(2, Math.floor(plotHeight / (2.5 * fontSize)));
}
