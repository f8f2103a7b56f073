/**
 * The four ways Maskscope turns a line of text into tokens (the Input panel's "Tokens" choice).
 *
 * - `auto`: `tokenize` — words, punctuation apart, one token per Han/kana character, emoji whole
 *   (what links without the choice have always meant).
 * - `char`: one token per character: every visible character, emoji with their modifiers and
 *   zero-width-joined parts, and letters with their combining marks, stay whole; whitespace and
 *   invisible format characters are dropped. "Hi 猫!" → 'H', 'i', '猫', '!'.
 * - `word`: split on whitespace only (also the ideographic space U+3000), so "我 爱 你" → '我',
 *   '爱', '你' and "Hello, world" → 'Hello,', 'world'; pieces of only invisible characters are dropped.
 * - `gpt2`: GPT-2's byte-level BPE (r50k_base), pieces labelled readably (gpt2Pieces.ts); needs
 *   `loadGpt2()` first — without it, the `auto` tokens are used.
 * Every tokenizer is deterministic: the same text gives the same tokens on the page and in the worker.
 */
import { gpt2Codec } from './gpt2Codec';
import { gpt2Pieces } from './gpt2Pieces';
import { tokenize } from './tokenize';

export const TOKENIZERS = ['auto', 'char', 'word', 'gpt2'] as const;
export type TokenizerId = (typeof TOKENIZERS)[number];

const EMOJI_PART = '\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\uFE0F|\\u20E3)*';
const EMOJI = `\\p{Regional_Indicator}{2}|${EMOJI_PART}(?:\\u200D${EMOJI_PART})*`;
const CHAR_PATTERN = new RegExp(`${EMOJI}|[^\\s\\p{Cf}\\p{M}]\\p{M}*`, 'gu');
const INVISIBLE_ONLY = /^\p{Cf}*$/u;

/**
 * Tokens of one line of text by the chosen tokenizer.
 * @param text one line (a newline counts as whitespace).
 * @param tokenizer see the module's list.
 * @param limit GPT-2 labels at most this many pieces (labelling is the costly part of a long line);
 *   the other tokenizers return every token.
 * @returns the token labels, in order; [] for blank text (whitespace only) with every tokenizer.
 * @throws never.
 */
export function tokenizeWith(text: string, tokenizer: TokenizerId, limit = Infinity): string[] {
  switch (tokenizer) {
    case 'char':
      return text.match(CHAR_PATTERN) ?? [];
    case 'word':
      return text.split(/\s+/u).filter((word) => !INVISIBLE_ONLY.test(word));
    case 'gpt2': {
      const codec = gpt2Codec();
      if (!codec) return tokenize(text);
      return text.trim() === '' ? [] : gpt2Pieces(text, codec, limit).map((p) => p.label);
    }
    default:
      return tokenize(text);
  }
}

/**
 * Splits a text area's content into sequences: one per line that has a token.
 * @param text lines separated by \n (or \r\n).
 * @param limit as for tokenizeWith (pass one more than is kept, to learn that a line was longer).
 * @returns one token list per such line.
 */
export function tokenizeLinesWith(text: string, tokenizer: TokenizerId, limit = Infinity): string[][] {
  return text
    .split(/\r?\n/)
    .map((line) => tokenizeWith(line, tokenizer, limit))
    .filter((tokens) => tokens.length > 0);
}
