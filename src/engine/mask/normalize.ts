/**
 * What people type for a formula's symbols, read as the parser's ASCII: math symbols (≤ ≥ ≠ − ×
 * ÷ ∧ ∨ ¬) and the full-width forms a Chinese or Japanese input method gives (＜ ＞ ＝ ！ （ ） ＆ ｜
 * ， ｑ １ …, U+FF01–U+FF5E, and the ideographic space U+3000). Every other character is kept; the
 * parser then reports a non-ASCII one that is left with a message that says what to type.
 */
import type { Span } from './spans';

/** Symbols with an ASCII spelling in formulas. */
const SYMBOLS: Readonly<Record<string, string>> = {
  '≤': '<=', '≦': '<=', '⩽': '<=',
  '≥': '>=', '≧': '>=', '⩾': '>=',
  '≠': '!=',
  '−': '-', '–': '-',
  '×': '*', '∗': '*', '·': '*',
  '÷': '/', '∕': '/',
  '∧': '&&', '∨': '||', '¬': '!',
};

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const IDEOGRAPHIC_SPACE = 0x3000;
const FULL_WIDTH_EQUALS = '＝';
/** Characters that, next to an equals sign, make it part of a two-character operator. */
const EQUALS_NEIGHBOURS = new Set(['<', '>', '!', '=', '＜', '＞', '！', '＝', '﹤', '﹥']);

/** A formula in ASCII, and where each of its characters came from in what was typed. */
export interface NormalizedFormula {
  text: string;
  /** origin[i] = the index in the typed source of the character that gave text[i]. */
  origin: readonly number[];
}

/**
 * Rewrites a typed formula into the parser's ASCII.
 * Rules: ≤ ≦ ⩽ → `<=`, ≥ ≧ ⩾ → `>=`, ≠ → `!=`, − (U+2212) and – → `-`, × ∗ · → `*`, ÷ ∕ → `/`,
 * ∧ → `&&`, ∨ → `||`, ¬ → `!`; a full-width character → its ASCII form (NFKC), except that a
 * lone ＝ (not next to < > ! = or another ＝) is read `==`, since a comparison is what it can mean.
 * Example: `ｋ ≤ ｑ ＆＆ ｑ － ｋ ＜ ４` → `k <= q && q - k < 4`; `q ＝ k` → `q == k`; `q ＜＝ k` → `q <= k`.
 * @param source the formula as typed (any string).
 * @returns the ASCII text and, per character, its origin in `source`. Never throws.
 */
export function normalizeFormula(source: string): NormalizedFormula {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const piece = replacement(source, i);
    text += piece;
    for (let j = 0; j < piece.length; j++) origin.push(i);
  }
  return { text, origin };
}

function replacement(source: string, i: number): string {
  const ch = source[i] ?? '';
  const symbol = SYMBOLS[ch];
  if (symbol !== undefined) return symbol;
  if (ch === FULL_WIDTH_EQUALS) {
    const paired = EQUALS_NEIGHBOURS.has(source[i - 1] ?? '') || EQUALS_NEIGHBOURS.has(source[i + 1] ?? '');
    return paired ? '=' : '==';
  }
  const code = ch.charCodeAt(0);
  if (code === IDEOGRAPHIC_SPACE) return ' ';
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return ch.normalize('NFKC');
  return ch;
}

/**
 * A span of the normalised text as a span of the typed source: the characters that gave it.
 * An empty span (a point) stays a point; a span past the end maps to the source's end.
 */
export function spanInSource(span: Span, formula: NormalizedFormula, source: string): Span {
  const { origin, text } = formula;
  const start = span.start >= text.length ? source.length : (origin[span.start] ?? source.length);
  if (span.end <= span.start) return { start, end: start };
  const last = origin[Math.min(span.end, text.length) - 1];
  return { start, end: last === undefined ? source.length : Math.max(start, last + 1) };
}

/**
 * The first character outside printable ASCII (and not a space, tab or newline) left in a
 * normalised formula, with its span, or null.
 */
export function firstNonAscii(text: string): { char: string; span: Span } | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x20 && code < 0x7f) || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    // a surrogate pair (an emoji) is one character
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    return { char: text.slice(i, i + width), span: { start: i, end: i + width } };
  }
  return null;
}
