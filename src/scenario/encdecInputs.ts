/**
 * The three attentions of the encoder–decoder view (`attn=encdec`, issue #10 §5) as Scenarios that
 * `deriveInputs` understands (Vaswani et al. 2017, §3.2.3):
 *
 *   encoder self-attention   source × source    key padding of the source, never causal
 *   decoder self-attention   target × target    causal (when `causal`) ∧ key padding of the target
 *   cross-attention          target × source    key padding of the source, never causal
 *
 * Target = the query side (`queryText`, `queryLength`), source = the key side (`keyText`,
 * `keyLength`). Query padding greys padded query rows in all three (`queryPadding`). Seed, dK,
 * heads, padding side and score modifiers are the scenario's. The extra masks (`masks`,
 * `customMask`, `paint`, `globalTokens`) are not part of this view (see `ignoredMaskFields`).
 * Pure: no React, no DOM.
 */
import { tokenizeWith, type TokenizerId } from '../engine/tokenizers';
import { LIMITS, type Scenario } from '../state/scenario';

/** The three attentions, in the order the view shows them. */
export const ENCDEC_PARTS = ['encoder', 'decoder', 'cross'] as const;
export type EncDecPart = (typeof ENCDEC_PARTS)[number];

/** Scenario fields of the extra masks, which the encoder–decoder view leaves out. */
export const EXTRA_MASK_FIELDS = ['masks', 'customMask', 'paint', 'globalTokens'] as const;
export type ExtraMaskField = (typeof EXTRA_MASK_FIELDS)[number];

/** One Scenario per attention of the view. */
export type EncDecScenarios = Record<EncDecPart, Scenario>;

/**
 * The encoder, decoder and cross-attention of `s` as three Scenarios in text mode.
 *
 * - Text mode: the first n non-blank lines of each side, n = min(target lines, source lines,
 *   LIMITS.maxBatch), so that batch item b is the same sentence pair in all three (the pairing
 *   deriveInputs makes for cross-attention). A side with no token is passed on as it is, so that
 *   deriveInputs reports `emptyQuery` / `emptyKey`.
 * - Lengths mode: `batchSize` lines of placeholder tokens `k0 … k{keyLength−1}` (source) and
 *   `q0 … q{queryLength−1}` (target), the tokens the lengths-mode cross-attention uses, so the
 *   numbers match it; no padding (every line is full length), so no padding terms.
 *
 * Every part: extra masks cleared, engine 'js' (the view computes on the page), `attention`
 * 'self' for encoder and decoder, 'cross' for the cross-attention; causal only in the decoder
 * (Lq = Lk there, so the alignment does not matter).
 * @example target "The dog barked", causal, key padding → decoder.causal = true, encoder.causal =
 *   cross.causal = false, encoder.queryText = the source text.
 */
export function encdecScenarios(s: Scenario): EncDecScenarios {
  const { target, source } = s.inputMode === 'lengths' ? placeholderTexts(s) : pairedLines(s.queryText, s.keyText, s.tokenizer);
  const padding = s.inputMode !== 'lengths';
  const common: Scenario = {
    ...s,
    inputMode: 'text',
    // the placeholder lines of lengths mode are words: the automatic rule reads them as the lengths say
    tokenizer: padding ? s.tokenizer : 'auto',
    masks: '',
    maskJoin: 'and',
    customMask: '',
    globalTokens: '',
    paint: '',
    engine: 'js',
    keyPadding: s.keyPadding && padding,
    queryPadding: s.queryPadding && padding,
    causal: false,
  };
  return {
    encoder: { ...common, attention: 'self', queryText: source, keyText: '' },
    decoder: { ...common, attention: 'self', queryText: target, keyText: '', causal: s.causal },
    cross: { ...common, attention: 'cross', queryText: target, keyText: source },
  };
}

/**
 * The extra-mask fields of `s` that are set (and that the encoder–decoder view leaves out), in
 * the order of EXTRA_MASK_FIELDS; [] when none is.
 */
export function ignoredMaskFields(s: Scenario): ExtraMaskField[] {
  return EXTRA_MASK_FIELDS.filter((field) => s[field].trim() !== '');
}

/**
 * The first n non-blank lines of each side, n = min(lines of either, LIMITS.maxBatch); both texts
 * unchanged when a side has none.
 */
export function pairedLines(targetText: string, sourceText: string, tokenizer: TokenizerId = 'auto'): { target: string; source: string } {
  const target = nonBlankLines(targetText, tokenizer);
  const source = nonBlankLines(sourceText, tokenizer);
  const n = Math.min(target.length, source.length, LIMITS.maxBatch);
  if (n === 0) return { target: targetText, source: sourceText };
  return { target: target.slice(0, n).join('\n'), source: source.slice(0, n).join('\n') };
}

/** Lines with at least one token (the lines deriveInputs reads as sequences). */
function nonBlankLines(text: string, tokenizer: TokenizerId): string[] {
  return text.split(/\r?\n/).filter((line) => tokenizeWith(line, tokenizer, 1).length > 0);
}

/** Lengths mode as text: `batchSize` lines of q0 … (target) and k0 … (source). */
function placeholderTexts(s: Scenario): { target: string; source: string } {
  const line = (prefix: string, length: number) => Array.from({ length }, (_, i) => `${prefix}${i}`).join(' ');
  const lines = (prefix: string, length: number) => Array.from({ length: s.batchSize }, () => line(prefix, length)).join('\n');
  return { target: lines('q', s.queryLength), source: lines('k', s.keyLength) };
}


/** A term of an attention's mask in the view: causal (k ≤ q) or key padding of one side. */
export type EncDecMaskTerm = 'causal' | 'sourcePadding' | 'targetPadding';

/**
 * The terms and-ed into the mask of `part`, given its Scenario from encdecScenarios:
 * encoder [sourcePadding], decoder [causal, targetPadding], cross [sourcePadding], each only when
 * on (key padding is off in lengths mode); [] = every key allowed.
 */
export function maskTerms(part: EncDecPart, partScenario: Scenario): EncDecMaskTerm[] {
  const terms: EncDecMaskTerm[] = [];
  if (part === 'decoder' && partScenario.causal) terms.push('causal');
  if (partScenario.keyPadding) terms.push(part === 'decoder' ? 'targetPadding' : 'sourcePadding');
  return terms;
}
