/**
 * SVG axes of a heatmap: title, axis titles, row (query) labels on the left, rotated column
 * (key) labels on the top, ticks when labels are thinned, and the fully-masked-row markers.
 * Drawn with d3 joins, so a redraw reuses the existing nodes. Label indices are of the whole
 * matrix; a zoomed layout (row0, col0) places them in its window.
 */
import type { Selection } from 'd3';
import { FLAGGED_ROW_COLOR } from './colorScales';
import { colLeft, rowTop } from './layout';
import type { HeatmapLayout } from './layout';
import { isUprightLabel } from './text';

/** A shown label: its row/column index (of the whole matrix) and its (truncated) text. */
export interface AxisLabel {
  index: number;
  text: string;
}

/** Everything `drawAxes` draws besides the layout. */
export interface AxesContent {
  rowLabels: AxisLabel[];
  colLabels: AxisLabel[];
  /** True when labels are thinned (step > 1): ticks show which row/column a label names. */
  rowTicks: boolean;
  colTicks: boolean;
  greyRows?: ArrayLike<number>;
  flaggedRows?: ArrayLike<number>;
  title: string;
  rowAxisTitle: string;
  colAxisTitle: string;
}

/** Font family of every heatmap and legend text. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** CSS font shorthand of the labels; the same string is used to measure them. */
export function labelFont(fontSize: number, weight = 400): string {
  return `${weight} ${fontSize}px ${FONT_FAMILY}`;
}

/** Text colour of labels and titles: 15.9:1 on white. */
export const TEXT_COLOR = '#222';
/**
 * Labels of padded query rows (also italic): 5.3:1 on white, above WCAG AA's 4.5:1 for normal
 * text, so they stay readable on a projector. See contrastRatio in colorScales.ts.
 */
export const MUTED_TEXT_COLOR = '#6b6b6b';
/** Axis titles ("query", "key"): 7.5:1 on white. */
export const AXIS_TITLE_COLOR = '#555';
/** Tick marks of thinned labels. */
export const TICK_COLOR = '#888';

/**
 * Classes on the SVG parts whose colour follows the page's theme: the attributes above are the
 * light theme's colours (and a standalone SVG's); the page's stylesheet (look.css) overrides them
 * with CSS custom properties, e.g. `.ms-ink { fill: var(--chart-ink) }`. Cell colours and the
 * numbers in cells do not follow the theme.
 */
export const THEME_CLASS = {
  /** text in TEXT_COLOR */
  ink: 'ms-ink',
  /** text of padded rows, MUTED_TEXT_COLOR */
  muted: 'ms-muted',
  /** axis titles, AXIS_TITLE_COLOR */
  axisTitle: 'ms-axis-title',
  /** tick lines, TICK_COLOR */
  tick: 'ms-tick',
  /** fully-masked-row markers, FLAGGED_ROW_COLOR */
  flag: 'ms-flag',
  /** the white stroke behind text drawn over cells or bars (the page's panel colour) */
  halo: 'ms-halo',
  /** lines in TEXT_COLOR */
  inkStroke: 'ms-ink-stroke',
  /** faint grid lines */
  grid: 'ms-grid',
  /** the highlighted key's label */
  highlight: 'ms-highlight',
} as const;

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Draws all axis parts into the layer groups created by drawHeatmap. */
export function drawAxes(layers: Record<'titles' | 'rows' | 'cols' | 'flags', G>, L: HeatmapLayout, a: AxesContent): void {
  drawTitles(layers.titles, L, a);
  drawRowLabels(layers.rows, L, a);
  drawColLabels(layers.cols, L, a);
  drawFlags(layers.flags, L, a.flaggedRows);
}

function drawTitles(g: G, L: HeatmapLayout, a: AxesContent): void {
  const f = L.fontSize;
  const items = [
    { key: 'title', text: a.title, x: 0, y: Math.round(f * 1.3), size: f + 2, weight: 700, anchor: 'start', rotate: 0 },
    { key: 'col', text: a.colAxisTitle, x: L.colTitleX, y: L.titleBand + f, size: f, weight: 600, anchor: 'middle', rotate: 0 },
    { key: 'row', text: a.rowAxisTitle, x: f, y: L.rowTitleY, size: f, weight: 600, anchor: 'middle', rotate: -90 },
  ].filter((d) => d.text !== '');
  g.selectAll('text')
    .data(items, (d) => (d as { key: string }).key)
    .join('text')
    .attr('transform', (d) => `translate(${d.x},${d.y}) rotate(${d.rotate})`)
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-size', (d) => d.size)
    .attr('font-weight', (d) => d.weight)
    .attr('fill', (d) => (d.key === 'title' ? TEXT_COLOR : AXIS_TITLE_COLOR))
    .attr('class', (d) => (d.key === 'title' ? THEME_CLASS.ink : THEME_CLASS.axisTitle))
    .text((d) => d.text);
}

function drawRowLabels(g: G, L: HeatmapLayout, a: AxesContent): void {
  const s = L.cellHeight;
  const grey = (i: number) => a.greyRows !== undefined && (a.greyRows[i] ?? 0) !== 0;
  g.selectAll('text')
    .data(a.rowLabels, (d) => (d as AxisLabel).index)
    .join('text')
    .attr('x', L.left - L.labelGap)
    .attr('y', (d) => rowTop(L, d.index) + 0.5 * s)
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'central')
    .attr('fill', (d) => (grey(d.index) ? MUTED_TEXT_COLOR : TEXT_COLOR))
    .attr('class', (d) => (grey(d.index) ? THEME_CLASS.muted : THEME_CLASS.ink))
    .attr('font-style', (d) => (grey(d.index) ? 'italic' : null))
    .text((d) => d.text);
  const ticks = a.rowTicks ? a.rowLabels : [];
  g.selectAll('line')
    .data(ticks, (d) => (d as AxisLabel).index)
    .join('line')
    .attr('x1', L.left - L.labelGap + 2)
    .attr('x2', L.left)
    .attr('y1', (d) => rowTop(L, d.index) + 0.5 * s)
    .attr('y2', (d) => rowTop(L, d.index) + 0.5 * s)
    .attr('stroke', TICK_COLOR)
    .attr('class', THEME_CLASS.tick);
}

function drawColLabels(g: G, L: HeatmapLayout, a: AxesContent): void {
  const s = L.cellWidth;
  const y = L.top - L.labelGap;
  g.selectAll('text')
    .data(a.colLabels, (d) => (d as AxisLabel).index)
    .join('text')
    // CJK labels stand upright in a vertical line ending at the same place (isUprightLabel)
    .attr('transform', (d) => `translate(${colLeft(L, d.index) + 0.5 * s},${y})${isUprightLabel(d.text) ? '' : ' rotate(-90)'}`)
    .attr('writing-mode', (d) => (isUprightLabel(d.text) ? 'vertical-rl' : null))
    .attr('text-orientation', (d) => (isUprightLabel(d.text) ? 'upright' : null))
    .attr('text-anchor', (d) => (isUprightLabel(d.text) ? 'end' : 'start'))
    .attr('dominant-baseline', 'central')
    .attr('fill', TEXT_COLOR)
    .attr('class', THEME_CLASS.ink)
    .text((d) => d.text);
  const ticks = a.colTicks ? a.colLabels : [];
  g.selectAll('line')
    .data(ticks, (d) => (d as AxisLabel).index)
    .join('line')
    .attr('x1', (d) => colLeft(L, d.index) + 0.5 * s)
    .attr('x2', (d) => colLeft(L, d.index) + 0.5 * s)
    .attr('y1', y + 2)
    .attr('y2', L.top)
    .attr('stroke', TICK_COLOR)
    .attr('class', THEME_CLASS.tick);
}

/** Smallest height of a flagged-row bar, CSS px (rows of 1 px cells would be invisible). */
export const MIN_FLAG_BAR_PX = 6;

/**
 * A red "∅" after each fully masked row when rows are ≥ 10 px; otherwise a red bar (at least
 * MIN_FLAG_BAR_PX high, centred on the row), so adjacent flagged rows form one bar.
 */
function drawFlags(g: G, L: HeatmapLayout, flagged: ArrayLike<number> | undefined): void {
  const rows: number[] = [];
  const end = Math.min(L.row0 + L.rows, flagged?.length ?? 0);
  for (let r = L.row0; flagged !== undefined && r < end; r++) if (flagged[r] !== 0) rows.push(r);
  const s = L.cellHeight;
  const glyph = s >= 10;
  const x = L.left + L.matrixWidth;
  const barHeight = Math.max(s, MIN_FLAG_BAR_PX);
  g.selectAll('text')
    .data(glyph ? rows : [])
    .join('text')
    .attr('x', x + 3)
    .attr('y', (r) => rowTop(L, r) + 0.5 * s)
    .attr('dominant-baseline', 'central')
    .attr('font-size', Math.min(L.fontSize + 2, s))
    .attr('font-weight', 700)
    .attr('fill', FLAGGED_ROW_COLOR)
    .attr('class', THEME_CLASS.flag)
    .text('∅');
  g.selectAll('rect')
    .data(glyph ? [] : rows)
    .join('rect')
    .attr('x', x + 3)
    .attr('y', (r) => rowTop(L, r) + 0.5 * s - barHeight / 2)
    .attr('width', 8)
    .attr('height', barHeight)
    .attr('fill', FLAGGED_ROW_COLOR)
    .attr('class', THEME_CLASS.flag);
}
