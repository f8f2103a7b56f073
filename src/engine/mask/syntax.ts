/**
 * Syntax errors of mask formulas: jsep's errors reworded, and placed where the mistake is (an
 * unclosed bracket at the bracket, a missing operand at its operator), plus the stray separators
 * jsep accepts silently.
 */
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
  const unclosed = /^(?:Unclosed|Expected) ([([\])])$/.exec(description);
  if (unclosed) {
    const opener = unclosed[1] === '[' || unclosed[1] === ']' ? '[' : '(';
    const closer = opener === '(' ? ')' : ']';
    const position = unmatchedOpener(source, index, opener);
    if (position !== null) return { message: `'${opener}' is never closed: add '${closer}'`, ...at(position) };
  }
  const after = /^Expected expression after (.+)$/.exec(description);
  if (after?.[1]) {
    const op = after[1];
    const position = source.lastIndexOf(op, index);
    return { message: `'${op}' needs a value after it`, ...at(position >= 0 ? position : index, op.length) };
  }
  if (description === 'Expected expression') {
    const position = Math.max(source.lastIndexOf('?', index), source.lastIndexOf(':', index));
    const mark = position >= 0 ? source[position] : '?';
    return { message: `'${mark}' needs a value after it`, ...at(position >= 0 ? position : index) };
  }
  const digitName = /^Variable names cannot start with a number/.test(description);
  if (digitName) return numberBeforeName(source, index);
  if (description === 'Expected :') {
    const position = source.lastIndexOf('?', index);
    return { message: "'?' needs ':' and a second value, as in 'c ? a : b'", ...at(position >= 0 ? position : index) };
  }
  if (source[index] === '=') return { message: "'=' is not a comparison: use '==' (or '<=', '>=')", ...at(index) };
  return { message: lowerFirst(description), ...at(index) };
}

/** `3q`: a number directly followed by a name. */
function numberBeforeName(source: string, index: number): MaskParseError {
  let start = index;
  while (start > 0 && /[\d.]/.test(source[start - 1] ?? '')) start--;
  let end = index;
  while (end < source.length && /[\w$]/.test(source[end] ?? '')) end++;
  const digits = source.slice(start, index);
  const name = source.slice(index, end);
  return { message: `'${digits}${name}' is not a number or a name: for a product write '${digits} * ${name}'`, start, end };
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
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
      return { message: `unexpected '${ch}': a mask is one expression`, start: i, end: i + 1 };
    }
    if (!/\s/.test(ch)) previous = ch;
  }
  return null;
}

