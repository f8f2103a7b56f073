/**
 * From a Scenario to the engine's inputs: tokens on both sides, padding, Q/K/V and masks.
 * Pure (no React, no DOM) so that it is unit-tested; the scenario/ layer joins state/ and
 * engine/, which do not know each other.
 */
import { buildAttentionInputs } from '../engine/inputs';
import { catalogueTerms, type MaskNote } from './catalogueTerms';
import { withPaint } from './paintTerm';
import { scaleFromTemperature, type ScoreMods } from '../engine/scoreMods';
import { label, MASK_VARIABLES, parseMaskExpression, type MaskExpr, type MaskParseError } from '../engine/mask';
import { padBatch, placeholderBatch, type SequenceBatch } from '../engine/sequences';
import { tokenizeLinesWith } from '../engine/tokenizers';
import type { AttentionInputs } from '../engine/types';
import { LIMITS, type Scenario } from '../state/scenario';
import { fieldsWhere } from '../state/settings';

/** A note for the user about how the input was read; `code` is an i18n key under `notes.`. */
export interface InputNote {
  code: 'extraLines' | 'truncated' | 'batchMismatch';
  side: 'query' | 'key';
  count: number;
}

export type Derived =
  | {
      ok: true;
      inputs: AttentionInputs;
      query: SequenceBatch;
      key: SequenceBatch;
      notes: InputNote[];
      /** The custom formula's error (it is then left out of the mask), or null. */
      customError: MaskParseError | null;
      /** Unknown catalogue masks and clamped parameters. */
      maskNotes: MaskNote[];
    }
  | { ok: false; error: 'emptyQuery' | 'emptyKey' };

/**
 * Tokenizes both sides, pads them and builds Q, K, V and the mask spec.
 * Text mode: one sequence per line with a token (`s.tokenizer`, tokenizers.ts; GPT-2 before its
 * vocabulary is loaded reads as `auto`) (at most LIMITS.maxBatch, each at most
 * LIMITS.maxLength tokens); cross-attention pairs line i of the target with line i of the source.
 * Lengths mode: placeholder tokens t0… (self) or q0…/k0… (cross), no padding.
 * Encoder–decoder (`attention: 'encdec'`): the cross-attention of the target over the source,
 * without the causal mask (in that view the causal box is the decoder self-attention's).
 * @param options.vectors false leaves q, k, v empty (the page needs only tokens, shape and mask;
 *   the engine worker computes the vectors); options.heads projects only those heads.
 * @returns `ok: false` with an error code when a side has no token; never throws.
 */
export function deriveInputs(s: Scenario, options: { vectors?: boolean; heads?: readonly number[] } = {}): Derived {
  const notes: InputNote[] = [];
  const sides = s.inputMode === 'lengths' ? lengthBatches(s) : textBatches(s, notes);
  if (!sides.ok) return sides;
  const { query, key } = sides;
  const custom = customTerm(s.customMask);
  const sizes = { batch: query.tokens.length, heads: s.heads, queryLength: query.length, keyLength: key.length };
  const extra = catalogueTerms(s, sizes, key);
  const inputs = buildAttentionInputs(query, key, { seed: s.seed, dK: s.dK, heads: s.heads }, {
    // encoder–decoder: the pipeline is the cross-attention, which is never causal (the causal box is the decoder's)
    causal: s.causal && s.attention !== 'encdec' ? s.causalAlignment : null,
    causalLengths: s.causalLengths,
    // lengths mode has no padding: no padding term in the mask (nor in its formula and tree)
    keyPadding: s.keyPadding && s.inputMode !== 'lengths',
    queryPadding: s.queryPadding && s.inputMode !== 'lengths',
    extra: [
      ...(extra.term ? [{ expr: extra.term, tables: extra.tables }] : []),
      ...(custom.term ? [{ expr: custom.term, tables: {} }] : []),
    ],
  }, options);
  inputs.mask = withPaint(inputs.mask, s.paint, query.length, key.length);
  inputs.scoreMods = scoreModsOf(s);
  return { ok: true, inputs, query, key, notes, customError: custom.error, maskNotes: extra.notes };
}

/** The score modifiers of a scenario: temperature as a scale, ALiBi, soft-capping (0 = off). */
export function scoreModsOf(s: Scenario): ScoreMods {
  return {
    scale: s.temperature === 1 ? undefined : scaleFromTemperature(s.temperature, s.dK),
    alibi: s.alibi,
    softcap: s.softcap > 0 ? s.softcap : null,
  };
}

/** Label of the custom formula's term in explanations. */
export const CUSTOM_LABEL = 'custom';

/** The custom formula as a labelled term, or its parse error; no term for blank text. */
export function customTerm(source: string): { term: MaskExpr | null; error: MaskParseError | null } {
  if (source.trim() === '') return { term: null, error: null };
  const parsed = parseMaskExpression(source, { variables: MASK_VARIABLES, parameters: {} });
  return parsed.ok ? { term: label(CUSTOM_LABEL, parsed.expr), error: null } : { term: null, error: parsed.error };
}

/**
 * The fields that deriveInputs reads: the settings whose effect is `inputs` or `compute`
 * (settings.ts); the view (batch item, head) and the language are not among them.
 */
const COMPUTE_FIELDS = fieldsWhere((row) => row.effect !== 'view');

/** The fields Q, K and V depend on: effect `inputs` (not the masks, the modifiers or the engine). */
const VECTOR_FIELDS = fieldsWhere((row) => row.effect === 'inputs');

/** A string that changes whenever Q, K or V would (the engine worker keeps them while it does not). */
export function vectorSettingsKey(s: Scenario): string {
  return JSON.stringify(VECTOR_FIELDS.map((field) => s[field]));
}

/** A string that changes exactly when deriveInputs' result would (for memoising). */
export function computeSettingsKey(s: Scenario): string {
  return JSON.stringify(COMPUTE_FIELDS.map((field) => s[field]));
}

type Sides = { ok: true; query: SequenceBatch; key: SequenceBatch } | { ok: false; error: 'emptyQuery' | 'emptyKey' };

function lengthBatches(s: Scenario): Sides {
  if (s.attention === 'self') {
    const batch = placeholderBatch('t', s.queryLength, s.batchSize);
    return { ok: true, query: batch, key: batch };
  }
  return {
    ok: true,
    query: placeholderBatch('q', s.queryLength, s.batchSize),
    key: placeholderBatch('k', s.keyLength, s.batchSize),
  };
}

function textBatches(s: Scenario, notes: InputNote[]): Sides {
  const query = readSide(s, s.queryText, 'query', notes);
  if (query.length === 0) return { ok: false, error: 'emptyQuery' };
  if (s.attention === 'self') {
    const batch = padBatch(query, s.paddingSide);
    return { ok: true, query: batch, key: batch };
  }
  const key = readSide(s, s.keyText, 'key', notes);
  if (key.length === 0) return { ok: false, error: 'emptyKey' };
  const batch = Math.min(query.length, key.length);
  if (query.length !== key.length) {
    notes.push({ code: 'batchMismatch', side: query.length > key.length ? 'query' : 'key', count: batch });
  }
  return {
    ok: true,
    query: padBatch(query.slice(0, batch), s.paddingSide),
    key: padBatch(key.slice(0, batch), s.paddingSide),
  };
}

function readSide(s: Scenario, text: string, side: 'query' | 'key', notes: InputNote[]): string[][] {
  // one token more than is kept, so that a longer line is noted as truncated
  const lines = tokenizeLinesWith(text, s.tokenizer, LIMITS.maxLength + 1);
  if (lines.length > LIMITS.maxBatch) notes.push({ code: 'extraLines', side, count: LIMITS.maxBatch });
  return lines.slice(0, LIMITS.maxBatch).map((tokens) => {
    if (tokens.length <= LIMITS.maxLength) return tokens;
    notes.push({ code: 'truncated', side, count: LIMITS.maxLength });
    return tokens.slice(0, LIMITS.maxLength);
  });
}
