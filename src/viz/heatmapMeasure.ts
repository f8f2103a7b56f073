/**
 * A spec's layout: its texts measured (labels, titles, row notes) and the cells fitted to the
 * room it has (fitLayout.ts). The only DOM it touches is a canvas context for text widths.
 */
import { fitHeatmapLayout } from './fitLayout';
import { labelFont } from './heatmapAxes';
import { allAxisTexts, axisLabels, labelGapPx } from './heatmapLabels';
import { rowNotesShown, rowNotesWidth } from './heatmapRowNotes';
import type { HeatmapLayout } from './layout';
import { maxTextWidth, widestCandidates } from './text';
import type { CellRange, HeatmapSpec } from './types';

/** Texts measured to find the widest label of an axis (text.ts `widestCandidates`). */
const RESERVE_CANDIDATES = 48;

/**
 * Reserved label widths (CSS px) per labels array, then per "font|count": the heatmaps of one
 * grid share their token arrays, so an axis of 4096 tokens is sized once, not once per heatmap.
 */
const reserves = new WeakMap<readonly string[], Map<string, number>>();

/** The ten digits, measured to bound the width of an index tick label (indexLabelBound). */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Width (CSS px, in `font`) that no index tick label of an axis of `count` cells exceeds (digits
 * have no kerning in UI fonts): as many of the widest digit as count − 1 has digits. A zoomable
 * heatmap reserves it, so a new window's ticks ("1792", "1800", …) need no measuring: measureText
 * of a hundred new numbers per zoom step was about 4 ms here (headless Chromium, 2-core EPYC).
 */
function indexLabelBound(count: number, font: string, doc: Document): number {
  return String(Math.max(0, count - 1)).length * maxTextWidth(DIGITS, font, doc);
}

/** Width (CSS px, in `font`) of the widest text an axis of `count` cells can show at any zoom, index ticks included. */
function reservedWidth(labels: readonly string[], count: number, font: string, doc: Document): number {
  let perFont = reserves.get(labels);
  if (perFont === undefined) {
    perFont = new Map();
    reserves.set(labels, perFont);
  }
  const id = `${font}|${count}`;
  let width = perFont.get(id);
  if (width === undefined) {
    width = Math.max(maxTextWidth(widestCandidates(allAxisTexts(labels, count), RESERVE_CANDIDATES), font, doc), indexLabelBound(count, font, doc));
    perFont.set(id, width);
  }
  return width;
}

/** Shown labels of both axes for the window `view` (heatmapLabels.ts `axisLabels`). */
export function shownLabels(spec: HeatmapSpec, view: CellRange, cellWidth: number, cellHeight: number, fontSize: number) {
  const minGap = labelGapPx(fontSize);
  const rows = axisLabels(spec.rowLabels, view.row0, view.rows, cellHeight, minGap);
  const cols = axisLabels(spec.colLabels, view.col0, view.cols, cellWidth, minGap);
  return { rows: rows.shown, cols: cols.shown, rowTicks: rows.ticks, colTicks: cols.ticks };
}

/** The titles a spec draws, defaults applied. */
export function specTitles(spec: HeatmapSpec): { title: string; rowAxisTitle: string; colAxisTitle: string } {
  return { title: spec.title ?? '', rowAxisTitle: spec.rowAxisTitle ?? 'query', colAxisTitle: spec.colAxisTitle ?? 'key' };
}

/**
 * The layout of `spec`'s window `view` at `fontSize`: fitHeatmapLayout with the label, title
 * and row-notes widths measured in `doc`. A zoomable heatmap (view or onViewAction given)
 * reserves room for every label and note it may show, so its frame never moves while zooming;
 * another one reserves the notes column only when its rows are tall enough to show notes.
 */
export function layoutSpec(spec: HeatmapSpec, view: CellRange, fontSize: number, doc: Document): HeatmapLayout {
  const font = labelFont(fontSize);
  const titleFont = labelFont(fontSize, 600);
  const { title, rowAxisTitle, colAxisTitle } = specTitles(spec);
  const zoomable = spec.view !== undefined || spec.onViewAction !== undefined;
  const notes = spec.rowNotes === undefined ? 0 : rowNotesWidth(spec.rowNotes, spec.rowNotesTitle ?? '', fontSize, doc);
  return fitHeatmapLayout({
    rows: view.rows, cols: view.cols, row0: view.row0, col0: view.col0, whole: { rows: spec.rows, cols: spec.cols },
    fontSize, hasTitle: title !== '', cellSize: spec.cellSize, maxWidth: spec.maxWidth, maxMatrixHeight: spec.maxMatrixHeight,
    maxHeight: spec.maxHeight, maxCellPx: spec.maxCellPx,
    titleWidth: title === '' ? 0 : maxTextWidth([title], labelFont(fontSize + 2, 700), doc),
    rowAxisTitleWidth: rowAxisTitle === '' ? 0 : maxTextWidth([rowAxisTitle], titleFont, doc),
    colAxisTitleWidth: colAxisTitle === '' ? 0 : maxTextWidth([colAxisTitle], titleFont, doc),
    labelWidths: (cellWidth, cellHeight) => {
      const shown = shownLabels(spec, view, cellWidth, cellHeight, fontSize);
      // a zoomable heatmap's index ticks are within its reserve (indexLabelBound): not measured
      const measure = (labels: { text: string }[], ticks: boolean) => (zoomable && ticks ? 0 : maxTextWidth(labels.map((l) => l.text), font, doc));
      const row = measure(shown.rows, shown.rowTicks);
      const col = measure(shown.cols, shown.colTicks);
      if (!zoomable) return { row, col, notes: rowNotesShown(cellHeight) ? notes : 0 };
      return {
        row: Math.max(row, reservedWidth(spec.rowLabels, spec.rows, font, doc)),
        col: Math.max(col, reservedWidth(spec.colLabels, spec.cols, font, doc)),
        notes,
      };
    },
  });
}

/**
 * True when layoutSpec and shownLabels give `b` what they gave `a` for the same window: the spec
 * fields they read are equal (labels by reference, row notes by their texts). Text widths are
 * memoised per text (text.ts), so a re-measure could give nothing new.
 */
export function sameLayoutInputs(a: HeatmapSpec, b: HeatmapSpec): boolean {
  return a.rows === b.rows && a.cols === b.cols && a.rowLabels === b.rowLabels && a.colLabels === b.colLabels
    && a.fontSize === b.fontSize && a.cellSize === b.cellSize && a.maxCellPx === b.maxCellPx
    && a.maxWidth === b.maxWidth && a.maxHeight === b.maxHeight && a.maxMatrixHeight === b.maxMatrixHeight
    && a.title === b.title && a.rowAxisTitle === b.rowAxisTitle && a.colAxisTitle === b.colAxisTitle
    && (a.view === undefined) === (b.view === undefined) && (a.onViewAction === undefined) === (b.onViewAction === undefined)
    && a.rowNotesTitle === b.rowNotesTitle && sameTexts(a.rowNotes, b.rowNotes);
}

function sameTexts(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((text, i) => text === b[i]);
}
