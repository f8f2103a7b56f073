/**
 * Checks and comparisons of a HeatmapSpec (pure; no DOM): shapes, the window it shows, the
 * highlight to draw, and whether a new spec draws anything new.
 */
import type { CellRange, HeatmapCell, HeatmapSpec } from './types';
import { clampView, fullView } from './viewport';

/**
 * True when two specs differ at most in their callbacks (every other field is the same by
 * reference; `valueText` by its `format`, `blocked` and `values`), so an update can skip drawing.
 */
export function sameDrawing(a: HeatmapSpec, b: HeatmapSpec): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof HeatmapSpec)[]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y || (typeof x === 'function' && typeof y === 'function')) continue;
    if (key === 'valueText' && sameValueText(a.valueText, b.valueText)) continue;
    return false;
  }
  return true;
}

/** True when two `valueText`s write the same texts: the same `format` and `values` (by reference) and `blocked`. */
export function sameValueText(a: HeatmapSpec['valueText'], b: HeatmapSpec['valueText']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.format === b.format && a.blocked === b.blocked && a.values === b.values);
}

/** The window of `spec` to draw: `spec.view` clamped inside the matrix, or the whole matrix. */
export function specView(spec: HeatmapSpec): CellRange {
  return spec.view === undefined ? fullView(spec.rows, spec.cols) : clampView(spec.view, spec.rows, spec.cols);
}

/** True when a and b are both null or name the same cell. */
export function sameCell(a: HeatmapCell | null, b: HeatmapCell | null): boolean {
  return a === b || (a !== null && b !== null && a.row === b.row && a.col === b.col);
}

/**
 * The highlight to draw: `c` when inside the matrix, also when exactly one index is −1 (a whole
 * row or column); otherwise null.
 */
export function clampHighlight(c: HeatmapCell | null, rows: number, cols: number): HeatmapCell | null {
  if (c === null) return null;
  const rowOk = Number.isInteger(c.row) && c.row >= -1 && c.row < rows;
  const colOk = Number.isInteger(c.col) && c.col >= -1 && c.col < cols;
  return rowOk && colOk && (c.row >= 0 || c.col >= 0) ? { row: c.row, col: c.col } : null;
}

/**
 * Throws a RangeError naming the field when the spec's arrays do not match rows × cols, or a
 * size is not > 0.
 * @throws RangeError when rows/cols are not whole numbers ≥ 0; values, blocked or outlined are
 *         (or valueText.values) not [rows × cols]; greyRows, flaggedRows or rowNotes not [rows]; tiles not
 *         ⌈rows/size⌉ × ⌈cols/size⌉; cellSize, maxWidth, maxMatrixHeight, maxHeight or maxCellPx
 *         not a finite number > 0; selectedRow not a whole number ≥ −1; valueText.format not a
 *         function
 */
export function validateSpec(spec: HeatmapSpec): void {
  const { rows, cols } = spec;
  const fail = (msg: string): never => {
    throw new RangeError(`drawHeatmap: ${msg}`);
  };
  if (!Number.isInteger(rows) || rows < 0) fail(`rows must be a whole number ≥ 0, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) fail(`cols must be a whole number ≥ 0, got ${cols}`);
  const check = (name: string, a: ArrayLike<unknown> | undefined, n: number, shape: string) => {
    if (a !== undefined && a.length !== n) fail(`${name} has length ${a.length}, expected ${shape} = ${n}`);
  };
  check('values', spec.values, rows * cols, `[${rows}×${cols}]`);
  check('blocked', spec.blocked, rows * cols, `[${rows}×${cols}]`);
  check('outlined', spec.outlined, rows * cols, `[${rows}×${cols}]`);
  check('dashed', spec.dashed, rows * cols, `[${rows}×${cols}]`);
  check('valueText.values', spec.valueText?.values, rows * cols, `[${rows}×${cols}]`);
  check('greyRows', spec.greyRows, rows, `[${rows}]`);
  check('flaggedRows', spec.flaggedRows, rows, `[${rows}]`);
  check('rowNotes', spec.rowNotes, rows, `[${rows}]`);
  if (spec.tiles !== undefined) {
    const { size, tileRows, tileCols, states } = spec.tiles;
    if (!Number.isInteger(size) || size < 1) fail(`tiles.size must be a whole number ≥ 1, got ${size}`);
    if (tileRows !== Math.ceil(rows / size) || tileCols !== Math.ceil(cols / size)) {
      fail(`tiles are ${tileRows}×${tileCols}, expected ⌈${rows}/${size}⌉×⌈${cols}/${size}⌉ = ${Math.ceil(rows / size)}×${Math.ceil(cols / size)}`);
    }
    check('tiles.states', states, tileRows * tileCols, `[${tileRows}×${tileCols}]`);
  }
  for (const name of ['cellSize', 'maxWidth', 'maxMatrixHeight', 'maxHeight', 'maxCellPx'] as const) {
    const v = spec[name];
    if (v !== undefined && !(v > 0 && Number.isFinite(v))) fail(`${name} must be > 0 px, got ${v}`);
  }
  if (spec.selectedRow !== undefined && !(Number.isInteger(spec.selectedRow) && spec.selectedRow >= -1)) {
    fail(`selectedRow must be a whole number ≥ −1, got ${spec.selectedRow}`);
  }
  if (spec.valueText !== undefined && typeof spec.valueText.format !== 'function') fail('valueText.format must be a function');
}
