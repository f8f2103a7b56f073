/**
 * The DOM of one heatmap, created once and reused by every update:
 *
 *   host
 *   └ div.ms-heatmap (position: relative; sized to the layout)
 *     ├ canvas            cells, absolutely placed at (layout.left, layout.top)
 *     └ svg               on top, aria-hidden (the host carries the accessible name) unless
 *                         numbers or row notes are shown (setSvgTextExposed):
 *       defs > clipPath (the matrix, in matrix coordinates: clips overlays of a zoomed view)
 *       g.ms-titles · g.ms-row-labels · g.ms-col-labels · g.ms-flags   (each aria-hidden)
 *       g.ms-row-notes · g.ms-values                                   (text for readers)
 *       g.ms-overlay (aria-hidden) > g.ms-outlined · g.ms-selected-row · (hover, tiles, marks)
 *       rect.ms-hit (pointer target)
 */
import { select } from 'd3';
import type { Selection } from 'd3';
import { svgLayer } from './svgLayer';
import { setChangedSelectionAttrs } from './changedAttrs';

const SVG_NS = 'http://www.w3.org/2000/svg';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Elements of one heatmap. */
export interface HeatmapDom {
  root: HTMLDivElement;
  canvas: HTMLCanvasElement;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  layers: { titles: G; rows: G; cols: G; flags: G; notes: G; values: G; overlay: G };
  /** Transparent rect over the matrix (pointer target). */
  hit: Selection<SVGRectElement, unknown, null, undefined>;
  /** id of the <clipPath> and its rect, to be sized to the matrix: (0, 0, matrixWidth, matrixHeight). */
  clipId: string;
  clipRect: Selection<SVGRectElement, unknown, null, undefined>;
}

/** Counter for unique clipPath ids (several heatmaps share one document). */
let clipCount = 0;

/** Creates the heatmap's elements and appends them to `host`. */
export function createHeatmapDom(host: HTMLElement): HeatmapDom {
  const doc = host.ownerDocument;
  const root = doc.createElement('div');
  root.className = 'ms-heatmap';
  root.style.position = 'relative';
  const canvas = doc.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.setAttribute('aria-hidden', 'true');
  const svgNode = doc.createElementNS(SVG_NS, 'svg');
  svgNode.setAttribute('aria-hidden', 'true');
  Object.assign(svgNode.style, { position: 'absolute', left: '0', top: '0', overflow: 'visible', userSelect: 'none' });
  root.append(canvas, svgNode);
  host.append(root);
  const svg = select(svgNode);
  const clipId = `ms-heatmap-clip-${++clipCount}`;
  const clipRect = svg.append('defs').append('clipPath').attr('id', clipId).append('rect').attr('x', 0).attr('y', 0);
  const layers = {
    titles: svgLayer(svg, 'ms-titles'),
    rows: svgLayer(svg, 'ms-row-labels'),
    cols: svgLayer(svg, 'ms-col-labels'),
    flags: svgLayer(svg, 'ms-flags'),
    notes: svgLayer(svg, 'ms-row-notes'),
    values: svgLayer(svg, 'ms-values'),
    overlay: svgLayer(svg, 'ms-overlay').attr('pointer-events', 'none'),
  };
  for (const g of [layers.titles, layers.rows, layers.cols, layers.flags, layers.overlay]) g.attr('aria-hidden', 'true');
  // Persistent marks first, so the hover crosshair and outline (drawn later) lie above them.
  svgLayer(layers.overlay, 'ms-outlined');
  svgLayer(layers.overlay, 'ms-selected-row');
  const hit = svg.append('rect').attr('class', 'ms-hit').attr('fill', 'transparent').attr('aria-hidden', 'true');
  return { root, canvas, svg, layers, hit, clipId, clipRect };
}

/**
 * Exposes the SVG's text layers (cell numbers, row notes) to assistive technology, or hides the
 * whole SVG again (its other layers are always aria-hidden; the host carries the name).
 */
export function setSvgTextExposed(dom: HeatmapDom, exposed: boolean): void {
  setChangedSelectionAttrs(dom.svg, { 'aria-hidden': exposed ? null : 'true' });
}

/**
 * Makes the host focusable (tabIndex 0) and named (role "group", aria-label); returns a
 * function restoring the attributes it had before.
 */
export function prepareHost(host: HTMLElement, ariaLabel: string): () => void {
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
