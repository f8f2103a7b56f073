/**
 * Numbers in the cells of a heatmap (`spec.valueText`): SVG <text> in `g.ms-values`, placed in
 * matrix coordinates and clipped to the matrix, so they can be selected, found and read by a
 * screen reader — the canvas cells cannot. Sizes and colours come from cellText.ts.
 */
import type { Selection } from 'd3';
import { colorCells, packedColorFn } from './cellColors';
import { setChangedAttrs } from './changedAttrs';
import { cellTexts, MAX_VALUE_CELLS, MIN_VALUE_FONT_PX, textColorForLuminance, VALUE_HEIGHT_SHARE, valueFontSize, viewCellIndices } from './cellText';
import { relativeLuminanceRgb } from './colorScales';
import { labelFont } from './heatmapAxes';
import type { HeatmapLayout } from './layout';
import { maxTextWidth } from './text';
import type { HeatmapSpec } from './types';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Halo of a number on a blocked (grey hatched) cell: white, under black text. */
const BLOCKED_HALO = { stroke: '#fff', width: 3 } as const;

/** One number as drawn, in CSS px relative to the drawn window's top-left corner. */
interface ValueItem {
  index: number;
  x: number;
  y: number;
  text: string;
  fill: string;
  /** What the text lies on: the cell's colour, or the halo's white. Declared as the text's CSS background so that contrast checkers (axe-core) can measure it; SVG does not paint it. */
  background: string;
  halo: boolean;
}

/** What the layer shows, per layer node: redrawn only when one of these changes. */
const drawnKeys = new WeakMap<SVGGElement, unknown[]>();

/**
 * Draws the numbers of the cells in the layout's window into `g` (or removes them), and returns
 * whether any are shown. Cheap when nothing it depends on changed since the last call.
 * @param g     the `g.ms-values` layer
 * @param clipId id of the matrix's <clipPath> (matrix coordinates)
 */
export function drawValues(g: G, L: HeatmapLayout, spec: HeatmapSpec, clipId: string): boolean {
  const vt = spec.valueText;
  const fontSize = L.fontSize;
  const key = [spec.values, spec.blocked, spec.greyRows, spec.fadeColor, spec.color, spec.cols, vt?.format, vt?.blocked, vt?.values, fontSize,
    L.left, L.top, L.cellWidth, L.cellHeight, L.row0, L.rows, L.col0, L.cols];
  const node = g.node() as SVGGElement;
  const last = drawnKeys.get(node);
  if (last !== undefined && last.length === key.length && last.every((v, k) => v === key[k])) return g.attr('data-shown') === 'true';
  drawnKeys.set(node, key);
  const items = valueItems(L, spec, node.ownerDocument);
  // only what changed: a rewritten clip-path re-lays out the layer (changedAttrs.ts)
  setChangedAttrs(node, {
    transform: `translate(${L.left},${L.top})`,
    'clip-path': `url(#${clipId})`,
    'pointer-events': 'none',
    'text-anchor': 'middle',
    'dominant-baseline': 'central',
    'font-size': items.length > 0 ? items.size : null,
    'data-shown': items.length > 0 ? 'true' : 'false',
  });
  g.style('user-select', 'text');
  g.selectAll<SVGTextElement, ValueItem>('text')
    .data(items.list, (d) => d.index)
    .join('text')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('fill', (d) => d.fill)
    .style('color', (d) => d.fill) // what contrast checkers read as an SVG text's colour
    .style('background-color', (d) => d.background)
    .attr('stroke', (d) => (d.halo ? BLOCKED_HALO.stroke : null))
    .attr('stroke-width', (d) => (d.halo ? BLOCKED_HALO.width : null))
    .attr('stroke-linejoin', (d) => (d.halo ? 'round' : null))
    .attr('paint-order', (d) => (d.halo ? 'stroke' : null))
    .text((d) => d.text);
  return items.length > 0;
}

/** The numbers to draw and their font size; none when they would not fit (cellText.ts rules). */
function valueItems(L: HeatmapLayout, spec: HeatmapSpec, doc: Document): { list: ValueItem[]; length: number; size: number } {
  const none = { list: [] as ValueItem[], length: 0, size: 0 };
  const vt = spec.valueText;
  const cells = L.rows * L.cols;
  if (vt === undefined || cells === 0 || cells > MAX_VALUE_CELLS) return none;
  if (Math.min(L.fontSize, VALUE_HEIGHT_SHARE * L.cellHeight) < MIN_VALUE_FONT_PX) return none;
  const indices = viewCellIndices(spec.cols, { row0: L.row0, rows: L.rows, col0: L.col0, cols: L.cols });
  const texts = cellTexts(vt.values ?? spec.values, spec.blocked, indices, vt.format, vt.blocked);
  const widest = maxTextWidth([...new Set(texts)], labelFont(L.fontSize), doc);
  const size = valueFontSize(L.cellWidth, L.cellHeight, L.fontSize, widest);
  if (size === null) return none;
  const rgba = colorCells(spec, indices, packedColorFn(spec.color));
  const list = Array.from(indices, (index, p): ValueItem => {
    const halo = spec.blocked !== undefined && spec.blocked[index] !== 0;
    const [r, g, b] = [rgba[4 * p] as number, rgba[4 * p + 1] as number, rgba[4 * p + 2] as number];
    const lum = relativeLuminanceRgb(r, g, b);
    return {
      index,
      x: ((index % spec.cols) - L.col0 + 0.5) * L.cellWidth,
      y: (Math.floor(index / spec.cols) - L.row0 + 0.5) * L.cellHeight,
      text: texts[p] as string,
      fill: halo ? '#000' : textColorForLuminance(lum),
      background: halo ? BLOCKED_HALO.stroke : `rgb(${r}, ${g}, ${b})`,
      halo,
    };
  });
  return { list, length: list.length, size };
}
