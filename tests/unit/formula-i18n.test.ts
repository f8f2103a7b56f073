/**
 * Formula errors in both languages (issue #12 §5): every error code of the parser has an English
 * and a Chinese text with the same placeholders, and real errors of real formulas, translated,
 * leave no placeholder and no English word in Chinese except the formula's own pieces.
 */
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { FORMULA_ERRORS_EN, type FormulaErrorCode, type FormulaMessage } from '../../src/engine/mask/errors';
import { checkTypes } from '../../src/engine/mask/check';
import { MASK_VARIABLES, vars, type MaskExpr } from '../../src/engine/mask/expr';
import { parseMaskExpression, type ParseAllowed } from '../../src/engine/mask/parse';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';
import { formulaErrorText } from '../../src/ui/formulaErrorText';

const CODES = Object.keys(FORMULA_ERRORS_EN) as FormulaErrorCode[];
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const allowed: ParseAllowed = { variables: MASK_VARIABLES, parameters: { W: 4 }, tables: { docId: 2, one: 1 } };

/** Formulas and the code of their error (as parsed with `allowed`, or `variables` where given). */
const CASES: [string, FormulaErrorCode, ParseAllowed?][] = [
  ['  ', 'empty'], ['q 且 k', 'nonAscii'], ['abs(q - k < 2', 'unclosed'], ['k <= ', 'needsValue'],
  ['3q < 1', 'numberBeforeName'], ['q < 1 ? k', 'needsColon'], ['q = k', 'singleEquals'], ['q @ k', 'unexpected'],
  ['q.', 'unexpectedEnd'], ['k <= q;', 'stray'], ["q < 'a", 'unclosedQuote'], ['..', 'unexpectedPeriod'],
  ['1e < q', 'badExponent'], ['k <= q k', 'twoExpressions'], ['[1] < q', 'list'],
  ['"q" < 1', 'quotes'], ['q == null', 'literal'], ['docId', 'isTable'], ['abs < 1', 'isFunction'],
  ['b < 1', 'notAvailable', { variables: ['q', 'k'], parameters: {} }], ['x < 1', 'unknownName'], ['Q < 1', 'unknownNameSuggest'],
  ['k <= q & q < 2', 'opAmpersand'], ['k <= q | q < 2', 'opPipe'], ['q ** 2 < 1', 'opPower'], ['q ^ k', 'opCaret'],
  ['~q < 1', 'opTilde'], ['q << 1', 'unsupportedOperator'], ['Math.floor(q) < 1', 'notCallable'], ['q(1) < 2', 'notFunction'],
  ['foo(q) < 1', 'unknownFunction'], ['abs(q, k) < 1', 'arityOne'], ['min(q) < 1', 'arityAtLeast'], ['q.x < 1', 'dot'],
  ['q[0] < 2', 'notTable'], ['one[q][k]', 'tableRankOne'], ['docId[q] == 1', 'tableRank'],
  ['docId[b][q + 0.5] == 1', 'fractionIndex'], ['q - k', 'rootNotBoolean'], ['1e999 > q', 'notFinite'],
  ['abs(q < 1) < 2', 'needsNumber'], ['k <= q && (q - k)', 'needsBoolean'], ['not k > q', 'notWordNumber'],
  ['q == (k < 1)', 'compareNumberBoolean'], ['(k < 1) == q', 'compareBooleanNumber'],
  ['q < 1 ? q : true', 'branchesNumberBoolean'], ['q < 1 ? true : q', 'branchesBooleanNumber'],
];

/** Errors the parser cannot produce (convert.ts catches them first, or jsep never says them), from the checker. */
const CHECKED: [MaskExpr, FormulaErrorCode, 'boolean' | 'number'][] = [
  [{ kind: 'variable', name: 'z' } as unknown as MaskExpr, 'unknownVariable', 'number'],
  [{ kind: 'weird' } as unknown as MaskExpr, 'unknownNodeKind', 'boolean'],
  [{ kind: 'compare', op: '<', left: vars.q, right: vars.k }, 'rootNotNumber', 'number'],
  [{ kind: 'call', fn: 'pow', args: [vars.q] } as unknown as MaskExpr, 'unknownFunction', 'number'],
];

/** Codes no formula reaches: jsep's rarer messages and the hints, which are parts of other messages. */
const NOT_ALONE: FormulaErrorCode[] = ['syntax', 'comma', 'expectedComma', 'expected', 'unsupportedSyntax', 'indexNotTable', 'unknownTable', 'arityExact',
  'namesVariables', 'namesParameters', 'namesTables', 'namesParametersTables'];

function errorOf(source: string, names: ParseAllowed = allowed): FormulaMessage {
  const result = parseMaskExpression(source, names);
  if (result.ok) throw new Error(`${source}: parsed, expected an error`);
  return result.error;
}

async function translator(lng: 'en' | 'zh'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { en: { translation: en }, zh: { translation: zh } }, interpolation: { escapeValue: false } });
  return instance.t;
}

/** The Latin words of a text, once the formula's own pieces (the error's values) are taken out. */
function englishWords(text: string, error: FormulaMessage): string[] {
  let rest = text;
  const pieces = [...Object.values(error.values), ...Object.values(error.hint?.values ?? {})].map(String).sort((a, b) => b.length - a.length);
  for (const piece of pieces) rest = rest.split(piece).join(' ');
  // Formula syntax quoted in a message is code: names, operators and keywords of the formula language.
  const code = new Set(['q', 'k', 'b', 'h', 'Lq', 'Lk', 'c', 'a', 'true', 'false', 'and', 'or', 'not', 'floor', 'abs', 'min', 'max', 'e']);
  return (rest.match(/[A-Za-z]+/g) ?? []).filter((w) => !code.has(w) && !/^\d/.test(w));
}

describe('formula error texts', () => {
  it('every error code has an English text (the parser\'s) and a Chinese text with the same placeholders', () => {
    for (const code of CODES) {
      expect(en.formula.errors[code], code).toBe(FORMULA_ERRORS_EN[code]);
      const text = zh.formula.errors[code];
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      expect([code, placeholders(text)]).toEqual([code, placeholders(FORMULA_ERRORS_EN[code])]);
    }
  });

  it('the cases below reach every code that a formula can reach on its own', () => {
    const reached = new Set([...CASES.map(([, code]) => code), ...CHECKED.map(([, code]) => code), ...NOT_ALONE]);
    expect(CODES.filter((code) => !reached.has(code))).toEqual([]);
  });

  it('parseMaskExpression: each case gives its code, and its values fill every placeholder of its template', () => {
    for (const [source, code, names] of CASES) {
      const error = errorOf(source, names);
      expect([source, error.code]).toEqual([source, code]);
      const given = new Set([...Object.keys(error.values), ...(error.hint ? ['hint'] : [])]);
      expect([source, placeholders(FORMULA_ERRORS_EN[code]).filter((p) => !given.has(p!))]).toEqual([source, []]);
    }
  });

  it('checkTypes: the errors a parse never reaches carry their code', () => {
    for (const [expr, code, expect_] of CHECKED) expect(checkTypes(expr, { expect: expect_ })[0]?.code).toBe(code);
  });

  it('formulaErrorText in English is the parser\'s message, hint included', async () => {
    const t = await translator('en');
    for (const [source, , names] of CASES) {
      const error = errorOf(source, names);
      expect(formulaErrorText(t, error)).toBe(error.message);
    }
  });

  it('formulaErrorText in Chinese: no placeholder left, no English word but the formula\'s own pieces', async () => {
    const t = await translator('zh');
    for (const [source, , names] of CASES) {
      const error = errorOf(source, names);
      const text = formulaErrorText(t, error);
      expect(text, source).not.toContain('{{');
      expect(text, source).toMatch(/[\u4e00-\u9fff]/);
      expect([source, englishWords(text, error)]).toEqual([source, []]);
    }
  });

  it('formulaErrorText in Chinese: "x < 1" names the variables and parameters in Chinese', async () => {
    const t = await translator('zh');
    expect(formulaErrorText(t, errorOf('x < 1'))).toBe('未知名称“x”：可用 q, k, b, h, Lq, Lk、参数（W）或表（docId[…], one[…]）');
  });
});
