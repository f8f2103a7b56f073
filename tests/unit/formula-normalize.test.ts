/**
 * Typed symbols in a custom-mask formula (issue #12 §5): ≤ ≥ ≠ and full-width ＜ ＞ ＝ are read as
 * the parser's ASCII, errors point at what was typed, and a symbol that is left says what to type.
 */
import { describe, expect, it } from 'vitest';
import { MASK_VARIABLES, and, eq, le, lt, ne, ge, gt, not, sub, vars, type MaskExpr } from '../../src/engine/mask/expr';
import { normalizeFormula, spanInSource } from '../../src/engine/mask/normalize';
import { parseMaskExpression, type ParseAllowed } from '../../src/engine/mask/parse';

const { q, k } = vars;
const allowed: ParseAllowed = { variables: MASK_VARIABLES, parameters: {} };

function parsed(source: string): MaskExpr {
  const result = parseMaskExpression(source, allowed);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.expr;
}

function failure(source: string) {
  const result = parseMaskExpression(source, allowed);
  if (result.ok) throw new Error(`${source}: parsed, expected an error`);
  const { code, values, start, end } = result.error;
  return { code, values, text: source.slice(start, end) };
}

describe('normalizeFormula', () => {
  it('normalizeFormula math symbols: ≤ ≥ ≠ − × ÷ ∧ ∨ ¬ → <= >= != - * / && || !', () => {
    expect(normalizeFormula('k ≤ q ∧ q ≥ k ∨ ¬(q ≠ k) − 1 × 2 ÷ 3').text).toBe('k <= q && q >= k || !(q != k) - 1 * 2 / 3');
    expect(normalizeFormula('k ≦ q ≧ k ⩽ q ⩾ k').text).toBe('k <= q >= k <= q >= k');
  });

  it('normalizeFormula full-width forms (U+FF01–FF5E, U+3000) → ASCII', () => {
    expect(normalizeFormula('ｋ　＜＝　ｑ　＆＆　（ｑ　－　ｋ）　＜　４').text).toBe('k <= q && (q - k) < 4');
    expect(normalizeFormula('ｑ！＝ｋ｜｜ｑ＞ｋ').text).toBe('q!=k||q>k');
  });

  it('normalizeFormula a lone ＝ is ==; next to < > ! = or ＝ it is one character of the operator', () => {
    expect(normalizeFormula('q ＝ k').text).toBe('q == k');
    expect(normalizeFormula('q＝k').text).toBe('q==k');
    expect(normalizeFormula('q ＝＝ k').text).toBe('q == k');
    expect(normalizeFormula('q <＝ k').text).toBe('q <= k');
    expect(normalizeFormula('q ＞＝ k').text).toBe('q >= k');
    expect(normalizeFormula('q ！＝ k').text).toBe('q != k');
  });

  it('normalizeFormula keeps ASCII and other characters as they are, and records each character\'s origin', () => {
    expect(normalizeFormula('k <= q && 且')).toEqual({ text: 'k <= q && 且', origin: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    // ≤ gives two characters, both from source index 2
    expect(normalizeFormula('k ≤ q').origin).toEqual([0, 1, 2, 2, 3, 4]);
  });

  it('spanInSource: a span over an expansion covers the typed symbol; a point stays a point; past the end → the end', () => {
    const source = 'k ≤ q';
    const formula = normalizeFormula(source);
    expect(spanInSource({ start: 2, end: 4 }, formula, source)).toEqual({ start: 2, end: 3 });
    expect(spanInSource({ start: 3, end: 3 }, formula, source)).toEqual({ start: 2, end: 2 });
    expect(spanInSource({ start: 6, end: 6 }, formula, source)).toEqual({ start: 5, end: 5 });
  });
});

describe('parseMaskExpression with typed symbols', () => {
  it('parseMaskExpression "k ≤ q" equals "k <= q"; ≥ ≠ ＜ ＞ ＝ likewise', () => {
    expect(parsed('k ≤ q')).toEqual(le(k, q));
    expect(parsed('q ≥ k')).toEqual(ge(q, k));
    expect(parsed('q ≠ k')).toEqual(ne(q, k));
    expect(parsed('q − k ＜ 4')).toEqual(lt(sub(q, k), 4));
    expect(parsed('q ＞ k')).toEqual(gt(q, k));
    expect(parsed('q ＝ k')).toEqual(eq(q, k));
    expect(parsed('ｋ ≤ ｑ ＆＆ ¬(ｑ ＝ ０)')).toEqual(and(le(k, q), not(eq(q, 0))));
  });

  it('parseMaskExpression errors after a symbol point at the typed text, not the ASCII', () => {
    // 'k ≤ ' : the operator needs a value; the span is the ≤ the user typed
    expect(failure('k ≤ ')).toEqual({ code: 'needsValue', values: { op: '<=' }, text: '≤' });
    expect(failure('ｋ ≤ ｑ ＆＆ x')).toMatchObject({ code: 'unknownName', values: { name: 'x' }, text: 'x' });
  });

  it('parseMaskExpression a symbol with no ASCII reading says what to type (nonAscii), at that symbol', () => {
    expect(failure('k <= q 且 q > 1')).toEqual({ code: 'nonAscii', values: { char: '且' }, text: '且' });
    expect(failure('k “q”')).toEqual({ code: 'nonAscii', values: { char: '“' }, text: '“' });
    expect(failure('k <= q ≪ 1')).toEqual({ code: 'nonAscii', values: { char: '≪' }, text: '≪' });
    expect(failure('k <= 😀')).toEqual({ code: 'nonAscii', values: { char: '😀' }, text: '😀' });
  });

  it('parseMaskExpression an error message names the ASCII to type for ≤ (en)', () => {
    const result = parseMaskExpression('q 且 k', allowed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('<= for ≤');
  });

  it('parseMaskExpression a formula of ideographic spaces only is empty', () => {
    expect(failure('\u3000\u3000')).toMatchObject({ code: 'empty' });
  });
});
