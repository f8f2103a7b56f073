/**
 * `heatmapFigure`: a heatmap spec (the one a stage card draws) as a figure (figureTypes.ts) for
 * slides and handouts — the whole matrix (not the zoomed window), its title, axis titles, token
 * labels, cells with the blocked hatch, padded rows faded, the "∅" of fully masked rows, the
 * numbers in the cells and the row notes where they fit, and the legend under it. Sizes, label
 * thinning and the numbers' rules are the screen's (layoutSpec, shownLabels, cellText.ts); the
 * hover, selection, outlines and zoom are left out.
 */
import { colorCells, computeCellRgba, packedColorFn } from './cellColors';
import { cellTexts, MAX_VALUE_CELLS, MIN_VALUE_FONT_PX, textColorForLuminance, VALUE_HEIGHT_SHARE, valueFontSize, viewCellIndices } from './cellText';
import { FLAGGED_ROW_COLOR, relativeLuminanceRgb } from './colorScales';
import { FIGURE_MARGIN, type CellsMark, type Figure, type FigureMark } from './figureTypes';
import { legendMarks, type FigureLegend } from './figureLegend';
import { AXIS_TITLE_COLOR, labelFont, MIN_FLAG_BAR_PX, MUTED_TEXT_COLOR, TEXT_COLOR } from './heatmapAxes';
import { cellGap } from './heatmapCanvas';
import { DEFAULT_FONT_SIZE } from './heatmap';
import { layoutSpec, shownLabels, specTitles } from './heatmapMeasure';
import { rowNoteItems } from './heatmapRowNotes';
import { validateSpec } from './heatmapSpec';
import { colLeft, rowTop, type HeatmapLayout } from './layout';
import { poolForDraw } from './poolPyramid';
import { isUprightLabel, maxTextWidth } from './text';
import type { HeatmapSpec } from './types';

/** Most device pixels per CSS px a figure is exported at (PNG 4×): a larger matrix is pooled to this. */
export const MAX_FIGURE_SCALE = 4;
/** Widest a heatmap figure is (labels included), CSS px: cells of a long axis shrink (below 1 px, then pooled) to fit. */
export const FIGURE_MAX_WIDTH = 900;
/** Space between the heatmap and its legend, CSS px. */
const LEGEND_GAP = 8;

/**
 * The figure of `spec`'s whole matrix, with `legend` under it.
 * @param spec a heatmap spec as drawn on screen; its window (`view`), width limits and box mode
 *             are ignored (the figure has the cells the matrix gets on its own, ≈ 360 px, at
 *             most FIGURE_MAX_WIDTH wide), `maxMatrixHeight` is kept
 * @param doc  measures the texts (a 2D canvas; without one, 0.6 em per character)
 * @throws RangeError from validateSpec when the spec's arrays are not of its shape
 * @example a 4 × 4 causal mask → a figure with one CellsMark of 4 × 4 cells (6 blocked), the
 *          title, "query"/"key", 4 + 4 token labels and the legend's swatches
 */
export function heatmapFigure(spec: HeatmapSpec, legend: FigureLegend | null, doc: Document): Figure {
  validateSpec(spec);
  const s: HeatmapSpec = { ...spec, view: undefined, onViewAction: undefined, maxWidth: FIGURE_MAX_WIDTH, maxHeight: undefined, maxCellPx: undefined };
  const fontSize = s.fontSize ?? DEFAULT_FONT_SIZE;
  const view = { row0: 0, rows: s.rows, col0: 0, cols: s.cols };
  const L = layoutSpec(s, view, fontSize, doc);
  const m = FIGURE_MARGIN;
  const marks: FigureMark[] = [
    ...axisMarks(s, L, fontSize),
    cellsMark(s, L),
    ...valueMarks(s, L, doc),
    ...flagMarks(L, s.flaggedRows),
    ...noteMarks(s, L),
  ].map((mark) => shift(mark, m, m));
  let width = L.width;
  let height = L.height;
  if (legend !== null) {
    const drawn = legendMarks(legend, m, m + L.height + LEGEND_GAP, fontSize, doc);
    marks.push(...drawn.marks);
    width = Math.max(width, drawn.width);
    height += LEGEND_GAP + drawn.height;
  }
  const W = Math.ceil(width + 2 * m);
  const H = Math.ceil(height + 2 * m);
  const background: FigureMark = { kind: 'rect', x: 0, y: 0, width: W, height: H, fill: '#fff', className: 'ms-fig-background' };
  return { width: W, height: H, marks: [background, ...marks], title: s.title || s.ariaLabel };
}

/** `mark` moved by (dx, dy). */
export function shift(mark: FigureMark, dx: number, dy: number): FigureMark {
  if (mark.kind === 'line') return { ...mark, x1: mark.x1 + dx, x2: mark.x2 + dx, y1: mark.y1 + dy, y2: mark.y2 + dy };
  return { ...mark, x: mark.x + dx, y: mark.y + dy };
}

/** Title, axis titles, row and column labels (ticks where thinned), as heatmapAxes.ts draws them. */
function axisMarks(s: HeatmapSpec, L: HeatmapLayout, f: number): FigureMark[] {
  const titles = specTitles(s);
  const out: FigureMark[] = [];
  const text = (x: number, y: number, t: string, more: Partial<Extract<FigureMark, { kind: 'text' }>>): FigureMark =>
    ({ kind: 'text', x, y, text: t, fontSize: f, fill: TEXT_COLOR, anchor: 'start', baseline: 'alphabetic', ...more });
  if (titles.title !== '') out.push(text(0, Math.round(f * 1.3), titles.title, { fontSize: f + 2, fontWeight: 700, className: 'ms-fig-title' }));
  if (titles.colAxisTitle !== '') out.push(text(L.colTitleX, L.titleBand + f, titles.colAxisTitle, { fontWeight: 600, anchor: 'middle', fill: AXIS_TITLE_COLOR, className: 'ms-fig-axis-title' }));
  if (titles.rowAxisTitle !== '') out.push(text(f, L.rowTitleY, titles.rowAxisTitle, { fontWeight: 600, anchor: 'middle', rotate: -90, fill: AXIS_TITLE_COLOR, className: 'ms-fig-axis-title' }));
  const labels = shownLabels(s, { row0: 0, rows: s.rows, col0: 0, cols: s.cols }, L.cellWidth, L.cellHeight, f);
  const grey = (i: number) => s.greyRows !== undefined && (s.greyRows[i] ?? 0) !== 0;
  for (const { index, text: t } of labels.rows) {
    const y = rowTop(L, index) + L.cellHeight / 2;
    out.push(text(L.left - L.labelGap, y, t, { anchor: 'end', baseline: 'central', fill: grey(index) ? MUTED_TEXT_COLOR : TEXT_COLOR, italic: grey(index), className: 'ms-fig-row-label' }));
    if (labels.rowTicks) out.push({ kind: 'line', x1: L.left - L.labelGap + 2, x2: L.left, y1: y, y2: y, stroke: '#888', width: 1 });
  }
  const y = L.top - L.labelGap;
  for (const { index, text: t } of labels.cols) {
    const x = colLeft(L, index) + L.cellWidth / 2;
    const upright = isUprightLabel(t);
    out.push(text(x, y, t, { anchor: upright ? 'end' : 'start', baseline: 'central', rotate: upright ? 0 : -90, upright, className: 'ms-fig-col-label' }));
    if (labels.colTicks) out.push({ kind: 'line', x1: x, x2: x, y1: y + 2, y2: L.top, stroke: '#888', width: 1 });
  }
  return out;
}

/**
 * The cells: one per matrix cell, or max-pooled (pool.ts, as the screen does below a pixel per
 * cell) to MAX_FIGURE_SCALE device px per CSS px when the matrix has more cells than that.
 */
function cellsMark(s: HeatmapSpec, L: HeatmapLayout): CellsMark {
  const rows = Math.min(s.rows, Math.max(1, Math.ceil(L.matrixHeight * MAX_FIGURE_SCALE)));
  const cols = Math.min(s.cols, Math.max(1, Math.ceil(L.matrixWidth * MAX_FIGURE_SCALE)));
  const base = { kind: 'cells' as const, x: L.left, y: L.top, width: L.matrixWidth, height: L.matrixHeight, gap: cellGap(Math.min(L.cellWidth, L.cellHeight)) };
  if (rows === s.rows && cols === s.cols) {
    const blocked = s.blocked === undefined ? null : Uint8Array.from(s.blocked, (b) => (b ? 1 : 0));
    return { ...base, rows, cols, rgba: computeCellRgba(s), blocked, pooled: false };
  }
  const pooled = poolForDraw(s.values, s.rows, s.cols, rows, cols, s.blocked, { row0: 0, rows: s.rows, col0: 0, cols: s.cols }, s.poolBy, s.poolBlocked, s.pyramid, false, s.pyramidOf);
  return { ...base, rows, cols, rgba: colorCells(s, pooled.source, undefined, pooled.shown), blocked: s.blocked === undefined ? null : pooled.blocked, pooled: true, gap: 0 };
}

/** The numbers in the cells, by the screen's rules (heatmapValues.ts, cellText.ts); none when they do not fit. */
function valueMarks(s: HeatmapSpec, L: HeatmapLayout, doc: Document): FigureMark[] {
  const vt = s.valueText;
  const cells = s.rows * s.cols;
  if (vt === undefined || cells === 0 || cells > MAX_VALUE_CELLS) return [];
  if (Math.min(L.fontSize, VALUE_HEIGHT_SHARE * L.cellHeight) < MIN_VALUE_FONT_PX) return [];
  const indices = viewCellIndices(s.cols, { row0: 0, rows: s.rows, col0: 0, cols: s.cols });
  const texts = cellTexts(vt.values ?? s.values, s.blocked, indices, vt.format, vt.blocked);
  const size = valueFontSize(L.cellWidth, L.cellHeight, L.fontSize, maxTextWidth([...new Set(texts)], labelFont(L.fontSize), doc));
  if (size === null) return [];
  const rgba = colorCells(s, indices, packedColorFn(s.color));
  return Array.from(indices, (index, p): FigureMark => {
    const halo = s.blocked !== undefined && s.blocked[index] !== 0;
    const lum = relativeLuminanceRgb(rgba[4 * p] as number, rgba[4 * p + 1] as number, rgba[4 * p + 2] as number);
    return {
      kind: 'text', x: L.left + ((index % s.cols) + 0.5) * L.cellWidth, y: L.top + (Math.floor(index / s.cols) + 0.5) * L.cellHeight,
      text: texts[p] as string, fontSize: size, fill: halo ? '#000' : textColorForLuminance(lum), anchor: 'middle', baseline: 'central',
      halo: halo ? { color: '#fff', width: 3 } : undefined, className: 'ms-fig-value',
    };
  });
}

/** A red "∅" after each fully masked row, or a red bar when rows are under 10 px (heatmapAxes.ts drawFlags). */
function flagMarks(L: HeatmapLayout, flagged: ArrayLike<number> | undefined): FigureMark[] {
  const out: FigureMark[] = [];
  const s = L.cellHeight;
  const x = L.left + L.matrixWidth + 3;
  for (let r = 0; flagged !== undefined && r < Math.min(L.rows, flagged.length); r++) {
    if (flagged[r] === 0) continue;
    const y = rowTop(L, r) + s / 2;
    if (s >= 10) out.push({ kind: 'text', x, y, text: '∅', fontSize: Math.min(L.fontSize + 2, s), fontWeight: 700, fill: FLAGGED_ROW_COLOR, anchor: 'start', baseline: 'central', className: 'ms-fig-flag' });
    else out.push({ kind: 'rect', x, y: y - Math.max(s, MIN_FLAG_BAR_PX) / 2, width: 8, height: Math.max(s, MIN_FLAG_BAR_PX), fill: FLAGGED_ROW_COLOR, className: 'ms-fig-flag' });
  }
  return out;
}

/** The row notes (e.g. the weights' row sums) and their title, as heatmapRowNotes.ts draws them. */
function noteMarks(s: HeatmapSpec, L: HeatmapLayout): FigureMark[] {
  const items = s.rowNotes === undefined ? [] : rowNoteItems(s.rowNotes, L);
  const grey = (r: number) => s.greyRows !== undefined && (s.greyRows[r] ?? 0) !== 0;
  const out: FigureMark[] = items.map((d) => ({
    kind: 'text', x: d.x, y: d.y, text: d.text, fontSize: Math.min(L.fontSize, L.cellHeight), fill: grey(d.row) ? MUTED_TEXT_COLOR : TEXT_COLOR,
    italic: grey(d.row), anchor: 'end', baseline: 'central', className: 'ms-fig-row-note',
  }));
  if (items.length > 0 && (s.rowNotesTitle ?? '') !== '') {
    out.push({ kind: 'text', x: L.notesLeft + L.notesWidth / 2, y: L.top - L.labelGap, text: s.rowNotesTitle ?? '', fontSize: L.fontSize, fontWeight: 700, fill: TEXT_COLOR, anchor: 'middle', baseline: 'alphabetic', className: 'ms-fig-row-note' });
  }
  return out;
}
