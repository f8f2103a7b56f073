import { describe, expect, it } from 'vitest';
import {
  abs, add, and, cond, div, eq, floor, le, lookup, lt, mod, ne, not, num, param, sub, vars,
  type MaskExpr,
} from '../../src/engine/mask/expr';
import { evaluateCell, evaluateMaskGrid } from '../../src/engine/mask/evaluate';
import { flat } from '../helpers/arrays';

const { q, k, b, h, Lq, Lk } = vars;
const grid = (batch: number, heads: number, queryLength: number, keyLength: number) =>
  ({ batch, heads, queryLength, keyLength });

/** Bottom-right causal: k ≤ q + Lk − Lq (FlashAttention ≥ 2.1). */
const causalBottomRight = le(k, add(q, sub(Lk, Lq)));
/** Top-left causal: k ≤ q (PyTorch is_causal). */
const causalTopLeft = le(k, q);

describe('evaluateMaskGrid: causal', () => {
  it('evaluateMaskGrid causal bottom-right, Lq=2 Lk=4: rows [1,1,1,0] and [1,1,1,1]', () => {
    expect([...evaluateMaskGrid(causalBottomRight, grid(1, 1, 2, 4))]).toEqual(flat([
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]));
  });

  it('evaluateMaskGrid causal bottom-right, Lq=4 Lk=2: the top Lq − Lk rows are fully masked', () => {
    expect([...evaluateMaskGrid(causalBottomRight, grid(1, 1, 4, 2))]).toEqual(flat([
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
    ]));
  });

  it('evaluateMaskGrid causal top-left, Lq=2 Lk=4: rows [1,0,0,0] and [1,1,0,0]', () => {
    expect([...evaluateMaskGrid(causalTopLeft, grid(1, 1, 2, 4))]).toEqual(flat([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
    ]));
  });

  it('evaluateMaskGrid causal, B=2 H=2: every (b, h) holds the same lower triangle', () => {
    const lower = flat([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    expect([...evaluateMaskGrid(causalTopLeft, grid(2, 2, 3, 3))]).toEqual([...lower, ...lower, ...lower, ...lower]);
  });
});

describe('evaluateMaskGrid: window, padding, heads', () => {
  it('evaluateMaskGrid causal window W=2 (k ≤ q && q − k < W), L=4: each row keeps W keys ending at the query', () => {
    const window = and(le(k, q), lt(sub(q, k), param('W', 2)));
    expect([...evaluateMaskGrid(window, grid(1, 1, 4, 4))]).toEqual(flat([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ]));
  });

  it('evaluateMaskGrid key padding keyIsReal[b][k], B=2: padded keys block whole columns of their batch item only', () => {
    const keyIsReal = { shape: [2, 3], data: Uint8Array.from([1, 1, 1, 1, 1, 0]) };
    const mask = evaluateMaskGrid(lookup('keyIsReal', b, k), grid(2, 1, 2, 3), { keyIsReal });
    expect([...mask]).toEqual(flat([
      [1, 1, 1], [1, 1, 1], // b = 0
      [1, 1, 0], [1, 1, 0], // b = 1
    ]));
  });

  it('evaluateMaskGrid per head (h % 2 == 0 ? |q − k| ≤ 1 : true), H=2: head 0 is a band, head 1 sees everything', () => {
    const alternating = cond(eq(mod(h, 2), 0), le(abs(sub(q, k)), 1), true);
    expect([...evaluateMaskGrid(alternating, grid(1, 2, 3, 3))]).toEqual(flat([
      [1, 1, 0], [1, 1, 1], [0, 1, 1], // h = 0
      [1, 1, 1], [1, 1, 1], [1, 1, 1], // h = 1
    ]));
  });

  it('evaluateMaskGrid document mask docId[b][q] == docId[b][k]: block diagonal per document', () => {
    const docId = { shape: [1, 4], data: Int32Array.from([0, 0, 1, 1]) };
    const sameDoc = eq(lookup('docId', b, q), lookup('docId', b, k));
    expect([...evaluateMaskGrid(sameDoc, grid(1, 1, 4, 4), { docId })]).toEqual(flat([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ]));
  });

  it('evaluateMaskGrid chunks floor(q / 2) == floor(k / 2), L=4: 2×2 blocks on the diagonal', () => {
    const chunks = eq(floor(div(q, 2)), floor(div(k, 2)));
    expect([...evaluateMaskGrid(chunks, grid(1, 1, 4, 4))]).toEqual(flat([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ]));
  });
});

describe('evaluateMaskGrid: floored modulo and division', () => {
  it('evaluateMaskGrid (q − k) % 3 == 1, L=4: floored, so q − k = −2 counts too (−2 % 3 = 1)', () => {
    expect([...evaluateMaskGrid(eq(mod(sub(q, k), 3), 1), grid(1, 1, 4, 4))]).toEqual(flat([
      [0, 0, 1, 0],
      [1, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]));
  });

  it('evaluateCell %: the result takes the sign of the divisor (Python / torch.remainder)', () => {
    const at = (e: MaskExpr) => evaluateCell(e, { b: 0, h: 0, q: 0, k: 0 }, { Lq: 1, Lk: 1 });
    expect([at(mod(-7, 3)), at(mod(7, -3)), at(mod(-7, -3)), at(mod(7, 3)), at(mod(-6, 3))]).toEqual([2, -2, -1, 1, 0]);
    expect([at(mod(-2.5, 2)), at(mod(2.5, -2))]).toEqual([1.5, -1.5]);
  });

  it('evaluateCell / and %: true division, and x / 0 = x % 0 = 0', () => {
    const at = (e: MaskExpr) => evaluateCell(e, { b: 0, h: 0, q: 3, k: 0 }, { Lq: 4, Lk: 4 });
    expect([at(div(q, 2)), at(div(q, 0)), at(mod(q, 0)), at(floor(div(q, 0))), at(floor(div(-7, 2)))]).toEqual([1.5, 0, 0, 0, -4]);
  });

  it('evaluateCell /: float32 like the compiled mask (1 / 3 is Math.fround(1 / 3))', () => {
    const value = evaluateCell(div(1, 3), { b: 0, h: 0, q: 0, k: 0 }, { Lq: 1, Lk: 1 });
    expect(value).toBe(Math.fround(1 / 3));
  });
});

describe('evaluateCell: lookups and errors', () => {
  const table = { shape: [2, 2], data: Int32Array.from([5, 6, 7, 8]) };

  it('evaluateCell t[i][j]: reads row-major, and 0 outside the table (negative, too large)', () => {
    const at = (i: number, j: number) =>
      evaluateCell(lookup('t', num(i), num(j)), { b: 0, h: 0, q: 0, k: 0 }, { Lq: 1, Lk: 1, tables: { t: table } });
    expect([at(0, 0), at(0, 1), at(1, 0), at(1, 1), at(-1, 0), at(2, 0), at(0, 2)]).toEqual([5, 6, 7, 8, 0, 0, 0]);
  });

  it('evaluateMaskGrid missing table: throws naming the table', () => {
    expect(() => evaluateMaskGrid(ne(lookup('docId', q), 0), grid(1, 1, 2, 2))).toThrow(/table 'docId'.*not supplied/);
  });

  it('evaluateMaskGrid table of the wrong rank or length: throws naming the table and shape', () => {
    const expr = ne(lookup('t', q, k), 0);
    expect(() => evaluateMaskGrid(expr, grid(1, 1, 2, 2), { t: { shape: [4], data: new Int32Array(4) } })).toThrow(/'t'.*2 indices/);
    expect(() => evaluateMaskGrid(expr, grid(1, 1, 2, 2), { t: { shape: [2, 2], data: new Int32Array(3) } })).toThrow(/needs 4 values, got 3/);
  });

  it('evaluateMaskGrid numeric root (q − k): throws the type error', () => {
    expect(() => evaluateMaskGrid(sub(q, k), grid(1, 1, 2, 2))).toThrow("evaluateMaskGrid: 'q - k' is a number; a mask must be true or false");
  });

  it('evaluateMaskGrid size 0 or fractional: throws', () => {
    expect(() => evaluateMaskGrid(le(k, q), grid(1, 1, 0, 2))).toThrow(/integers ≥ 1/);
    expect(() => evaluateMaskGrid(le(k, q), grid(1.5, 1, 2, 2))).toThrow(/integers ≥ 1/);
  });

  it('evaluateCell not(keyIsReal[b][k]) on a table value 2: a table cell reads true when ≠ 0', () => {
    const t = { shape: [1, 1], data: Int32Array.from([2]) };
    const cell = { b: 0, h: 0, q: 0, k: 0 };
    expect(evaluateCell(not(lookup('t', b, k)), cell, { Lq: 1, Lk: 1, tables: { t } })).toBe(false);
    expect(evaluateCell(eq(lookup('t', b, k), true), cell, { Lq: 1, Lk: 1, tables: { t } })).toBe(true);
  });
});
