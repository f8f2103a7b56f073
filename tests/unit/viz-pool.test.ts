/**
 * Max-pooling when a 4096-long axis is drawn in ~360 px (11–12 cells per pixel), whole or
 * zoomed: what matters in an attention mask must stay visible — a one-cell band or boundary of
 * allowed cells, a single allowed cell, a single strong weight — for the Mask heatmap (values =
 * the mask, blocked = not allowed) as for the others. Also colorCells, which colours only the
 * pooled pixels.
 */
import { describe, expect, test } from 'vitest';
import { colorCells, computeCellRgba, packCssColor } from '../../src/viz/cellColors';
import { ALLOWED_COLOR, BLOCKED_COLOR } from '../../src/viz/colorScales';
import { poolCells, poolSpan } from '../../src/viz/pool';

const N = 4096;
const PX = 360;
const MASK_COLOR = ALLOWED_COLOR;

/** A [N × N] mask from a predicate: { values: 1 allowed / 0 blocked, blocked: 1 − values } (as StageGrid's Mask heatmap). */
function maskOf(allowed: (q: number, k: number) => boolean) {
  const values = new Uint8Array(N * N);
  const blocked = new Uint8Array(N * N);
  for (let q = 0; q < N; q++) {
    for (let k = 0; k < N; k++) {
      const a = allowed(q, k);
      values[q * N + k] = a ? 1 : 0;
      blocked[q * N + k] = a ? 0 : 1;
    }
  }
  return { values, blocked };
}

/** Pixel (row, col) of the pooled grid that shows cell (q, k) when n cells go into `px` pixels. */
const pixelOf = (i: number, n = N, px = PX) => {
  for (let j = 0; j < px; j++) {
    const [lo, hi] = poolSpan(n, px, j);
    if (i >= lo && i < hi) return j;
  }
  throw new Error(`no pixel for ${i}`);
};

describe('poolCells 4096 → 360: one cell stays visible', () => {
  const diagonal = maskOf((q, k) => k === q); // a sliding window of 1: only the diagonal is allowed

  test('poolCells of a one-cell diagonal band (window W = 1): the pixels holding the diagonal are allowed, every other pixel blocked', () => {
    const p = poolCells(diagonal.values, N, N, PX, PX, diagonal.blocked);
    expect([p.rows, p.cols]).toEqual([PX, PX]);
    const expected = new Uint8Array(PX * PX);
    const offDiagonalSources: number[] = [];
    for (let pr = 0; pr < PX; pr++) {
      const [r0, r1] = poolSpan(N, PX, pr);
      for (let pc = 0; pc < PX; pc++) {
        const [c0, c1] = poolSpan(N, PX, pc);
        const holdsDiagonal = r0 < c1 && c0 < r1; // some q = k in [r0, r1) × [c0, c1)
        expected[pr * PX + pc] = holdsDiagonal ? 0 : 1;
        const s = p.source[pr * PX + pc]!;
        if (holdsDiagonal && Math.floor(s / N) !== s % N) offDiagonalSources.push(s); // must show an allowed cell
      }
    }
    expect(Array.from(p.blocked)).toEqual(Array.from(expected));
    expect(offDiagonalSources).toEqual([]);
    // rows and keys pool alike, so the diagonal is exactly the pixel diagonal: one allowed pixel per row
    expect(p.blocked.reduce((a, b) => a + b, 0)).toBe(PX * PX - PX);
  });

  test('colorCells of that pooled mask: the diagonal pixels are painted in the mask colour, the rest BLOCKED_COLOR', () => {
    const p = poolCells(diagonal.values, N, N, PX, PX, diagonal.blocked);
    const rgba = colorCells({ values: diagonal.values, rows: N, cols: N, color: () => MASK_COLOR, blocked: diagonal.blocked }, p.source);
    const packed = (i: number) => (rgba[4 * i]! << 16) | (rgba[4 * i + 1]! << 8) | rgba[4 * i + 2]!;
    for (let j = 0; j < PX; j++) {
      expect(packed(j * PX + j)).toBe(packCssColor(MASK_COLOR));
      if (j + 2 < PX) expect(packed(j * PX + j + 2)).toBe(packCssColor(BLOCKED_COLOR));
    }
  });

  test('poolCells of a causal mask: each pixel row is allowed exactly up to the pixel holding its last row’s diagonal', () => {
    const causal = maskOf((q, k) => k <= q);
    const p = poolCells(causal.values, N, N, PX, PX, causal.blocked);
    const expected = new Uint8Array(PX * PX);
    for (let pr = 0; pr < PX; pr++) {
      const edge = pixelOf(poolSpan(N, PX, pr)[1] - 1); // the pixel column holding key = the block's last row
      for (let pc = 0; pc < PX; pc++) expected[pr * PX + pc] = pc <= edge ? 0 : 1;
    }
    expect(Array.from(p.blocked)).toEqual(Array.from(expected));
  });

  test('poolCells of a single allowed cell (1234, 3000) in a blocked matrix: its pixel shows it, every other pixel is blocked', () => {
    const lone = maskOf((q, k) => q === 1234 && k === 3000);
    const p = poolCells(lone.values, N, N, PX, PX, lone.blocked);
    const at = pixelOf(1234) * PX + pixelOf(3000);
    expect(p.blocked[at]).toBe(0);
    expect(p.source[at]).toBe(1234 * N + 3000);
    expect(p.blocked.reduce((a, b) => a + b, 0)).toBe(PX * PX - 1);
  });

  test('poolCells of weights: a single strong weight wins its pixel over 130 weak ones (max-pooling)', () => {
    const weights = new Float32Array(N * N).fill(1 / N);
    weights[777 * N + 2049] = 0.9;
    const p = poolCells(weights, N, N, PX, PX);
    expect(p.source[pixelOf(777) * PX + pixelOf(2049)]).toBe(777 * N + 2049);
  });

  test('poolCells of a zoomed window (rows 1000–3047, keys 512–2559) into 360 px keeps the one-cell diagonal too', () => {
    const window = { row0: 1000, rows: 2048, col0: 512, cols: 2048 };
    const p = poolCells(diagonal.values, N, N, PX, PX, diagonal.blocked, window);
    const allowed: number[][] = [];
    const expected: number[][] = [];
    for (let pr = 0; pr < PX; pr++) {
      const [s0, s1] = poolSpan(window.rows, PX, pr);
      allowed.push([...Array(PX).keys()].filter((pc) => p.blocked[pr * PX + pc] === 0));
      expected.push([...Array(PX).keys()].filter((pc) => {
        const [t0, t1] = poolSpan(window.cols, PX, pc);
        return window.row0 + s0 < window.col0 + t1 && window.col0 + t0 < window.row0 + s1;
      }));
    }
    expect(allowed).toEqual(expected);
    // pixel row 0 (queries 1000…1005) holds the diagonal; the last (queries > 2559, past the keys shown) is all blocked
    expect(allowed[0]!.length).toBeGreaterThan(0);
    expect(allowed[PX - 1]).toEqual([]);
  });

  test('poolCells with a window: source indexes the whole matrix; a window outside it throws', () => {
    const values = Float32Array.from({ length: 16 }, (_, i) => i);
    const p = poolCells(values, 4, 4, 1, 2, undefined, { row0: 1, rows: 2, col0: 2, cols: 2 });
    expect(Array.from(p.source)).toEqual([10, 11]); // rows 1–2 × cols 2 | 3: the largest is in row 2
    expect(() => poolCells(values, 4, 4, 1, 1, undefined, { row0: 3, rows: 2, col0: 0, cols: 1 })).toThrow('poolCells: window rows 3+2, cols 0+1 is outside the [4×4] matrix');
  });
});

describe('colorCells', () => {
  test('colorCells colours the listed cells exactly as computeCellRgba does (blocked, faded rows)', () => {
    const input = {
      values: [0, 0.5, 1, 0.25, 0.75, 0],
      rows: 2,
      cols: 3,
      color: (v: number) => `rgb(${Math.round(v * 255)}, 0, 0)`,
      blocked: [0, 0, 1, 0, 0, 0],
      greyRows: [0, 1],
    };
    const all = computeCellRgba(input);
    const some = colorCells(input, Int32Array.from([4, 2, 0]));
    expect(Array.from(some)).toEqual([...all.slice(16, 20), ...all.slice(8, 12), ...all.slice(0, 4)]);
  });
});

describe('poolCells by magnitude', () => {
  test('shows the value farthest from 0, so a strong negative cell is not hidden behind weak positive ones', () => {
    // one row, 4 cells pooled to 2 pixels: [0.1, −3] and [2, −1]
    const values = [0.1, -3, 2, -1];
    expect([...poolCells(values, 1, 4, 1, 2).source]).toEqual([0, 2]);
    const byMagnitude = poolCells(values, 1, 4, 1, 2, undefined, undefined, 'magnitude');
    expect([...byMagnitude.source]).toEqual([1, 2]);
    // what each pixel shows, as read: the cell's signed value (colorCells colours it without reading the cells)
    expect([...byMagnitude.shown.value]).toEqual([-3, 2]);
    expect([...byMagnitude.shown.empty]).toEqual([0, 0]);
  });

  test('still skips blocked cells and keeps an all-blocked block blocked', () => {
    const values = [-9, 1, 5, -7];
    const blocked = [1, 0, 1, 1];
    const pooled = poolCells(values, 1, 4, 1, 2, blocked, undefined, 'magnitude');
    expect([...pooled.source]).toEqual([1, 2]);
    expect([...pooled.blocked]).toEqual([0, 1]);
    expect([...pooled.shown.value]).toEqual([1, 0]);
    expect([...pooled.shown.empty]).toEqual([0, 1]);
  });
});
