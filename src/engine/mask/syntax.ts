/**
 * Syntax errors of mask formulas: jsep's errors reworded, and placed where the mistake is (an
 * unclosed bracket at the bracket, a missing operand at its operator), plus the stray separators
 * jsep accepts silently.
 */
import { formulaMessage, type FormulaErrorCode, type FormulaValues } from './errors';
import type { MaskParseError } from './parse';
import type { Span, SyntaxFailure } from './spans';

/**
 * jsep's error, reworded where a better position or message is known.
 * @param failure jsep's description and the index where it stopped.
 * @returns the message and its span in `source`.
 */
export function syntaxError(source: string, failure: SyntaxFailure): MaskParseError {
  const { description, index } = failure;
  const at = (start: number, length = 1): Span => ({ start, end: Math.min(source.length, start + length) });
  const error = (code: FormulaErrorCode, values: FormulaValues, span: Span): MaskParseError =>
    ({ ...formulaMessage(code, values), ...span });
  const unclosed = /^(?:Unclosed|Expected) ([([\])])$/.exec(description);
  if (unclosed) {
    const opener = unclosed[1] === '[' || unclosed[1] === ']' ? '[' : '(';
    const closer = opener === '(' ? ')' : ']';
    const position = unmatchedOpener(source, index, opener);
    if (position !== null) return error('unclosed', { opener, closer }, at(position));
  }
  const after = /^Expected expression after (.+)$/.exec(description);
  if (after?.[1]) {
    const op = after[1];
    const position = source.lastIndexOf(op, index);
    const extra = position >= 0 ? thirdOfRun(source, position, op) : -1;
    if (extra >= 0) return error(op === '||' ? 'opPipe' : 'opAmpersand', {}, at(extra));
    return error('needsValue', { op }, at(position >= 0 ? position : index, op.length));
  }
  if (description === 'Expected expression') {
    const position = Math.max(source.lastIndexOf('?', index), source.lastIndexOf(':', index));
    const mark = position >= 0 ? (source[position] ?? '?') : '?';
    return error('needsValue', { op: mark }, at(position >= 0 ? position : index));
  }
  if (description === 'missing unaryOp argument') {
    const unary = /(?:!|-|\+|~|\bnot)\s*$/.exec(source.slice(0, index));
    const op = unary?.[0].trim() ?? '!';
    return error('needsValue', { op }, unary ? at(unary.index, op.length) : at(index));
  }
  const digitName = /^Variable names cannot start with a number/.test(description);
  if (digitName) return numberBeforeName(source, index);
  if (description === 'Expected :') {
    const position = source.lastIndexOf('?', index);
    return error('needsColon', {}, at(position >= 0 ? position : index));
  }
  if (source[index] === '=') return error('singleEquals', {}, at(index));
  const [code, values] = describeJsep(description, source, index);
  return error(code, values, at(index));
}

/**
 * Where `op` ('||' or '&&') found at `position` is part of a run of three or more of its character
 * ('|||'): the index of the run's third character (the stray one); −1 otherwise.
 * @example thirdOfRun('k < q ||| 1', 7, '||') // → 8
 */
function thirdOfRun(source: string, position: number, op: string): number {
  if (op !== '||' && op !== '&&') return -1;
  const c = op[0];
  let start = position;
  while (start > 0 && source[start - 1] === c) start--;
  let end = position;
  while (source[end] === c) end++;
  return end - start > 2 ? start + 2 : -1;
}

/** jsep's other descriptions (jsep 1.x, `throwError` calls) as codes. */
function describeJsep(description: string, source: string, index: number): [FormulaErrorCode, FormulaValues] {
  const unexpected = /^Unexpected (?:token )?"?(.*?)"?$/.exec(description);
  if (description === 'Unexpected period') return ['unexpectedPeriod', {}];
  if (/^Unclosed quote/.test(description)) return ['unclosedQuote', {}];
  const exponent = /^Expected exponent \((.*)\)$/.exec(description);
  if (exponent) return ['badExponent', { text: exponent[1] ?? '' }];
  if (description === 'Expected comma') return ['expectedComma', {}];
  const expected = /^Expected (.)$/.exec(description);
  if (expected) return ['expected', { char: expected[1] ?? '' }];
  if (unexpected) {
    const char = unexpected[1] || source[index] || '';
    return char ? ['unexpected', { char }] : ['unexpectedEnd', {}];
  }
  return ['syntax', { detail: description }];
}

/** `3q`: a number directly followed by a name. */
function numberBeforeName(source: string, index: number): MaskParseError {
  let start = index;
  while (start > 0 && /[\d.]/.test(source[start - 1] ?? '')) start--;
  let end = index;
  while (end < source.length && /[\w$]/.test(source[end] ?? '')) end++;
  const digits = source.slice(start, index);
  const name = source.slice(index, end);
  return { ...formulaMessage('numberBeforeName', { digits, name }), start, end };
}

/** The last opener before `index` that no closer matches. */
function unmatchedOpener(source: string, index: number, opener: '(' | '['): number | null {
  const stack: number[] = [];
  const closer = opener === '(' ? ')' : ']';
  for (let i = 0; i < Math.min(index + 1, source.length); i++) {
    if (source[i] === opener) stack.push(i);
    else if (source[i] === closer) stack.pop();
  }
  return stack.length > 0 ? (stack[stack.length - 1] ?? null) : null;
}


/**
 * jsep skips ',' and ';' between expressions (`k <= q;`, `(k <= q,)`): any ';', and any ',' that
 * does not separate the arguments of a call, is an error.
 */
export function strayText(source: string): MaskParseError | null {
  const inCall: boolean[] = [];
  let previous = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '(') inCall.push(/[\w$)\]]/.test(previous));
    else if (ch === ')') inCall.pop();
    else if (ch === ';' || (ch === ',' && !inCall[inCall.length - 1])) {
      return { ...formulaMessage('stray', { char: ch }), start: i, end: i + 1 };
    }
    if (!/\s/.test(ch)) previous = ch;
  }
  return null;
}

