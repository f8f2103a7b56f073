import { describe, expect, it } from 'vitest';
import { abs, add, and, cond, div, eq, le, lookup, lt, sub, vars } from '../../src/engine/mask/expr';
import { checkTypes } from '../../src/engine/mask/check';

const { q, k, b } = vars;

describe('checkTypes', () => {
  it('checkTypes well-typed mask with a table cell used as true/false and as a number: no errors', () => {
    expect(checkTypes(and(lookup('keyIsReal', b, k), eq(lookup('docId', b, q), lookup('docId', b, k))))).toEqual([]);
  });

  it('checkTypes numeric root: "is a number; a mask must be true or false", with a comparison to copy', () => {
    expect(checkTypes(sub(q, k))).toEqual([{
      code: 'rootNotBoolean',
      values: { text: 'q - k', example: 'q - k < 4' },
      message: "'q - k' is a number; a mask must be true or false — compare it, e.g. 'q - k < 4'",
      path: [],
      node: sub(q, k),
    }]);
    expect(checkTypes(sub(q, k), { expect: 'any' })).toEqual([]);
  });

  it('checkTypes mismatches: errors at the child path, left to right', () => {
    const expr = and(add(q, 1), lt(le(k, q), 2));
    expect(checkTypes(expr).map((e) => [e.path, e.message])).toEqual([
      [[0], "'q + 1' is a number; '&&' needs true or false — compare it, e.g. 'q + 1 < 4'"],
      [[1, 0], "'k <= q' is true or false; '<' needs a number"],
    ]);
  });

  it('checkTypes nested errors: the inner one first (abs(q < 1) as a mask)', () => {
    expect(checkTypes(abs(lt(q, 1))).map((e) => e.path)).toEqual([[0], []]);
  });

  it('checkTypes == between a number and a truth value, branches that differ, arity, fractional index', () => {
    expect(checkTypes(eq(q, le(k, q)))[0]?.message).toBe("'q' is a number but 'k <= q' is true or false; '==' compares two numbers or two truth values");
    expect(checkTypes(cond(lt(q, 1), q, true))[0]?.message).toBe("the two branches of '? :' differ: 'q' is a number, 'true' is true or false");
    expect(checkTypes(lt({ kind: 'call', fn: 'abs', args: [] }, 1))[0]?.message).toBe("'abs' takes 1 argument, got 0");
    expect(checkTypes(lookup('t', div(q, 2)))[0]).toMatchObject({ path: [0], message: expect.stringContaining('whole number') });
  });

  it('checkTypes with table ranks: unknown table and wrong number of indices', () => {
    expect(checkTypes(lookup('t', q), { tables: {} })[0]?.message).toBe("unknown table 't'");
    expect(checkTypes(lookup('t', q), { tables: { t: 2 } })[0]?.message).toBe("'t' takes 2 indices (t[…][…]), got 1");
  });

  it('checkTypes non-finite literal and unknown node kind (edited JSON): reported, not thrown', () => {
    expect(checkTypes(lt(q, Number.POSITIVE_INFINITY))[0]?.message).toBe("'Infinity' is not a finite number");
    const broken = JSON.parse('{"kind":"xor","args":[]}') as Parameters<typeof checkTypes>[0];
    expect(checkTypes(broken)[0]?.message).toBe("unknown node kind 'xor'");
  });
});
