import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
  abs, add, and, cond, div, eq, floor, le, lookup, lt, mod, mul, ne, param, sub, vars,
  type MaskExpr,
} from '../../src/engine/mask/expr';
import { compileMask } from '../../src/engine/mask/compile';
import { evaluateMaskGrid } from '../../src/engine/mask/evaluate';
import type { MaskShape } from '../../src/engine/mask/cell';
import type { MaskTables } from '../../src/engine/mask/tables';
import { flat } from '../helpers/arrays';

const { q, k, b, h, Lq, Lk } = vars;
const grid = (batch: number, heads: number, queryLength: number, keyLength: number): MaskShape =>
  ({ batch, heads, queryLength, keyLength });

/** Compiles, reads and disposes: the tensor's shape and its values as 0/1. */
function run(expr: MaskExpr, shape: MaskShape, tables: MaskTables = {}): { shape: number[]; dtype: string; values: number[] } {
  const mask = compileMask(expr, shape, tables);
  try {
    return { shape: mask.shape, dtype: mask.dtype, values: [...mask.dataSync()] };
  } finally {
    mask.dispose();
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('compileMask: shapes and matrices', () => {
  it('compileMask causal bottom-right, Lq=2 Lk=4: bool [1,1,2,4], rows [1,1,1,0] and [1,1,1,1]', () => {
    const result = run(le(k, add(q, sub(Lk, Lq))), grid(3, 2, 2, 4));
    expect(result.shape).toEqual([1, 1, 2, 4]);
    expect(result.dtype).toBe('bool');
    expect(result.values).toEqual(flat([[1, 1, 1, 0], [1, 1, 1, 1]]));
  });

  it('compileMask causal top-left, Lq=4 Lk=2: rows [1,0], [1,1], [1,1], [1,1]', () => {
    expect(run(le(k, q), grid(1, 1, 4, 2)).values).toEqual(flat([[1, 0], [1, 1], [1, 1], [1, 1]]));
  });

  it('compileMask q < 2 (no k): still [1,1,Lq,Lk], constant along keys', () => {
    const result = run(lt(q, 2), grid(1, 1, 3, 2));
    expect(result.shape).toEqual([1, 1, 3, 2]);
    expect(result.values).toEqual(flat([[1, 1], [1, 1], [0, 0]]));
  });

  it('compileMask true (a constant): [1,1,Lq,Lk] of ones', () => {
    expect(run({ kind: 'boolean', value: true }, grid(2, 2, 2, 2))).toMatchObject({ shape: [1, 1, 2, 2], values: [1, 1, 1, 1] });
  });

  it('compileMask causal window W=2, L=4: each row keeps W keys ending at the query', () => {
    const window = and(le(k, q), lt(sub(q, k), param('W', 2)));
    expect(run(window, grid(1, 1, 4, 4)).values).toEqual(flat([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ]));
  });

  it('compileMask key padding keyIsReal[b][k], B=2: [2,1,Lq,Lk], padded columns of batch 1 blocked', () => {
    const keyIsReal = { shape: [2, 3], data: Uint8Array.from([1, 1, 1, 1, 1, 0]) };
    const result = run(lookup('keyIsReal', b, k), grid(2, 4, 2, 3), { keyIsReal });
    expect(result.shape).toEqual([2, 1, 2, 3]);
    expect(result.values).toEqual(flat([[1, 1, 1], [1, 1, 1], [1, 1, 0], [1, 1, 0]]));
  });

  it('compileMask per head (h % 2 == 0 ? |q − k| ≤ 1 : true), H=2: [1,2,Lq,Lk], band then all', () => {
    const alternating = cond(eq(mod(h, 2), 0), le(abs(sub(q, k)), 1), true);
    const result = run(alternating, grid(1, 2, 3, 3));
    expect(result.shape).toEqual([1, 2, 3, 3]);
    expect(result.values).toEqual(flat([
      [1, 1, 0], [1, 1, 1], [0, 1, 1],
      [1, 1, 1], [1, 1, 1], [1, 1, 1],
    ]));
  });

  it('compileMask (q − k) % 3 == 1, L=4: floored modulo, −2 % 3 = 1', () => {
    expect(run(eq(mod(sub(q, k), 3), 1), grid(1, 1, 4, 4)).values).toEqual(flat([
      [0, 0, 1, 0],
      [1, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]));
  });

  it('compileMask chunks floor(q / 2) == floor(k / 2), L=4: 2×2 diagonal blocks (integer floor division)', () => {
    expect(run(eq(floor(div(q, 2)), floor(div(k, 2))), grid(1, 1, 4, 4)).values).toEqual(flat([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ]));
  });

  it('compileMask x / 0 and x % 0: 0, as in evaluateCell', () => {
    expect(run(and(eq(div(q, 0), 0), eq(mod(q, 0), 0), eq(floor(div(q, sub(k, k))), 0)), grid(1, 1, 2, 2)).values)
      .toEqual([1, 1, 1, 1]);
  });

  it('compileMask lookup out of range (t[q − 1], t has 2 cells): reads 0 at q = 0 and q = 3', () => {
    const t = { shape: [2], data: Int32Array.from([1, 1]) };
    expect(run(ne(lookup('t', sub(q, 1)), 0), grid(1, 1, 4, 1), { t }).values).toEqual([0, 1, 1, 0]);
  });
});

describe('compileMask: tfjs semantics it relies on', () => {
  it('compileMask and evaluateMaskGrid 0.1 * q == q / 10, Lq=10: float32 in both (true but at q = 9; float64 would say 3, 6, 7)', () => {
    const expr = eq(mul(0.1, q), div(q, 10));
    const expected = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(run(expr, grid(1, 1, 10, 1)).values).toEqual(expected);
    expect([...evaluateMaskGrid(expr, grid(1, 1, 10, 1))]).toEqual(expected);
  });

  it('tf.mod on negatives: floored like Python (−7 % 3 = 2, 7 % −3 = −2), int32 and float32', () => {
    const a = [-7, 7, -7, 7, -6];
    const m = [3, -3, -3, 3, 3];
    for (const dtype of ['int32', 'float32'] as const) {
      const r = tf.tidy(() => tf.mod(tf.tensor1d(a, dtype), tf.tensor1d(m, dtype)).arraySync());
      expect(r).toEqual([2, -2, -1, 1, 0]);
    }
  });

  it('tf.div on two int32 tensors floors (−7 / 2 = −4): so compileMask casts to float32 for "/"', () => {
    expect(tf.tidy(() => tf.div(tf.tensor1d([-7, 7], 'int32'), tf.tensor1d([2, 2], 'int32')).arraySync())).toEqual([-4, 3]);
    expect(run(eq(div(q, 2), 0.5), grid(1, 1, 2, 1)).values).toEqual([0, 1]);
  });
});

describe('compileMask: memory and errors', () => {
  it('compileMask leaves no tensor behind but the result (numTensors unchanged after dispose)', () => {
    const keyIsReal = { shape: [2, 3], data: Uint8Array.from([1, 1, 1, 1, 1, 0]) };
    const expr = and(le(k, q), lookup('keyIsReal', b, k), eq(mod(floor(div(q, 2)), 2), 0), cond(lt(h, 1), true, lt(abs(sub(q, k)), 2.5)));
    const before = tf.memory().numTensors;
    const mask = compileMask(expr, grid(2, 2, 3, 3), { keyIsReal });
    expect(tf.memory().numTensors).toBe(before + 1);
    mask.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('compileMask missing table or numeric root: throws before creating any tensor', () => {
    const before = tf.memory().numTensors;
    expect(() => compileMask(ne(lookup('docId', q), 0), grid(1, 1, 2, 2))).toThrow(/table 'docId'/);
    expect(() => compileMask(sub(q, k), grid(1, 1, 2, 2))).toThrow(/'q - k' is a number/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
