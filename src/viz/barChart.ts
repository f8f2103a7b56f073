/**
 * `drawBarChart`: one query row over its keys as an SVG bar chart with a d3 linear y axis — the
 * row inspector's masked logits and weights. A blocked key never gets a bar of a number: its step
 * is hatched (the heatmaps' blocked hatch, faded) and, where it fits, marked with `blockedMark`
 * ("−∞" for logits, "0" for weights; one per key, or one per run of blocked keys). Negative
 * values go below the zero line. Above MAX_BARS keys the bars are pooled per pixel column
 * (barChartLayout.ts), so Lk = 4096 costs a few dozen elements.
 *
 *     1 ┤      ▆▆      ░░░░
 *       ┤  ▆▆  ██      ░░░░
 *     0 ┼──██──██──▆▆──░░0░──
 *          The cat sat   on
 */
import { axisLeft, format, select } from 'd3';
import type { ScaleLinear, Selection } from 'd3';
import { appendBlockedSvgPattern } from './blockedPattern';
import {
  barChartLayout, barDomain, barRects, barTickCount, barYScale, blockedRuns, MAX_BARS, pooledBars, pooledPath,
} from './barChartLayout';
import type { Bar, BarChartLayout } from './barChartLayout';
import { AXIS_TITLE_COLOR, FONT_FAMILY, labelFont, TEXT_COLOR, THEME_CLASS } from './heatmapAxes';
import { svgLayer } from './svgLayer';
import { isUprightLabel, maxTextWidth } from './text';

/** What `drawBarChart` draws. Flag arrays hold 1 (set) or 0; any non-zero counts as set. */
export interface BarChartSpec {
  /** One value per key, [n]. Values of blocked keys are ignored (−∞, 0 or NaN there are fine). */
  values: ArrayLike<number>;
  /** Key labels (tokens), [n]; a missing label shows the key index. Truncated to MAX_LABEL_CHARS. */
  labels: readonly string[];
  /** 1 = blocked key, [n]: hatched and marked with `blockedMark`, never drawn as a bar. */
  blocked?: ArrayLike<number>;
  /** Text written at a blocked key where it fits, e.g. '−∞' (masked logits) or '0' (weights); '' = none. */
  blockedMark: string;
  /** Value → CSS colour of a bar (e.g. `divergingScale(...)`, `sequentialScale()`). */
  color: (value: number) => string;
  /**
   * y domain [lo, hi], lo < hi, both finite (weights: [0, 1]). Default: the extent of the finite,
   * non-blocked values with 0, made nice (barDomain).
   */
  domain?: readonly [number, number];
  /** Key outlined as highlighted (e.g. the largest weight); undefined or −1 = none. */
  highlight?: number;
  /** Width of the whole chart, CSS px, > 0. */
  width: number;
  /** Height of the plot (bars), CSS px, > 0; the key labels' band is added below it. */
  height: number;
  /** Font size of labels, ticks and value labels, CSS px; default 13 (a projector uses 20). */
  fontSize?: number;
  /** Smallest left margin, CSS px: two charts given the same one put their keys at the same x. Default 0. */
  minMarginLeft?: number;
  /** Accessible name of the chart (the <svg> has role "img"). */
  ariaLabel: string;
  /** Text of a value, for the value labels above the bars and the tooltips; default 4 decimals. */
  formatValue?: (value: number) => string;
}

/** Returned by `drawBarChart`. */
export interface BarChartHandle {
  /** The chart's <svg>. */
  readonly node: SVGSVGElement;
  /** Redraws with a new spec, reusing the <svg>. */
  update(spec: BarChartSpec): void;
  /** Removes the chart's <svg>. */
  destroy(): void;
}

/** Default font size, CSS px (as the heatmap labels). */
export const DEFAULT_BAR_FONT_SIZE = 13;
/** Opacity of the blocked hatch behind the bars: clearly "masked", lighter than a bar. */
export const BLOCKED_BAND_OPACITY = 0.45;
/** Colour of the highlighted key's band and label (the app's accent). */
export const HIGHLIGHT_COLOR = '#3b5bdb';
/** Outline of a bar, so that a value near 0 (a near-white colour) still shows its edge. */
const BAR_STROKE = '#4d4d4d';

const SVG_NS = 'http://www.w3.org/2000/svg';
let nextId = 0;

/**
 * Draws a bar chart of `spec.values` (one query row over its keys) as an <svg> appended to
 * `host`, and returns a handle to update or remove it.
 *
 * Bars: n ≤ MAX_BARS (256) keys get one rect each (with a tooltip <title>, and the value written
 * above/below it when the step is wide enough); more are pooled per pixel column into two paths
 * (positive and negative spans) without token labels. Labels: the tokens horizontally when they
 * fit, rotated −90° (CJK upright) when not, round key indices when the steps are too narrow.
 *
 * @throws RangeError when labels/blocked are not [values.length], width or height is not > 0, or
 *         the domain is not two finite increasing numbers
 */
export function drawBarChart(host: HTMLElement, spec: BarChartSpec): BarChartHandle {
  const doc = host.ownerDocument;
  const node = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  node.setAttribute('class', 'ms-bar-chart');
  node.setAttribute('role', 'img');
  const defs = doc.createElementNS(SVG_NS, 'defs');
  node.append(defs);
  const patternId = `ms-bar-blocked-${nextId++}`;
  appendBlockedSvgPattern(defs, patternId);
  host.append(node);
  const root = select(node);
  // Created once in z-order: hatch and grid behind the bars, labels on top.
  for (const cls of ['ms-bar-grid', 'ms-bar-blocked', 'ms-bar-highlight', 'ms-bar-zero', 'ms-bar-bars', 'ms-bar-yaxis', 'ms-bar-marks', 'ms-bar-values', 'ms-bar-xlabels']) svgLayer(root, cls);
  const render = (s: BarChartSpec) => {
    validateBarSpec(s);
    renderChart(root, s, patternId);
  };
  render(spec);
  return { node, update: render, destroy: () => node.remove() };
}

/** Throws a RangeError naming the field when the spec's arrays or sizes do not fit. */
export function validateBarSpec(spec: BarChartSpec): void {
  const n = spec.values.length;
  const fail = (msg: string): never => {
    throw new RangeError(`drawBarChart: ${msg}`);
  };
  if (spec.labels.length !== n) fail(`labels has length ${spec.labels.length}, expected values' length ${n}`);
  if (spec.blocked !== undefined && spec.blocked.length !== n) fail(`blocked has length ${spec.blocked.length}, expected values' length ${n}`);
  if (!(spec.width > 0 && Number.isFinite(spec.width))) fail(`width must be > 0 px, got ${spec.width}`);
  if (!(spec.height > 0 && Number.isFinite(spec.height))) fail(`height must be > 0 px, got ${spec.height}`);
}

type Root = Selection<SVGSVGElement, unknown, null, undefined>;
type G = Selection<SVGGElement, unknown, null, undefined>;

/** d3 tick format: plain numbers ("−2.5", "0.2"); SI prefixes ("−20k") from 10 000 on. */
function tickFormat(domain: readonly [number, number]): (v: number) => string {
  return Math.max(Math.abs(domain[0]), Math.abs(domain[1])) >= 10_000 ? format('~s') : format('~g');
}

/** Lays out and draws everything of `s` into the chart's layers. */
function renderChart(root: Root, s: BarChartSpec, patternId: string): void {
  const doc = root.node()!.ownerDocument;
  const f = s.fontSize ?? DEFAULT_BAR_FONT_SIZE;
  const font = labelFont(f);
  const textWidth = (t: string) => maxTextWidth([t], font, doc);
  const domain = barDomain(s.values, s.blocked, s.domain);
  const ticks = barTickCount(s.height, f);
  const fmtTick = tickFormat(domain);
  // The tick texts do not depend on the range: measure them to size the left margin.
  const probe = barYScale(domain, { top: 0, plotHeight: s.height }, f);
  const tickWidth = maxTextWidth(probe.ticks(ticks).map(fmtTick), font, doc);
  const marginLeft = Math.max(s.minMarginLeft ?? 0, Math.ceil(tickWidth + 6 + 0.4 * f + 2));
  const L = barChartLayout({ n: s.values.length, width: s.width, plotHeight: s.height, fontSize: f, marginLeft, labels: s.labels, textWidth });
  const fmt = s.formatValue ?? format('.4f');
  const showValues = !L.pooled && valueLabelsFit(s, L, fmt, textWidth);
  const y = barYScale(domain, L, f, { above: showValues && domain[1] > 0, below: showValues && domain[0] < 0 });
  root.attr('width', L.width).attr('height', L.height).attr('font-family', FONT_FAMILY).attr('font-size', f)
    .attr('aria-label', s.ariaLabel).attr('data-mode', L.pooled ? 'pooled' : 'bars').attr('data-labels', L.labelMode);
  drawGrid(root.select('g.ms-bar-grid'), L, y, ticks);
  drawBlocked(root.select('g.ms-bar-blocked'), L, s, patternId);
  drawHighlight(root.select('g.ms-bar-highlight'), L, s.highlight, s.values.length);
  if (L.pooled) drawPooled(root.select('g.ms-bar-bars'), L, s, y, domain);
  else drawBars(root.select('g.ms-bar-bars'), L, s, y, fmt);
  root.select('g.ms-bar-zero').selectAll('line').data([y(0)]).join('line')
    .attr('x1', L.left).attr('x2', L.left + L.plotWidth).attr('y1', (v) => v).attr('y2', (v) => v)
    .attr('stroke', TEXT_COLOR).attr('stroke-width', 1.25).attr('class', THEME_CLASS.inkStroke);
  const axisG = root.select<SVGGElement>('g.ms-bar-yaxis').attr('transform', `translate(${L.left},0)`);
  axisG.call(axisLeft(y).ticks(ticks).tickFormat((v) => fmtTick(v as number)).tickSizeOuter(0));
  axisG.attr('font-size', f).attr('font-family', FONT_FAMILY).selectAll('text').attr('fill', TEXT_COLOR).attr('class', THEME_CLASS.ink);
  drawMarks(root.select('g.ms-bar-marks'), L, s, y, textWidth, f);
  drawValues(root.select('g.ms-bar-values'), showValues ? barRects(s.values, s.blocked, L, y) : [], fmt, f);
  drawKeyLabels(root.select('g.ms-bar-xlabels'), L, s.highlight);
}

/** True when every value label (formatted) fits within a key's step, with 4 px to spare. */
function valueLabelsFit(s: BarChartSpec, L: BarChartLayout, fmt: (v: number) => string, textWidth: (t: string) => number): boolean {
  if (L.step < 24) return false;
  let widest = 0;
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i] as number;
    if ((s.blocked?.[i] ?? 0) !== 0 || !Number.isFinite(v)) continue;
    widest = Math.max(widest, textWidth(fmt(v)));
  }
  return widest + 4 <= L.step;
}

/** Faint horizontal lines at the y ticks. */
function drawGrid(g: G, L: BarChartLayout, y: ScaleLinear<number, number>, ticks: number): void {
  g.selectAll('line').data(y.ticks(ticks)).join('line')
    .attr('x1', L.left).attr('x2', L.left + L.plotWidth).attr('y1', (v) => y(v)).attr('y2', (v) => y(v))
    .attr('stroke', '#e3e6ec').attr('stroke-width', 1).attr('class', THEME_CLASS.grid);
}

/** The hatch over each blocked key's whole step and plot height (runs merged when pooled). */
function drawBlocked(g: G, L: BarChartLayout, s: BarChartSpec, patternId: string): void {
  const runs = L.pooled ? blockedRuns(s.blocked) : blockedRuns(s.blocked).flatMap(([a, b]) => Array.from({ length: b - a }, (_, k): [number, number] => [a + k, a + k + 1]));
  g.attr('opacity', BLOCKED_BAND_OPACITY).selectAll('rect').data(runs).join('rect')
    .attr('class', 'ms-bar-blocked-key')
    .attr('data-key', ([a, b]) => (b - a === 1 ? a : null))
    .attr('x', ([a]) => L.left + a * L.step).attr('width', ([a, b]) => Math.max(1, (b - a) * L.step))
    .attr('y', L.top).attr('height', L.plotHeight)
    .attr('fill', `url(#${patternId})`);
}

/** A tinted, outlined band over the highlighted key's step. */
function drawHighlight(g: G, L: BarChartLayout, highlight: number | undefined, n: number): void {
  const data = highlight !== undefined && Number.isInteger(highlight) && highlight >= 0 && highlight < n ? [highlight] : [];
  g.selectAll('rect').data(data).join('rect')
    .attr('class', 'ms-bar-highlight-key')
    .attr('x', (i) => L.left + i * L.step - (L.step < 2 ? 1 : 0)).attr('width', Math.max(2, L.step))
    .attr('y', L.top).attr('height', L.plotHeight)
    .attr('fill', HIGHLIGHT_COLOR).attr('fill-opacity', 0.12).attr('stroke', HIGHLIGHT_COLOR).attr('stroke-width', 1.5);
}

/** One rect per allowed key, coloured by value, with a <title> tooltip. */
function drawBars(g: G, L: BarChartLayout, s: BarChartSpec, y: ScaleLinear<number, number>, fmt: (v: number) => string): void {
  g.selectAll('path').remove();
  const outline = L.barWidth >= 3;
  g.selectAll<SVGRectElement, Bar>('rect.ms-bar')
    .data(barRects(s.values, s.blocked, L, y), (d) => d.index)
    .join((enter) => enter.append('rect').attr('class', 'ms-bar').call((r) => r.append('title')))
    .attr('data-key', (d) => d.index)
    .attr('x', (d) => d.x).attr('y', (d) => d.y).attr('width', (d) => d.width).attr('height', (d) => d.height)
    .attr('fill', (d) => s.color(d.value))
    .attr('stroke', outline ? BAR_STROKE : null).attr('stroke-width', outline ? 0.75 : null)
    .select('title').text((d) => `${s.labels[d.index] ?? d.index} (k = ${d.index}): ${fmt(d.value)}`);
}

/** Pooled columns (n > MAX_BARS): the positive and the negative spans as two paths. */
function drawPooled(g: G, L: BarChartLayout, s: BarChartSpec, y: ScaleLinear<number, number>, domain: readonly [number, number]): void {
  g.selectAll('rect').remove();
  const columns = pooledBars(s.values, s.blocked, Math.max(1, Math.floor(L.plotWidth)));
  const pooledL = { left: L.left, step: L.plotWidth / Math.max(1, s.values.length) };
  g.selectAll('path').data(['positive', 'negative'] as const).join('path')
    .attr('class', (side) => `ms-bar-pooled ms-bar-${side}`)
    .attr('d', (side) => pooledPath(columns, pooledL, y, side))
    .attr('fill', (side) => s.color(side === 'positive' ? domain[1] : domain[0]));
}

/**
 * `blockedMark` over the blocked keys, just above the lowest point of the y axis (the zero line
 * for weights; under every bar for logits, as −∞ is): one per key where it fits the key's step,
 * else one per run of blocked keys where it fits the run (e.g. the blocked half of a causal row).
 */
function drawMarks(g: G, L: BarChartLayout, s: BarChartSpec, y: ScaleLinear<number, number>, textWidth: (t: string) => number, f: number): void {
  const need = s.blockedMark === '' ? Infinity : textWidth(s.blockedMark) + 2;
  const runs = blockedRuns(s.blocked);
  const marks = !L.pooled && need <= L.step
    ? runs.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k): [number, number] => [a + k, a + k + 1]))
    : runs.filter(([a, b]) => (b - a) * L.step >= need);
  const base = (y.range()[0] as number) - 0.35 * f;
  g.selectAll('text').data(marks).join('text')
    .attr('class', `ms-bar-blocked-mark ${THEME_CLASS.ink} ${THEME_CLASS.halo}`)
    .attr('data-key', ([a, b]) => (b - a === 1 ? String(a) : `${a}-${b - 1}`))
    .attr('x', ([a, b]) => L.left + ((a + b) / 2) * L.step).attr('y', base)
    .attr('text-anchor', 'middle').attr('font-weight', 700).attr('fill', TEXT_COLOR)
    .attr('stroke', '#fff').attr('stroke-width', 3).attr('paint-order', 'stroke')
    .text(s.blockedMark);
}

/** Each bar's value above it (below it when negative). */
function drawValues(g: G, bars: Bar[], fmt: (v: number) => string, f: number): void {
  g.selectAll<SVGTextElement, Bar>('text').data(bars, (d) => d.index).join('text')
    .attr('x', (d) => d.x + d.width / 2)
    .attr('y', (d) => (d.value >= 0 ? d.y - 0.3 * f : d.y + d.height + 1.05 * f))
    .attr('text-anchor', 'middle').attr('fill', TEXT_COLOR).attr('font-size', f).attr('class', `${THEME_CLASS.ink} ${THEME_CLASS.halo}`)
    .attr('font-variant-numeric', 'tabular-nums')
    .attr('stroke', '#fff').attr('stroke-width', 3).attr('paint-order', 'stroke')
    .text((d) => fmt(d.value));
}

/** Key labels under the plot: horizontal, rotated −90° (CJK upright), or round indices with tick marks. */
function drawKeyLabels(g: G, L: BarChartLayout, highlight: number | undefined): void {
  const y = L.top + L.plotHeight + 4;
  const cx = (i: number) => L.left + (i + 0.5) * L.step;
  const rotated = L.labelMode === 'rotated';
  const upright = (t: string) => rotated && isUprightLabel(t);
  g.selectAll('text').data(L.labels, (d) => (d as { index: number }).index).join('text')
    .attr('data-key', (d) => d.index)
    .attr('transform', (d) => `translate(${cx(d.index)},${L.labelMode === 'ticks' ? y + 5 : y})${rotated && !upright(d.text) ? ' rotate(-90)' : ''}`)
    .attr('writing-mode', (d) => (upright(d.text) ? 'vertical-rl' : null))
    .attr('text-orientation', (d) => (upright(d.text) ? 'upright' : null))
    .attr('text-anchor', (d) => (!rotated ? 'middle' : upright(d.text) ? 'start' : 'end'))
    .attr('dominant-baseline', rotated ? 'central' : 'hanging')
    .attr('font-weight', (d) => (d.index === highlight && L.labelMode !== 'ticks' ? 700 : null))
    .attr('fill', (d) => (d.index === highlight && L.labelMode !== 'ticks' ? HIGHLIGHT_COLOR : L.labelMode === 'ticks' ? AXIS_TITLE_COLOR : TEXT_COLOR))
    .attr('class', (d) => (d.index === highlight && L.labelMode !== 'ticks' ? THEME_CLASS.highlight : L.labelMode === 'ticks' ? THEME_CLASS.axisTitle : THEME_CLASS.ink))
    .text((d) => d.text);
  g.selectAll('line').data(L.labelMode === 'ticks' ? L.labels : []).join('line')
    .attr('x1', (d) => cx(d.index)).attr('x2', (d) => cx(d.index)).attr('y1', y - 4).attr('y2', y + 3)
    .attr('stroke', '#888').attr('class', THEME_CLASS.tick);
}

export { MAX_BARS };
