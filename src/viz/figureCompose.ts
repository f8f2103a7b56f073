/**
 * Several figures in one (figureTypes.ts): the cards of the whole pipeline, the three attentions
 * of the encoder–decoder view, or Q, K and V side by side. A heading (and an optional line under
 * it), then the parts left to right, wrapping to a new row past `maxWidth`, tops aligned; an
 * arrow "→" between neighbours when asked (the pipeline's order).
 */
import { FIGURE_MARGIN, type Figure, type FigureMark } from './figureTypes';
import { shift } from './figureHeatmap';
import { AXIS_TITLE_COLOR, labelFont, TEXT_COLOR } from './heatmapAxes';
import { maxTextWidth } from './text';

export interface ComposeOptions {
  /** Heading of the whole figure; '' for none. */
  title: string;
  /** A line under the heading (e.g. the scenario); '' or undefined for none. */
  subtitle?: string;
  /** Width past which a row wraps, CSS px; default 1800 (a 16:9 slide at 2× is 3840 px). */
  maxWidth?: number;
  /** Arrows between neighbouring parts; default false. */
  arrows?: boolean;
  /** Heading font size, CSS px; default 20. */
  fontSize?: number;
}

const GAP = 8;
const ARROW_WIDTH = 28;

/**
 * One figure holding `parts` in reading order.
 * @param doc measures the heading (the figure is at least as wide)
 * @returns a figure whose width is the widest row (at least the widest part) plus margins
 * @example two 300 × 200 figures, maxWidth 1000, arrows → one row: 300 + 28 + 300 wide, under the heading
 */
export function composeFigures(parts: readonly Figure[], options: ComposeOptions, doc: Document): Figure {
  const f = options.fontSize ?? 20;
  const maxWidth = options.maxWidth ?? 1800;
  const between = options.arrows ? ARROW_WIDTH : GAP;
  const m = FIGURE_MARGIN;
  const marks: FigureMark[] = [];
  let y = m;
  if (options.title !== '') {
    y += f;
    marks.push({ kind: 'text', x: m, y, text: options.title, fontSize: f, fontWeight: 700, fill: TEXT_COLOR, anchor: 'start', baseline: 'alphabetic', className: 'ms-fig-title' });
    y += Math.round(f * 0.5);
  }
  if (options.subtitle) {
    y += Math.round(f * 0.8);
    marks.push({ kind: 'text', x: m, y, text: options.subtitle, fontSize: Math.round(f * 0.7), fill: AXIS_TITLE_COLOR, anchor: 'start', baseline: 'alphabetic', className: 'ms-fig-subtitle' });
    y += Math.round(f * 0.4);
  }
  let x = m;
  let rowHeight = 0;
  let width = 0;
  parts.forEach((part, i) => {
    if (i > 0 && x + between + part.width > m + maxWidth) {
      y += rowHeight + GAP;
      x = m;
      rowHeight = 0;
    } else if (i > 0) {
      if (options.arrows) marks.push({ kind: 'text', x: x + ARROW_WIDTH / 2, y: y + Math.min(part.height, 120) / 2, text: '→', fontSize: 22, fill: AXIS_TITLE_COLOR, anchor: 'middle', baseline: 'central', className: 'ms-fig-arrow' });
      x += between;
    }
    marks.push(...part.marks.map((mark) => shift(mark, x, y)));
    x += part.width;
    width = Math.max(width, x);
    rowHeight = Math.max(rowHeight, part.height);
  });
  const headings = Math.max(
    options.title === '' ? 0 : maxTextWidth([options.title], labelFont(f, 700), doc),
    options.subtitle ? maxTextWidth([options.subtitle], labelFont(Math.round(f * 0.7)), doc) : 0,
  );
  const W = Math.ceil(Math.max(width + m, 2 * m + headings));
  const H = Math.ceil(y + rowHeight + m);
  const background: FigureMark = { kind: 'rect', x: 0, y: 0, width: W, height: H, fill: '#fff', className: 'ms-fig-background' };
  return { width: W, height: H, marks: [background, ...marks], title: options.title };
}
