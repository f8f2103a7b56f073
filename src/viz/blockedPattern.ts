/**
 * The hatch that marks blocked (masked) cells: stripes of BLOCKED_HATCH_COLOR rising at 45°
 * over BLOCKED_COLOR. The canvas pattern (heatmap cells) and the SVG <pattern> (legend swatch)
 * share one geometry, so the legend shows exactly what the cells look like.
 */
import { BLOCKED_COLOR, BLOCKED_HATCH_COLOR } from './colorScales';

/** Tile edge = distance between stripes along an axis, CSS px. */
export const HATCH_SPACING = 5;
/** Stripe width, CSS px. */
export const HATCH_LINE_WIDTH = 1.25;

/** A line segment [x1, y1, x2, y2] in CSS px. */
export type Segment = readonly [number, number, number, number];

/**
 * Stripes of one s×s tile that tile seamlessly: the tile's diagonal plus the two corner pieces
 * of the neighbouring stripes (drawn past the tile edge so line caps do not leave gaps).
 */
export function hatchSegments(s: number = HATCH_SPACING): Segment[] {
  return [
    [-1, 1, 1, -1],
    [0, s, s, 0],
    [s - 1, s + 1, s + 1, s - 1],
  ];
}

/** The same stripes as an SVG path `d` attribute. */
export function hatchPathData(s: number = HATCH_SPACING): string {
  return hatchSegments(s)
    .map(([x1, y1, x2, y2]) => `M${x1},${y1}L${x2},${y2}`)
    .join('');
}

/**
 * A repeating canvas pattern of the hatch, crisp at `pixelRatio` device px per CSS px: the same
 * object for the same tile (never to be changed). Use it while the context's transform is
 * scale(pixelRatio) (CSS px user space).
 *
 * @param withBackground true: BLOCKED_COLOR under the stripes; false: stripes only (to draw
 *                       over cells already filled with BLOCKED_COLOR)
 * @returns null when a 2D context cannot be created
 */
export function createBlockedCanvasPattern(
  ctx: CanvasRenderingContext2D,
  pixelRatio: number,
  withBackground: boolean,
): CanvasPattern | null {
  const device = Math.max(2, Math.round(HATCH_SPACING * pixelRatio));
  const k = device / HATCH_SPACING; // device px per CSS px inside the tile
  const tile = hatchTile(ctx.canvas.ownerDocument, device, withBackground);
  if (tile === null) return null;
  const kept = patterns.get(tile);
  if (kept) return kept;
  const pattern = ctx.createPattern(tile, 'repeat');
  if (pattern === null) return null;
  pattern.setTransform(new DOMMatrix([1 / k, 0, 0, 1 / k, 0, 0]));
  patterns.set(tile, pattern);
  return pattern;
}

/**
 * The pattern of each tile, made once: a CanvasPattern serves any 2D context of its document, and
 * making one costs about 27 ms on SwiftShader here (a step change in presentation mode mounts a
 * new heatmap: its hatch was most of the key press's work; CPU profile of the built app, 2-core EPYC).
 */
const patterns = new WeakMap<HTMLCanvasElement, CanvasPattern>();

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Appends the hatch as an SVG <pattern id={id}> (background + stripes) to `defs`; fill a shape
 * with `url(#id)` to use it.
 */
export function appendBlockedSvgPattern(defs: SVGElement, id: string): SVGPatternElement {
  const doc = defs.ownerDocument;
  const pattern = doc.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', id);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', String(HATCH_SPACING));
  pattern.setAttribute('height', String(HATCH_SPACING));
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(HATCH_SPACING));
  bg.setAttribute('height', String(HATCH_SPACING));
  bg.setAttribute('fill', BLOCKED_COLOR);
  const stripes = doc.createElementNS(SVG_NS, 'path');
  stripes.setAttribute('d', hatchPathData());
  stripes.setAttribute('stroke', BLOCKED_HATCH_COLOR);
  stripes.setAttribute('stroke-width', String(HATCH_LINE_WIDTH));
  stripes.setAttribute('stroke-linecap', 'square');
  pattern.append(bg, stripes);
  defs.append(pattern);
  return pattern;
}

/** Hatch tiles drawn so far, per document, by size and background (drawing one costs ~0.4 ms; heatmaps redraw often). */
const tiles = new WeakMap<Document, Map<string, HTMLCanvasElement>>();

/** The device × device px tile of stripes (over BLOCKED_COLOR when `withBackground`); null without a 2D context. */
function hatchTile(doc: Document, device: number, withBackground: boolean): HTMLCanvasElement | null {
  const kept = tiles.get(doc) ?? new Map<string, HTMLCanvasElement>();
  tiles.set(doc, kept);
  const key = `${device}:${withBackground}`;
  const cached = kept.get(key);
  if (cached) return cached;
  const k = device / HATCH_SPACING;
  const tile = doc.createElement('canvas');
  tile.width = device;
  tile.height = device;
  const t = tile.getContext('2d');
  if (t === null) return null;
  t.scale(k, k);
  if (withBackground) {
    t.fillStyle = BLOCKED_COLOR;
    t.fillRect(0, 0, HATCH_SPACING, HATCH_SPACING);
  }
  t.strokeStyle = BLOCKED_HATCH_COLOR;
  t.lineWidth = HATCH_LINE_WIDTH;
  t.lineCap = 'square';
  t.beginPath();
  for (const [x1, y1, x2, y2] of hatchSegments()) {
    t.moveTo(x1, y1);
    t.lineTo(x2, y2);
  }
  t.stroke();
  kept.set(key, tile);
  return tile;
}
