/**
 * A figure (figureTypes.ts) as a standalone SVG element, built with DOM calls (no markup
 * strings: the app runs under Trusted Types), for `XMLSerializer` and a download, or for a
 * printed handout. Cells are one <rect> each (`rect.ms-fig-cell`, `data-row`, `data-col`;
 * blocked ones `data-blocked="1"` and filled with the hatch pattern), up to MAX_SVG_CELL_RECTS;
 * a larger or pooled grid is one <image> (a PNG data: URL) with the hatch over its blocked runs.
 */
import { appendBlockedSvgPattern } from './blockedPattern';
import { FONT_FAMILY } from './heatmapAxes';
import type { CellsMark, Figure, FigureMark, GradientMark, TextMark } from './figureTypes';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Most cells written as one <rect> each (128 × 128); above, the cells are an embedded image. */
export const MAX_SVG_CELL_RECTS = 16384;

let nextId = 0;

/**
 * The SVG of `figure`: width × height CSS px (and that viewBox), a <title>, a white background
 * and every mark in order.
 * @param doc the document that creates the elements (a canvas of it encodes an image grid)
 */
export function figureToSvg(figure: Figure, doc: Document): SVGSVGElement {
  const id = `ms-fig-${nextId++}`;
  const svg = el(doc, 'svg', { xmlns: SVG_NS, width: figure.width, height: figure.height, viewBox: `0 0 ${figure.width} ${figure.height}`, 'font-family': FONT_FAMILY, class: 'ms-figure' }) as SVGSVGElement;
  const title = el(doc, 'title', {});
  title.textContent = figure.title;
  const defs = el(doc, 'defs', {});
  svg.append(title, defs);
  appendBlockedSvgPattern(defs, `${id}-hatch`);
  const hatch = `url(#${id}-hatch)`;
  figure.marks.forEach((mark, k) => svg.append(markElement(doc, mark, defs, hatch, `${id}-${k}`)));
  return svg;
}

function markElement(doc: Document, mark: FigureMark, defs: SVGElement, hatch: string, id: string): SVGElement {
  switch (mark.kind) {
    case 'rect':
      return el(doc, 'rect', {
        x: mark.x, y: mark.y, width: mark.width, height: mark.height, fill: mark.hatch ? hatch : mark.fill,
        stroke: mark.stroke, 'stroke-width': mark.strokeWidth, class: mark.className,
      });
    case 'line':
      return el(doc, 'line', { x1: mark.x1, y1: mark.y1, x2: mark.x2, y2: mark.y2, stroke: mark.stroke, 'stroke-width': mark.width });
    case 'text':
      return textElement(doc, mark);
    case 'gradient':
      return gradientElement(doc, mark, defs, id);
    case 'cells':
      return cellsElement(doc, mark, hatch);
  }
}

function textElement(doc: Document, t: TextMark): SVGElement {
  const node = el(doc, 'text', {
    transform: t.rotate ? `translate(${t.x},${t.y}) rotate(${t.rotate})` : undefined,
    x: t.rotate ? undefined : t.x, y: t.rotate ? undefined : t.y,
    'font-size': t.fontSize, 'font-weight': t.fontWeight, 'font-style': t.italic ? 'italic' : undefined, fill: t.fill,
    'text-anchor': t.anchor, 'dominant-baseline': t.baseline === 'central' ? 'central' : undefined,
    'writing-mode': t.upright ? 'vertical-rl' : undefined, 'text-orientation': t.upright ? 'upright' : undefined,
    stroke: t.halo?.color, 'stroke-width': t.halo?.width, 'stroke-linejoin': t.halo ? 'round' : undefined, 'paint-order': t.halo ? 'stroke' : undefined,
    class: t.className,
  });
  node.textContent = t.text;
  return node;
}

function gradientElement(doc: Document, g: GradientMark, defs: SVGElement, id: string): SVGElement {
  const gradient = el(doc, 'linearGradient', { id });
  for (const s of g.stops) gradient.append(el(doc, 'stop', { offset: s.offset, 'stop-color': s.color }));
  defs.append(gradient);
  return el(doc, 'rect', { x: g.x, y: g.y, width: g.width, height: g.height, fill: `url(#${id})`, stroke: g.stroke, 'stroke-width': 0.5, class: 'ms-fig-legend-bar' });
}

function cellsElement(doc: Document, c: CellsMark, hatch: string): SVGElement {
  const g = el(doc, 'g', { class: 'ms-fig-cells', 'shape-rendering': 'crispEdges', 'data-rows': c.rows, 'data-cols': c.cols });
  const cw = c.width / c.cols;
  const ch = c.height / c.rows;
  if (!c.pooled && c.rows * c.cols <= MAX_SVG_CELL_RECTS) {
    for (let r = 0; r < c.rows; r++) {
      for (let k = 0; k < c.cols; k++) {
        const i = r * c.cols + k;
        const blocked = c.blocked !== null && c.blocked[i] !== 0;
        const fill = blocked ? hatch : `rgb(${c.rgba[4 * i]},${c.rgba[4 * i + 1]},${c.rgba[4 * i + 2]})`;
        g.append(el(doc, 'rect', {
          x: c.x + k * cw, y: c.y + r * ch, width: Math.max(0, cw - c.gap), height: Math.max(0, ch - c.gap), fill,
          class: 'ms-fig-cell', 'data-row': r, 'data-col': k, 'data-blocked': blocked ? 1 : undefined,
        }));
      }
    }
    return g;
  }
  const href = gridDataUrl(doc, c);
  g.append(el(doc, 'image', { x: c.x, y: c.y, width: c.width, height: c.height, preserveAspectRatio: 'none', 'image-rendering': 'optimizeSpeed', href, class: 'ms-fig-cell-image' }));
  const d = blockedRuns(c).map(([r, k0, k1]) => `M${c.x + k0 * cw},${c.y + r * ch}h${(k1 - k0) * cw}v${ch}h${-(k1 - k0) * cw}z`).join('');
  if (d !== '') g.append(el(doc, 'path', { d, fill: hatch, class: 'ms-fig-blocked' }));
  return g;
}

/** Runs [row, firstCol, endCol) of blocked cells of the grid, row by row. */
export function blockedRuns(c: Pick<CellsMark, 'rows' | 'cols' | 'blocked'>): [number, number, number][] {
  const runs: [number, number, number][] = [];
  if (c.blocked === null) return runs;
  for (let r = 0; r < c.rows; r++) {
    let k = 0;
    while (k < c.cols) {
      if (c.blocked[r * c.cols + k] === 0) {
        k++;
        continue;
      }
      const start = k;
      while (k < c.cols && c.blocked[r * c.cols + k] !== 0) k++;
      runs.push([r, start, k]);
    }
  }
  return runs;
}

/** The grid's colours as a PNG data: URL, one pixel per cell ('' without a 2D canvas). */
function gridDataUrl(doc: Document, c: CellsMark): string {
  const canvas = doc.createElement('canvas');
  canvas.width = c.cols;
  canvas.height = c.rows;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return '';
  ctx.putImageData(new ImageData(new Uint8ClampedArray(c.rgba), c.cols, c.rows), 0, 0);
  return canvas.toDataURL('image/png');
}

/** An SVG element with the given attributes (undefined ones left out). */
function el(doc: Document, name: string, attrs: Record<string, string | number | undefined>): SVGElement {
  const node = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && key !== 'xmlns') node.setAttribute(key, String(value));
  return node;
}
