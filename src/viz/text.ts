/**
 * Width of the widest of `texts` in `font` (a CSS font shorthand), in CSS px, measured with a
 * 2D canvas of `doc`. Falls back to 0.6 em per character when no canvas context is available.
 */
export function maxTextWidth(texts: readonly string[], font: string, doc: Document): number {
  const ctx = doc.createElement('canvas').getContext('2d');
  if (ctx !== null) ctx.font = font;
  let max = 0;
  for (const t of texts) {
    const w = ctx !== null ? ctx.measureText(t).width : t.length * 0.6 * fontPx(font);
    if (w > max) max = w;
  }
  return max;
}

function fontPx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m?.[1] !== undefined ? Number(m[1]) : 12;
}
