/**
 * A batch of token sequences, padded to a common length so that padding is visible.
 */

/** The padding token shown on the axes. */
export const PAD_TOKEN = '<pad>';

/** B sequences of one common length L. */
export interface SequenceBatch {
  /** [B][L] tokens, PAD_TOKEN where padded. */
  tokens: string[][];
  /** [B][L], false where the token is padding. */
  isReal: boolean[][];
  /** The common length L (the longest sequence's length). */
  length: number;
}

/**
 * Pads sequences to the longest one's length.
 * Example, side 'right': [[a,b,c],[d]] → [[a,b,c],[d,<pad>,<pad>]]; 'left' → [[a,b,c],[<pad>,<pad>,d]].
 * @param sequences [B][Li] tokens, B ≥ 1, every Li ≥ 1.
 * @throws Error when there is no sequence or a sequence is empty.
 */
export function padBatch(sequences: string[][], side: 'right' | 'left'): SequenceBatch {
  if (sequences.length === 0 || sequences.some((s) => s.length === 0)) {
    throw new Error('padBatch: needs at least one sequence, and no empty sequence');
  }
  const length = Math.max(...sequences.map((s) => s.length));
  const tokens: string[][] = [];
  const isReal: boolean[][] = [];
  for (const seq of sequences) {
    const pads = length - seq.length;
    const padTokens: string[] = new Array<string>(pads).fill(PAD_TOKEN);
    tokens.push(side === 'right' ? [...seq, ...padTokens] : [...padTokens, ...seq]);
    const real = new Array<boolean>(seq.length).fill(true);
    const fake = new Array<boolean>(pads).fill(false);
    isReal.push(side === 'right' ? [...real, ...fake] : [...fake, ...real]);
  }
  return { tokens, isReal, length };
}

/**
 * Placeholder tokens for a batch given only by its length: `${prefix}0 … ${prefix}{L−1}`,
 * the same for every batch item, none padded.
 */
export function placeholderBatch(prefix: string, length: number, batch: number): SequenceBatch {
  const row = Array.from({ length }, (_, i) => `${prefix}${i}`);
  return {
    tokens: Array.from({ length: batch }, () => [...row]),
    isReal: Array.from({ length: batch }, () => new Array<boolean>(length).fill(true)),
    length,
  };
}

/**
 * Positions as Hugging Face computes `position_ids` from the attention mask: real tokens are
 * numbered 0, 1, 2, … in order, so a left-padded sentence gets the same positions as a
 * right-padded one; padding tokens get position 0.
 * @param isReal [L] flags of one sequence.
 * @returns [L] integer positions.
 */
export function positionIds(isReal: boolean[]): number[] {
  let next = 0;
  return isReal.map((real) => (real ? next++ : 0));
}
