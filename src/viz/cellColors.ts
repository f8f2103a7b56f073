/**
 * Cell colours of a heatmap as an RGBA byte buffer (pure; no DOM). Blocked cells get
 * BLOCKED_COLOR whatever their value; padded query rows are faded toward PADDED_ROW_GREY.
 * The canvas painter then only copies bytes (ImageData) or reads them back per cell.
 */
import { color as parseCssColor } from 'd3';
import { BLOCKED_COLOR, INVALID_COLOR, PADDED_ROW_GREY } from './colorScales';
import type { ColorScale } from './types';

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

/**
 * Value → 0xRRGGBB through `color`. When `color` has a `domain()` of ≥ 2 increasing finite
 * numbers (any d3 continuous scale), values inside the domain are looked up in a table of
 * LUT_STEPS samples of `color` per segment (nearest sample: the colour step is below one 8-bit
 * level for d3's interpolators), ~10× faster than calling `color` per cell. Values outside the
 * domain, NaN and plain functions go through `color` itself (parsed strings are cached).
 */
export function packedColorFn(color: (value: number) => string): (value: number) => number {
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
  const luts = domain.slice(1).map((hi, s) => {
    const lo = domain[s] as number;
    return Int32Array.from({ length: LUT_STEPS }, (_, k) => direct(lo + ((hi - lo) * k) / (LUT_STEPS - 1)));
  });
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

/** What `computeCellRgba` needs: the colouring part of a HeatmapSpec. */
export interface CellColorInput {
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  color: (value: number) => string;
  blocked?: ArrayLike<number>;
  greyRows?: ArrayLike<number>;
}

/**
 * RGBA bytes of every cell, [rows × cols × 4] row-major, alpha always 255.
 * - blocked[i] ≠ 0 → BLOCKED_COLOR (the value is not looked at; −∞/NaN are fine there);
 * - else color(values[i]), INVALID_COLOR when that is not a parseable CSS colour;
 * - greyRows[r] ≠ 0 → value colours mixed with PADDED_ROW_GREY by FADE_AMOUNT (blocked cells
 *   keep BLOCKED_COLOR, so "blocked" looks the same everywhere).
 * Colours come from `packedColorFn(color)` (a lookup table when `color` is a d3 scale).
 */
export function computeCellRgba(input: CellColorInput): Uint8ClampedArray<ArrayBuffer> {
  const { values, rows, cols, color, blocked, greyRows } = input;
  const out = new Uint8ClampedArray(rows * cols * 4);
  const colorOf = packedColorFn(color);
  const blockedPacked = packCssColor(BLOCKED_COLOR) ?? 0;
  const grey = packCssColor(PADDED_ROW_GREY) ?? 0;
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
      out[4 * i] = p >> 16;
      out[4 * i + 1] = (p >> 8) & 255;
      out[4 * i + 2] = p & 255;
      out[4 * i + 3] = 255;
    }
  }
  return out;
}
