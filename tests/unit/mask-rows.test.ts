import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  abs, add, and, children, cond, div, eq, floor, label, le, lookup, lt, mod, mul, ne, param, sub, vars,
  type MaskExpr,
} from '../../src/engine/mask/expr';
import { checkTypes, valueKind } from '../../src/engine/mask/check';
import { evaluateMaskGrid } from '../../src/engine/mask/evaluate';
import { formatExpr } from '../../src/engine/mask/format';
import { compileMaskRows } from '../../src/engine/mask/rows';
import { specializeMask } from '../../src/engine/mask/specialize';
import type { MaskShape } from '../../src/engine/mask/cell';
import type { MaskTables } from '../../src/engine/mask/tables';
import { MASK_CATALOGUE, type MaskBuildContext } from '../../src/engine/mask/catalogue';
import * as maskIndex from '../../src/engine/mask';
import { caseArb } from '../helpers/maskArbitraries';

const { q, k, b, h, Lq, Lk } = vars;
const grid = (batch: number, heads: number, queryLength: number, keyLength: number): MaskShape =>
  ({ batch, heads, queryLength, keyLength });

/** Every row of a [B,H,Lq,Lk] grid written by compileMaskRows, in the order b, h, q. */
function rowsGrid(expr: MaskExpr, shape: MaskShape, tables: MaskTables = {}): Uint8Array {
  const { batch, heads, queryLength, keyLength } = shape;
  const fn = compileMaskRows(expr, { Lq: queryLength, Lk: keyLength, tables });
  const out = new Uint8Array(batch * heads * queryLength * keyLength);
  for (let bi = 0; bi < batch; bi++) {
    for (let hi = 0; hi < heads; hi++) {
      for (let qi = 0; qi < queryLength; qi++) fn(bi, hi, qi, out, ((bi * heads + hi) * queryLength + qi) * keyLength);
    }
  }
  return out;
}

/** Rows of one (b, h) slice written by compileMaskRows, as arrays. */
function matrix(expr: MaskExpr, shape: MaskShape, tables: MaskTables = {}, bi = 0, hi = 0): number[][] {
  const fn = compileMaskRows(expr, { Lq: shape.queryLength, Lk: shape.keyLength, tables });
  return Array.from({ length: shape.queryLength }, (_, qi) => {
    const row = new Uint8Array(shape.keyLength);
    fn(bi, hi, qi, row);
    return [...row];
  });
}

describe('compileMaskRows: hand-written rows', () => {
  it('compileMaskRows causal bottom-right, Lq=2 Lk=4: rows [1,1,1,0] and [1,1,1,1]', () => {
    expect(matrix(le(k, add(q, sub(Lk, Lq))), grid(1, 1, 2, 4))).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
  });

  it('compileMaskRows causal top-left, Lq=4 Lk=2: rows [1,0], [1,1], [1,1], [1,1]', () => {
    expect(matrix(le(k, q), grid(1, 1, 4, 2))).toEqual([[1, 0], [1, 1], [1, 1], [1, 1]]);
  });

  it('compileMaskRows causal bottom-right, Lq=3 Lk=2: the first row is fully masked', () => {
    expect(matrix(le(k, add(q, sub(Lk, Lq))), grid(1, 1, 3, 2))).toEqual([[0, 0], [1, 0], [1, 1]]);
  });

  it('compileMaskRows causal && key padding keyIsReal[b][k], B=2: batch 1 loses its last key', () => {
    const keyIsReal = { shape: [2, 3], data: Uint8Array.from([1, 1, 1, 1, 1, 0]) };
    const mask = and(label('causal', le(k, q)), label('key padding', lookup('keyIsReal', b, k)));
    const shape = grid(2, 1, 3, 3);
    expect(matrix(mask, shape, { keyIsReal }, 0)).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    expect(matrix(mask, shape, { keyIsReal }, 1)).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 0]]);
  });

  it('compileMaskRows sliding window W=2 (a parameter), L=4: each row keeps W keys ending at the query', () => {
    const window = and(le(k, q), label('window', lt(sub(q, k), param('W', 2))));
    expect(matrix(window, grid(1, 1, 4, 4))).toEqual([[1, 0, 0, 0], [1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1]]);
  });

  it('compileMaskRows (q − k) % 3 == 1, L=4: floored modulo, −2 % 3 = 1', () => {
    expect(matrix(eq(mod(sub(q, k), 3), 1), grid(1, 1, 4, 4))).toEqual([
      [0, 0, 1, 0],
      [1, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
  });

  it('compileMaskRows floor(q / 2) == floor(k / 2), L=4: 2×2 diagonal blocks', () => {
    expect(matrix(eq(floor(div(q, 2)), floor(div(k, 2))), grid(1, 1, 4, 4))).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ]);
  });

  it('compileMaskRows x / 0, x % 0 and floor(x / 0) are 0', () => {
    const zeros = and(eq(div(k, 0), 0), eq(mod(k, 0), 0), eq(floor(div(k, sub(k, k))), 0), eq(mod(mul(k, 0.5), 0), 0));
    expect(matrix(zeros, grid(1, 1, 2, 3))).toEqual([[1, 1, 1], [1, 1, 1]]);
  });

  it('compileMaskRows 0.1 * k == k / 10, Lk=10: float32 arithmetic, true but at k = 9', () => {
    expect(matrix(eq(mul(0.1, k), div(k, 10)), grid(1, 1, 1, 10))).toEqual([[1, 1, 1, 1, 1, 1, 1, 1, 1, 0]]);
  });

  it('compileMaskRows k * 65536 * 65536 == 0: int32 products wrap (2^32·k stored as int32 is 0)', () => {
    expect(matrix(eq(mul(mul(k, 65536), 65536), 0), grid(1, 1, 1, 3))).toEqual([[1, 1, 1]]);
  });

  it('compileMaskRows t[k − 1] != 0, t = [1, 1]: an index outside the table reads 0 (k = 0 and k = 3)', () => {
    const t = { shape: [2], data: Int32Array.from([1, 1]) };
    expect(matrix(ne(lookup('t', sub(k, 1)), 0), grid(1, 1, 1, 4), { t })).toEqual([[0, 1, 1, 0]]);
  });

  it('compileMaskRows t[k] as the whole mask, t = [0, 2, −1]: a table cell reads true when ≠ 0', () => {
    const t = { shape: [3], data: Int32Array.from([0, 2, -1]) };
    expect(matrix(lookup('t', k), grid(1, 1, 2, 3), { t })).toEqual([[0, 1, 1], [0, 1, 1]]);
  });

  it('compileMaskRows k < 2 ? t[k] : false, t = [2, −1, 5]: a table cell chosen as a truth value reads 1, not 2', () => {
    const t = { shape: [3], data: Int32Array.from([2, -1, 5]) };
    expect(matrix(cond(lt(k, 2), lookup('t', k), false), grid(1, 1, 1, 3), { t })).toEqual([[1, 1, 0]]);
  });

  it('compileMaskRows t[k] == true, t = [2, 0]: a cell against a truth value compares as a truth value', () => {
    const t = { shape: [2], data: Int32Array.from([2, 0]) };
    expect(matrix(eq(lookup('t', k), true), grid(1, 1, 1, 2), { t })).toEqual([[1, 0]]);
  });

  it('compileMaskRows k + 16777217 > 16777216.5: an int against a float compares as float32 (2^24 + 1 rounds to 2^24)', () => {
    expect(matrix(lt(16777216.5, add(k, 16777217)), grid(1, 1, 1, 3))).toEqual([[0, 1, 1]]);
  });

  it('compileMaskRows q < 2 (no k): each row constant along the keys', () => {
    expect(matrix(lt(q, 2), grid(1, 1, 3, 2))).toEqual([[1, 1], [1, 1], [0, 0]]);
  });

  it('compileMaskRows per head (h % 2 == 0 ? |q − k| ≤ 1 : true), H=2: band on head 0, all on head 1', () => {
    const alternating = cond(eq(mod(h, 2), 0), le(abs(sub(q, k)), 1), true);
    expect(matrix(alternating, grid(1, 2, 3, 3), {}, 0, 0)).toEqual([[1, 1, 0], [1, 1, 1], [0, 1, 1]]);
    expect(matrix(alternating, grid(1, 2, 3, 3), {}, 0, 1)).toEqual([[1, 1, 1], [1, 1, 1], [1, 1, 1]]);
  });

  it('compileMaskRows writes exactly [offset, offset + Lk) of out', () => {
    const out = new Uint8Array(8).fill(7);
    compileMaskRows(le(k, q), { Lq: 4, Lk: 4 })(1, 0, 1, out, 2);
    expect([...out]).toEqual([7, 7, 1, 1, 0, 0, 7, 7]);
  });
});

describe('compileMaskRows equals evaluateMaskGrid', () => {
  it('compileMaskRows equals evaluateMaskGrid cell for cell, for random masks, shapes and tables', () => {
    fc.assert(
      fc.property(caseArb, ({ world, expr }) => {
        expect(checkTypes(expr)).toEqual([]);
        expect([...rowsGrid(expr, world.shape, world.tables)]).toEqual([...evaluateMaskGrid(expr, world.shape, world.tables)]);
      }),
      { numRuns: 400 },
    );
  });

  it('compileMaskRows rows asked for in any order (b, h, q jumping about) equal evaluateMaskGrid', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), ({ world, expr }, picks) => {
        const { batch, heads, queryLength, keyLength } = world.shape;
        const expected = evaluateMaskGrid(expr, world.shape, world.tables);
        const fn = compileMaskRows(expr, { Lq: queryLength, Lk: keyLength, tables: world.tables });
        const row = new Uint8Array(keyLength);
        for (const pick of picks) {
          const r = pick % (batch * heads * queryLength);
          fn(Math.floor(r / (heads * queryLength)), Math.floor(r / queryLength) % heads, r % queryLength, row);
          expect([...row]).toEqual([...expected.subarray(r * keyLength, (r + 1) * keyLength)]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('compileMaskRows equals evaluateMaskGrid for every catalogue mask, with Lq = Lk, Lq < Lk and Lq > Lk', () => {
    const shapes = [grid(2, 3, 6, 6), grid(2, 2, 3, 9), grid(1, 2, 9, 4), grid(1, 1, 1, 1)];
    for (const entry of MASK_CATALOGUE) {
      for (const shape of shapes) {
        const n = shape.batch * shape.keyLength;
        const ctx: MaskBuildContext = {
          ...shape,
          seed: 7,
          documentIds: Int32Array.from({ length: n }, (_, i) => Math.floor((i % shape.keyLength) / 3)),
          globalTokens: Uint8Array.from({ length: n }, (_, i) => (i % 4 === 1 ? 1 : 0)),
        };
        const small = Object.fromEntries(entry.params.map((p) => [p.name, Math.min(p.max, Math.max(p.min, 2))]));
        for (const params of [{}, small]) {
          const { expr, tables } = entry.build(params, ctx);
          expect([...rowsGrid(expr, shape, tables)], `${entry.id} ${JSON.stringify({ shape, params })}`)
            .toEqual([...evaluateMaskGrid(expr, shape, tables)]);
        }
      }
    }
  });
});

describe('compileMaskRows: errors', () => {
  it('compileMaskRows Lq or Lk not an integer ≥ 1: throws naming both lengths', () => {
    expect(() => compileMaskRows(le(k, q), { Lq: 0, Lk: 4 })).toThrow('compileMaskRows: Lq and Lk must be integers ≥ 1, got Lq = 0, Lk = 4');
    expect(() => compileMaskRows(le(k, q), { Lq: 2, Lk: 2.5 })).toThrow('got Lq = 2, Lk = 2.5');
    expect(() => compileMaskRows(le(k, q), { Lq: NaN, Lk: 2 })).toThrow('integers ≥ 1');
  });

  it('compileMaskRows table missing or malformed: throws naming the table', () => {
    expect(() => compileMaskRows(ne(lookup('docId', q), 0), { Lq: 2, Lk: 2 }))
      .toThrow("compileMaskRows: table 'docId' is read by the mask but was not supplied");
    const docId = { shape: [2, 2], data: new Int32Array(4) };
    expect(() => compileMaskRows(ne(lookup('docId', q), 0), { Lq: 2, Lk: 2, tables: { docId } }))
      .toThrow("table 'docId' is read with 1 indices but has shape [2,2]");
  });

  it('compileMaskRows ill-typed expression: throws the type error (numeric root, boolean in arithmetic)', () => {
    expect(() => compileMaskRows(sub(q, k), { Lq: 2, Lk: 2 })).toThrow("compileMaskRows: 'q - k' is a number");
    expect(() => compileMaskRows(lt(add(le(k, q), 1), 2), { Lq: 2, Lk: 2 })).toThrow("'k <= q' is true or false; '+' needs a number");
  });

  it('compileMaskRows row that does not fit in out: RangeError', () => {
    const fn = compileMaskRows(le(k, q), { Lq: 2, Lk: 4 });
    expect(() => fn(0, 0, 0, new Uint8Array(4), 1)).toThrow(RangeError);
    expect(() => fn(0, 0, 0, new Uint8Array(4), -1)).toThrow('does not fit in an output of length 4');
    expect(() => fn(0, 0, 0, new Uint8Array(3))).toThrow(RangeError);
  });
});

describe('specializeMask', () => {
  const blockArb = caseArb.chain(({ world, expr }) => {
    const { batch, heads, queryLength } = world.shape;
    return fc.record({
      world: fc.constant(world),
      expr: fc.constant(expr),
      b: fc.integer({ min: 0, max: batch - 1 }),
      h: fc.integer({ min: 0, max: heads - 1 }),
      r0: fc.integer({ min: 0, max: queryLength - 1 }),
    }).chain((c) => fc.record({ c: fc.constant(c), rows: fc.integer({ min: 1, max: queryLength - c.r0 }) }));
  });

  it('specializeMask(expr, {b, h, queryOffset: r0, Lq, Lk}) on [1,1,rows,Lk] equals rows [r0, r0 + rows) of the (b, h) slice', () => {
    fc.assert(
      fc.property(blockArb, ({ c: { world, expr, b: bi, h: hi, r0 }, rows }) => {
        const { heads, queryLength, keyLength } = world.shape;
        const full = evaluateMaskGrid(expr, world.shape, world.tables);
        const start = ((bi * heads + hi) * queryLength + r0) * keyLength;
        const expected = [...full.subarray(start, start + rows * keyLength)];
        const special = specializeMask(expr, { b: bi, h: hi, queryOffset: r0, Lq: queryLength, Lk: keyLength });
        expect([...evaluateMaskGrid(special, grid(1, 1, rows, keyLength), world.tables)]).toEqual(expected);
        expect([...rowsGrid(special, grid(1, 1, rows, keyLength), world.tables)]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('specializeMask keeps the tree node for node (kinds, value kinds, labels); replaced variables become int', () => {
    /** Visits the two trees side by side; a replaced variable's node in `special` is visited as a leaf. */
    const pairs = (original: MaskExpr, special: MaskExpr, visit: (o: MaskExpr, s: MaskExpr) => void): void => {
      visit(original, special);
      if (original.kind === 'variable') return;
      children(original).forEach((child, i) => pairs(child, children(special)[i] ?? child, visit));
    };
    fc.assert(
      fc.property(caseArb, fc.nat(5), fc.nat(5), fc.nat(9), ({ expr }, bi, hi, r0) => {
        const fixed = { b: bi, h: hi, Lq: 11, Lk: 13 };
        const special = specializeMask(expr, { ...fixed, queryOffset: r0 });
        expect(checkTypes(special)).toEqual([]);
        pairs(expr, special, (o, s) => {
          expect(valueKind(s)).toBe(valueKind(o));
          if (o.kind === 'variable' && o.name === 'k') expect(s).toBe(o);
          else if (o.kind === 'variable' && o.name === 'q') expect(formatExpr(s)).toBe(r0 === 0 ? 'q' : `q + ${r0}`);
          else if (o.kind === 'variable') expect(s).toEqual({ kind: 'number', value: fixed[o.name as 'b' | 'h' | 'Lq' | 'Lk'] });
          else expect({ kind: s.kind, label: s.kind === 'label' ? s.label : null }).toEqual({ kind: o.kind, label: o.kind === 'label' ? o.label : null });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('specializeMask causal bottom-right && key padding, {b: 1, queryOffset: 4, Lq: 8, Lk: 8}: formula with the constants', () => {
    const mask = and(label('causal', le(k, sub(add(q, Lk), Lq))), label('key padding', lookup('keyIsReal', b, k)));
    const special = specializeMask(mask, { b: 1, queryOffset: 4, Lq: 8, Lk: 8 });
    expect(formatExpr(special)).toBe('k <= q + 4 + 8 - 8 && keyIsReal[1][k]');
    expect(special.kind === 'logical' && special.args.map((a) => a.kind === 'label' && a.label)).toEqual(['causal', 'key padding']);
  });

  it('specializeMask with nothing to replace returns the same tree; queryOffset 0 leaves q alone', () => {
    const mask = and(le(k, q), lt(h, 2));
    expect(specializeMask(mask, {})).toBe(mask);
    expect(specializeMask(mask, { queryOffset: 0, b: 3 })).toBe(mask);
    expect(formatExpr(specializeMask(mask, { queryOffset: 0, h: 1 }))).toBe('k <= q && 1 < 2');
  });

  it('specializeMask b, h or queryOffset negative or fractional, Lq or Lk < 1: throws naming the field', () => {
    expect(() => specializeMask(le(k, q), { b: -1 })).toThrow('specializeMask: b must be an integer ≥ 0, got -1');
    expect(() => specializeMask(le(k, q), { h: 0.5 })).toThrow('specializeMask: h must be an integer ≥ 0, got 0.5');
    expect(() => specializeMask(le(k, q), { queryOffset: -2 })).toThrow('queryOffset must be an integer ≥ 0');
    expect(() => specializeMask(le(k, q), { Lq: 0 })).toThrow('specializeMask: Lq must be an integer ≥ 1, got 0');
    expect(() => specializeMask(le(k, q), { Lk: NaN })).toThrow('Lk must be an integer ≥ 1');
  });

  it('compileMaskRows and specializeMask are exported from the mask index', () => {
    expect(maskIndex.compileMaskRows).toBe(compileMaskRows);
    expect(maskIndex.specializeMask).toBe(specializeMask);
  });
});
