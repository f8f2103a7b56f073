/**
 * GPT-2's vocabulary (r50k_base, from the bundled `gpt-tokenizer` package), loaded on demand.
 *
 * The vocabulary is about 1 MB of JavaScript, so it is never part of the first paint: `loadGpt2`
 * imports it with import() (Vite makes it a chunk of its own, served from the app's origin, no
 * download from elsewhere) and registers it; `gpt2Codec` then returns it synchronously, which is
 * what the pure tokenizer needs. The page and the engine worker each load their own copy; both
 * run the same code on the same vocabulary, so they tokenize identically.
 */
import type { Gpt2Codec } from './gpt2Pieces';

/** GPT-2's only special token, allowed in text (it separates packed documents). */
export const END_OF_TEXT = '<|endoftext|>';

let codec: Gpt2Codec | null = null;
let loading: Promise<Gpt2Codec> | null = null;

/** The loaded vocabulary, or null before `loadGpt2` has finished (or when it failed). */
export function gpt2Codec(): Gpt2Codec | null {
  return codec;
}

/**
 * Loads GPT-2's vocabulary once (later calls share the first load; a failed load may be retried).
 * @returns the codec, also kept for `gpt2Codec`.
 * @throws (rejects) when the chunk cannot be loaded (offline before it was cached, a server error).
 */
export function loadGpt2(): Promise<Gpt2Codec> {
  if (codec) return Promise.resolve(codec);
  loading ??= Promise.all([import('gpt-tokenizer/encoding/r50k_base'), import('gpt-tokenizer/bpeRanks/r50k_base')])
    .then(([encoding, ranks]) => {
      codec = makeCodec(encoding.encode, ranks.default);
      return codec;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

type Ranks = readonly (string | readonly number[])[];

/** GPT-2's id of `<|endoftext|>` (the last of its 50 257 tokens). */
export const END_OF_TEXT_ID = 50256;

/**
 * A codec over gpt-tokenizer's `encode` and its rank table (index = token id; a string or its bytes).
 * `<|endoftext|>` is split out here and given its id, as tiktoken does with allowed_special: the
 * package's own special-token search (4.0.0) finds it only at the start of the text.
 */
function makeCodec(encode: (text: string) => number[], ranks: Ranks): Gpt2Codec {
  const encoder = new TextEncoder();
  const utf8 = new Map<number, readonly number[]>();
  return {
    encode: (text) => text.split(END_OF_TEXT).flatMap((part, i) => (i === 0 ? encode(part) : [END_OF_TEXT_ID, ...encode(part)])),
    bytes: (id) => {
      const entry = ranks[id];
      if (entry === undefined) return null;
      if (typeof entry !== 'string') return entry;
      let bytes = utf8.get(id);
      if (!bytes) utf8.set(id, (bytes = [...encoder.encode(entry)]));
      return bytes;
    },
    special: () => END_OF_TEXT,
  };
}
