/**
 * Getting a figure or a matrix out of the page: file names that say what they are, downloads
 * (Blob + object URL + <a download>: nothing goes through an HTML string or a data: URL the CSP
 * would need to allow), PNG encoding of a canvas, and the clipboard.
 */
import type { Figure } from '../viz/figureTypes';
import { figureToCanvas } from '../viz/figureCanvas';
import { figureToSvg } from '../viz/figureSvg';

/** PNG scales offered: 1× (a screen), 2× (a laptop's retina or a slide), 4× (a 4K projector). */
export const PNG_SCALES = [1, 2, 4] as const;

/**
 * The file name of an export: `maskscope-<what>-b<batch>-h<head>` then `@<scale>x.png`, `.svg` or `.csv`.
 * @param what the stage or view, e.g. 'weights', 'q', 'pipeline', 'encdec'
 * @example figureFileName('weights', 0, 1, 'png', 2) // → 'maskscope-weights-b0-h1@2x.png'
 */
export function figureFileName(what: string, batch: number, head: number, ext: 'png' | 'svg' | 'csv', scale?: number): string {
  return `maskscope-${what}-b${batch}-h${head}${ext === 'png' ? `@${scale ?? 1}x` : ''}.${ext}`;
}

/** Downloads `blob` as `name` (an <a download> on an object URL, revoked after). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The figure as an SVG file (XMLSerializer of the element figureToSvg builds). */
export function svgBlob(figure: Figure): Blob {
  const text = new XMLSerializer().serializeToString(figureToSvg(figure, document));
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`], { type: 'image/svg+xml' });
}

/**
 * The figure as a PNG painted at `scale` (figureToCanvas: round(width · scale) × round(height · scale) px).
 * @throws RangeError from figureToCanvas (too large at this scale), Error when the browser gives no PNG
 */
export async function pngBlob(figure: Figure, scale: number): Promise<Blob> {
  const canvas = figureToCanvas(figure, scale, document);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('the browser could not encode the PNG');
  return blob;
}

/** Puts `text` on the clipboard; false when the browser refuses (no permission, not a secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
