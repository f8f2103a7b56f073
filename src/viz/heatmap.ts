/**
 * `drawHeatmap`: one attention matrix as cells on a <canvas> under an SVG with the axes, the
 * labels and the hover overlay. Mouse and keyboard (arrows, Home/End, PageUp/PageDown, Escape)
 * both move the highlighted cell and report it through `onHover`.
 */
import { pointer } from 'd3';
import { computeCellRgba } from './cellColors';
import { drawAxes, FONT_FAMILY, labelFont } from './heatmapAxes';
import type { AxisLabel } from './heatmapAxes';
import { paintCells } from './heatmapCanvas';
import { createHeatmapDom, prepareHost } from './heatmapDom';
import type { HeatmapDom } from './heatmapDom';
import { drawOverlay } from './heatmapOverlay';
import { moveCell } from './keyboard';
import { chooseCellSize, heatmapLayout, labelStep, pointToCell, thinLabels, truncateLabel } from './layout';
import type { HeatmapLayout } from './layout';
import { maxTextWidth } from './text';
import type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';

export type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';

/** Default label font size, CSS px. */
export const DEFAULT_FONT_SIZE = 12;
/** Labels longer than this many characters are cut with "…". */
export const MAX_LABEL_CHARS = 14;

/**
 * Draws a heatmap of `spec.values` ([rows × cols], row-major; rows = queries, columns = keys)
 * into `host` and returns a handle to update or remove it.
 *
 * The host gets tabIndex 0, role "group" and aria-label = spec.ariaLabel (restored by destroy).
 * Blocked cells are hatched in BLOCKED_COLOR, never coloured by value; grey rows are faded;
 * flagged rows get a red "∅" after the row. Pointer moves over the matrix and arrow keys on the
 * focused host move the highlighted cell and call `spec.onHover`; leaving the matrix gives null.
 *
 * @throws RangeError when rows/cols are not whole numbers ≥ 0, when values/blocked are not
 *         [rows × cols] or greyRows/flaggedRows not [rows], or cellSize is not > 0
 */
export function drawHeatmap(host: HTMLElement, spec: HeatmapSpec): HeatmapHandle {
  validateSpec(spec);
  const dom = createHeatmapDom(host);
  const restoreHost = prepareHost(host, spec.ariaLabel);
  let current = spec;
  let layout = renderSpec(dom, spec, null);
  let cell = clampHighlight(spec.highlight ?? null, spec.rows, spec.cols);
  const renderOverlay = () => {
    const labels = {
      row: cell === null || cell.row < 0 ? '' : labelText(current.rowLabels, cell.row),
      col: cell === null || cell.col < 0 ? '' : labelText(current.colLabels, cell.col),
    };
    drawOverlay(dom.layers.overlay, [dom.layers.rows, dom.layers.cols], layout, cell, labels);
  };
  const setCell = (next: HeatmapCell | null) => {
    if (sameCell(cell, next)) return;
    cell = next;
    renderOverlay();
    current.onHover?.(next);
  };
  renderOverlay();

  const svgNode = dom.svg.node() as SVGSVGElement;
  const onPointerMove = (event: PointerEvent) => {
    const [x, y] = pointer(event, svgNode);
    setCell(pointToCell(x - layout.left, y - layout.top, layout.cellSize, current.rows, current.cols));
  };
  const onPointerLeave = () => setCell(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveCell(cell, event.key, current.rows, current.cols);
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setCell(next);
  };
  svgNode.addEventListener('pointermove', onPointerMove);
  svgNode.addEventListener('pointerleave', onPointerLeave);
  host.addEventListener('keydown', onKeyDown);

  return {
    update(next: HeatmapSpec): void {
      validateSpec(next);
      host.setAttribute('aria-label', next.ariaLabel);
      layout = renderSpec(dom, next, current);
      current = next;
      cell = clampHighlight(next.highlight === undefined ? cell : next.highlight, next.rows, next.cols);
      renderOverlay();
    },
    destroy(): void {
      svgNode.removeEventListener('pointermove', onPointerMove);
      svgNode.removeEventListener('pointerleave', onPointerLeave);
      host.removeEventListener('keydown', onKeyDown);
      dom.root.remove();
      restoreHost();
    },
  };
}

/**
 * Lays out and draws `next` into `dom`: sizes, axes, and the cells when they changed since
 * `prev` (null = first draw). Returns the layout used.
 */
function renderSpec(dom: HeatmapDom, next: HeatmapSpec, prev: HeatmapSpec | null): HeatmapLayout {
  const doc = dom.root.ownerDocument;
  const cellSize = effectiveCellSize(next);
  const fontSize = next.fontSize ?? DEFAULT_FONT_SIZE;
  const labels = shownLabels(next, cellSize, fontSize);
  const font = labelFont(fontSize);
  const title = next.title ?? '';
  const L = heatmapLayout({
    rows: next.rows, cols: next.cols, cellSize, fontSize, hasTitle: title !== '',
    titleWidth: title === '' ? 0 : maxTextWidth([title], labelFont(fontSize + 2, 700), doc),
    rowLabelWidth: maxTextWidth(labels.rows.map((l) => l.text), font, doc),
    colLabelWidth: maxTextWidth(labels.cols.map((l) => l.text), font, doc),
  });
  Object.assign(dom.root.style, { width: `${L.width}px`, height: `${L.height}px` });
  Object.assign(dom.canvas.style, { left: `${L.left}px`, top: `${L.top}px` });
  dom.svg.attr('width', L.width).attr('height', L.height).attr('font-family', FONT_FAMILY).attr('font-size', fontSize);
  dom.hit.attr('x', L.left).attr('y', L.top).attr('width', L.matrixWidth).attr('height', L.matrixHeight);
  if (prev === null || needsRepaint(prev, next)) {
    const rgba = computeCellRgba(next);
    const dpr = doc.defaultView?.devicePixelRatio ?? 1;
    paintCells(dom.canvas, { rows: next.rows, cols: next.cols, cellSize, rgba, blocked: next.blocked }, dpr);
  }
  drawAxes(dom.layers, L, {
    rowLabels: labels.rows, colLabels: labels.cols, rowTicks: labels.step > 1, colTicks: labels.step > 1,
    greyRows: next.greyRows, flaggedRows: next.flaggedRows, title,
    rowAxisTitle: next.rowAxisTitle ?? 'query', colAxisTitle: next.colAxisTitle ?? 'key',
  });
  return L;
}

function effectiveCellSize(spec: HeatmapSpec): number {
  return spec.cellSize ?? chooseCellSize(spec.rows, spec.cols);
}

/** Shown (thinned, truncated) labels and the thinning steps. */
function shownLabels(spec: HeatmapSpec, cellSize: number, fontSize: number) {
  const minGap = Math.ceil(fontSize * 1.2);
  const pick = (labels: readonly string[], n: number): AxisLabel[] =>
    thinLabels(n, cellSize, minGap).map((index) => ({ index, text: labelText(labels, index) }));
  return {
    rows: pick(spec.rowLabels, spec.rows),
    cols: pick(spec.colLabels, spec.cols),
    step: labelStep(cellSize, minGap),
  };
}

function labelText(labels: readonly string[], index: number): string {
  return truncateLabel(labels[index] ?? String(index), MAX_LABEL_CHARS);
}

/** True when the cells must be repainted: any colouring input changed (by reference). */
function needsRepaint(a: HeatmapSpec, b: HeatmapSpec): boolean {
  return a.values !== b.values || a.rows !== b.rows || a.cols !== b.cols || a.color !== b.color
    || a.blocked !== b.blocked || a.greyRows !== b.greyRows
    || effectiveCellSize(a) !== effectiveCellSize(b);
}

function sameCell(a: HeatmapCell | null, b: HeatmapCell | null): boolean {
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

/** Throws a RangeError naming the field when the spec's arrays do not match rows × cols. */
export function validateSpec(spec: HeatmapSpec): void {
  const { rows, cols } = spec;
  const fail = (msg: string): never => {
    throw new RangeError(`drawHeatmap: ${msg}`);
  };
  if (!Number.isInteger(rows) || rows < 0) fail(`rows must be a whole number ≥ 0, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) fail(`cols must be a whole number ≥ 0, got ${cols}`);
  const check = (name: string, a: ArrayLike<number> | undefined, n: number, shape: string) => {
    if (a !== undefined && a.length !== n) fail(`${name} has length ${a.length}, expected ${shape} = ${n}`);
  };
  check('values', spec.values, rows * cols, `[${rows}×${cols}]`);
  check('blocked', spec.blocked, rows * cols, `[${rows}×${cols}]`);
  check('greyRows', spec.greyRows, rows, `[${rows}]`);
  check('flaggedRows', spec.flaggedRows, rows, `[${rows}]`);
  if (spec.cellSize !== undefined && !(spec.cellSize > 0 && Number.isFinite(spec.cellSize))) {
    fail(`cellSize must be > 0 px, got ${spec.cellSize}`);
  }
}
