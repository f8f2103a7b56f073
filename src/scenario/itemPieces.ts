/**
 * The GPT-2 pieces of one batch item, with their bytes and the characters they hold only part of,
 * for the token list's captions (the SequenceBatch carries the labels only).
 */
import { gpt2Codec } from '../engine/gpt2Codec';
import { gpt2Pieces, type Gpt2Piece } from '../engine/gpt2Pieces';
import { LIMITS, type Scenario } from '../state/scenario';

/**
 * The pieces of batch item `batch` on one side, as deriveInputs reads it: line `batch` of the
 * lines with a token, cut to LIMITS.maxLength pieces.
 * @param side 'key' reads the key text in cross-attention and the encoder–decoder view, the query
 *   text in self-attention.
 * @returns null unless the scenario is in text mode with `tokenizer: 'gpt2'` and GPT-2's vocabulary
 *   is loaded, or when there is no such line.
 */
export function itemPieces(s: Scenario, side: 'query' | 'key', batch: number): Gpt2Piece[] | null {
  const codec = gpt2Codec();
  if (s.tokenizer !== 'gpt2' || s.inputMode !== 'text' || !codec) return null;
  const text = side === 'key' && s.attention !== 'self' ? s.keyText : s.queryText;
  // GPT-2 finds a token in every non-blank line
  const line = text.split(/\r?\n/).filter((l) => l.trim() !== '')[batch];
  return line === undefined ? null : gpt2Pieces(line, codec, LIMITS.maxLength);
}
