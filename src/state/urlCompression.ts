/**
 * Compressed text values in a link: a long text field is written under its URL key plus `z`
 * (`qz=` for `q=`) as lz-string's `compressToEncodedURIComponent`, so a 20 000-character text
 * stays a short link. Pure: strings in, strings out. The format is in docs/url-format.md.
 */

import lzString from 'lz-string';
import type { Scenario } from './scenario';
import { fieldsWhere } from './settings';

/** Appended to a field's URL key for its compressed form: `q` → `qz`. */
export const COMPRESSED_SUFFIX = 'z';

/**
 * A text value is compressed only when its plain, percent-encoded form is longer than this
 * (characters), so short links stay readable (`m=window(W=4)`).
 */
export const COMPRESS_OVER = 200;

/**
 * Longest compressed value read or written, in characters. LZ decompression can expand
 * quadratically (a crafted 8 Ki-character value gives at most about 8 M characters, well under
 * a second); a value that compresses to more than this is written plain instead.
 */
export const MAX_COMPRESSED_CHARS = 8192;

/** The fields that can be long text and are compressed when long (settings.ts: `compress`; the others never are). */
export const COMPRESSIBLE_FIELDS: readonly (keyof Scenario)[] = fieldsWhere((row) => row.compress === true);

/**
 * The compressed form of a text value, when it is worth writing.
 * Rule: compressed (`compressToEncodedURIComponent`) when `plainLength` > COMPRESS_OVER and the
 * result, form-encoded as the link writes it (`+` → `%2B`, `$` → `%24`), is shorter than
 * `plainLength`, and it is at most MAX_COMPRESSED_CHARS long; else undefined.
 * @param text the value as the Scenario holds it.
 * @param plainLength characters of its plain, percent-encoded form in the link.
 * @returns the compressed value (alphabet `A–Z a–z 0–9 + - $`), or undefined: write it plain.
 * @throws never.
 * Source: lz-string 1.5.0 (pieroxy), `compressToEncodedURIComponent`.
 */
export function compressText(text: string, plainLength: number): string | undefined {
  if (plainLength <= COMPRESS_OVER) return undefined;
  const compressed = lzString.compressToEncodedURIComponent(text);
  return formEncodedLength(compressed) < plainLength && compressed.length <= MAX_COMPRESSED_CHARS ? compressed : undefined;
}

/** Characters of a compressed value once form-encoded: its `+` and `$` take 3 each (the rest of the alphabet is kept). */
export function formEncodedLength(compressed: string): number {
  let specials = 0;
  for (const ch of compressed) if (ch === '+' || ch === '$') specials++;
  return compressed.length + 2 * specials;
}

/**
 * Reads a compressed value back.
 * Rule: a space is read as `+` (a hand-pasted link may carry `+` unescaped, which form decoding
 * turns into a space; the alphabet has no space); longer than MAX_COMPRESSED_CHARS, empty, or
 * data lz-string cannot read (it returns null or '') → undefined.
 * @param data the value of a `…z` key, percent-decoded.
 * @returns the text, or undefined when it cannot be read.
 * @throws never.
 * Source: lz-string 1.5.0, `decompressFromEncodedURIComponent`.
 */
export function decompressText(data: string): string | undefined {
  if (data === '' || data.length > MAX_COMPRESSED_CHARS) return undefined;
  try {
    const text: string | null = lzString.decompressFromEncodedURIComponent(data.replace(/ /g, '+'));
    return text === null || text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}
