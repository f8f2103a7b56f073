import { describe, expect, it } from 'vitest';
import {
  abs, add, and, cond, div, eq, floor, label, le, lookup, lt, max, mod, mul, ne, not, num, or, param, sub, vars,
} from '../../src/engine/mask/expr';
import { formatExpr } from '../../src/engine/mask/format';

const { q, k, b, h, Lq, Lk } = vars;

describe('formatExpr', () => {
  it('formatExpr the issue examples: printed as they are written', () => {
    expect(formatExpr(and(le(k, q), lt(sub(q, k), 4)))).toBe('k <= q && q - k < 4');
    expect(formatExpr(not(lt(q, k)))).toBe('!(q < k)');
    expect(formatExpr(le(abs(sub(q, k)), param('W', 4)))).toBe('abs(q - k) <= W');
    expect(formatExpr(cond(eq(mod(q, 2), 0), le(k, q), true))).toBe('q % 2 == 0 ? k <= q : true');
    expect(formatExpr(eq(floor(div(q, 4)), floor(div(k, 4))))).toBe('floor(q / 4) == floor(k / 4)');
    expect(formatExpr(eq(lookup('docId', b, q), lookup('docId', b, k)))).toBe('docId[b][q] == docId[b][k]');
  });

  it('formatExpr arithmetic: parentheses only where the tree needs them', () => {
    expect(formatExpr(le(k, sub(add(q, Lk), Lq)))).toBe('k <= q + Lk - Lq');
    expect(formatExpr(sub(q, sub(k, 1)))).toBe('q - (k - 1)');
    expect(formatExpr(add(q, add(k, 1)))).toBe('q + (k + 1)');
    expect(formatExpr(mul(add(q, 1), 2))).toBe('(q + 1) * 2');
    expect(formatExpr(add(q, mul(k, 2)))).toBe('q + k * 2');
    expect(formatExpr(mod(sub(q, k), 3))).toBe('(q - k) % 3');
    expect(formatExpr(sub(q, num(-3)))).toBe('q - -3');
    expect(formatExpr(mul(num(-2), h))).toBe('-2 * h');
    expect(formatExpr(max(q, k, 1))).toBe('max(q, k, 1)');
  });

  it('formatExpr logic: && inside || is bare, nested && or a comparison inside a comparison is parenthesised', () => {
    const [a, c, d] = [le(k, q), lt(q, 2), ne(h, 1)];
    expect(formatExpr(or(and(a, c), d))).toBe('k <= q && q < 2 || h != 1');
    expect(formatExpr(and(or(a, c), d))).toBe('(k <= q || q < 2) && h != 1');
    expect(formatExpr(and(and(a, c), d))).toBe('(k <= q && q < 2) && h != 1');
    expect(formatExpr(and(a, c, d))).toBe('k <= q && q < 2 && h != 1');
    expect(formatExpr(eq(a, c))).toBe('(k <= q) == (q < 2)');
    expect(formatExpr(not(not(lookup('keyIsReal', b, k))))).toBe('!!keyIsReal[b][k]');
  });

  it('formatExpr conditionals: parenthesised inside operators and in the test, chained in the else branch', () => {
    expect(formatExpr(lt(cond(lt(h, 1), q, k), 3))).toBe('(h < 1 ? q : k) < 3');
    expect(formatExpr(cond(cond(a(), true, false), true, false))).toBe('(k <= q ? true : false) ? true : false');
    expect(formatExpr(cond(lt(h, 1), true, cond(lt(h, 2), a(), false)))).toBe('h < 1 ? true : h < 2 ? k <= q : false');
    function a() {
      return le(k, q);
    }
  });

  it('formatExpr labels: not printed, and transparent for parentheses', () => {
    expect(formatExpr(and(label('causal', le(k, q)), label('key padding', lookup('keyIsReal', b, k))))).toBe('k <= q && keyIsReal[b][k]');
    expect(formatExpr(and(le(k, q), label('inner', and(lt(q, 2), lt(k, 1)))))).toBe('k <= q && (q < 2 && k < 1)');
  });

  it('formatExpr empty and one-argument and/or: true, false, the argument', () => {
    expect(formatExpr(and())).toBe('true');
    expect(formatExpr(or())).toBe('false');
    expect(formatExpr(and(or(le(k, q)), lt(q, 2)))).toBe('k <= q && q < 2');
  });
});
