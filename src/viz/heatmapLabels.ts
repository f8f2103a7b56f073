/**
 * Which axis labels a heatmap shows for the window of cells it draws (pure; no DOM): the token
 * labels when every one of them fits, otherwise round index numbers from a d3 linear scale's
 * ticks, so a zoomed or very long axis reads "0, 500, 1000 …" or "120, 130, 140 …".
 */
import { scaleLinear } from 'd3';
import type { AxisLabel } from './heatmapAxes';
import { labelStep, truncateLabel } from './layout';

/** Labels longer than this many characters are cut with "…". */
export const MAX_LABEL_CHARS = 14;

/**
 * Smallest distance between two shown labels' centres, CSS px: 1.15 × the font size, whole px —
 * a line of text (a glyph's ascent and descent are about 0.95 em), with a little air. (1.2 was
 * one pixel too much for 21 words on a 1280 × 720 projector at 20 px: the axes fell back to
 * indices with 100 px of the screen unused.)
 */
export function labelGapPx(fontSize: number): number {
  return Math.ceil(fontSize * 1.15);
}

/** The label of row/column `index`, truncated to MAX_LABEL_CHARS; the index itself when missing. */
export function labelText(labels: readonly string[], index: number): string {
  return truncateLabel(labels[index] ?? String(index), MAX_LABEL_CHARS);
}

/**
 * Round indices in [start, start + count) whose cells (cellPx apart) are ≥ minGapPx apart:
 * the integer ticks of d3 `scaleLinear().domain([start, start + count − 1]).ticks(k)`, with k
 * the largest count (≤ count · cellPx / minGapPx) whose tick spacing is ≥ minGapPx.
 *
 * @param start    first index of the window, whole
 * @param count    cells in the window, ≥ 1
 * @param cellPx   cell edge along the axis, CSS px, > 0
 * @param minGapPx smallest distance between ticks, CSS px
 * @example indexTicks(0, 4096, 0.088, 16)  // → [0, 200, 400, …, 4000]
 *          indexTicks(120, 64, 5.625, 16)  // → [120, 125, 130, …, 180]
 */
export function indexTicks(start: number, count: number, cellPx: number, minGapPx: number): number[] {
  if (count <= 0) return [];
  const end = start + count - 1;
  const scale = scaleLinear().domain([start, end]);
  for (let k = Math.max(1, Math.floor((count * cellPx) / minGapPx)); ; k--) {
    const ticks = scale.ticks(k).filter((t) => Number.isInteger(t) && t >= start && t <= end);
    const spacing = ticks.length > 1 ? ((ticks[1] as number) - (ticks[0] as number)) * cellPx : Infinity;
    if (spacing >= minGapPx || k <= 1) return ticks;
  }
}

/**
 * The labels one axis shows for the window [start, start + count):
 * - the token labels of every cell when they fit (cellPx ≥ minGapPx, i.e. labelStep = 1);
 * - else `indexTicks` as numbers, with tick marks (`ticks` true).
 * Indices are of the whole matrix.
 * @example axisLabels(['a', 'b', 'c'], 0, 3, 40, 16) // → { shown: a, b, c at 0, 1, 2; ticks: false }
 */
export function axisLabels(labels: readonly string[], start: number, count: number, cellPx: number, minGapPx: number): { shown: AxisLabel[]; ticks: boolean } {
  if (labelStep(cellPx, minGapPx) === 1) {
    return { shown: Array.from({ length: Math.max(0, count) }, (_, k) => ({ index: start + k, text: labelText(labels, start + k) })), ticks: false };
  }
  return { shown: indexTicks(start, count, cellPx, minGapPx).map((index) => ({ index, text: String(index) })), ticks: true };
}

/**
 * Every text an axis of `labels.length` (or `count`) cells can show at some zoom: its truncated
 * labels and its largest index. A zoomable heatmap reserves room for the widest of them, so its
 * margins — and the frame of the matrix — stay put while zooming.
 */
export function allAxisTexts(labels: readonly string[], count: number): string[] {
  const texts = Array.from({ length: count }, (_, i) => labelText(labels, i));
  if (count > 0) texts.push(String(count - 1));
  return texts;
}
