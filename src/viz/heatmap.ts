/**
 * `drawHeatmap`: one attention matrix as cells on a <canvas> under an SVG with the axes, the
 * labels and the overlays. Mouse, touch and keyboard move the highlighted cell and report it
 * through `onHover` (heatmapInput.ts); focusing the heatmap with the keyboard selects the first
 * visible cell at once. With `view` and `onViewAction` it shows a window of the matrix and asks
 * for zooms and pans (heatmapZoom.ts, viewport.ts). Optional layers: numbers in the cells
 * (heatmapValues.ts), row notes (heatmapRowNotes.ts), a selected row (heatmapSelectedRow.ts),
 * outlined cells (heatmapOutlined.ts).
 */
import { setChangedSelectionAttrs } from './changedAttrs';
import { colorCells, packedColorFn } from './cellColors';
import { drawAxes, FONT_FAMILY } from './heatmapAxes';
import { paintCells } from './heatmapCanvas';
import { createHeatmapDom, prepareHost, setSvgTextExposed } from './heatmapDom';
import type { HeatmapDom } from './heatmapDom';
import { attachHeatmapInput } from './heatmapInput';
import { labelText, MAX_LABEL_CHARS } from './heatmapLabels';
import { layoutSpec, sameLayoutInputs, shownLabels, specTitles } from './heatmapMeasure';
import { drawOutlined, outlinedCount } from './heatmapOutlined';
import { drawDashed } from './heatmapDashed';
import { drawOverlay } from './heatmapOverlay';
import { drawRowNotes } from './heatmapRowNotes';
import { drawSelectedRow } from './heatmapSelectedRow';
import { clampHighlight, sameCell, sameDrawing, specView, validateSpec } from './heatmapSpec';
import { drawTiles } from './heatmapTiles';
import { drawMarks } from './heatmapMarks';
import { drawValues } from './heatmapValues';
import { isZoomed } from './heatmapZoom';
import type { HeatmapLayout } from './layout';
import { PYRAMID_MIN_CELLS } from '../engine/thresholds';
import type { CellRange, HeatmapHandle, HeatmapSpec } from './types';

export type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';
export { clampHighlight, sameDrawing, validateSpec } from './heatmapSpec';
export { MAX_LABEL_CHARS };

/** Default label font size, CSS px (readable on a classroom projector). */
export const DEFAULT_FONT_SIZE = 13;

/**
 * Draws a heatmap of `spec.values` ([rows × cols], row-major; rows = queries, columns = keys)
 * into `host` and returns a handle to update or remove it.
 *
 * The host gets tabIndex 0, role "group" and aria-label = spec.ariaLabel (restored by destroy).
 * Blocked cells are hatched in BLOCKED_COLOR, never coloured by value; grey rows are faded;
 * flagged rows get a red "∅" after the row. Mouse moves over the matrix, taps and arrow keys on
 * the focused host move the highlighted cell and call `spec.onHover` with indices of the whole
 * matrix (zoomed or not, pooled or not); the mouse leaving the matrix, or a press outside a
 * tapped heatmap, gives null, and so does destroy when the cell was this heatmap's own report.
 * A click or tap on a cell, or Enter, calls `spec.onSelectRow`.
 * When the host gets focus from the keyboard (Tab) or from a script, not from a pointer press
 * or a tap, with no highlighted cell, the first visible cell — (0, 0) unless zoomed — is
 * highlighted and reported through `onHover` at once.
 *
 * Size: cells are chosen per axis (see chooseCellDims) unless `spec.cellSize` is given, then
 * shrunk (below 1 px if need be; the canvas then max-pools, see pool.ts) until the whole drawing
 * fits `spec.maxWidth` — or, with `maxHeight`/`maxCellPx`, the largest that fit the box
 * (fitLayout.ts). A zoomed view (`spec.view`) keeps the frame of the whole matrix.
 *
 * Tiles (`spec.tiles`, optional) are outlined in the SVG overlay (heatmapTiles.ts).
 * Root attributes (div.ms-heatmap), for tests and styles: `data-view` = "row0,rows,col0,cols"
 * of the drawn window; `data-highlight` = "row,col" of the highlighted cell ("" when none);
 * `data-values` ("shown" / "hidden", with valueText); `data-selected-row`; `data-outlined`; `data-dashed`;
 * `data-layouts`, how many times its layout was measured and fitted (not when a redraw could keep it).
 *
 * @throws RangeError from validateSpec (heatmapSpec.ts): arrays not of their shape, sizes not > 0
 */
export function drawHeatmap(host: HTMLElement, spec: HeatmapSpec): HeatmapHandle {
  validateSpec(spec);
  const dom = createHeatmapDom(host);
  const restoreHost = prepareHost(host, spec.ariaLabel);
  let current = spec;
  let layout = renderSpec(dom, spec, null, null);
  let cell = clampHighlight(spec.highlight ?? null, spec.rows, spec.cols);
  let dragging = false;
  const renderOverlay = () => {
    const labels = {
      row: cell === null || cell.row < 0 ? '' : labelText(current.rowLabels, cell.row),
      col: cell === null || cell.col < 0 ? '' : labelText(current.colLabels, cell.col),
    };
    drawOverlay(dom.layers.overlay, { rows: dom.layers.rows, cols: dom.layers.cols }, layout, cell, labels);
    dom.root.dataset.highlight = cell === null ? '' : `${cell.row},${cell.col}`;
  };
  const setCursor = () => {
    const pan = current.onViewAction !== undefined && current.panNeedsModifier !== true && isZoomed(layout, current.rows, current.cols);
    const hit = (dom.hit.node() as SVGRectElement).style;
    hit.cursor = dragging ? 'grabbing' : pan ? 'grab' : '';
    // A zoomed heatmap pans under a finger too: the browser must not take the touch for a scroll
    // or a pinch. A zoomable one keeps the page's scroll but leaves a pinch to its gestures
    // (heatmapPinch.ts). Set on the <svg> itself: Chromium reads touch-action from CSS boxes
    // only, not from an SVG shape like the hit rectangle (there a drag was cancelled after a few moves).
    (dom.svg.node() as SVGSVGElement).style.touchAction = pan ? 'none' : current.onViewAction !== undefined ? 'pan-x pan-y' : '';
  };
  renderOverlay();
  setCursor();
  // true while the highlighted cell is one this heatmap's own input reported through onHover
  let reported = false;
  const input = attachHeatmapInput({
    host,
    svg: dom.svg.node() as SVGSVGElement,
    spec: () => current,
    layout: () => layout,
    cell: () => cell,
    setCell: (next) => {
      if (sameCell(cell, next)) return;
      cell = next;
      reported = next !== null;
      renderOverlay();
      current.onHover?.(next);
    },
    onDragging: (d) => {
      dragging = d;
      setCursor();
    },
  });

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
      if (windowChanged(prevLayout, layout)) input.windowMoved();
    },
    destroy(): void {
      input.detach();
      dom.root.remove();
      restoreHost();
      // a cell this heatmap reported (hovered, or its keyboard cursor) is gone with it: the page's
      // read-out must not keep showing it (a step change in presentation mode replaces the heatmap)
      if (reported) current.onHover?.(null);
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
  const view = specView(next);
  const { L, labels } = measured(dom, next, prev, view, fontSize, doc);
  Object.assign(dom.root.style, { width: `${L.width}px`, height: `${L.height}px` });
  dom.root.dataset.view = `${view.row0},${view.rows},${view.col0},${view.cols}`;
  Object.assign(dom.canvas.style, { left: `${L.left}px`, top: `${L.top}px` });
  // only what changed: a same-value write re-lays out the labels (changedAttrs.ts)
  setChangedSelectionAttrs(dom.svg, { width: L.width, height: L.height, 'font-family': FONT_FAMILY, 'font-size': fontSize });
  setChangedSelectionAttrs(dom.hit, { x: L.left, y: L.top, width: L.matrixWidth, height: L.matrixHeight });
  setChangedSelectionAttrs(dom.clipRect, { width: L.matrixWidth, height: L.matrixHeight });
  if (prev === null || prevLayout === null || needsRepaint(prev, next) || windowChanged(prevLayout, L)) {
    const colorOf = packedColorFn(next.color);
    const dpr = doc.defaultView?.devicePixelRatio ?? 1;
    const via = paintCells(dom.canvas, {
      rows: next.rows, cols: next.cols, view, cellWidth: L.cellWidth, cellHeight: L.cellHeight,
      values: next.values, blocked: next.blocked, poolBy: next.poolBy, poolBlocked: next.poolBlocked, pyramid: next.pyramid, pyramidOf: next.pyramidOf,
      colorsOf: (source, shown, scratch) => colorCells(next, source, colorOf, shown, scratch),
    }, dpr);
    // how the cells were pooled (poolPyramid.ts PoolVia): 'sent' = through the engine's pyramid
    if (via !== null) dom.canvas.dataset.pooled = via;
  }
  const axes = {
    rowLabels: labels.rows, colLabels: labels.cols, rowTicks: labels.rowTicks, colTicks: labels.colTicks,
    greyRows: next.greyRows, flaggedRows: next.flaggedRows, ...specTitles(next),
  };
  // Axes are many SVG elements: rebuilt only when what they show changed (not on every new result).
  const key = axesKey(L, axes);
  if (axesKeys.get(dom) !== key) {
    drawAxes(dom.layers, L, axes);
    axesKeys.set(dom, key);
  }
  drawLayers(dom, L, next, prev, prevLayout === null || windowChanged(prevLayout, L));
  return L;
}

/**
 * The optional layers: tiles, marks, outlined cells and the selected row (overlay), cell numbers
 * and row notes, with their root attributes. Each is redrawn when its input changed (by
 * reference), or it is shown and the window `moved`; the numbers check their own inputs.
 */
function drawLayers(dom: HeatmapDom, L: HeatmapLayout, next: HeatmapSpec, prev: HeatmapSpec | null, moved: boolean): void {
  const { overlay } = dom.layers;
  const redraw = (a: unknown, b: unknown) => (prev === null ? b !== undefined : a !== b || (b !== undefined && moved));
  if (redraw(prev?.tiles, next.tiles)) drawTiles(overlay, L, next.rows, next.cols, next.tiles, dom.clipId);
  if (redraw(prev?.marked, next.marked)) drawMarks(overlay, L, next.rows, next.cols, next.marked);
  if (redraw(prev?.outlined, next.outlined)) drawOutlined(overlay, L, next.cols, next.outlined, dom.clipId);
  if (redraw(prev?.dashed, next.dashed)) drawDashed(overlay, L, next.cols, next.dashed, dom.clipId);
  if (redraw(prev?.selectedRow, next.selectedRow)) drawSelectedRow(overlay, L, next.selectedRow);
  // A few dozen texts at most (rows ≥ 9 px): redrawn whenever the spec changed.
  if (next.rowNotes !== undefined || prev?.rowNotes !== undefined) {
    drawRowNotes(dom.layers.notes, L, next.rowNotes, next.rowNotesTitle ?? '', next.greyRows);
  }
  const valuesShown = drawValues(dom.layers.values, L, next, dom.clipId);
  const data = dom.root.dataset;
  setData(data, 'values', next.valueText === undefined ? undefined : valuesShown ? 'shown' : 'hidden');
  setData(data, 'selectedRow', next.selectedRow !== undefined && next.selectedRow >= 0 && next.selectedRow < next.rows ? String(next.selectedRow) : undefined);
  setData(data, 'outlined', next.outlined === undefined ? undefined : String(outlinedCount(next.outlined)));
  setData(data, 'dashed', next.dashed === undefined ? undefined : String(outlinedCount(next.dashed)));
  setSvgTextExposed(dom, valuesShown || dom.layers.notes.select('text').size() > 0);
}

/** Sets data-* attribute `name` (camelCase) to `value`, or removes it for undefined. */
function setData(data: DOMStringMap, name: string, value: string | undefined): void {
  if (value === undefined) delete data[name];
  else data[name] = value;
}

/** The layout and shown labels each heatmap was last drawn with, and for which window. */
const layouts = new WeakMap<HeatmapDom, { view: CellRange; L: HeatmapLayout; labels: ReturnType<typeof shownLabels> }>();

/**
 * layoutSpec and shownLabels of `next` for `view`: the last ones of `dom` when `prev` had the same
 * layout inputs (sameLayoutInputs) and window, e.g. a new result of the same settings, where
 * measuring and fitting again was about a third of a small heatmap's redraw.
 */
function measured(dom: HeatmapDom, next: HeatmapSpec, prev: HeatmapSpec | null, view: CellRange, fontSize: number, doc: Document) {
  const last = layouts.get(dom);
  if (last && prev && sameRange(last.view, view) && sameLayoutInputs(prev, next)) return last;
  const L = layoutSpec(next, view, fontSize, doc);
  const fresh = { view, L, labels: shownLabels(next, view, L.cellWidth, L.cellHeight, fontSize) };
  layouts.set(dom, fresh);
  dom.root.dataset.layouts = String(Number(dom.root.dataset.layouts ?? 0) + 1);
  return fresh;
}

function sameRange(a: CellRange, b: CellRange): boolean {
  return a.row0 === b.row0 && a.rows === b.rows && a.col0 === b.col0 && a.cols === b.cols;
}

/** The axes last drawn into each heatmap, by their content (axesKey). */
const axesKeys = new WeakMap<HeatmapDom, string>();

/** Everything the axes show, as a string: layout, labels, ticks, titles and row flags. */
function axesKey(L: HeatmapLayout, axes: Record<string, unknown>): string {
  return JSON.stringify([L, axes], (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array).join('') : v));
}

/**
 * True when the cells must be repainted: any colouring input changed (by reference). `pyramidOf`
 * counts only for a matrix large enough to be drawn through a page-built pyramid (poolForDraw):
 * e.g. the Mask heatmap of another head with the same mask array is not repainted.
 */
function needsRepaint(a: HeatmapSpec, b: HeatmapSpec): boolean {
  return a.values !== b.values || a.rows !== b.rows || a.cols !== b.cols || a.color !== b.color || a.poolBy !== b.poolBy || a.poolBlocked !== b.poolBlocked || a.pyramid !== b.pyramid
    || (a.pyramidOf !== b.pyramidOf && b.rows * b.cols >= PYRAMID_MIN_CELLS)
    || a.blocked !== b.blocked || a.greyRows !== b.greyRows || a.fadeColor !== b.fadeColor;
}

/** True when the matrix moved, its cells changed size, or it shows another window. */
function windowChanged(a: HeatmapLayout, b: HeatmapLayout): boolean {
  return a.left !== b.left || a.top !== b.top || a.cellWidth !== b.cellWidth || a.cellHeight !== b.cellHeight
    || a.row0 !== b.row0 || a.col0 !== b.col0 || a.rows !== b.rows || a.cols !== b.cols;
}
