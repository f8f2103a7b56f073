/**
 * Vocabulary of the viz layer. viz/ receives plain arrays and colour functions; it never sees
 * tensors, React or the engine. Every matrix is row-major: rows are queries, columns are keys
 * (DESIGN.md §1).
 */

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
  /** 1 = padded query row, [rows]: drawn faded toward PADDED_ROW_GREY, label italic in MUTED_TEXT_COLOR (≥ 4.5:1). */
  greyRows?: ArrayLike<number>;
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
  /** Called with the hovered (mouse) or selected (keyboard) cell, or null when it leaves. */
  onHover?: (cell: HeatmapCell | null) => void;
  /**
   * Highlighted cell drawn with an outline and crosshair. undefined = keep the current one
   * (hover/keyboard); null = clear; a cell = show it (e.g. linked from another heatmap).
   * `col: -1` highlights the whole row only (no outline), `row: -1` the whole column only;
   * any other out-of-range index clears the highlight.
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
}

/** Returned by `drawHeatmap`. */
export interface HeatmapHandle {
  /**
   * Redraws with a new spec, reusing the DOM. Cells are repainted only when `values`, `blocked`,
   * `greyRows`, `color`, `rows`, `cols` (compared by reference), the chosen cell width/height
   * (e.g. after a new `maxWidth`) or the window shown (`view`) change, so a highlight-only
   * update is cheap even for 4096×4096.
   */
  update(spec: HeatmapSpec): void;
  /** Removes the heatmap's DOM and listeners and restores the host's attributes. */
  destroy(): void;
}
