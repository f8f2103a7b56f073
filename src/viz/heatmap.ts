/**
 * `drawHeatmap`: one attention matrix as cells on a <canvas> under an SVG with the axes, the
 * labels and the hover overlay. Mouse and keyboard (arrows, Home/End, PageUp/PageDown, Escape)
 * both move the highlighted cell and report it through `onHover`; focusing the heatmap with the
 * keyboard selects cell (0, 0) at once.
 */
import { pointer } from 'd3';
import { computeCellRgba } from './cellColors';
import { drawAxes, FONT_FAMILY, labelFont } from './heatmapAxes';
import type { AxisLabel } from './heatmapAxes';
import { paintCells } from './heatmapCanvas';
import { createHeatmapDom, prepareHost } from './heatmapDom';
import type { HeatmapDom } from './heatmapDom';
import { drawOverlay } from './heatmapOverlay';
import { drawTiles } from './heatmapTiles';
import { drawMarks } from './heatmapMarks';
import { moveCell } from './keyboard';
import { fitHeatmapLayout, labelStep, pointToCell, thinLabels, truncateLabel } from './layout';
import type { HeatmapLayout } from './layout';
import { maxTextWidth } from './text';
import type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';

export type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';

/** Default label font size, CSS px (readable on a classroom projector). */
export const DEFAULT_FONT_SIZE = 13;
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
 * When the host gets focus from the keyboard (Tab) or from a script, not from a pointer press,
 * with no highlighted cell, cell (0, 0) is highlighted and reported through `onHover` at once.
 *
 * Size: cells are chosen per axis (see chooseCellDims) unless `spec.cellSize` is given, then
 * shrunk (below 1 px if need be; the canvas then max-pools, see pool.ts) until the whole drawing
 * fits `spec.maxWidth`.
 *
 * Tiles (`spec.tiles`, optional) are outlined in the SVG overlay (heatmapTiles.ts).
 *
 * @throws RangeError when rows/cols are not whole numbers ≥ 0, when values/blocked are not
 *         [rows × cols] or greyRows/flaggedRows not [rows], or cellSize / maxWidth is not > 0,
 *         or tiles are not ⌈rows/size⌉ × ⌈cols/size⌉
 */
export function drawHeatmap(host: HTMLElement, spec: HeatmapSpec): HeatmapHandle {
  validateSpec(spec);
  const dom = createHeatmapDom(host);
  const restoreHost = prepareHost(host, spec.ariaLabel);
  let current = spec;
  let layout = renderSpec(dom, spec, null, null);
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
    setCell(pointToCell(x - layout.left, y - layout.top, layout.cellWidth, current.rows, current.cols, layout.cellHeight));
  };
  const onPointerLeave = () => setCell(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveCell(cell, event.key, current.rows, current.cols);
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setCell(next);
  };
  // Focus from the keyboard (Tab) or a script selects (0, 0); focus from a pointer press does
  // not (the pointer picks its own cell). pointerdown comes before focus in every browser.
  let pressing = false;
  const onPointerDown = () => {
    pressing = true;
  };
  const onPointerUp = () => {
    pressing = false;
  };
  const onFocus = () => {
    const byPointer = pressing;
    pressing = false;
    if (!byPointer && cell === null && current.rows > 0 && current.cols > 0) setCell({ row: 0, col: 0 });
  };
  svgNode.addEventListener('pointermove', onPointerMove);
  svgNode.addEventListener('pointerleave', onPointerLeave);
  host.addEventListener('keydown', onKeyDown);
  host.addEventListener('focus', onFocus);
  host.addEventListener('pointerdown', onPointerDown);
  host.addEventListener('pointerup', onPointerUp);

  return {
    update(next: HeatmapSpec): void {
      validateSpec(next);
      host.setAttribute('aria-label', next.ariaLabel);
      layout = renderSpec(dom, next, current, layout);
      current = next;
      cell = clampHighlight(next.highlight === undefined ? cell : next.highlight, next.rows, next.cols);
      renderOverlay();
    },
    destroy(): void {
      svgNode.removeEventListener('pointermove', onPointerMove);
      svgNode.removeEventListener('pointerleave', onPointerLeave);
      host.removeEventListener('keydown', onKeyDown);
      host.removeEventListener('focus', onFocus);
      host.removeEventListener('pointerdown', onPointerDown);
      host.removeEventListener('pointerup', onPointerUp);
      dom.root.remove();
      restoreHost();
    },
  };
}

/**
 * Lays out and draws `next` into `dom`: sizes, axes, and the cells when they changed since
 * `prev` (null = first draw; `prevLayout` is the layout `prev` was drawn with). Returns the
 * layout used.
 */
function renderSpec(dom: HeatmapDom, next: HeatmapSpec, prev: HeatmapSpec | null, prevLayout: HeatmapLayout | null): HeatmapLayout {
  const doc = dom.root.ownerDocument;
  const fontSize = next.fontSize ?? DEFAULT_FONT_SIZE;
  const font = labelFont(fontSize);
  const titleFont = labelFont(fontSize, 600);
  const title = next.title ?? '';
  const rowAxisTitle = next.rowAxisTitle ?? 'query';
  const colAxisTitle = next.colAxisTitle ?? 'key';
  const L = fitHeatmapLayout({
    rows: next.rows, cols: next.cols, fontSize, hasTitle: title !== '', cellSize: next.cellSize, maxWidth: next.maxWidth,
    titleWidth: title === '' ? 0 : maxTextWidth([title], labelFont(fontSize + 2, 700), doc),
    rowAxisTitleWidth: rowAxisTitle === '' ? 0 : maxTextWidth([rowAxisTitle], titleFont, doc),
    colAxisTitleWidth: colAxisTitle === '' ? 0 : maxTextWidth([colAxisTitle], titleFont, doc),
    labelWidths: (cellWidth, cellHeight) => {
      const shown = shownLabels(next, cellWidth, cellHeight, fontSize);
      return {
        row: maxTextWidth(shown.rows.map((l) => l.text), font, doc),
        col: maxTextWidth(shown.cols.map((l) => l.text), font, doc),
      };
    },
  });
  const labels = shownLabels(next, L.cellWidth, L.cellHeight, fontSize);
  Object.assign(dom.root.style, { width: `${L.width}px`, height: `${L.height}px` });
  Object.assign(dom.canvas.style, { left: `${L.left}px`, top: `${L.top}px` });
  dom.svg.attr('width', L.width).attr('height', L.height).attr('font-family', FONT_FAMILY).attr('font-size', fontSize);
  dom.hit.attr('x', L.left).attr('y', L.top).attr('width', L.matrixWidth).attr('height', L.matrixHeight);
  if (prev === null || prevLayout === null || needsRepaint(prev, next)
    || prevLayout.cellWidth !== L.cellWidth || prevLayout.cellHeight !== L.cellHeight) {
    const rgba = computeCellRgba(next);
    const dpr = doc.defaultView?.devicePixelRatio ?? 1;
    paintCells(dom.canvas, {
      rows: next.rows, cols: next.cols, cellWidth: L.cellWidth, cellHeight: L.cellHeight,
      values: next.values, rgba, blocked: next.blocked,
    }, dpr);
  }
  drawAxes(dom.layers, L, {
    rowLabels: labels.rows, colLabels: labels.cols, rowTicks: labels.rowStep > 1, colTicks: labels.colStep > 1,
    greyRows: next.greyRows, flaggedRows: next.flaggedRows, title, rowAxisTitle, colAxisTitle,
  });
  if (tilesNeedRedraw(prev, next, prevLayout, L)) drawTiles(dom.layers.overlay, L, next.rows, next.cols, next.tiles);
  if (marksNeedRedraw(prev, next, prevLayout, L)) drawMarks(dom.layers.overlay, L, next.rows, next.cols, next.marked);
  return L;
}

/** Shown (thinned, truncated) labels and the thinning step of each axis. */
function shownLabels(spec: HeatmapSpec, cellWidth: number, cellHeight: number, fontSize: number) {
  const minGap = Math.ceil(fontSize * 1.2);
  const pick = (labels: readonly string[], n: number, cellPx: number): AxisLabel[] =>
    thinLabels(n, cellPx, minGap).map((index) => ({ index, text: labelText(labels, index) }));
  return {
    rows: pick(spec.rowLabels, spec.rows, cellHeight),
    cols: pick(spec.colLabels, spec.cols, cellWidth),
    rowStep: labelStep(cellHeight, minGap),
    colStep: labelStep(cellWidth, minGap),
  };
}

function labelText(labels: readonly string[], index: number): string {
  return truncateLabel(labels[index] ?? String(index), MAX_LABEL_CHARS);
}

/** True when the cells must be repainted: any colouring input changed (by reference). */
function needsRepaint(a: HeatmapSpec, b: HeatmapSpec): boolean {
  return a.values !== b.values || a.rows !== b.rows || a.cols !== b.cols || a.color !== b.color
    || a.blocked !== b.blocked || a.greyRows !== b.greyRows;
}

/** True when the marks must be redrawn: marks changed (by reference), or the matrix moved or resized. */
function marksNeedRedraw(prev: HeatmapSpec | null, next: HeatmapSpec, prevLayout: HeatmapLayout | null, L: HeatmapLayout): boolean {
  if (prev === null || prevLayout === null) return next.marked !== undefined;
  if (prev.marked !== next.marked) return true;
  return next.marked !== undefined && (prevLayout.left !== L.left || prevLayout.top !== L.top || prevLayout.cellWidth !== L.cellWidth || prevLayout.cellHeight !== L.cellHeight);
}

/**
 * True when the tile overlay must be redrawn: tiles changed (by reference), or tiles are shown
 * and the matrix moved or its cells changed size. Never true for a heatmap without tiles.
 */
function tilesNeedRedraw(prev: HeatmapSpec | null, next: HeatmapSpec, prevLayout: HeatmapLayout | null, L: HeatmapLayout): boolean {
  if (prev === null || prevLayout === null) return next.tiles !== undefined;
  if (prev.tiles !== next.tiles) return true;
  return next.tiles !== undefined && (prev.rows !== next.rows || prev.cols !== next.cols
    || prevLayout.left !== L.left || prevLayout.top !== L.top
    || prevLayout.cellWidth !== L.cellWidth || prevLayout.cellHeight !== L.cellHeight);
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
  if (spec.tiles !== undefined) {
    const { size, tileRows, tileCols, states } = spec.tiles;
    if (!Number.isInteger(size) || size < 1) fail(`tiles.size must be a whole number ≥ 1, got ${size}`);
    if (tileRows !== Math.ceil(rows / size) || tileCols !== Math.ceil(cols / size)) {
      fail(`tiles are ${tileRows}×${tileCols}, expected ⌈${rows}/${size}⌉×⌈${cols}/${size}⌉ = ${Math.ceil(rows / size)}×${Math.ceil(cols / size)}`);
    }
    check('tiles.states', states, tileRows * tileCols, `[${tileRows}×${tileCols}]`);
  }
  if (spec.cellSize !== undefined && !(spec.cellSize > 0 && Number.isFinite(spec.cellSize))) {
    fail(`cellSize must be > 0 px, got ${spec.cellSize}`);
  }
  if (spec.maxWidth !== undefined && !(spec.maxWidth > 0 && Number.isFinite(spec.maxWidth))) {
    fail(`maxWidth must be > 0 px, got ${spec.maxWidth}`);
  }
}
