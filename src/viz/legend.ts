/**
 * `drawLegend`: a colour bar for a heatmap's scale with a d3 bottom axis, and a swatch of the
 * blocked-cell hatch labelled e.g. "masked (−∞)", so blocked cells are never read as a value.
 *
 *   title
 *   [■■■■■■■■■■■■■■■■■■■]
 *   −2   −1    0    1    2
 *   [▨] masked (−∞)
 *
 * The swatch sits under the ticks, so the legend is no wider than its bar and fits a narrow card
 * or a projector's side column; `swatchBeside` puts it right of the bar (shorter, wider).
 */
import { axisBottom, scaleLinear, select } from 'd3';
import type { ScaleLinear, Selection } from 'd3';
import { appendBlockedSvgPattern } from './blockedPattern';
import { setChangedAttrs, setChangedSelectionAttrs } from './changedAttrs';
import { FONT_FAMILY, labelFont, TEXT_COLOR, THEME_CLASS } from './heatmapAxes';
import { svgLayer } from './svgLayer';
import { maxTextWidth } from './text';
import type { ColorScale } from './types';

/** What `drawLegend` draws. */
export interface LegendSpec {
  /** The heatmap's colour scale; its domain (2 or 3 increasing numbers) spans the bar. */
  color: ColorScale;
  /** Shown above the bar, e.g. "weight" or "score". */
  title: string;
  /** Length of the colour bar, CSS px; default 200. */
  width?: number;
  /** Label of the blocked-cell swatch, e.g. "masked (−∞)"; '' hides the swatch. */
  blockedLabel: string;
  /** Approximate number of axis ticks (d3 `axis.ticks`); default: as many as fit (legendTickCount). */
  ticks?: number;
  /** Font size, CSS px; default 13 (as the heatmap labels). */
  fontSize?: number;
  /** The blocked swatch right of the bar instead of under the ticks (a wider, shorter legend). */
  swatchBeside?: boolean;
}

/** Returned by `drawLegend`. */
export interface LegendHandle {
  /** The legend's root: an <svg> in an HTML host, a <g> in an SVG host (position it yourself). */
  readonly node: SVGSVGElement | SVGGElement;
  /** Current size in CSS px. */
  size(): { width: number; height: number };
  update(spec: LegendSpec): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const BAR_HEIGHT = 12;
const SWATCH_WIDTH = 18;
/** Stops of the bar's gradient; 32 segments look continuous at any bar width. */
const GRADIENT_STOPS = 33;
let nextId = 0;

/**
 * Draws a legend into `host` (appends an <svg> to an HTML element, or a <g> to an SVG element).
 * @throws RangeError when the scale's domain has fewer than 2 values or is not increasing
 */
export function drawLegend(host: HTMLElement | SVGElement, spec: LegendSpec): LegendHandle {
  const doc = host.ownerDocument;
  const inSvg = host.namespaceURI === SVG_NS;
  const node = doc.createElementNS(SVG_NS, inSvg ? 'g' : 'svg') as SVGSVGElement | SVGGElement;
  node.setAttribute('class', 'ms-legend');
  host.append(node);
  const root = select<SVGSVGElement | SVGGElement, unknown>(node);
  const defs = doc.createElementNS(SVG_NS, 'defs');
  node.append(defs);
  const id = `ms-legend-${nextId++}`;
  appendBlockedSvgPattern(defs, `${id}-blocked`);
  const gradient = select(defs).append('linearGradient').attr('id', `${id}-gradient`);
  let size = { width: 0, height: 0 };

  let drawn = '';
  let framed = '';
  function render(s: LegendSpec): void {
    const scale = barScale(s.color.domain(), s.width ?? 200);
    // a redraw of what is shown already (e.g. the weights' [0, 1] on a head switch) writes nothing
    const stops = barStops(s.color, scale);
    const frame = frameKey(s);
    const key = legendKey(frame, s, scale, stops);
    if (key === drawn) return;
    drawn = key;
    writeStops(gradient, stops);
    // a new domain alone (the scores of another head) redraws the ticks, not the title, bar and swatch
    if (frame !== framed) {
      framed = frame;
      size = renderFrame(root, scale, s, id);
      if (!inSvg) setChangedSelectionAttrs(root, { width: size.width, height: size.height });
    }
    renderTicks(root, scale, s);
  }
  render(spec);
  return {
    node,
    size: () => size,
    update: render,
    destroy: () => node.remove(),
  };
}

/**
 * Position along the bar for a value: the domain's values are spread evenly over [0, width]
 * (so a diverging [−m, 0, m] puts 0 in the middle).
 * @example barScale([-2, 0, 2], 200)(1) // → 150
 */
export function barScale(domain: readonly number[], width: number): ScaleLinear<number, number> {
  const ok = domain.length >= 2 && domain.every((d, i) => i === 0 || d > (domain[i - 1] as number));
  if (!ok) throw new RangeError(`drawLegend: colour domain must be ≥ 2 increasing numbers, got [${domain.join(', ')}]`);
  const range = domain.map((_, i) => (i * width) / (domain.length - 1));
  return scaleLinear().domain(domain).range(range);
}

/**
 * How many ticks (d3 `axis.ticks`, a hint) fit under a bar `width` px wide with labels of
 * `fontSize` px: about 4.5 em per label (e.g. "−0.25" and a gap), at least 2.
 * @example legendTickCount(180, 13) // → 3: d3 then labels −1, 0, 1 rather than −1.5 … 1.5
 */
export function legendTickCount(width: number, fontSize: number): number {
  return Math.max(2, Math.floor(width / (4.5 * fontSize)));
}

/**
 * The tick count hint to give d3 for a legend bar: `legendTickCount`, raised until d3's nice
 * ticks label at least 3 values (d3 gives a lone "0" for [−3.9, 0, 3.9] with a hint of 2, which
 * says nothing of the range), up to 10.
 * @example barScale([-3.9, 0, 3.9], 220).ticks(legendTicks(barScale([-3.9, 0, 3.9], 220), 20)) // → [−2, 0, 2]
 */
export function legendTicks(x: ScaleLinear<number, number>, fontSize: number): number {
  const width = x.range()[x.range().length - 1] ?? 0;
  let count = legendTickCount(width, fontSize);
  while (x.ticks(count).length < 3 && count < 10) count++;
  return count;
}

/** A stop of the bar's gradient: at `offset` (0–1 along the bar), `color`. */
interface BarStop {
  offset: number;
  color: string;
}

/** The bar's gradient: GRADIENT_STOPS colours of `color`, evenly spaced along the bar `x`. */
function barStops(color: ColorScale, x: ScaleLinear<number, number>): BarStop[] {
  const width = x.range()[x.range().length - 1] ?? 0;
  return Array.from({ length: GRADIENT_STOPS }, (_, k) => {
    const offset = k / (GRADIENT_STOPS - 1);
    return { offset, color: color(x.invert(offset * width)) };
  });
}

/** Everything a legend shows, as a string (its frame's key, `frameKey`, and what the domain decides): equal keys draw the same legend. */
function legendKey(frame: string, s: LegendSpec, x: ScaleLinear<number, number>, stops: BarStop[]): string {
  return frame + JSON.stringify([x.domain(), stops.map((stop) => stop.color), s.ticks]);
}

type Root = Selection<SVGSVGElement | SVGGElement, unknown, null, undefined>;
type Gradient = Selection<SVGLinearGradientElement, unknown, null, undefined>;

/** What the title, bar and swatch of a legend (and its size) depend on: not the domain. */
function frameKey(s: LegendSpec): string {
  return JSON.stringify([s.title, s.blockedLabel, s.width, s.fontSize, s.swatchBeside]);
}

/** Where the bar sits for font size `f`: left padding (room for the end tick labels) and top. */
function barPlace(f: number): { pad: number; barY: number } {
  return { pad: Math.ceil(f * 1.5), barY: Math.ceil(f * 1.6) };
}

// the same colours at the same offsets for any domain of a linear scale: written only when they
// differ, since a changed gradient re-lays out the bar (changedAttrs.ts)
function writeStops(gradient: Gradient, stops: BarStop[]): void {
  gradient.selectAll<SVGStopElement, BarStop>('stop')
    .data(stops)
    .join('stop')
    .each(function (stop) {
      setChangedAttrs(this, { offset: stop.offset, 'stop-color': stop.color });
    });
}

/** The title, the bar and the blocked swatch; returns the legend's size in CSS px. */
function renderFrame(root: Root, x: ScaleLinear<number, number>, s: LegendSpec, id: string) {
  const f = s.fontSize ?? 13;
  const width = x.range()[x.range().length - 1] ?? 0;
  const { pad, barY } = barPlace(f);
  const g = svgLayer(root, 'ms-legend-body').attr('font-family', FONT_FAMILY).attr('font-size', f);
  g.selectAll('text.ms-legend-title').data([s.title]).join('text')
    .attr('class', `ms-legend-title ${THEME_CLASS.ink}`).attr('x', pad).attr('y', f)
    .attr('font-weight', 600).attr('fill', TEXT_COLOR).text((t) => t);
  g.selectAll('rect.ms-legend-bar').data([null]).join('rect')
    .attr('class', 'ms-legend-bar').attr('x', pad).attr('y', barY)
    .attr('width', width).attr('height', BAR_HEIGHT)
    .attr('fill', `url(#${id}-gradient)`).attr('stroke', '#999').attr('stroke-width', 0.5);
  const ticksBottom = barY + BAR_HEIGHT + 4 + f * 1.4 + 2;
  const doc = root.node()?.ownerDocument;
  const labelWidth = s.blockedLabel === '' || doc === undefined ? 0 : maxTextWidth([s.blockedLabel], labelFont(f), doc);
  // the title may be wider than the bar ("Weight ÷ row maximum" in presentation mode's 20 px)
  const titleRight = pad + (doc === undefined ? 0 : maxTextWidth([s.title], labelFont(f, 600), doc)) + 2;
  const swatchWidth = SWATCH_WIDTH + 6 + labelWidth + 4;
  if (s.swatchBeside) {
    const swatchX = pad + width + 2 * f;
    drawSwatch(g, s.blockedLabel, swatchX, barY, `${id}-blocked`);
    return { width: Math.ceil(Math.max(titleRight, s.blockedLabel === '' ? pad + width + pad : swatchX + swatchWidth)), height: Math.ceil(ticksBottom) };
  }
  const swatchY = Math.ceil(ticksBottom + f * 0.4);
  drawSwatch(g, s.blockedLabel, pad, swatchY, `${id}-blocked`);
  return {
    width: Math.ceil(Math.max(pad + width + pad, pad + swatchWidth, titleRight)),
    height: Math.ceil(s.blockedLabel === '' ? ticksBottom : swatchY + Math.max(BAR_HEIGHT, f) + 4),
  };
}

/** The ticks under the bar (a d3 bottom axis without its domain line), for the scale `x`. */
function renderTicks(root: Root, x: ScaleLinear<number, number>, s: LegendSpec): void {
  const f = s.fontSize ?? 13;
  const { pad, barY } = barPlace(f);
  const axisG = svgLayer(svgLayer(root, 'ms-legend-body'), 'ms-legend-axis');
  axisG.call(axisBottom(x).ticks(s.ticks ?? legendTicks(x, f)).tickSize(4));
  // after the axis, which sets its own font (10 px sans-serif) on every call
  setChangedSelectionAttrs(axisG, { transform: `translate(${pad},${barY + BAR_HEIGHT})`, 'font-size': f - 1, 'font-family': FONT_FAMILY });
  axisG.select('.domain').remove();
}

function drawSwatch(g: Selection<SVGGElement, unknown, null, undefined>, label: string, x: number, y: number, patternId: string): void {
  const data = label === '' ? [] : [label];
  g.selectAll('rect.ms-legend-blocked').data(data).join('rect')
    .attr('class', 'ms-legend-blocked').attr('x', x).attr('y', y)
    .attr('width', SWATCH_WIDTH).attr('height', BAR_HEIGHT)
    .attr('fill', `url(#${patternId})`).attr('stroke', '#999').attr('stroke-width', 0.5);
  g.selectAll('text.ms-legend-blocked-label').data(data).join('text')
    .attr('class', `ms-legend-blocked-label ${THEME_CLASS.ink}`).attr('x', x + SWATCH_WIDTH + 6).attr('y', y + BAR_HEIGHT / 2 + 1)
    .attr('dominant-baseline', 'central').attr('fill', TEXT_COLOR).text((t) => t);
}
