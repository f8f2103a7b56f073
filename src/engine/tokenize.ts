/**
 * Whitespace-and-punctuation tokenizer with per-character CJK splitting.
 *
 * Rule: a token is (1) one emoji with its modifiers and zero-width-joined parts (👨‍👩‍👧, 👍🏽,
 * a flag 🇫🇷), (2) one Han, Hiragana or Katakana character, (3) one punctuation or symbol
 * character, or (4) a maximal run of other visible characters (letters, digits, marks).
 * Invisible format characters (zero-width joiners outside emoji, BOM, …) are dropped.
 * So "The cat, 猫坐" → ["The", "cat", ",", "猫", "坐"]. Not a subword tokenizer (BPE): it is
 * chosen so that a reader can predict every token.
 *
 * @param text any string; never throws.
 * @returns the tokens, in order; [] for blank text.
 */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const EMOJI_PART = '\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\uFE0F|\\u20E3)*';
const EMOJI = `\\p{Regional_Indicator}{2}|${EMOJI_PART}(?:\\u200D${EMOJI_PART})*`;
const TOKEN_PATTERN = new RegExp(
  `${EMOJI}|[${CJK}]|[\\p{P}\\p{S}]|[^\\s\\p{P}\\p{S}\\p{Cf}${CJK}]+`,
  'gu',
);

/**
 * Splits a text area's content into sequences: one per non-blank line.
 * @param text lines separated by \n (or \r\n).
 * @returns one token list per non-blank line.
 */
export function tokenizeLines(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map(tokenize)
    .filter((tokens) => tokens.length > 0);
}
