/**
 * fast-check arbitraries of random well-typed mask expressions, shapes and tables, shared by the
 * property tests (mask-properties, mask-rows).
 */
import fc from 'fast-check';
import {
  MASK_VARIABLES, bool, cond, floor, label, lookup, num, param, variable,
  type ArithmeticOp, type CompareOp, type MaskExpr,
} from '../../src/engine/mask/expr';
import { valueKind } from '../../src/engine/mask/check';
import type { MaskTables } from '../../src/engine/mask/tables';

/**
 * Random well-typed masks over q, k, b, h, Lq, Lk, small constants (whole and fractional),
 * parameters and lookups into random small tables, with + − × / % (division and modulo by 0
 * included), floor/abs/min/max, comparisons, and/or/not, conditionals and labels. Values stay far
 * below 2^24, where the int32 and float32 paths are exact.
 */
export interface World {
  shape: { batch: number; heads: number; queryLength: number; keyLength: number };
  params: Record<string, number>;
  tables: MaskTables;
}

export const TABLE_RANKS = { t1: 1, t2: 2, t3: 3 } as const;
const ARITHMETIC: ArithmeticOp[] = ['+', '-', '*', '/', '%'];
const COMPARE: CompareOp[] = ['<', '<=', '>', '>=', '==', '!='];

const tableArb = (rank: number, bits: boolean) =>
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rank, maxLength: rank }).chain((shape) => {
    const size = shape.reduce((a, d) => a * d, 1);
    const values = fc.array(bits ? fc.integer({ min: 0, max: 1 }) : fc.integer({ min: -9, max: 9 }), { minLength: size, maxLength: size });
    return values.map((v) => ({ shape, data: bits ? Uint8Array.from(v) : Int32Array.from(v) }));
  });

export const worldArb: fc.Arbitrary<World> = fc.record({
  shape: fc.record({
    batch: fc.integer({ min: 1, max: 3 }),
    heads: fc.integer({ min: 1, max: 3 }),
    queryLength: fc.integer({ min: 1, max: 9 }),
    keyLength: fc.integer({ min: 1, max: 9 }),
  }),
  params: fc.record({ W: fc.integer({ min: 0, max: 9 }), P: fc.integer({ min: -3, max: 9 }), F: fc.constantFrom(0.5, 1.5, -2.25) }),
  tables: fc.record({ t1: tableArb(1, false), t2: tableArb(2, true), t3: tableArb(3, false) }),
});

function leafArb(world: World): fc.Arbitrary<MaskExpr> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: -9, max: 9 }).map(num), weight: 2 },
    { arbitrary: fc.constantFrom(0.5, -2.5, 1.25, 0.1, -0.3).map(num), weight: 1 },
    { arbitrary: fc.constantFrom<MaskExpr>(variable('q'), variable('k')), weight: 4 },
    { arbitrary: fc.constantFrom(...MASK_VARIABLES).map(variable), weight: 2 },
    { arbitrary: fc.constantFrom(...Object.entries(world.params)).map(([name, value]) => param(name, value)), weight: 1 },
  );
}

/** A whole-number index: fractional expressions are wrapped in floor(…). */
const indexArb = (world: World, depth: number) =>
  numberArb(world, depth).map((e) => (valueKind(e) === 'float' ? floor(e) : e));

function lookupArb(world: World, depth: number): fc.Arbitrary<MaskExpr> {
  return fc.constantFrom(...Object.entries(TABLE_RANKS)).chain(([table, rank]) =>
    fc.array(indexArb(world, depth), { minLength: rank, maxLength: rank }).map((indices) => lookup(table, ...indices)));
}

export function numberArb(world: World, depth: number): fc.Arbitrary<MaskExpr> {
  if (depth === 0) return leafArb(world);
  const sub = numberArb(world, depth - 1);
  const test = fc.tuple(fc.constantFrom(...COMPARE), sub, sub)
    .map(([op, left, right]): MaskExpr => ({ kind: 'compare', op, left, right }));
  return fc.oneof(
    { arbitrary: leafArb(world), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...ARITHMETIC), sub, sub).map(([op, left, right]): MaskExpr => ({ kind: 'arithmetic', op, left, right })), weight: 4 },
    { arbitrary: fc.tuple(fc.constantFrom('floor', 'abs') , sub).map(([fn, x]): MaskExpr => ({ kind: 'call', fn, args: [x] })), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('min', 'max'), fc.array(sub, { minLength: 2, maxLength: 3 })).map(([fn, args]): MaskExpr => ({ kind: 'call', fn, args })), weight: 1 },
    { arbitrary: fc.tuple(test, sub, sub).map(([t, a, b]) => cond(t, a, b)), weight: 1 },
    { arbitrary: lookupArb(world, depth - 1), weight: 1 },
  );
}

/** A comparison operand: mostly shallow, at most two operators deep. */
const operandArb = (world: World) => fc.oneof(
  { arbitrary: numberArb(world, 0), weight: 2 },
  { arbitrary: numberArb(world, 1), weight: 3 },
  { arbitrary: numberArb(world, 2), weight: 1 },
);

export function booleanArb(world: World, depth: number): fc.Arbitrary<MaskExpr> {
  const leaves = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...COMPARE), operandArb(world), operandArb(world)).map(([op, left, right]): MaskExpr => ({ kind: 'compare', op, left, right })), weight: 5 },
    { arbitrary: fc.boolean().map(bool), weight: 1 },
    { arbitrary: lookupArb(world, 1), weight: 1 },
  );
  if (depth === 0) return leaves;
  const sub = booleanArb(world, depth - 1);
  return fc.oneof(
    { arbitrary: leaves, weight: 4 },
    { arbitrary: fc.tuple(fc.constantFrom('and', 'or') as fc.Arbitrary<'and' | 'or'>, fc.array(sub, { minLength: 2, maxLength: 3 })).map(([op, args]): MaskExpr => ({ kind: 'logical', op, args })), weight: 2 },
    { arbitrary: sub.map((arg): MaskExpr => ({ kind: 'not', arg })), weight: 1 },
    { arbitrary: fc.tuple(sub, sub, sub).map(([t, a, b]) => cond(t, a, b)), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('==', '!=') as fc.Arbitrary<CompareOp>, sub, sub).map(([op, left, right]): MaskExpr => ({ kind: 'compare', op, left, right })), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('causal', 'window', 'key padding'), sub).map(([name, e]) => label(name, e)), weight: 1 },
  );
}

export const caseArb = worldArb.chain((world) => booleanArb(world, 3).map((expr) => ({ world, expr })));
