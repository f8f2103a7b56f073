/**
 * `drawHeatmap`: one attention matrix as cells on a <canvas> under an SVG with the axes, the
 * labels and the hover overlay. Mouse and keyboard (arrows, Home/End, PageUp/PageDown, Escape)
 * both move the highlighted cell and report it through `onHover`; focusing the heatmap with the
 * keyboard selects the first visible cell at once. With `view` and `onViewAction` it shows a
 * window of the matrix and asks for zooms and pans (heatmapZoom.ts, viewport.ts).
 */
import { pointer } from 'd3';
import { colorCells, packedColorFn } from './cellColors';
import { drawAxes, FONT_FAMILY, labelFont } from './heatmapAxes';
import { paintCells } from './heatmapCanvas';
import { createHeatmapDom, prepareHost } from './heatmapDom';
import type { HeatmapDom } from './heatmapDom';
import { allAxisTexts, axisLabels, labelGapPx, labelText, MAX_LABEL_CHARS } from './heatmapLabels';
import { drawOverlay } from './heatmapOverlay';
import { drawTiles } from './heatmapTiles';
import { drawMarks } from './heatmapMarks';
import { attachZoomGestures, isZoomed, zoomKeyAction } from './heatmapZoom';
import { moveCell } from './keyboard';
import { colShown, fitHeatmapLayout, layoutCellAt, rowShown, rowTop } from './layout';
import type { HeatmapLayout } from './layout';
import { maxTextWidth, widestCandidates } from './text';
import type { CellRange, HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';
import { clampView, fullView } from './viewport';

export type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';
export { MAX_LABEL_CHARS };

/** Default label font size, CSS px (readable on a classroom projector). */
export const DEFAULT_FONT_SIZE = 13;

/**
 * Draws a heatmap of `spec.values` ([rows × cols], row-major; rows = queries, columns = keys)
 * into `host` and returns a handle to update or remove it.
 *
 * The host gets tabIndex 0, role "group" and aria-label = spec.ariaLabel (restored by destroy).
 * Blocked cells are hatched in BLOCKED_COLOR, never coloured by value; grey rows are faded;
 * flagged rows get a red "∅" after the row. Pointer moves over the matrix and arrow keys on the
 * focused host move the highlighted cell and call `spec.onHover` with indices of the whole
 * matrix (zoomed or not, pooled or not); leaving the matrix gives null.
 * When the host gets focus from the keyboard (Tab) or from a script, not from a pointer press,
 * with no highlighted cell, the first visible cell — (0, 0) unless zoomed — is highlighted and
 * reported through `onHover` at once.
 *
 * Size: cells are chosen per axis (see chooseCellDims) unless `spec.cellSize` is given, then
 * shrunk (below 1 px if need be; the canvas then max-pools, see pool.ts) until the whole drawing
 * fits `spec.maxWidth`. A zoomed view (`spec.view`) keeps the frame of the whole matrix.
 *
 * Tiles (`spec.tiles`, optional) are outlined in the SVG overlay (heatmapTiles.ts).
 * The drawn window is written to the root's `data-view` as "row0,rows,col0,cols".
 *
 * @throws RangeError when rows/cols are not whole numbers ≥ 0, when values/blocked are not
 *         [rows × cols] or greyRows/flaggedRows not [rows], or cellSize / maxWidth /
 *         maxMatrixHeight is not > 0, or tiles are not ⌈rows/size⌉ × ⌈cols/size⌉
 */
export function drawHeatmap(host: HTMLElement, spec: HeatmapSpec): HeatmapHandle {
  validateSpec(spec);
  const dom = createHeatmapDom(host);
  const restoreHost = prepareHost(host, spec.ariaLabel);
  let current = spec;
  let layout = renderSpec(dom, spec, null, null);
  let cell = clampHighlight(spec.highlight ?? null, spec.rows, spec.cols);
  /** Last pointer position over the SVG (CSS px), or null when the pointer is elsewhere. */
  let lastPointer: [number, number] | null = null;
  let dragging = false;
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
  const setCursor = () => {
    const pan = current.onViewAction !== undefined && current.panNeedsModifier !== true && isZoomed(layout, current.rows, current.cols);
    const hit = (dom.hit.node() as SVGRectElement).style;
    hit.cursor = dragging ? 'grabbing' : pan ? 'grab' : '';
    hit.touchAction = pan ? 'none' : ''; // a zoomed heatmap pans under a finger too
  };
  renderOverlay();
  setCursor();

  const svgNode = dom.svg.node() as SVGSVGElement;
  const onPointerMove = (event: PointerEvent) => {
    const [x, y] = pointer(event, svgNode);
    lastPointer = [x, y];
    setCell(layoutCellAt(layout, x, y));
  };
  const onPointerLeave = () => {
    lastPointer = null;
    setCell(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const zoom = current.onViewAction === undefined ? undefined : zoomKeyAction(event.key, cell, layout);
    if (zoom !== undefined) {
      event.preventDefault();
      current.onViewAction?.(zoom);
      return;
    }
    const next = moveCell(cell, event.key, current.rows, current.cols);
    if (next === undefined) return;
    event.preventDefault();
    setCell(next);
    if (next !== null && !(rowShown(layout, next.row) && colShown(layout, next.col))) {
      current.onViewAction?.({ kind: 'reveal', row: next.row, col: next.col });
    } else if (next !== null) {
      scrollCellIntoView(svgNode, layout, next);
    }
  };
  // Focus from the keyboard (Tab) or a script selects the first visible cell; focus from a
  // pointer press does not (the pointer picks its own cell). pointerdown comes before focus.
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
    if (!byPointer && cell === null && current.rows > 0 && current.cols > 0) setCell({ row: layout.row0, col: layout.col0 });
  };
  const detachZoom = attachZoomGestures({
    svg: svgNode,
    spec: () => current,
    layout: () => layout,
    onPointer: (x, y) => {
      lastPointer = [x, y];
    },
    onDragging: (d) => {
      dragging = d;
      setCursor();
    },
  });
  svgNode.addEventListener('pointermove', onPointerMove);
  svgNode.addEventListener('pointerleave', onPointerLeave);
  host.addEventListener('keydown', onKeyDown);
  host.addEventListener('focus', onFocus);
  host.addEventListener('pointerdown', onPointerDown);
  host.addEventListener('pointerup', onPointerUp);

  return {
    update(next: HeatmapSpec): void {
      // A re-render that changed only callbacks (a parent rendered again): keep them, draw nothing.
      if (sameDrawing(current, next)) {
        current = next;
        return;
      }
      validateSpec(next);
      host.setAttribute('aria-label', next.ariaLabel);
      const prevLayout = layout;
      layout = renderSpec(dom, next, current, layout);
      current = next;
      cell = clampHighlight(next.highlight === undefined ? cell : next.highlight, next.rows, next.cols);
      renderOverlay();
      setCursor();
      // The window moved under a still pointer (wheel zoom, pan): report the cell now under it.
      if (lastPointer !== null && windowChanged(prevLayout, layout)) setCell(layoutCellAt(layout, ...lastPointer));
    },
    destroy(): void {
      detachZoom();
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

/** True when two specs differ at most in their callbacks (every other field is the same by reference). */
export function sameDrawing(a: HeatmapSpec, b: HeatmapSpec): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof HeatmapSpec)[]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x !== y && !(typeof x === 'function' && typeof y === 'function')) return false;
  }
  return true;
}

/** Texts measured to find the widest label of an axis (text.ts `widestCandidates`). */
const RESERVE_CANDIDATES = 48;

/**
 * Reserved label widths (CSS px) per labels array, then per "font|count": the heatmaps of one
 * grid share their token arrays, so an axis of 4096 tokens is sized once, not once per heatmap.
 */
const reserves = new WeakMap<readonly string[], Map<string, number>>();

/** Width (CSS px, in `font`) of the widest text an axis of `count` cells can show at any zoom. */
function reservedWidth(labels: readonly string[], count: number, font: string, doc: Document): number {
  let perFont = reserves.get(labels);
  if (perFont === undefined) {
    perFont = new Map();
    reserves.set(labels, perFont);
  }
  const id = `${font}|${count}`;
  let width = perFont.get(id);
  if (width === undefined) {
    width = maxTextWidth(widestCandidates(allAxisTexts(labels, count), RESERVE_CANDIDATES), font, doc);
    perFont.set(id, width);
  }
  return width;
}

/** The window of `spec` to draw: `spec.view` clamped inside the matrix, or the whole matrix. */
function specView(spec: HeatmapSpec): CellRange {
  return spec.view === undefined ? fullView(spec.rows, spec.cols) : clampView(spec.view, spec.rows, spec.cols);
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
  const view = specView(next);
  // A zoomable heatmap reserves room for every label it may show, so its frame never moves.
  const zoomable = next.view !== undefined || next.onViewAction !== undefined;
  const L = fitHeatmapLayout({
    rows: view.rows, cols: view.cols, row0: view.row0, col0: view.col0, whole: { rows: next.rows, cols: next.cols },
    fontSize, hasTitle: title !== '', cellSize: next.cellSize, maxWidth: next.maxWidth, maxMatrixHeight: next.maxMatrixHeight,
    titleWidth: title === '' ? 0 : maxTextWidth([title], labelFont(fontSize + 2, 700), doc),
    rowAxisTitleWidth: rowAxisTitle === '' ? 0 : maxTextWidth([rowAxisTitle], titleFont, doc),
    colAxisTitleWidth: colAxisTitle === '' ? 0 : maxTextWidth([colAxisTitle], titleFont, doc),
    labelWidths: (cellWidth, cellHeight) => {
      const shown = shownLabels(next, view, cellWidth, cellHeight, fontSize);
      const row = maxTextWidth(shown.rows.map((l) => l.text), font, doc);
      const col = maxTextWidth(shown.cols.map((l) => l.text), font, doc);
      if (!zoomable) return { row, col };
      return {
        row: Math.max(row, reservedWidth(next.rowLabels, next.rows, font, doc)),
        col: Math.max(col, reservedWidth(next.colLabels, next.cols, font, doc)),
      };
    },
  });
  const labels = shownLabels(next, view, L.cellWidth, L.cellHeight, fontSize);
  Object.assign(dom.root.style, { width: `${L.width}px`, height: `${L.height}px` });
  dom.root.dataset.view = `${view.row0},${view.rows},${view.col0},${view.cols}`;
  Object.assign(dom.canvas.style, { left: `${L.left}px`, top: `${L.top}px` });
  dom.svg.attr('width', L.width).attr('height', L.height).attr('font-family', FONT_FAMILY).attr('font-size', fontSize);
  dom.hit.attr('x', L.left).attr('y', L.top).attr('width', L.matrixWidth).attr('height', L.matrixHeight);
  dom.clipRect.attr('width', L.matrixWidth).attr('height', L.matrixHeight);
  if (prev === null || prevLayout === null || needsRepaint(prev, next) || windowChanged(prevLayout, L)) {
    const colorOf = packedColorFn(next.color);
    const dpr = doc.defaultView?.devicePixelRatio ?? 1;
    paintCells(dom.canvas, {
      rows: next.rows, cols: next.cols, view, cellWidth: L.cellWidth, cellHeight: L.cellHeight,
      values: next.values, blocked: next.blocked, poolBy: next.poolBy, colorsOf: (source) => colorCells(next, source, colorOf),
    }, dpr);
  }
  const axes = {
    rowLabels: labels.rows, colLabels: labels.cols, rowTicks: labels.rowTicks, colTicks: labels.colTicks,
    greyRows: next.greyRows, flaggedRows: next.flaggedRows, title, rowAxisTitle, colAxisTitle,
  };
  // Axes are many SVG elements: rebuilt only when what they show changed (not on every new result).
  const key = axesKey(L, axes);
  if (axesKeys.get(dom) !== key) {
    drawAxes(dom.layers, L, axes);
    axesKeys.set(dom, key);
  }
  // An overlay is redrawn when it changed (by reference), or it is shown and the window moved.
  const moved = prevLayout === null || windowChanged(prevLayout, L);
  const redraw = (a: unknown, b: unknown) => (prev === null ? b !== undefined : a !== b || (b !== undefined && moved));
  if (redraw(prev?.tiles, next.tiles)) drawTiles(dom.layers.overlay, L, next.rows, next.cols, next.tiles, dom.clipId);
  if (redraw(prev?.marked, next.marked)) drawMarks(dom.layers.overlay, L, next.rows, next.cols, next.marked);
  return L;
}

/** The axes last drawn into each heatmap, by their content (axesKey). */
const axesKeys = new WeakMap<HeatmapDom, string>();

/** Everything the axes show, as a string: layout, labels, ticks, titles and row flags. */
function axesKey(L: HeatmapLayout, axes: Record<string, unknown>): string {
  return JSON.stringify([L, axes], (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array).join('') : v));
}

/** Shown labels of both axes for the window `view` (heatmapLabels.ts `axisLabels`). */
function shownLabels(spec: HeatmapSpec, view: CellRange, cellWidth: number, cellHeight: number, fontSize: number) {
  const minGap = labelGapPx(fontSize);
  const rows = axisLabels(spec.rowLabels, view.row0, view.rows, cellHeight, minGap);
  const cols = axisLabels(spec.colLabels, view.col0, view.cols, cellWidth, minGap);
  return { rows: rows.shown, cols: cols.shown, rowTicks: rows.ticks, colTicks: cols.ticks };
}

/** True when the cells must be repainted: any colouring input changed (by reference). */
function needsRepaint(a: HeatmapSpec, b: HeatmapSpec): boolean {
  return a.values !== b.values || a.rows !== b.rows || a.cols !== b.cols || a.color !== b.color || a.poolBy !== b.poolBy
    || a.blocked !== b.blocked || a.greyRows !== b.greyRows;
}

/** True when the matrix moved, its cells changed size, or it shows another window. */
function windowChanged(a: HeatmapLayout, b: HeatmapLayout): boolean {
  return a.left !== b.left || a.top !== b.top || a.cellWidth !== b.cellWidth || a.cellHeight !== b.cellHeight
    || a.row0 !== b.row0 || a.col0 !== b.col0 || a.rows !== b.rows || a.cols !== b.cols;
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
  if (spec.maxMatrixHeight !== undefined && !(spec.maxMatrixHeight > 0 && Number.isFinite(spec.maxMatrixHeight))) {
    fail(`maxMatrixHeight must be > 0 px, got ${spec.maxMatrixHeight}`);
  }
}

/**
 * Scrolls the page (as little as needed) so that the cell moved to with the keyboard is on screen,
 * below the heatmap's CSS scroll-margin-top (room for what sticks to the top of the page).
 */
function scrollCellIntoView(svg: SVGSVGElement, L: HeatmapLayout, c: HeatmapCell): void {
  const view = svg.ownerDocument.defaultView;
  if (!view) return;
  const box = svg.getBoundingClientRect();
  const top = box.top + rowTop(L, c.row);
  const bottom = top + L.cellHeight;
  const margin = parseFloat(view.getComputedStyle(svg.closest('.heatmap') ?? svg).scrollMarginTop) || 0;
  if (top < margin) view.scrollBy({ top: top - margin });
  else if (bottom > view.innerHeight) view.scrollBy({ top: bottom - view.innerHeight });
}
