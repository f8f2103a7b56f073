/**
 * Vocabulary of the viz layer. viz/ receives plain arrays and colour functions; it never sees
 * tensors, React or the engine's runs (only the pooled pyramid the engine sends with a result,
 * engine/poolPyramid.ts). Every matrix is row-major: rows are queries, columns are keys
 * (DESIGN.md §1).
 */
import type { PoolPyramid } from '../engine/poolPyramid';

/** One cell of a heatmap: `row` is the query index, `col` the key index (both 0-based). */
export interface HeatmapCell {
  row: number;
  col: number;
}

/**
 * A colour scale as the viz layer needs it: value → CSS colour, plus its domain (2 numbers for a
 * sequential scale, 3 for a diverging one). Every d3 sequential/diverging scale with a string
 * interpolator fits.
 */
export interface ColorScale {
  (value: number): string;
  domain(): number[];
}

/**
 * Tiles drawn over a heatmap (block-sparse kernels, e.g. FlexAttention's BlockMask): the matrix
 * cut into size × size cells, each with a state. Edge tiles are clipped to the matrix.
 * An engine `TileStates` (engine/maskCost.ts) fits as is.
 */
export interface HeatmapTiles {
  /** Tile edge in cells, whole ≥ 1. */
  size: number;
  /** ⌈rows / size⌉. */
  tileRows: number;
  /** ⌈cols / size⌉. */
  tileCols: number;
  /** State per tile, [tileRows × tileCols] row-major: 0 = empty, 1 = partial, 2 = full (TILE_STATE). */
  states: ArrayLike<number>;
}

/**
 * A window of a matrix, in cells: rows [row0, row0 + rows) × columns [col0, col0 + cols).
 * All four are whole numbers; rows, cols ≥ 1 for a non-empty matrix.
 */
export interface CellRange {
  row0: number;
  rows: number;
  col0: number;
  cols: number;
}

/**
 * What a user asked of the viewport:
 * - zoom: divide the visible counts by `factor` (> 1 zooms in), keeping the point (row, col) —
 *   fractional cells of the whole matrix, e.g. 12.5 = middle of row 12 — where it is;
 * - pan: move the window by `rows` × `cols` cells (+ = toward higher indices);
 * - reveal: the smallest pan that shows cell (row, col); −1 leaves that axis alone;
 * - reset: show the whole matrix.
 */
export type ViewAction =
  | { kind: 'zoom'; factor: number; row: number; col: number }
  | { kind: 'pan'; rows: number; cols: number }
  | { kind: 'reveal'; row: number; col: number }
  | { kind: 'reset' };

/** What `drawHeatmap` draws. Flags arrays hold 1 (set) or 0 (unset); any non-zero counts as set. */
export interface HeatmapSpec {
  /** Cell values, [rows × cols] row-major. Values of blocked cells are ignored (may be −∞/NaN). */
  values: ArrayLike<number>;
  /** Number of rows (queries), ≥ 0. */
  rows: number;
  /** Number of columns (keys), ≥ 0. */
  cols: number;
  /** Row (query token) labels, [rows]; a missing label shows the row index. */
  rowLabels: readonly string[];
  /** Column (key token) labels, [cols]; a missing label shows the column index. */
  colLabels: readonly string[];
  /** Value → CSS colour (e.g. `divergingScale(...)` or `sequentialScale()`). */
  color: (value: number) => string;
  /** 1 = blocked cell, [rows × cols]: drawn hatched in BLOCKED_COLOR, never as a value. */
  blocked?: ArrayLike<number>;
  /**
   * Below one pixel per cell, which cell a pixel shows: the largest value ('max', default: weights,
   * mask) or the largest |value| ('magnitude': a diverging scale such as scores or output).
   */
  poolBy?: 'max' | 'magnitude';
  /**
   * Below one pixel per cell, which pixels are hatched: those whose cells are all blocked ('all',
   * default: the allowed band stays visible) or any ('any': the Mask, where a lone blocked cell must).
   */
  poolBlocked?: 'all' | 'any';
  /**
   * The max-pooled pyramid the engine built for `values`, `blocked` and `poolBy` (engine/stagePyramids.ts):
   * a large matrix is then drawn without walking its cells. Not checked against the values.
   */
  pyramid?: PoolPyramid;
  /**
   * Without `pyramid`: a matrix whose pyramid, built on the page for `blocked` and `poolBy` and
   * kept per matrix, may serve this heatmap's too, because it orders each block's allowed cells as
   * `values` does (e.g. the scaled scores: the scores; the mask, whose allowed cells are all 1: the
   * weights). Default `values`. Not checked.
   */
  pyramidOf?: ArrayLike<number>;
  /** 1 = padded query row, [rows]: drawn faded toward `fadeColor`, label italic in MUTED_TEXT_COLOR (≥ 4.5:1). */
  greyRows?: ArrayLike<number>;
  /** CSS colour that padded rows fade toward: default PADDED_ROW_GREY (light page); PADDED_ROW_GREY_DARK suits a dark one. */
  fadeColor?: string;
  /** 1 = fully masked row, [rows]: a red "∅" (or a red bar when cells are small) after the row. */
  flaggedRows?: ArrayLike<number>;
  /**
   * Square cell edge in CSS px. Default: `chooseCellDims(rows, cols)`: width and height chosen
   * per axis (each axis ≈ 360 px, edges in [1, 40], aspect within 1:4…4:1, a short axis keeps
   * readable labels). Shrunk when needed to fit `maxWidth`.
   */
  cellSize?: number;
  /**
   * CSS px available for the whole drawing, labels and margins included (e.g. the width of the
   * card it sits in). Cells shrink — below 1 px if need be, the canvas then max-pools so a blocked
   * boundary stays visible — until it fits. Default: no limit. Must be > 0 when given.
   */
  maxWidth?: number;
  /**
   * Tallest the matrix (the whole one, in a zoomed view its frame) may be, CSS px: rows shrink,
   * below 1 px if need be (then max-pooled). For a matrix of many rows and few columns, e.g. the
   * output (Lq × dV), that `maxWidth` does not limit. Default: no limit. Must be > 0 when given.
   */
  maxMatrixHeight?: number;
  /** Title drawn above the heatmap; omitted when undefined or ''. */
  title?: string;
  /** Row axis title; default 'query'. */
  rowAxisTitle?: string;
  /** Column axis title; default 'key'. */
  colAxisTitle?: string;
  /** Label font size in CSS px; default 13 (DEFAULT_FONT_SIZE). */
  fontSize?: number;
  /** 1 = marked cell (e.g. painted by hand), [rows × cols]: a ring over the cell. */
  marked?: ArrayLike<number>;
  /** Accessible name of the heatmap (set as the host's aria-label). */
  ariaLabel: string;
  /**
   * Called with the hovered (mouse), tapped (touch, pen: kept until a tap elsewhere) or selected
   * (keyboard) cell, or null when it leaves (mouse) or a tap lands outside the heatmap.
   */
  onHover?: (cell: HeatmapCell | null) => void;
  /**
   * Highlighted cell drawn with an outline and crosshair. undefined = keep the current one
   * (hover/keyboard); null = clear; a cell = show it (e.g. linked from another heatmap).
   * `col: -1` highlights the whole row only (no outline), `row: -1` the whole column only;
   * any other out-of-range index clears the highlight. The root's `data-highlight` is "row,col"
   * of the cell drawn ("" when none), a hook for tests of linked highlights.
   */
  highlight?: HeatmapCell | null;
  /**
   * Tile outlines in the SVG overlay (heatmapTiles.ts): full tiles solid, partial dashed, empty
   * ones washed out. Redrawn only when this object (by reference) or the cell size changes;
   * undefined draws nothing.
   */
  tiles?: HeatmapTiles;
  /**
   * The window of the matrix shown (zoomed view), in cells; default the whole matrix. It is drawn
   * in the frame (CSS px) of the whole matrix with larger cells (fitHeatmapLayout `whole`); axes,
   * overlays and `onHover` use indices of the whole matrix. Clamped inside the matrix.
   */
  view?: CellRange;
  /**
   * Zoom and pan requests, as ViewActions for the owner of `view` to apply (viewport.ts
   * `applyViewAction`), so several heatmaps can share one view. Ctrl/⌘ + wheel (or a trackpad
   * pinch) zooms around the pointer; `+`/`=` and `-` zoom around the highlighted cell, `0`
   * resets; a drag pans (see `panNeedsModifier`); a keyboard move out of the window asks to
   * reveal the cell. undefined: the heatmap does not zoom or pan.
   */
  onViewAction?: (action: ViewAction) => void;
  /**
   * true: only a drag with Shift held pans (a plain drag belongs to something else, e.g.
   * painting cells). Default false: any drag with the primary button pans a zoomed view.
   */
  panNeedsModifier?: boolean;
  /** Called when the wheel turns over the matrix without Ctrl/⌘ (the page scrolls): say how to zoom. */
  onZoomHint?: () => void;
  /**
   * Numbers in the cells, as SVG <text> (selectable, read by screen readers) in `g.ms-values`,
   * clipped to the matrix: `format(value)` for each cell in view, `blocked` for a blocked cell
   * (e.g. '−∞' for masked scores, '0' for weights). One font size per heatmap: the largest
   * ≤ fontSize and ≤ 0.45 × cell height at which the widest text fits the cell width − 4 px;
   * none are drawn below 9 px or with more than 1,600 cells in view (cellText.ts). Black or white
   * text, whichever contrasts more with the cell as drawn (faded rows included); blocked cells
   * get black text with a white halo. The root's `data-values` is "shown" or "hidden" (absent
   * without `valueText`). Redrawn when the values, colours, window or cell size change, or when
   * `format`, `blocked` or `values` change by reference: pass a stable object (formatCellValue
   * is the default formatter, cellFormat.ts). `values` [rows × cols], optional: the numbers to
   * write when they are not the coloured `values` (e.g. weights coloured ÷ their row maximum).
   * `blockedValue`, optional: the number a blocked cell stands for where the matrix is written out
   * as numbers (a CSV or text copy), when its stored value is not it (the Masked scores are drawn
   * from the logits: −∞).
   */
  valueText?: { format(value: number): string; blocked: string; values?: ArrayLike<number>; blockedValue?: number };
  /**
   * A note per row, [rows] (e.g. the weights' row sums "1.00" / "0"), right of the matrix after
   * the "∅" marker band, vertically centred on its row, as SVG <text data-row={row}> in
   * `g.ms-row-notes`. Only rows in view are drawn, and none when rows are under 9 px (cellHeight);
   * the layout reserves the column's width (its widest note or title), so the drawing still fits
   * `maxWidth` (a zoomable heatmap reserves it at every zoom). Compared by reference.
   */
  rowNotes?: readonly string[];
  /** Title of the row-notes column (e.g. "Σ"), above it at the level of the column labels. */
  rowNotesTitle?: string;
  /**
   * The selected row (a query the caller inspects), an index of the whole matrix: a 3 px
   * accent-coloured outline with a white inner line around the whole row (in view), distinct
   * from the hover crosshair. −1 or undefined = none; an index ≥ rows draws nothing. Written to
   * the root's `data-selected-row` (absent when none).
   */
  selectedRow?: number;
  /**
   * 1 = outlined cell, [rows × cols]: "changed since the previous pipeline step". The cells in
   * view are outlined in 2 px #f59f00 with a thin dark line inside, along the boundary of the
   * outlined region (a lone cell framed, a region outlined round it), as one SVG <path> of
   * segments (`path.ms-outlined-line`, plus `path.ms-outlined-inner` for the dark line) in the
   * overlay; nothing is drawn when cells are under 4 px. The root's `data-outlined` is the number
   * of outlined cells in the whole matrix (absent without `outlined`). Compared by reference.
   */
  outlined?: ArrayLike<number>;
  /**
   * 1 = dashed cell, [rows × cols]: e.g. "the two readings of a causal mask differ here". A 2 px
   * dashed dark-pink frame inside each cell in view, one SVG <path> (`path.ms-dashed-line`) in
   * the overlay (heatmapDashed.ts); nothing under 4 px cells. The root's `data-dashed` is the
   * number of dashed cells in the whole matrix (absent without `dashed`). Compared by reference.
   */
  dashed?: ArrayLike<number>;
  /**
   * Box mode: the tallest the whole drawing (title, labels, margins) may be, CSS px, > 0. Cells
   * are then the largest (≤ maxCellPx) with which the drawing fits maxWidth × maxHeight
   * (fitLayout.ts), instead of aiming at a 360 px matrix. Default: no limit.
   */
  maxHeight?: number;
  /**
   * Largest cell edge, CSS px, > 0; default 40 (MAX_CELL_PX). Given, it also turns on box mode:
   * with maxHeight the cells fill maxWidth × maxHeight, without it they fill maxWidth (e.g.
   * 6 × 6 into 760 × 560 px at fontSize 20 with maxCellPx 120: cells of ~76 px).
   */
  maxCellPx?: number;
  /**
   * Called with the row of a cell the user picks: a mouse click on a cell (primary button, no
   * modifier key, no drag or pan between press and release), a tap on a cell (touch or pen), or
   * Enter on the focused heatmap while a cell (or row) is highlighted. The caller toggles its row
   * inspector (and sets `selectedRow`). undefined: nothing is called.
   */
  onSelectRow?: (row: number) => void;
}

/** Returned by `drawHeatmap`. */
export interface HeatmapHandle {
  /**
   * Redraws with a new spec, reusing the DOM. Cells are repainted only when `values`, `blocked`,
   * `greyRows`, `fadeColor`, `color`, `rows`, `cols` (compared by reference), the chosen cell width/height
   * (e.g. after a new `maxWidth`) or the window shown (`view`) change, so a highlight-only
   * update is cheap even for 4096×4096.
   */
  update(spec: HeatmapSpec): void;
  /** Removes the heatmap's DOM and listeners and restores the host's attributes. */
  destroy(): void;
}
