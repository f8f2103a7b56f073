/**
 * Fitting a heatmap into the room it has (pure; no DOM): cells chosen (cellDims.ts), then
 * shrunk until the whole drawing — labels, margins, row notes — fits `maxWidth`, or, in box mode
 * (`maxHeight` or `maxCellPx` given), the largest cells with which it fits `maxWidth` × `maxHeight`
 * (a projector view: a 6×6 matrix in 760 × 560 px gets cells of ~75 px, not 40).
 * Unit-tested in tests/unit/viz-layout.test.ts.
 */
import { chooseCellDims, MAX_CELL_PX, MIN_RECT_CELL_EDGE_PX, readablePx, snapCellEdge } from './cellDims';
import type { CellDims } from './cellDims';
import { heatmapLayout } from './layout';
import type { HeatmapLayout, LayoutInput } from './layout';

/** Widths (CSS px) of what sits beside the matrix: the widest row and column label, the row notes. */
export interface SideWidths {
  row: number;
  col: number;
  /** Width of the row-notes column (widest note or its title); 0 / undefined = no column. */
  notes?: number;
}

/** Inputs of `fitHeatmapLayout`: a LayoutInput whose cell size and label widths are chosen. */
export interface FitInput extends Omit<LayoutInput, 'cellSize' | 'cellWidth' | 'cellHeight' | 'rowLabelWidth' | 'colLabelWidth' | 'rowNotesWidth'> {
  /** Square cell edge, CSS px; default: `chooseCellDims` (rectangular cells). */
  cellSize?: number;
  /** CSS px available for the whole drawing's width, labels included; default: no limit. */
  maxWidth?: number;
  /**
   * Box mode: the tallest the whole drawing (title, labels, margins included) may be, CSS px.
   * Cells are then the largest (≤ maxCellPx) with which the drawing fits maxWidth × maxHeight.
   */
  maxHeight?: number;
  /**
   * Box mode: the largest cell edge, CSS px (default MAX_CELL_PX = 40). Given without
   * maxHeight, the cells grow until the drawing fills maxWidth (no maxWidth: the usual
   * 360 px target, with edges up to maxCellPx).
   */
  maxCellPx?: number;
  /**
   * Size of the whole matrix when only a window of it (rows × cols) is drawn (zoomed view).
   * Cells are then chosen for the whole matrix and enlarged by whole/shown per axis, so the
   * matrix keeps the frame (CSS px) of the whole one at every zoom. Default: rows × cols.
   */
  whole?: { rows: number; cols: number };
  /**
   * Tallest the (whole) matrix may be, CSS px: rows shrink — below 1 px if need be, then pooled
   * — to fit. For a narrow matrix with many rows (the output, Lq × dV) that no width limits.
   * Default: no limit.
   */
  maxMatrixHeight?: number;
  /**
   * Widths (CSS px) of the widest shown row and column label (and of the row-notes column) when
   * cells are cellWidth × cellHeight (labels are thinned by cell size, so this changes with it).
   */
  labelWidths(cellWidth: number, cellHeight: number): SideWidths;
}

/** Rounds of "shrink the cells, re-measure the labels" in `fitHeatmapLayout`. */
const FIT_ROUNDS = 4;
/** Halvings of the box-mode search (the matrix extent is found to ~1/1000 of a cell). */
const BOX_SEARCH_STEPS = 24;

/**
 * The heatmap's layout in the room it has.
 *
 * Width mode (neither maxHeight nor maxCellPx):
 * 1. Cells: `cellSize` × `cellSize` when given, else chooseCellDims(rows, cols) with labels
 *    readable at fontSize.
 * 2. While the drawing is wider than maxWidth: room = maxWidth − left − right (at least 1 px),
 *    cells re-chosen with maxMatrixWidth = room (an explicit cellSize shrinks to room / cols),
 *    labels re-measured. The label and notes widths used are the largest seen, so margins only
 *    grow and the result fits after a few rounds.
 *
 * Box mode (maxHeight or maxCellPx given, and maxWidth or maxHeight): the largest extent T such
 * that cells chooseCellDims(rows, cols, { targetPx: T, maxPx: maxCellPx }) (an explicit cellSize:
 * square edges min(cellSize, T / max(rows, cols))) give a drawing with
 * left + matrixWidth + right ≤ maxWidth and height ≤ maxHeight, found by bisection (the cells
 * only grow with T), then the shorter cell edge grows toward square while it still fits
 * (growShortEdge). When even 1 px cells do not fit, each axis shrinks on its own to its room.
 *
 * Both modes: the title is not fitted (a title wider than maxWidth stays wider); a room smaller
 * than the margins cannot be met (the matrix is then about 1 px). With `maxMatrixHeight`, rows
 * are then shrunk (snapCellEdge) so the whole matrix is no taller. Zoomed (`whole` given): cells
 * are sized for the whole matrix, then each edge is multiplied by whole/shown (e.g. 4096 / 64 =
 * 64×), so the frame stays the same.
 *
 * @example at fontSize 13, 512 × 512 with labels ≤ 40 px wide and maxWidth 470:
 *   left = 20 + 40 + 6 = 66, right = 20 → room 384 → cells 0.75 × 0.75 px, width 470
 * @example box mode, fontSize 20, 6 × 6, labels 60 px, maxWidth 760, maxHeight 560, maxCellPx 120:
 *   top = 30 + 60 + 6 = 96, bottom 4 → rows ≤ 460 / 6 → cells 76 × 76 px, matrix 456 px
 */
export function fitHeatmapLayout(i: FitInput): HeatmapLayout {
  const fit = fitter(i);
  const box = (i.maxHeight !== undefined || i.maxCellPx !== undefined) && (i.maxWidth !== undefined || i.maxHeight !== undefined);
  return box ? fitBox(i, fit) : fitWidth(i, fit);
}

/** What both modes share: the whole matrix's size, and cells → layout with labels measured. */
interface Fitter {
  wholeRows: number;
  wholeCols: number;
  /** Cells of the whole matrix → the layout (rows capped by maxMatrixHeight, enlarged when zoomed). */
  layout(whole: CellDims, floor?: SideWidths): { L: HeatmapLayout; widths: SideWidths };
  /** True when L fits maxWidth and maxHeight. */
  fits(L: HeatmapLayout): boolean;
}

function fitter(i: FitInput): Fitter {
  const wholeRows = i.whole?.rows ?? i.rows;
  const wholeCols = i.whole?.cols ?? i.cols;
  const capHeight = (d: CellDims): CellDims => {
    const tallest = i.maxMatrixHeight;
    if (tallest === undefined || !(tallest > 0) || wholeRows * d.cellHeight <= tallest) return d;
    return { cellWidth: d.cellWidth, cellHeight: snapCellEdge(tallest / wholeRows) };
  };
  const enlarge = (d: CellDims): CellDims => ({
    cellWidth: i.cols > 0 && wholeCols !== i.cols ? (d.cellWidth * wholeCols) / i.cols : d.cellWidth,
    cellHeight: i.rows > 0 && wholeRows !== i.rows ? (d.cellHeight * wholeRows) / i.rows : d.cellHeight,
  });
  return {
    wholeRows,
    wholeCols,
    layout(whole, floor) {
      const dims = enlarge(capHeight(whole));
      const m = i.labelWidths(dims.cellWidth, dims.cellHeight);
      const widths = floor === undefined ? m : { row: Math.max(m.row, floor.row), col: m.col, notes: Math.max(m.notes ?? 0, floor.notes ?? 0) };
      const L = heatmapLayout({
        rows: i.rows, cols: i.cols, row0: i.row0, col0: i.col0, fontSize: i.fontSize, hasTitle: i.hasTitle, titleWidth: i.titleWidth,
        rowAxisTitleWidth: i.rowAxisTitleWidth, colAxisTitleWidth: i.colAxisTitleWidth,
        ...dims, rowLabelWidth: widths.row, colLabelWidth: widths.col, rowNotesWidth: widths.notes ?? 0,
      });
      return { L, widths };
    },
    fits(L) {
      const wide = i.maxWidth === undefined || L.left + L.matrixWidth + L.right <= i.maxWidth + 1e-6;
      return wide && (i.maxHeight === undefined || L.height <= i.maxHeight + 1e-6);
    },
  };
}

/** Width mode: the default cells, shrunk in a few rounds until the drawing fits maxWidth. */
function fitWidth(i: FitInput, fit: Fitter): HeatmapLayout {
  const labelPx = readablePx(i.fontSize);
  const explicit = i.cellSize;
  const maxPx = i.maxCellPx ?? MAX_CELL_PX;
  const choose = (room?: number): CellDims => {
    if (explicit === undefined) return chooseCellDims(fit.wholeRows, fit.wholeCols, { labelPx, maxPx, maxMatrixWidth: room });
    const edge = room === undefined || fit.wholeCols * explicit <= room ? explicit : room / Math.max(fit.wholeCols, 1);
    const snapped = edge === explicit ? explicit : snapCellEdge(edge);
    return { cellWidth: snapped, cellHeight: snapped };
  };
  let { L, widths } = fit.layout(choose());
  const maxWidth = i.maxWidth;
  if (maxWidth === undefined) return L;
  let floor: SideWidths = { row: widths.row, col: 0, notes: widths.notes ?? 0 };
  for (let round = 0; round < FIT_ROUNDS && L.left + L.matrixWidth + L.right > maxWidth + 1e-6; round++) {
    const room = Math.max(1, maxWidth - L.left - L.right);
    ({ L, widths } = fit.layout(choose(room), floor));
    floor = { row: widths.row, col: 0, notes: widths.notes ?? 0 };
  }
  return L;
}

/** Box mode: the largest cells (≤ maxCellPx) with which the drawing fits maxWidth × maxHeight. */
function fitBox(i: FitInput, fit: Fitter): HeatmapLayout {
  const labelPx = readablePx(i.fontSize);
  const explicit = i.cellSize;
  const maxPx = explicit ?? i.maxCellPx ?? MAX_CELL_PX;
  const n = Math.max(fit.wholeRows, fit.wholeCols, 1);
  const cellsAt = (T: number): CellDims => {
    if (explicit === undefined) return chooseCellDims(fit.wholeRows, fit.wholeCols, { targetPx: T, maxPx, labelPx });
    const edge = snapCellEdge(Math.min(explicit, T / n));
    return { cellWidth: edge, cellHeight: edge };
  };
  let hi = n * maxPx;
  const largest = fit.layout(cellsAt(hi)).L;
  if (fit.fits(largest)) return largest;
  let lo = n * Math.min(MIN_RECT_CELL_EDGE_PX, maxPx);
  let best = fit.layout(cellsAt(lo));
  let bestDims = cellsAt(lo);
  if (!fit.fits(best.L)) return shrinkToBox(i, fit, cellsAt(lo), best.widths);
  for (let step = 0; step < BOX_SEARCH_STEPS && hi - lo > n * 1e-3; step++) {
    const mid = (lo + hi) / 2;
    const dims = cellsAt(mid);
    const tried = fit.layout(dims);
    if (fit.fits(tried.L)) {
      lo = mid;
      best = tried;
      bestDims = dims;
    } else {
      hi = mid;
    }
  }
  return explicit === undefined ? growShortEdge(fit, bestDims, best.L) : best.L;
}

/**
 * Box mode, last: the cells' shorter edge grows toward the longer one (at most square) while the
 * drawing still fits — e.g. Q [6 × 8] in a box bound by its height gets wider cells, room for
 * their numbers — by bisection on that edge alone.
 */
function growShortEdge(fit: Fitter, dims: CellDims, L: HeatmapLayout): HeatmapLayout {
  const wide = dims.cellWidth >= dims.cellHeight;
  const short = wide ? dims.cellHeight : dims.cellWidth;
  const long = wide ? dims.cellWidth : dims.cellHeight;
  if (long - short < 1) return L;
  const withEdge = (edge: number): CellDims => (wide ? { ...dims, cellHeight: snapCellEdge(edge) } : { ...dims, cellWidth: snapCellEdge(edge) });
  const square = fit.layout(withEdge(long)).L;
  if (fit.fits(square)) return square;
  let lo = short;
  let hi = long;
  let best = L;
  for (let step = 0; step < BOX_SEARCH_STEPS && hi - lo > 0.5; step++) {
    const mid = (lo + hi) / 2;
    const tried = fit.layout(withEdge(mid)).L;
    if (fit.fits(tried)) {
      lo = mid;
      best = tried;
    } else {
      hi = mid;
    }
  }
  return best;
}

/**
 * Box mode when even 1 px cells are too big: each axis of the whole matrix shrinks (below 1 px,
 * snapCellEdge) to its room — maxWidth − left − right, maxHeight − top − bottom — in a few rounds
 * of re-measured labels (widths only grow, so it converges).
 */
function shrinkToBox(i: FitInput, fit: Fitter, start: CellDims, widths: SideWidths): HeatmapLayout {
  let whole = start;
  let floor: SideWidths = { row: widths.row, col: 0, notes: widths.notes ?? 0 };
  let L = fit.layout(whole, floor).L;
  for (let round = 0; round < FIT_ROUNDS && !fit.fits(L); round++) {
    const roomW = i.maxWidth === undefined ? Infinity : Math.max(1, i.maxWidth - L.left - L.right);
    const roomH = i.maxHeight === undefined ? Infinity : Math.max(1, i.maxHeight - L.top - L.bottom);
    whole = {
      cellWidth: snapCellEdge(Math.min(whole.cellWidth, roomW / Math.max(fit.wholeCols, 1))),
      cellHeight: snapCellEdge(Math.min(whole.cellHeight, roomH / Math.max(fit.wholeRows, 1))),
    };
    const next = fit.layout(whole, floor);
    L = next.L;
    floor = { row: next.widths.row, col: 0, notes: next.widths.notes ?? 0 };
  }
  return L;
}
