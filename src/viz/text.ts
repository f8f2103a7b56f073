/**
 * Text measurement for heatmap labels. measureText costs tens of µs, and a heatmap re-measures
 * its labels on every draw (several fit rounds, six heatmaps, the same tokens), so widths are
 * memoised per document and font, measured with one shared 2D context.
 */

/** Widths (CSS px) of texts already measured, per font, of one document. */
interface Measurer {
  ctx: CanvasRenderingContext2D | null;
  widths: Map<string, Map<string, number>>;
}

/** Texts remembered per font before that font's memo is cleared (bounds the memory). */
const MAX_MEMO_PER_FONT = 50_000;

const measurers = new WeakMap<Document, Measurer>();

function measurer(doc: Document): Measurer {
  let m = measurers.get(doc);
  if (m === undefined) {
    m = { ctx: doc.createElement('canvas').getContext('2d'), widths: new Map() };
    measurers.set(doc, m);
  }
  return m;
}

/**
 * Width of the widest of `texts` in `font` (a CSS font shorthand), in CSS px, measured with a
 * 2D canvas of `doc` (memoised). Falls back to 0.6 em per character when no canvas context is
 * available.
 */
export function maxTextWidth(texts: readonly string[], font: string, doc: Document): number {
  const m = measurer(doc);
  let memo = m.widths.get(font);
  if (memo === undefined || memo.size > MAX_MEMO_PER_FONT) {
    memo = new Map();
    m.widths.set(font, memo);
  }
  if (m.ctx !== null) m.ctx.font = font;
  let max = 0;
  for (const t of texts) {
    let w = memo.get(t);
    if (w === undefined) {
      w = m.ctx !== null ? m.ctx.measureText(t).width : t.length * 0.6 * fontPx(font);
      memo.set(t, w);
    }
    if (w > max) max = w;
  }
  return max;
}

/**
 * Up to `count` of `texts` most likely to be the widest: by length in code points, a wide (CJK,
 * fullwidth) character counting 2. Measuring these instead of all 4096 tokens of an axis gives
 * the widest label's width in practice, in a few hundred µs.
 * @example widestCandidates(['a', 'bbb', '猫猫', 'cc'], 2) // → ['猫猫', 'bbb']
 */
export function widestCandidates(texts: readonly string[], count: number): string[] {
  if (texts.length <= count) return [...texts];
  const weight = (t: string) => {
    let w = 0;
    for (const ch of t) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
    return w;
  };
  return texts
    .map((t) => ({ t, w: weight(t) }))
    .sort((a, b) => b.w - a.w)
    .slice(0, count)
    .map((d) => d.t);
}

function fontPx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m?.[1] !== undefined ? Number(m[1]) : 12;
}

/** Han, kana and Hangul only (each character about 1 em in either direction). */
const CJK_ONLY = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/**
 * True when a column label reads better upright (CSS writing-mode vertical, each character
 * standing) than rotated by −90°: a label of Chinese, Japanese or Korean characters only. Its
 * height is then about its rotated length (1 em per character), so layouts are unchanged.
 * @example isUprightLabel('猫') // → true;  isUprightLabel('cat'), isUprightLabel('<pad>') // → false
 */
export function isUprightLabel(text: string): boolean {
  return CJK_ONLY.test(text);
}
