/**
 * GPT-2 byte-level BPE pieces, made readable.
 *
 * GPT-2 (Radford et al. 2019, §2.2) splits the UTF-8 bytes of a text into pieces from a
 * 50 257-entry vocabulary (50 000 merges, 256 single bytes and `<|endoftext|>`). A piece is any
 * run of bytes, so it may hold a leading space (" world") or only part of a character: 我 is the
 * three bytes E6 88 91, and GPT-2 splits it into the pieces [E6 88] and [91].
 *
 * Labels (what the axes and the token list show):
 * - whole characters as they are, a space as '␣' (GPT-2's own vocabulary file writes 'Ġ'), a tab
 *   as '⇥', other control characters as their byte in hex;
 * - bytes that are only part of a character as hex in angle brackets: '<E6 88>';
 * - the special token as '<|endoftext|>'.
 * So "Hello world" → 'Hello', '␣world'; "我" → '<E6 88>', '<91>'.
 * Each piece also says which characters it holds only part of (`partial`), so the UI can write
 * "我 1–2/3" under '<E6 88>'. Pure: the vocabulary comes in through `Gpt2Codec`.
 */

/** What GPT-2's tokenizer provides: encoding, and the bytes of each vocabulary entry. */
export interface Gpt2Codec {
  /** Token ids of `text` (`<|endoftext|>` allowed as the special token 50256). */
  encode(text: string): number[];
  /** The UTF-8 bytes of token `id`; null for a special token. */
  bytes(id: number): readonly number[] | null;
  /** The text of a special token (only called where `bytes` is null). */
  special(id: number): string;
}

/** A character a piece holds only some bytes of: bytes `from`..`to` (1-based) of `of`. */
export interface PartialChar {
  char: string;
  from: number;
  to: number;
  of: number;
}

/** One GPT-2 token of a text. */
export interface Gpt2Piece {
  /** The token id in GPT-2's vocabulary (r50k_base). */
  id: number;
  /** Its UTF-8 bytes ([] for the special token). */
  bytes: number[];
  /** The readable label (see the module's rule). */
  label: string;
  /** The characters it holds only part of, in order; [] when it holds whole characters only. */
  partial: PartialChar[];
}

/** Shown for a space inside a piece (GPT-2's vocabulary file uses 'Ġ'). */
export const SPACE_MARK = '␣';
const TAB_MARK = '⇥';

/**
 * The pieces of one line of text, in order; concatenating their bytes gives the line's UTF-8.
 * @param text one line (no newline needed; any string is accepted).
 * @param codec the loaded GPT-2 vocabulary.
 * @returns [] for an empty string.
 * @throws never for a loaded codec (the special token is allowed, not refused).
 */
export function gpt2Pieces(text: string, codec: Gpt2Codec): Gpt2Piece[] {
  const ids = codec.encode(text);
  const pieces = ids.map((id) => ({ id, bytes: [...(codec.bytes(id) ?? [])], special: codec.bytes(id) === null }));
  const chars = charSpans(pieces.flatMap((p) => p.bytes));
  let offset = 0;
  return pieces.map(({ id, bytes, special }) => {
    const start = offset;
    offset += bytes.length;
    if (special) return { id, bytes, label: codec.special(id), partial: [] };
    return { id, bytes, label: labelOf(bytes), partial: partialChars(chars, start, offset) };
  });
}

/**
 * The label of a run of bytes: valid UTF-8 characters as text (space '␣', tab '⇥', other
 * controls as hex), each run of bytes that is not a whole character as '<E6 88>'.
 * @param bytes [n] values 0..255.
 */
export function labelOf(bytes: readonly number[]): string {
  let out = '';
  let loose: number[] = [];
  const flush = () => {
    if (loose.length > 0) out += `<${loose.map(hex).join(' ')}>`;
    loose = [];
  };
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Length(bytes, i);
    if (n === 0) {
      loose.push(bytes[i] as number);
      i++;
      continue;
    }
    flush();
    out += shown(decodeChar(bytes.slice(i, i + n)));
    i += n;
  }
  flush();
  return out;
}

/** Two-digit upper-case hex of a byte. */
function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function shown(char: string): string {
  if (char === ' ') return SPACE_MARK;
  if (char === '\t') return TAB_MARK;
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `<${hex(code)}>` : char;
}

/**
 * Length of the valid UTF-8 sequence starting at bytes[i], or 0 when none starts there (a
 * continuation byte, a cut-off sequence, an overlong or out-of-range form).
 */
function utf8Length(bytes: readonly number[], i: number): number {
  const lead = bytes[i] as number;
  const n = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let j = 1; j < n; j++) if (((bytes[i + j] as number) & 0xc0) !== 0x80) return 0;
  const char = decodeChar(bytes.slice(i, i + n));
  // overlong forms and surrogates decode to U+FFFD (or to a different length): not a character here
  return char !== '\uFFFD' && ENCODER.encode(char).length === n ? n : 0;
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: false });

function decodeChar(bytes: readonly number[]): string {
  return DECODER.decode(new Uint8Array(bytes));
}

/** Characters of a UTF-8 byte string with their byte ranges [start, end). */
function charSpans(bytes: readonly number[]): { char: string; start: number; end: number }[] {
  const spans: { char: string; start: number; end: number }[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Length(bytes, i) || 1;
    spans.push({ char: decodeChar(bytes.slice(i, i + n)), start: i, end: i + n });
    i += n;
  }
  return spans;
}

/** The characters that overlap bytes [start, end) without lying wholly inside them. */
function partialChars(chars: ReturnType<typeof charSpans>, start: number, end: number): PartialChar[] {
  return chars
    .filter((c) => c.start < end && c.end > start && (c.start < start || c.end > end))
    .map((c) => ({ char: c.char, from: Math.max(start, c.start) - c.start + 1, to: Math.min(end, c.end) - c.start, of: c.end - c.start }));
}
