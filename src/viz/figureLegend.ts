/**
 * The legend of a figure as marks (figureTypes.ts), drawn as the screen draws it: a colour bar
 * with ticks and a swatch of the blocked-cell hatch (legend.ts), or the mask's swatches
 * (allowed / blocked / padded query, as Legend.tsx). Geometry shared with legend.ts: its
 * barScale and legendTicks, the same bar height, swatch size and spacings.
 */
import { packCssColor, mixPacked, FADE_AMOUNT } from './cellColors';
import { PADDED_ROW_GREY } from './colorScales';
import { labelFont, TEXT_COLOR } from './heatmapAxes';
import { barScale, legendTicks } from './legend';
import { maxTextWidth } from './text';
import type { FigureMark } from './figureTypes';
import type { ColorScale } from './types';

/** A figure's legend: a colour bar (scores, weights, output) or the mask's swatches. */
export type FigureLegend =
  | {
      kind: 'bar';
      color: ColorScale;
      title: string;
      /** Label of the hatch swatch, e.g. "masked (−∞)"; '' for none. */
      blockedLabel: string;
      /** Bar length, CSS px; default 180 (as under a stage card). */
      width?: number;
    }
  | {
      kind: 'swatches';
      /** Colour of an allowed cell (the mask heatmap's colour of 1). */
      allowedColor: string;
      items: { swatch: 'allowed' | 'blocked' | 'padded'; label: string }[];
    };

const BAR_HEIGHT = 12;
const SWATCH_WIDTH = 18;
const GRADIENT_STOPS = 33;
const STROKE = '#999';

/** Marks of `legend` with its top-left corner at (x, y), and its size (CSS px). */
export function legendMarks(legend: FigureLegend, x: number, y: number, fontSize: number, doc: Document): { marks: FigureMark[]; width: number; height: number } {
  return legend.kind === 'bar' ? barLegend(legend, x, y, fontSize, doc) : swatchLegend(legend, x, y, fontSize, doc);
}

function barLegend(legend: Extract<FigureLegend, { kind: 'bar' }>, x0: number, y0: number, f: number, doc: Document) {
  const width = legend.width ?? 180;
  const scale = barScale(legend.color.domain(), width);
  const pad = Math.ceil(f * 1.5);
  const barY = y0 + Math.ceil(f * 1.6);
  const marks: FigureMark[] = [
    { kind: 'text', x: x0 + pad, y: y0 + f, text: legend.title, fontSize: f, fontWeight: 600, fill: TEXT_COLOR, anchor: 'start', baseline: 'alphabetic', className: 'ms-fig-legend-title' },
    {
      kind: 'gradient', x: x0 + pad, y: barY, width, height: BAR_HEIGHT, stroke: STROKE,
      stops: Array.from({ length: GRADIENT_STOPS }, (_, k) => k / (GRADIENT_STOPS - 1)).map((t) => ({ offset: t, color: legend.color(scale.invert(t * width)) })),
    },
  ];
  const count = legendTicks(scale, f);
  const format = scale.tickFormat(count);
  const tickTop = barY + BAR_HEIGHT;
  for (const v of scale.ticks(count)) {
    const tx = x0 + pad + scale(v);
    marks.push({ kind: 'line', x1: tx, y1: tickTop, x2: tx, y2: tickTop + 4, stroke: TEXT_COLOR, width: 1 });
    // d3's axisBottom: the label 3 px under the 4 px tick, dy 0.71em
    marks.push({ kind: 'text', x: tx, y: tickTop + 7 + 0.71 * (f - 1), text: format(v), fontSize: f - 1, fill: TEXT_COLOR, anchor: 'middle', baseline: 'alphabetic', className: 'ms-fig-legend-tick' });
  }
  const ticksBottom = Math.ceil(f * 1.6) + BAR_HEIGHT + 4 + f * 1.4 + 2;
  if (legend.blockedLabel === '') return { marks, width: pad + width + pad, height: Math.ceil(ticksBottom) };
  const swatchY = Math.ceil(ticksBottom + f * 0.4);
  marks.push(...swatch(x0 + pad, y0 + swatchY, 'blocked', '', legend.blockedLabel, f));
  const labelWidth = maxTextWidth([legend.blockedLabel], labelFont(f), doc);
  return { marks, width: Math.ceil(Math.max(pad + width + pad, pad + SWATCH_WIDTH + 6 + labelWidth + 4)), height: Math.ceil(swatchY + Math.max(BAR_HEIGHT, f) + 4) };
}

/** The mask's legend: swatches with labels in one line, e.g. [■] allowed (1)  [▨] blocked (0). */
function swatchLegend(legend: Extract<FigureLegend, { kind: 'swatches' }>, x0: number, y0: number, f: number, doc: Document) {
  const marks: FigureMark[] = [];
  const allowed = packCssColor(legend.allowedColor) ?? 0;
  const padded = `#${mixPacked(allowed, packCssColor(PADDED_ROW_GREY) ?? 0, FADE_AMOUNT).toString(16).padStart(6, '0')}`;
  let x = x0;
  for (const item of legend.items) {
    const fill = item.swatch === 'allowed' ? legend.allowedColor : item.swatch === 'padded' ? padded : '';
    marks.push(...swatch(x, y0 + 2, item.swatch, fill, item.label, f));
    x += SWATCH_WIDTH + 6 + maxTextWidth([item.label], labelFont(f), doc) + f;
  }
  return { marks, width: Math.ceil(x - x0), height: Math.ceil(Math.max(BAR_HEIGHT, f) + 6) };
}

function swatch(x: number, y: number, kind: 'allowed' | 'blocked' | 'padded', fill: string, label: string, f: number): FigureMark[] {
  return [
    { kind: 'rect', x, y, width: SWATCH_WIDTH, height: BAR_HEIGHT, fill, hatch: kind === 'blocked', stroke: STROKE, strokeWidth: 0.5, className: `ms-fig-swatch ms-fig-swatch-${kind}` },
    { kind: 'text', x: x + SWATCH_WIDTH + 6, y: y + BAR_HEIGHT / 2 + 1, text: label, fontSize: f, fill: TEXT_COLOR, anchor: 'start', baseline: 'central', className: 'ms-fig-legend-label' },
  ];
}
