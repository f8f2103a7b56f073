/**
 * Cell colours of a heatmap as an RGBA byte buffer (pure; no DOM). Blocked cells get
 * BLOCKED_COLOR whatever their value; padded query rows are faded toward PADDED_ROW_GREY.
 * The canvas painter then only copies bytes (ImageData) or reads them back per cell.
 */
import { color as parseCssColor } from 'd3';
import { BLOCKED_COLOR, INVALID_COLOR, PADDED_ROW_GREY } from './colorScales';
import type { ColorScale } from './types';
import type { ShownCells } from './pool';
import { outputArray, type Scratch } from './scratch';

/** Fraction of PADDED_ROW_GREY mixed into a padded row's cell colours (0 = none, 1 = all grey). */
export const FADE_AMOUNT = 0.75;

/** A CSS colour as 0xRRGGBB, or null when d3-color cannot parse it. */
export function packCssColor(css: string): number | null {
  const c = parseCssColor(css);
  if (c === null) return null;
  const { r, g, b } = c.rgb();
  if (![r, g, b].every(Number.isFinite)) return null;
  return (clampByte(r) << 16) | (clampByte(g) << 8) | clampByte(b);
}

/** Linear mix of two 0xRRGGBB colours: (1 − t)·a + t·b per channel, rounded. */
export function mixPacked(a: number, b: number, t: number): number {
  const ch = (shift: number) =>
    clampByte((1 - t) * ((a >> shift) & 255) + t * ((b >> shift) & 255));
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

function clampByte(v: number): number {
  return Math.min(255, Math.max(0, Math.round(v)));
}

/** Lookup-table entries per domain segment (between two consecutive domain stops). */
export const LUT_STEPS = 4096;

/** packedColorFn results per colour function: a table costs ~8k scale calls (≈ 10 ms). */
const packedFns = new WeakMap<(value: number) => string, (value: number) => number>();

/**
 * Value → 0xRRGGBB through `color`. When `color` has a `domain()` of ≥ 2 increasing finite
 * numbers (any d3 continuous scale), values inside the domain are looked up in a table of
 * LUT_STEPS colours per segment (segmentLut; nearest entry: the colour step is below one 8-bit
 * level for d3's interpolators), ~10× faster than calling `color` per cell. Values outside the
 * domain, NaN and plain functions go through `color` itself (parsed strings are cached).
 * Memoised per `color` object (a scale must not be changed in place after it is passed here).
 */
export function packedColorFn(color: (value: number) => string): (value: number) => number {
  let fn = packedFns.get(color);
  if (fn === undefined) {
    fn = buildPackedColorFn(color);
    packedFns.set(color, fn);
  }
  return fn;
}

function buildPackedColorFn(color: (value: number) => string): (value: number) => number {
  const cache = new Map<string, number>();
  const invalid = packCssColor(INVALID_COLOR) ?? 0xff00ff;
  const direct = (v: number): number => {
    const css = color(v);
    let p = cache.get(css);
    if (p === undefined) {
      p = packCssColor(css) ?? invalid;
      cache.set(css, p);
    }
    return p;
  };
  const domain = (color as Partial<ColorScale>).domain?.() ?? [];
  const usable = domain.length >= 2 && domain.every((d, i) => Number.isFinite(d) && (i === 0 || d > (domain[i - 1] as number)));
  if (!usable) return direct;
  // A linear d3 sequential or diverging scale (log, pow and symlog ones have base, exponent or constant).
  const scale = color as { interpolator?: () => unknown; base?: unknown; exponent?: unknown; constant?: unknown };
  const linear = scale.base === undefined && scale.exponent === undefined && scale.constant === undefined;
  const interpolator = linear ? scale.interpolator?.() : undefined;
  const segments = domain.length - 1;
  const luts = domain.slice(1).map((hi, s) =>
    typeof interpolator === 'function'
      ? interpolatorLut(interpolator as (t: number) => string, s, segments)
      : segmentLut(direct, domain[s] as number, hi));
  const first = domain[0] as number;
  const last = domain[domain.length - 1] as number;
  return (v: number): number => {
    if (!(v >= first && v <= last)) return direct(v);
    let s = 0;
    while (v > (domain[s + 1] as number)) s++;
    const lo = domain[s] as number;
    const hi = domain[s + 1] as number;
    return (luts[s] as Int32Array)[Math.round(((v - lo) / (hi - lo)) * (LUT_STEPS - 1))] as number;
  };
}

/** Every how many table entries the scale itself is called; the entries between are interpolated. */
export const LUT_EXACT_EVERY = 16;

/**
 * LUT_STEPS colours of `direct` over [lo, hi]: entry k is the colour at lo + (hi − lo)·k/(LUT_STEPS − 1).
 * Every LUT_EXACT_EVERY-th entry (and the last) calls `direct`; the ones between mix their two
 * neighbours linearly per channel — d3's spline interpolators (RdBu, Blues) are smooth, so the
 * error stays under one 8-bit level; on a ramp of 256 colours (viridis) it stays within the step
 * between two neighbouring colours (≤ 3 levels) — which makes a table 16× cheaper (≈ 0.5 ms
 * instead of ≈ 10 ms).
 */
function segmentLut(direct: (v: number) => number, lo: number, hi: number): Int32Array {
  const lut = new Int32Array(LUT_STEPS);
  const at = (k: number) => direct(lo + ((hi - lo) * k) / (LUT_STEPS - 1));
  let a = at(0);
  for (let k0 = 0; k0 < LUT_STEPS - 1; k0 += LUT_EXACT_EVERY) {
    const k1 = Math.min(k0 + LUT_EXACT_EVERY, LUT_STEPS - 1);
    const b = at(k1);
    for (let k = k0; k < k1; k++) lut[k] = mixPacked(a, b, (k - k0) / (k1 - k0));
    lut[k1] = b;
    a = b;
  }
  return lut;
}

/** Tables of d3 interpolators, by interpolator and segment: a new domain of the same scheme reuses them. */
const interpolatorLuts = new WeakMap<(t: number) => string, Map<string, Int32Array>>();

/**
 * The table of segment `s` of `segments` of a d3 sequential (one segment) or diverging (two)
 * scale with this interpolator: such a scale maps its domain segment linearly onto t in
 * [s / segments, (s + 1) / segments], so the table depends on the interpolator only, not on the
 * domain (a new result's extent costs no new table).
 */
function interpolatorLut(interpolator: (t: number) => string, s: number, segments: number): Int32Array {
  const kept = interpolatorLuts.get(interpolator) ?? new Map<string, Int32Array>();
  interpolatorLuts.set(interpolator, kept);
  const key = `${s}/${segments}`;
  let lut = kept.get(key);
  if (lut === undefined) {
    const invalid = packCssColor(INVALID_COLOR) ?? 0xff00ff;
    lut = segmentLut((t) => packCssColor(interpolator(t)) ?? invalid, s / segments, (s + 1) / segments);
    kept.set(key, lut);
  }
  return lut;
}

/** What `computeCellRgba` needs: the colouring part of a HeatmapSpec. */
export interface CellColorInput {
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  color: (value: number) => string;
  blocked?: ArrayLike<number>;
  greyRows?: ArrayLike<number>;
  /** CSS colour padded rows fade toward; default PADDED_ROW_GREY (a light page; PADDED_ROW_GREY_DARK on a dark one). */
  fadeColor?: string;
}

/** The packed colour padded rows of `input` fade toward (PADDED_ROW_GREY when `fadeColor` is missing or unparseable). */
function fadeTarget(input: CellColorInput): number {
  return (input.fadeColor === undefined ? null : packCssColor(input.fadeColor)) ?? packCssColor(PADDED_ROW_GREY) ?? 0;
}

/**
 * RGBA bytes of every cell, [rows × cols × 4] row-major, alpha always 255.
 * - blocked[i] ≠ 0 → BLOCKED_COLOR (the value is not looked at; −∞/NaN are fine there);
 * - else color(values[i]), INVALID_COLOR when that is not a parseable CSS colour;
 * - greyRows[r] ≠ 0 → value colours mixed with `fadeColor` (PADDED_ROW_GREY) by FADE_AMOUNT (blocked cells
 *   keep BLOCKED_COLOR, so "blocked" looks the same everywhere).
 * Colours come from `packedColorFn(color)` (a lookup table when `color` is a d3 scale).
 */
export function computeCellRgba(input: CellColorInput): Uint8ClampedArray<ArrayBuffer> {
  const { values, rows, cols, color, blocked, greyRows } = input;
  const out = new Uint8ClampedArray(rows * cols * 4);
  const words = wordsOf(out);
  const colorOf = packedColorFn(color);
  const blockedPacked = packCssColor(BLOCKED_COLOR) ?? 0;
  const grey = fadeTarget(input);
  for (let r = 0; r < rows; r++) {
    const faded = greyRows !== undefined && (greyRows[r] ?? 0) !== 0;
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      let p: number;
      if (blocked !== undefined && blocked[i] !== 0) {
        p = blockedPacked;
      } else {
        const packed = colorOf(values[i] as number);
        p = faded ? mixPacked(packed, grey, FADE_AMOUNT) : packed;
      }
      writeRgba(out, words, i, p);
    }
  }
  return out;
}

/**
 * RGBA bytes of the cells listed in `source` (indices into [rows × cols], e.g. the pixels of a
 * pooled or zoomed heatmap), [source.length × 4], coloured exactly as computeCellRgba colours
 * them — but only these cells, so a draw costs O(pixels shown), not O(rows × cols).
 * @param colorOf the packed colour function of `input.color`; pass one (packedColorFn) to reuse
 *                its lookup table across draws
 * @param shown   each listed cell's value and whether it is blocked, [source.length] each, when the
 *                caller read them already (a pooled draw: pool.ts ShownCells), so that no cell of
 *                a large matrix is read again; must match `input`'s values and blocked cells
 * @param scratch where the result is taken from (scratch.ts; valid until its next use), default new
 */
export function colorCells(
  input: CellColorInput,
  source: ArrayLike<number>,
  colorOf: (value: number) => number = packedColorFn(input.color),
  shown?: ShownCells,
  scratch?: Scratch,
): Uint8ClampedArray<ArrayBuffer> {
  const { values, cols, blocked, greyRows } = input;
  const out = outputArray(scratch, 'rgba', Uint8ClampedArray, source.length * 4);
  const words = wordsOf(out);
  const blockedPacked = packCssColor(BLOCKED_COLOR) ?? 0;
  const grey = fadeTarget(input);
  for (let p = 0; p < source.length; p++) {
    const i = source[p] as number;
    let packed: number;
    if (shown !== undefined ? blocked !== undefined && shown.empty[p] !== 0 : blocked !== undefined && blocked[i] !== 0) {
      packed = blockedPacked;
    } else {
      packed = colorOf(shown !== undefined ? (shown.value[p] as number) : (values[i] as number));
      const faded = greyRows !== undefined && (greyRows[Math.floor(i / cols)] ?? 0) !== 0;
      if (faded) packed = mixPacked(packed, grey, FADE_AMOUNT);
    }
    writeRgba(out, words, p, packed);
  }
  return out;
}

/** True where a Uint32 is stored low byte first (every browser Maskscope runs in; checked, not assumed). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** A Uint32 view of `out` for writeRgba (one store per pixel), or null where the platform is big-endian. */
function wordsOf(out: Uint8ClampedArray<ArrayBuffer>): Uint32Array | null {
  return LITTLE_ENDIAN ? new Uint32Array(out.buffer, out.byteOffset, out.length >> 2) : null;
}

/** Pixel `p` of `out` = packed 0xRRGGBB, alpha 255: one 32-bit store through `words` when given, else four bytes. */
function writeRgba(out: Uint8ClampedArray, words: Uint32Array | null, p: number, packed: number): void {
  if (words !== null) {
    words[p] = 0xff000000 | ((packed & 255) << 16) | (packed & 0xff00) | ((packed >> 16) & 255);
    return;
  }
  out[4 * p] = packed >> 16;
  out[4 * p + 1] = (packed >> 8) & 255;
  out[4 * p + 2] = packed & 255;
  out[4 * p + 3] = 255;
}
