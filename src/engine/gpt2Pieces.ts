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
 * @param limit at most this many pieces are returned (the first ones; the rest are not labelled).
 * @returns [] for an empty string.
 * @throws never for a loaded codec (the special token is allowed, not refused).
 */
export function gpt2Pieces(text: string, codec: Gpt2Codec, limit = Infinity): Gpt2Piece[] {
  const pieces = codec.encode(text).slice(0, limit).map((id) => {
    const bytes = codec.bytes(id);
    return { id, bytes: bytes ? [...bytes] : [], special: bytes === null };
  });
  // the characters of the text, with byte ranges: needed only where a piece splits one
  let chars: CharSpan[] | null = null;
  let offset = 0;
  let first = 0; // the first character that ends after the piece's start (pieces come in order)
  return pieces.map(({ id, bytes, special }) => {
    const start = offset;
    offset += bytes.length;
    if (special) return { id, bytes, label: codec.special(id), partial: [] };
    const { label, whole } = readBytes(bytes);
    if (whole) return { id, bytes, label, partial: [] };
    chars ??= charSpans(pieces.flatMap((p) => p.bytes));
    while (first < chars.length && (chars[first] as CharSpan).end <= start) first++;
    return { id, bytes, label, partial: partialChars(chars, first, start, offset) };
  });
}

/**
 * The label of a run of bytes: valid UTF-8 characters as text (space '␣', tab '⇥', other
 * controls as hex), each run of bytes that is not a whole character as '<E6 88>'.
 * @param bytes [n] values 0..255.
 */
export function labelOf(bytes: readonly number[]): string {
  return readBytes(bytes).label;
}

/** The label of a run of bytes, and whether they are whole characters only. */
function readBytes(bytes: readonly number[]): { label: string; whole: boolean } {
  let out = '';
  let loose: number[] = [];
  let whole = true;
  const flush = () => {
    if (loose.length > 0) out += `<${loose.map(hex).join(' ')}>`;
    loose = [];
  };
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Length(bytes, i);
    if (n === 0) {
      whole = false;
      loose.push(bytes[i] as number);
      i++;
      continue;
    }
    flush();
    out += shown(charAt(bytes, i));
    i += n;
  }
  flush();
  return { label: out, whole };
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
 * continuation byte, a cut-off sequence, an overlong form, a surrogate, or past U+10FFFF).
 */
function utf8Length(bytes: readonly number[], i: number): number {
  return codePointAt(bytes, i)?.length ?? 0;
}

/** The code point of the valid UTF-8 sequence at bytes[i] and its length, or null (RFC 3629 §4). */
function codePointAt(bytes: readonly number[], i: number): { cp: number; length: number } | null {
  const lead = bytes[i] as number;
  if (lead < 0x80) return { cp: lead, length: 1 };
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return null;
  let cp = lead & (0xff >> (length + 1));
  for (let j = 1; j < length; j++) {
    const next = bytes[i + j] as number;
    if ((next & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (next & 0x3f);
  }
  const smallest = [0, 0, 0x80, 0x800, 0x10000][length] as number;
  if (cp < smallest || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return { cp, length };
}

/** The character whose valid UTF-8 sequence starts at bytes[i]; U+FFFD where none does. */
function charAt(bytes: readonly number[], i: number): string {
  const decoded = codePointAt(bytes, i);
  return decoded ? String.fromCodePoint(decoded.cp) : '\uFFFD';
}

interface CharSpan {
  char: string;
  start: number;
  end: number;
}

/** Characters of a UTF-8 byte string with their byte ranges [start, end). */
function charSpans(bytes: readonly number[]): CharSpan[] {
  const spans: CharSpan[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Length(bytes, i) || 1;
    spans.push({ char: charAt(bytes, i), start: i, end: i + n });
    i += n;
  }
  return spans;
}

/**
 * The characters that overlap bytes [start, end) without lying wholly inside them; `first` is the
 * index of the first character ending after `start`.
 */
function partialChars(chars: readonly CharSpan[], first: number, start: number, end: number): PartialChar[] {
  const out: PartialChar[] = [];
  for (let i = first; i < chars.length && (chars[i] as CharSpan).start < end; i++) {
    const c = chars[i] as CharSpan;
    if (c.start < start || c.end > end) out.push({ char: c.char, from: Math.max(start, c.start) - c.start + 1, to: Math.min(end, c.end) - c.start, of: c.end - c.start });
  }
  return out;
}
