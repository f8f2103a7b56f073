/**
 * A figure for slides and handouts (issue #12 §3), as plain marks in CSS px: what a heatmap shows
 * on screen — cells, blocked hatch, labels, titles, numbers, legend — without the interactive
 * layers. One figure is drawn by two renderers that read the same marks, so the SVG and the PNG
 * at any scale are the same picture: figureSvg.ts (rects and text) and figureCanvas.ts (a canvas
 * at a scale factor). Pure data: no DOM.
 */

/** A filled rectangle; `hatch` fills it with the blocked-cell hatch (BLOCKED_COLOR + stripes) instead of `fill`. */
export interface RectMark {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  hatch?: boolean;
  stroke?: string;
  strokeWidth?: number;
  /** Class of the SVG element (tests and styles), e.g. 'ms-fig-swatch'. */
  className?: string;
}

/** A text anchored at (x, y), rotated by `rotate` degrees about that point. */
export interface TextMark {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  /** CSS px. */
  fontSize: number;
  fontWeight?: number;
  italic?: boolean;
  fill: string;
  anchor: 'start' | 'middle' | 'end';
  /** 'central': (x, y) is the text's vertical middle; 'alphabetic': its baseline. */
  baseline: 'central' | 'alphabetic';
  /** Degrees, clockwise (SVG); default 0. */
  rotate?: number;
  /** CJK column labels stand upright, written downwards and ending at (x, y) (heatmapAxes.ts). */
  upright?: boolean;
  /** A halo behind the glyphs (numbers on blocked cells). */
  halo?: { color: string; width: number };
  className?: string;
}

export interface LineMark {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  width: number;
}

/** A horizontal colour bar: `stops` (offset in [0, 1], CSS colour) from left to right. */
export interface GradientMark {
  kind: 'gradient';
  x: number;
  y: number;
  width: number;
  height: number;
  stops: { offset: number; color: string }[];
  stroke: string;
}

/**
 * The cells of a matrix: a [rows × cols] grid (the matrix itself, or max-pooled when it has more
 * cells than the figure has pixels: pool.ts) laid over [x, x + width) × [y, y + height), coloured
 * by `rgba` ([rows × cols × 4]); `blocked` [rows × cols] cells get the hatch over their colour.
 * `gap` CSS px of white are left between cells (1 from 16 px cells, as on screen).
 */
export interface CellsMark {
  kind: 'cells';
  x: number;
  y: number;
  width: number;
  height: number;
  rows: number;
  cols: number;
  rgba: Uint8ClampedArray;
  blocked: Uint8Array | null;
  gap: number;
  /** True when the grid is pooled (fewer rows or columns than the matrix): drawn as one image. */
  pooled: boolean;
}

export type FigureMark = RectMark | TextMark | LineMark | GradientMark | CellsMark;

/** A figure: its size in CSS px (white background) and its marks, drawn in order. */
export interface Figure {
  width: number;
  height: number;
  marks: FigureMark[];
  /** What the figure shows, for the SVG's <title> (accessible name). */
  title: string;
}

/** Margin around a figure, CSS px. */
export const FIGURE_MARGIN = 12;
