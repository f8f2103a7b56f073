import { describe, expect, it } from 'vitest';
import jsep from 'jsep';
import {
  MASK_VARIABLES, abs, and, cond, div, eq, floor, le, lookup, lt, gt, mod, ne, not, num, or, param, sub, vars,
  type MaskExpr,
} from '../../src/engine/mask/expr';
import { parseMaskExpression, type ParseAllowed } from '../../src/engine/mask/parse';

const { q, k, b, h, Lq, Lk } = vars;
const allowed: ParseAllowed = {
  variables: MASK_VARIABLES,
  parameters: { W: 4 },
  tables: { docId: 2, keyIsReal: 2 },
};

function parsed(source: string): MaskExpr {
  const result = parseMaskExpression(source, allowed);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.expr;
}

/** The error and the text its span covers, e.g. ['unknown name …', 'x']. */
function failure(source: string, names: ParseAllowed = allowed): { message: string; start: number; end: number; text: string } {
  const result = parseMaskExpression(source, names);
  if (result.ok) throw new Error(`${source}: parsed, expected an error`);
  const { message, start, end } = result.error;
  return { message, start, end, text: source.slice(start, end) };
}

describe('parseMaskExpression: accepted syntax', () => {
  it('parseMaskExpression "k <= q && q - k < 4": and(k ≤ q, q − k < 4)', () => {
    expect(parsed('k <= q && q - k < 4')).toEqual(and(le(k, q), lt(sub(q, k), 4)));
  });

  it('parseMaskExpression "!(k > q)": not(k > q)', () => {
    expect(parsed('!(k > q)')).toEqual(not(gt(k, q)));
  });

  it('parseMaskExpression "abs(q - k) <= W": the parameter keeps its name and value', () => {
    expect(parsed('abs(q - k) <= W')).toEqual(le(abs(sub(q, k)), param('W', 4)));
  });

  it('parseMaskExpression "q % 2 == 0 ? k <= q : true": a conditional with a boolean literal', () => {
    expect(parsed('q % 2 == 0 ? k <= q : true')).toEqual(cond(eq(mod(q, 2), 0), le(k, q), true));
  });

  it('parseMaskExpression "floor(q / 4) == floor(k / 4)": calls of floor over true division', () => {
    expect(parsed('floor(q / 4) == floor(k / 4)')).toEqual(eq(floor(div(q, 4)), floor(div(k, 4))));
  });

  it('parseMaskExpression "docId[b][q] == docId[b][k] and keyIsReal[b][k]": lookups and the word "and"', () => {
    expect(parsed('docId[b][q] == docId[b][k] and keyIsReal[b][k]'))
      .toEqual(and(eq(lookup('docId', b, q), lookup('docId', b, k)), lookup('keyIsReal', b, k)));
  });

  it('parseMaskExpression "a && b && c" is one n-ary and; "(a && b) && c" stays nested', () => {
    expect(parsed('k <= q && h < 2 && b != 1')).toEqual(and(le(k, q), lt(h, 2), ne(b, 1)));
    expect(parsed('(k <= q && h < 2) && b != 1')).toEqual(and(and(le(k, q), lt(h, 2)), ne(b, 1)));
    expect(parsed('k <= q or not (k > q) || h == 1')).toEqual(or(le(k, q), not(gt(k, q)), eq(h, 1)));
  });

  it('parseMaskExpression precedence: && binds tighter than ||, comparisons than &&, * than +', () => {
    expect(parsed('k < q || q < 2 && k > 0')).toEqual(or(lt(k, q), and(lt(q, 2), gt(k, 0))));
    expect(parsed('k <= q + Lk - Lq')).toEqual(le(k, sub({ kind: 'arithmetic', op: '+', left: q, right: Lk }, Lq)));
    expect(parsed('q - k * 2 < 1')).toEqual(lt(sub(q, { kind: 'arithmetic', op: '*', left: k, right: num(2) }), 1));
  });

  it('parseMaskExpression unary minus: a literal becomes negative, anything else 0 − x; === reads as ==', () => {
    expect(parsed('q - -3 < 2')).toEqual(lt(sub(q, num(-3)), 2));
    expect(parsed('-q < 3')).toEqual(lt(sub(0, q), 3));
    expect(parsed('q === k')).toEqual(eq(q, k));
  });

  it('parseMaskExpression parentheses and commas inside calls are accepted', () => {
    expect(parsed('((abs(q)) < 1)')).toEqual(lt(abs(q), 1));
    expect(parsed('min (q, k) < max(1, 2, h)')).toEqual(lt({ kind: 'call', fn: 'min', args: [q, k] }, { kind: 'call', fn: 'max', args: [num(1), num(2), h] }));
  });

  it('parseMaskExpression leaves jsep as it was: "and" is not an operator for other jsep users', () => {
    parsed('k <= q and q < 2');
    expect(jsep('a and b')).toMatchObject({ type: 'Compound' });
  });
});

describe('parseMaskExpression: errors point at the mistake', () => {
  it('parseMaskExpression "x < 3": unknown name at x', () => {
    expect(failure('k <= q && x < 3')).toEqual({
      message: "unknown name 'x': use q, k, b, h, Lq, Lk or a parameter (W) or a table (docId[…], keyIsReal[…])",
      start: 10, end: 11, text: 'x',
    });
  });

  it('parseMaskExpression unknown name, no parameters or tables: lists the variables only; "Q" suggests q', () => {
    const names = { variables: MASK_VARIABLES, parameters: {} };
    expect(failure('z > 1', names).message).toBe("unknown name 'z': use q, k, b, h, Lq, Lk");
    expect(failure('Q > 1', names)).toMatchObject({ message: "unknown name 'Q' (did you mean 'q'?): use q, k, b, h, Lq, Lk", text: 'Q' });
  });

  it('parseMaskExpression "b < 1" where b is not allowed: says so at b', () => {
    expect(failure('k <= q && b < 1', { variables: ['q', 'k'], parameters: {} }))
      .toMatchObject({ message: "'b' is not available here: use q, k", start: 10, end: 11 });
  });

  it('parseMaskExpression "q - k": a number is not a mask, at the whole expression', () => {
    expect(failure('q - k')).toEqual({
      message: "'q - k' is a number; a mask must be true or false — compare it, e.g. 'q - k < 4'",
      start: 0, end: 5, text: 'q - k',
    });
  });

  it('parseMaskExpression "k <= q && (q - k)": a number under && at the parenthesised group', () => {
    expect(failure('k <= q && (q - k)')).toMatchObject({ start: 10, end: 17, text: '(q - k)' });
  });

  it('parseMaskExpression "abs(q < 1) < 2": a truth value where a number is needed, at the argument', () => {
    expect(failure('abs(q < 1) < 2')).toEqual({ message: "'q < 1' is true or false; 'abs' needs a number", start: 4, end: 9, text: 'q < 1' });
  });

  it('parseMaskExpression "foo(q) < 1": unknown function at its name; "q(1)" is not a function', () => {
    expect(failure('k < 2 || foo(q) < 1')).toEqual({ message: 'unknown function \'foo\': use floor, abs, min, max', start: 9, end: 12, text: 'foo' });
    expect(failure('q(1) < 2')).toMatchObject({ message: "'q' is not a function: use floor, abs, min, max", text: 'q' });
  });

  it('parseMaskExpression wrong arity: abs(q, k) and min(q) at the call', () => {
    expect(failure('abs(q, k) < 1')).toEqual({ message: "'abs' takes 1 argument, got 2", start: 0, end: 9, text: 'abs(q, k)' });
    expect(failure('k > min(q)')).toMatchObject({ message: "'min' takes at least 2 arguments, got 1", text: 'min(q)' });
  });

  it('parseMaskExpression tables: wrong rank at the lookup, a bare table name, indexing a variable', () => {
    expect(failure('docId[q] == 1')).toMatchObject({ message: "'docId' takes 2 indices (docId[…][…]), got 1", text: 'docId[q]' });
    expect(failure('docId')).toMatchObject({ message: "'docId' is a table: index it, e.g. docId[…][…]", text: 'docId' });
    expect(failure('q[0] < 2')).toMatchObject({ message: "'q' is not a table: only tables can be indexed", text: 'q' });
    expect(failure('docId[b][q + 0.5] == 1')).toMatchObject({ text: 'q + 0.5', message: expect.stringContaining('whole number') });
  });

  it('parseMaskExpression syntax: missing operand at its operator, unclosed bracket at the bracket', () => {
    expect(failure('k <= ')).toEqual({ message: "'<=' needs a value after it", start: 2, end: 4, text: '<=' });
    expect(failure('abs(q - k < 2')).toEqual({ message: "'(' is never closed: add ')'", start: 3, end: 4, text: '(' });
    expect(failure('docId[b][q == 1')).toMatchObject({ message: "'[' is never closed: add ']'", start: 8, end: 9 });
    expect(failure('q < 1 ? k')).toMatchObject({ text: '?', message: expect.stringContaining("':'") });
  });

  it('parseMaskExpression syntax: a tripled || or && is said at its stray third character, not as a missing value', () => {
    expect(failure('k < q ||| 1')).toEqual({ message: "'|' is not an operator here: use '||' (or 'or')", start: 8, end: 9, text: '|' });
    expect(failure('k<q||||q<2')).toMatchObject({ message: "'|' is not an operator here: use '||' (or 'or')", start: 5, end: 6 });
    expect(failure('k <= q &&& q < 2')).toEqual({ message: "'&' is not an operator here: use '&&' (or 'and')", start: 9, end: 10, text: '&' });
    expect(failure('k <= q || ')).toMatchObject({ message: "'||' needs a value after it", start: 7, end: 9 });
  });

  it('parseMaskExpression syntax: "q = k", a stray ")", two expressions in a row, a trailing ";"', () => {
    expect(failure('q = k')).toMatchObject({ message: "'=' is not a comparison: use '==' (or '<=', '>=')", start: 2, end: 3 });
    expect(failure('q < 1 )')).toMatchObject({ start: 6, end: 7, text: ')' });
    expect(failure('k <= q k')).toMatchObject({ message: "two expressions in a row: join them with '&&' or '||'", start: 7, end: 8 });
    expect(failure('k <= q;')).toMatchObject({ start: 6, end: 7, text: ';' });
    expect(failure('(k <= q,)')).toMatchObject({ message: "unexpected ',': a mask is one expression", start: 7, end: 8 });
    expect(failure('(q, k) < 1')).toMatchObject({ start: 2, end: 3 });
    expect(failure('3q < 1')).toMatchObject({ start: 0, end: 2, message: "'3q' is not a number or a name: for a product write '3 * q'" });
  });

  it('parseMaskExpression unsupported operators and syntax: at the operator', () => {
    expect(failure('k <= q & q < 2')).toMatchObject({ message: "'&' is not an operator here: use '&&' (or 'and')", start: 7, end: 8 });
    expect(failure('q ** 2 < 1')).toMatchObject({ start: 2, end: 4 });
    expect(failure('~q < 1')).toMatchObject({ start: 0, end: 1 });
    expect(failure('"q" < 1')).toMatchObject({ message: 'text in quotes is not allowed in a mask', text: '"q"' });
    expect(failure('Math.floor(q) < 1')).toMatchObject({ text: 'Math.floor' });
  });

  it('parseMaskExpression "not k > q": explains that not binds to k only', () => {
    expect(failure('not k > q')).toMatchObject({ text: 'k', message: expect.stringContaining("'not (k > q)'") });
  });

  it('parseMaskExpression "" and "  ": empty formula', () => {
    expect(failure('  ')).toEqual({ message: "empty formula: write a condition, e.g. 'k <= q'", start: 0, end: 2, text: '  ' });
  });

  it('parseMaskExpression with a parameter named like a variable: throws (a programming error)', () => {
    expect(() => parseMaskExpression('q < 1', { variables: ['q'], parameters: { q: 1 } })).toThrow(/used twice/);
    expect(() => parseMaskExpression('q < 1', { variables: ['q'], parameters: { W: Number.NaN } })).toThrow(/finite/);
  });

  it('parseMaskExpression spans survive spaces, tabs and newlines', () => {
    expect(failure('k <= q &&\n\t  (x\t) < 3')).toMatchObject({ text: 'x', start: 14, end: 15 });
    expect(failure('  k <= q  ||  q - k  ')).toMatchObject({ text: 'q - k', start: 14, end: 19 });
    expect(failure('k <= q ? true : abs(q < 1) < 2')).toMatchObject({ text: 'q < 1', start: 20, end: 25 });
  });
});

it('parseMaskExpression uses variables Lq and Lk: bottom-right causal', () => {
  expect(parsed('k <= q + Lk - Lq')).toEqual(le(k, sub({ kind: 'arithmetic', op: '+', left: q, right: Lk }, Lq)));
});
