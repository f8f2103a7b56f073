/**
 * Colour scales and the fixed colours of Maskscope's heatmaps.
 *
 * Every scale is colour-blind safe and readable in greyscale (its lightness changes monotonically
 * from end to end, or from the centre to both ends):
 * - Scores, scaled, logits, masked, output, Q/K/V (signed, unbounded): `divergingScale`, ColorBrewer
 *   RdBu reversed (colour-blind safe per ColorBrewer) so positive = red, negative = blue,
 *   0 = near white; domain symmetric around 0.
 * - Weights (in [0, 1]) and the other non-negative stages: `sequentialScale`, viridis (van der
 *   Walt & Smith, matplotlib 2.0 default; perceptually uniform, safe for deuteranopia,
 *   protanopia and tritanopia): 0 = dark purple, 1 = yellow. The mask's allowed cells take
 *   ALLOWED_COLOR, a point of the same scale.
 * - Blocked cells are never coloured by value: they use BLOCKED_COLOR with a hatch
 *   (blockedPattern.ts), so a masked cell is never read as a 0 (CircuitsVis `AttentionPattern`),
 *   with or without colour vision.
 * Cell colours do not change with the page's theme (a figure looks the same in light and dark),
 * except the grey that padded rows fade toward (`fadeColor`, cellColors.ts).
 */
import { color as parseColor, interpolateRdBu, interpolateViridis, scaleDiverging, scaleSequential } from 'd3';
import type { ScaleDiverging, ScaleSequential } from 'd3';
import { maxAbsFinite } from './extent';

export { finiteExtent, maxAbsFinite } from './extent';

/** Background of a blocked (masked) cell; mid grey, far from every scale's 0 (near white). */
export const BLOCKED_COLOR = '#b9b9b9';
/** Stripes of the blocked-cell hatch drawn over BLOCKED_COLOR. */
export const BLOCKED_HATCH_COLOR = '#5f5f5f';
/** Grey that padded query rows are faded toward on a light page (see FADE_AMOUNT in cellColors.ts). */
export const PADDED_ROW_GREY = '#e3e3e3';
/** Grey that padded query rows are faded toward on a dark page: they dim, as greyed-out things do there. */
export const PADDED_ROW_GREY_DARK = '#3b404c';
/** Colour of an allowed cell of the mask: viridis at 0.4 (a teal, 5.0:1 with white text), far from the blocked grey. */
export const ALLOWED_COLOR = '#2a788e';

/** The colour function of a mask heatmap (values 1 = allowed; blocked cells are hatched anyway): ALLOWED_COLOR. Shared, so colour tables are reused. */
export function maskColor(): string {
  return ALLOWED_COLOR;
}
/** Colour of a value the scale cannot map (NaN in a non-blocked cell): loud on purpose. */
export const INVALID_COLOR = '#ff00ff';
/** Marker colour of a fully masked row. */
export const FLAGGED_ROW_COLOR = '#d62728';

/** RdBu reversed: t = 0 → dark blue, 0.5 → near white, 1 → dark red. */
export function interpolateBuRd(t: number): string {
  return interpolateRdBu(1 - t);
}

/**
 * Diverging scale for signed values (scores, scaled, logits, masked) centred on 0.
 *
 * Domain [−m, 0, m] with m = max |v| over finite, non-blocked cells (NaN, ±∞ and blocked cells
 * are skipped); m = 1 when there is no such cell or m = 0. Values outside the domain clamp
 * (+∞ → darkest red); NaN maps to INVALID_COLOR.
 *
 * @param values  cell values, [rows × cols] row-major
 * @param blocked optional flags, [rows × cols]; non-zero = blocked, excluded from m
 * @throws RangeError when `blocked` has a different length from `values`
 * @returns a shared scale (the same object for the same domain): never change it in place
 * @example divergingScale([0.5, -2, -Infinity], [0, 0, 1]).domain() // → [-2, 0, 2]
 */
export function divergingScale(
  values: ArrayLike<number>,
  blocked?: ArrayLike<number>,
): ScaleDiverging<string, string> {
  const m = maxAbsFinite(values, blocked);
  return divergingScaleOf(m > 0 ? m : 1);
}

/** Recent diverging scales by half-width: the same domain gives the same (never mutated) scale object. */
const divergingScales = new Map<number, ScaleDiverging<string, string>>();
const KEPT_SCALES = 32;

/**
 * The diverging scale of domain [−half, 0, half], shared: a new result with the same extent gets
 * the very same object, so colour tables memoised per scale (cellColors.ts) and legends are reused.
 */
function divergingScaleOf(half: number): ScaleDiverging<string, string> {
  let scale = divergingScales.get(half);
  if (scale === undefined) {
    scale = scaleDiverging<string, string>([-half, 0, half], interpolateBuRd).clamp(true).unknown(INVALID_COLOR);
    if (divergingScales.size >= KEPT_SCALES) divergingScales.delete(divergingScales.keys().next().value as number);
    divergingScales.set(half, scale);
  }
  return scale;
}

/** The one sequential scale (never changed in place): every weights heatmap shares its colour table. */
const SEQUENTIAL = scaleSequential<string, string>([0, 1], interpolateViridis).clamp(true).unknown(INVALID_COLOR);

/**
 * Sequential scale for attention weights (and other values in [0, 1]), fixed domain [0, 1] (so
 * heads and rows compare): viridis, 0 = dark purple (#440154), 1 = yellow (#fde725). Values
 * outside [0, 1] clamp; NaN maps to INVALID_COLOR.
 *
 * @returns a shared scale: never change it in place
 * @example sequentialScale()(0) // → '#440154';  sequentialScale()(1) // → '#fde725'
 */
export function sequentialScale(): ScaleSequential<string, string> {
  return SEQUENTIAL;
}

/**
 * WCAG 2 contrast ratio of two CSS colours, in [1, 21]: (L₁ + 0.05) / (L₂ + 0.05) with L the
 * relative luminance of the lighter (L₁) and darker (L₂) colour (WCAG 2.2, "contrast ratio";
 * AA asks ≥ 4.5 for normal text).
 * @throws RangeError when a colour cannot be parsed
 * @example contrastRatio('#000', '#fff') // → 21;  contrastRatio('#767676', '#fff') // → 4.54
 */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function relativeLuminance(css: string): number {
  const c = parseColor(css)?.rgb();
  if (c === undefined || ![c.r, c.g, c.b].every(Number.isFinite)) throw new RangeError(`contrastRatio: cannot parse colour "${css}"`);
  return relativeLuminanceRgb(c.r, c.g, c.b);
}

/**
 * WCAG 2 relative luminance, in [0, 1], of an sRGB colour given as bytes 0–255:
 * 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels (WCAG 2.2, "relative luminance").
 * @example relativeLuminanceRgb(255, 255, 255) // → 1;  relativeLuminanceRgb(0, 0, 0) // → 0
 */
export function relativeLuminanceRgb(r: number, g: number, b: number): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
