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
}

/** Returned by `drawHeatmap`. */
export interface HeatmapHandle {
  /**
   * Redraws with a new spec, reusing the DOM. Cells are repainted only when `values`, `blocked`,
   * `greyRows`, `color`, `rows`, `cols` (compared by reference) or the chosen cell width/height
   * (e.g. after a new `maxWidth`) change, so a highlight-only update is cheap even for 512×512.
   */
  update(spec: HeatmapSpec): void;
  /** Removes the heatmap's DOM and listeners and restores the host's attributes. */
  destroy(): void;
}
