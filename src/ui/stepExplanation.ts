/**
 * What a pipeline step's explanation says: a list of i18n keys (namespace `lesson.explain.`)
 * with their values, chosen from the numbers of the head on screen. Pure, so the choices are
 * unit-tested; StepExplainer.tsx translates them.
 *
 * The fully masked rows are explained where they first matter (`masked`: all −∞; `weights`:
 * weights 0, never NaN; `output`: 0), the padded query rows at `mask` (greyed, output ignored)
 * and `output`, the padding tokens at `tokens`.
 */
import type { PipelineStep } from '../state/scenario';
import { changedCells } from './pipelineSteps';
import type { StageSlice } from '../compute/slices';
import { alibiSlope } from '../engine/scoreMods';

/** One sentence: an i18n key under `lesson.explain.` and its interpolation values. */
export interface Sentence {
  key: string;
  values?: Record<string, string | number>;
}

/** The settings the sentences mention. */
export interface ExplainContext {
  dK: number;
  temperature: number;
  alibi: boolean;
  softcap: number;
  heads: number;
  /** How the tokens came: typed text in self- or cross-attention, or lengths mode. */
  tokens: 'self' | 'cross' | 'lengths';
  /** Padding tokens in the shown batch item, both sides. */
  paddingTokens: number;
  /**
   * Where the two readings of a causal mask in a padded batch differ for the item shown (issue
   * #11 §3): the number of such cells and the reading in use; null where they agree.
   */
  readings?: { count: number; reading: 'real' | 'padded'; realCalls: string; paddedCalls: string } | null;
  /**
   * The shown batch item's tokens, true = real (false = padding), query and key side, when the
   * Key padding mask is off: the mask step then says how many real queries may attend a padding
   * key. Absent with Key padding on (a 1 there was painted on purpose) or in lengths mode (no padding).
   */
  withoutKeyPadding?: { queriesReal: readonly boolean[]; keysReal: readonly boolean[] };
}

/**
 * "2 real queries may attend a <pad> key here…": the query rows of real tokens with an allowed
 * cell in a padding key's column; none when `tokens` is absent or no such row is.
 */
function padKeysOpen(slice: StageSlice, tokens: ExplainContext['withoutKeyPadding']): Sentence[] {
  if (!tokens) return [];
  const { queriesReal, keysReal } = tokens;
  let count = 0;
  for (let r = 0; r < slice.rows; r++) {
    if (queriesReal[r] !== true) continue;
    for (let k = 0; k < slice.cols; k++) {
      if (keysReal[k] === false && slice.mask[r * slice.cols + k]) {
        count++;
        break;
      }
    }
  }
  return count > 0 ? [{ key: 'padKeysOpen', values: { count } }] : [];
}

/** Indices of the flagged rows, as text: "0, 1, 2" (at most 8, then "…"). */
export function rowList(flags: Uint8Array): string {
  const rows = [...flags.keys()].filter((r) => flags[r]);
  return rows.length > 8 ? `${rows.slice(0, 8).join(', ')}, …` : rows.join(', ');
}

/** Number of flagged entries. */
function countOf(flags: Uint8Array): number {
  let n = 0;
  for (const f of flags) if (f) n++;
  return n;
}

/**
 * The sentences explaining `step` for the head `slice`, ending with "the cells this step changed
 * are outlined" when some but not all cells changed (the stage cards outline exactly those).
 */
export function explainStep(step: PipelineStep, slice: StageSlice, c: ExplainContext): Sentence[] {
  const changed = changedCells(step, slice)?.count ?? 0;
  const sentences = stepSentences(step, slice, c, changed);
  return changed > 0 && changed < slice.rows * slice.cols ? [...sentences, { key: 'outlined' }] : sentences;
}

function stepSentences(step: PipelineStep, slice: StageSlice, c: ExplainContext, changed: number): Sentence[] {
  const total = slice.rows * slice.cols;
  const padded = countOf(slice.paddedRows);
  const fully = countOf(slice.fullyMaskedRows);
  const fullyRows = { count: fully, rows: rowList(slice.fullyMaskedRows) };
  const root = Number((c.temperature * Math.sqrt(c.dK)).toFixed(3));
  switch (step) {
    case 'tokens': {
      const first = c.tokens === 'lengths' ? 'tokensLengths' : c.tokens === 'cross' ? 'tokensCross' : 'tokensSelf';
      const out: Sentence[] = [{ key: first, values: { lq: slice.rows, lk: slice.cols, ...(first === 'tokensSelf' ? { count: slice.rows } : {}) } }];
      return c.paddingTokens > 0 ? [...out, { key: 'padding', values: { count: c.paddingTokens } }] : out;
    }
    case 'qkv':
      return [{ key: 'qkv', values: { dK: c.dK } }];
    case 'scores':
      return [{ key: 'scores' }];
    case 'scaled':
      return [{ key: c.temperature === 1 ? 'scaled' : 'scaledTemperature', values: { root, tau: c.temperature, changed, total } }];
    case 'logits':
      return [
        ...(c.alibi ? [{ key: 'logitsAlibi', values: { slope: Number(alibiSlope(slice.head, c.heads).toPrecision(3)), head: slice.head } }] : []),
        ...(c.softcap > 0 ? [{ key: 'logitsSoftcap', values: { c: c.softcap } }] : []),
        { key: 'logitsChanged', values: { changed, total } },
      ];
    case 'mask':
      return [
        changed > 0 ? { key: 'mask', values: { blocked: changed, total } } : { key: 'maskNone' },
        ...(padded > 0 ? [{ key: 'paddedRows', values: { count: padded } }] : []),
        ...(c.readings ? [readingsSentence(c.readings)] : []),
        ...padKeysOpen(slice, c.withoutKeyPadding),
      ];
    case 'masked':
      return [
        changed > 0 ? { key: 'masked', values: { changed } } : { key: 'maskedNone' },
        ...(fully > 0 ? [{ key: 'fullyMaskedFirst', values: fullyRows }] : []),
      ];
    case 'weights':
      return [{ key: 'weights' }, ...(fully > 0 ? [{ key: 'fullyMaskedWeights', values: fullyRows }] : [])];
    case 'output':
      return [
        { key: 'output', values: { dV: slice.dV } },
        ...(padded > 0 ? [{ key: 'outputPadded' }] : []),
        ...(fully > 0 ? [{ key: 'outputFullyMasked' }] : []),
      ];
  }
}

/** The sentence on the two readings of a causal mask in a padded batch: which is on, how many cells differ, the calls of each. */
function readingsSentence({ reading, count, realCalls, paddedCalls }: NonNullable<ExplainContext['readings']>): Sentence {
  return { key: reading === 'real' ? 'readingsReal' : 'readingsPadded', values: { count, realCalls, paddedCalls } };
}
