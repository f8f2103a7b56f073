/**
 * `drawHeatmap`: one attention matrix as cells on a <canvas> under an SVG with the axes, the
 * labels and the hover overlay. Mouse and keyboard (arrows, Home/End, PageUp/PageDown, Escape)
 * both move the highlighted cell and report it through `onHover`.
 */
import { pointer, select } from 'd3';
import { computeCellRgba } from './cellColors';
import { drawAxes, FONT_FAMILY, labelFont } from './heatmapAxes';
import type { AxisLabel } from './heatmapAxes';
import { paintCells } from './heatmapCanvas';
import { drawOverlay } from './heatmapOverlay';
import { moveCell } from './keyboard';
import { chooseCellSize, heatmapLayout, labelStep, pointToCell, thinLabels, truncateLabel } from './layout';
import type { HeatmapLayout } from './layout';
import { svgLayer } from './svgLayer';
import { maxTextWidth } from './text';
import type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';

export type { HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';

/** Default label font size, CSS px. */
export const DEFAULT_FONT_SIZE = 12;
/** Labels longer than this many characters are cut with "…". */
export const MAX_LABEL_CHARS = 14;

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws a heatmap of `spec.values` ([rows × cols], row-major; rows = queries, columns = keys)
 * into `host` and returns a handle to update or remove it.
 *
 * The host gets tabIndex 0, role "group" and aria-label = spec.ariaLabel (restored by destroy).
 * Blocked cells are hatched in BLOCKED_COLOR, never coloured by value; grey rows are faded;
 * flagged rows get a red "∅" after the row.
 *
 * @throws RangeError when rows/cols are not whole numbers ≥ 0, when values/blocked are not
 *         [rows × cols] or greyRows/flaggedRows not [rows], or cellSize is not > 0
 */
export function drawHeatmap(host: HTMLElement, spec: HeatmapSpec): HeatmapHandle {
  validateSpec(spec);
  const doc = host.ownerDocument;
  const root = doc.createElement('div');
  root.className = 'ms-heatmap';
  root.style.position = 'relative';
  const canvas = doc.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.setAttribute('aria-hidden', 'true');
  const svgNode = doc.createElementNS(SVG_NS, 'svg');
  svgNode.setAttribute('aria-hidden', 'true');
  svgNode.style.position = 'absolute';
  svgNode.style.left = '0';
  svgNode.style.top = '0';
  svgNode.style.overflow = 'visible';
  svgNode.style.userSelect = 'none';
  root.append(canvas, svgNode);
  host.append(root);

  const svg = select(svgNode);
  const layers = {
    titles: svgLayer(svg, 'ms-titles'),
    rows: svgLayer(svg, 'ms-row-labels'),
    cols: svgLayer(svg, 'ms-col-labels'),
    flags: svgLayer(svg, 'ms-flags'),
    overlay: svgLayer(svg, 'ms-overlay').attr('pointer-events', 'none'),
  };
  const hit = svg.append('rect').attr('class', 'ms-hit').attr('fill', 'transparent');
  const restoreHost = prepareHost(host, spec.ariaLabel);

  let current = spec;
  let layout = applySpec(spec, null);
  let cell: HeatmapCell | null = inRange(spec.highlight ?? null, spec);
  renderOverlay();

  function applySpec(next: HeatmapSpec, prev: HeatmapSpec | null): HeatmapLayout {
    const cellSize = next.cellSize ?? chooseCellSize(next.rows, next.cols);
    const fontSize = next.fontSize ?? DEFAULT_FONT_SIZE;
    const labels = shownLabels(next, cellSize, fontSize);
    const font = labelFont(fontSize);
    const L = heatmapLayout({
      rows: next.rows, cols: next.cols, cellSize, fontSize, hasTitle: (next.title ?? '') !== '',
      rowLabelWidth: maxTextWidth(labels.rows.map((l) => l.text), font, doc),
      colLabelWidth: maxTextWidth(labels.cols.map((l) => l.text), font, doc),
    });
    root.style.width = `${L.width}px`;
    root.style.height = `${L.height}px`;
    svg.attr('width', L.width).attr('height', L.height).attr('font-family', FONT_FAMILY).attr('font-size', fontSize);
    canvas.style.left = `${L.left}px`;
    canvas.style.top = `${L.top}px`;
    hit.attr('x', L.left).attr('y', L.top).attr('width', L.matrixWidth).attr('height', L.matrixHeight);
    if (prev === null || needsRepaint(prev, next, cellSize)) {
      const rgba = computeCellRgba(next);
      const dpr = doc.defaultView?.devicePixelRatio ?? 1;
      paintCells(canvas, { rows: next.rows, cols: next.cols, cellSize, rgba, blocked: next.blocked }, dpr);
    }
    drawAxes(layers, L, {
      rowLabels: labels.rows, colLabels: labels.cols, rowTicks: labels.rowStep > 1, colTicks: labels.colStep > 1,
      greyRows: next.greyRows, flaggedRows: next.flaggedRows, title: next.title ?? '',
      rowAxisTitle: next.rowAxisTitle ?? 'query', colAxisTitle: next.colAxisTitle ?? 'key',
    });
    return L;
  }

  function renderOverlay(): void {
    const labels = cell === null ? { row: '', col: '' } : {
      row: labelText(current.rowLabels, cell.row), col: labelText(current.colLabels, cell.col),
    };
    drawOverlay(layers.overlay, [layers.rows, layers.cols], layout, cell, labels);
  }

  function setCell(next: HeatmapCell | null): void {
    if (sameCell(cell, next)) return;
    cell = next;
    renderOverlay();
    current.onHover?.(next);
  }

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
      const prev = current;
      current = next;
      layout = applySpec(next, prev);
      cell = inRange(next.highlight === undefined ? cell : next.highlight, next);
      renderOverlay();
    },
    destroy(): void {
      svgNode.removeEventListener('pointermove', onPointerMove);
      svgNode.removeEventListener('pointerleave', onPointerLeave);
      host.removeEventListener('keydown', onKeyDown);
      root.remove();
      restoreHost();
    },
  };
}

/** Shown (thinned, truncated) labels and the thinning steps. */
function shownLabels(spec: HeatmapSpec, cellSize: number, fontSize: number) {
  const minGap = Math.ceil(fontSize * 1.2);
  const pick = (labels: readonly string[], n: number): AxisLabel[] =>
    thinLabels(n, cellSize, minGap).map((index) => ({ index, text: labelText(labels, index) }));
  return {
    rows: pick(spec.rowLabels, spec.rows),
    cols: pick(spec.colLabels, spec.cols),
    rowStep: labelStep(cellSize, minGap),
    colStep: labelStep(cellSize, minGap),
  };
}

function labelText(labels: readonly string[], index: number): string {
  return truncateLabel(labels[index] ?? String(index), MAX_LABEL_CHARS);
}

function needsRepaint(a: HeatmapSpec, b: HeatmapSpec, cellSize: number): boolean {
  return a.values !== b.values || a.rows !== b.rows || a.cols !== b.cols || a.color !== b.color
    || a.blocked !== b.blocked || a.greyRows !== b.greyRows
    || (a.cellSize ?? chooseCellSize(a.rows, a.cols)) !== cellSize;
}

function sameCell(a: HeatmapCell | null, b: HeatmapCell | null): boolean {
  return a === b || (a !== null && b !== null && a.row === b.row && a.col === b.col);
}

function inRange(c: HeatmapCell | null, spec: HeatmapSpec): HeatmapCell | null {
  if (c === null) return null;
  const ok = c.row >= 0 && c.row < spec.rows && c.col >= 0 && c.col < spec.cols;
  return ok ? { row: c.row, col: c.col } : null;
}

/** Makes the host focusable and named; returns a function restoring its previous attributes. */
function prepareHost(host: HTMLElement, ariaLabel: string): () => void {
  const names = ['tabindex', 'role', 'aria-label'] as const;
  const saved = names.map((n) => [n, host.getAttribute(n)] as const);
  host.tabIndex = 0;
  host.setAttribute('role', 'group');
  host.setAttribute('aria-label', ariaLabel);
  return () => {
    for (const [n, v] of saved) {
      if (v === null) host.removeAttribute(n);
      else host.setAttribute(n, v);
    }
  };
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
