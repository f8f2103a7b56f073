/**
 * What the step explanations and formulas need to know about the scenario of a result: its
 * settings and the padding of the batch item shown. Pure.
 */
import type { SequenceBatch } from '../engine/sequences';
import type { Scenario } from '../state/scenario';
import type { ExplainContext } from './stepExplanation';
import type { FormulaContext } from './stepFormulas';

/**
 * Formula settings of a scenario (StepExplainer adds the words, translated).
 * @param padded the batch item shown has a padding token on its query or key side
 */
export function formulaContext(s: Scenario, dV: number, padded: boolean): Omit<FormulaContext, 'words'> {
  const text = s.inputMode === 'text';
  return {
    dK: s.dK,
    dV,
    temperature: s.temperature,
    alibi: s.alibi,
    softcap: s.softcap,
    cross: s.attention !== 'self',
    causal: s.causal && s.attention !== 'encdec' ? s.causalAlignment : null,
    realLengths: padded && s.causalLengths === 'real',
    keyPadding: s.keyPadding && text,
    extra: s.masks !== '' || s.customMask.trim() !== '' || s.paint !== '',
  };
}

/** Explanation settings of a scenario, for batch item `batch` of its query and key sides. */
export function explainContext(s: Scenario, query: SequenceBatch, key: SequenceBatch, batch: number): ExplainContext {
  const pads = (side: SequenceBatch) => paddingTokens(side, batch);
  const cross = query !== key;
  return {
    dK: s.dK,
    temperature: s.temperature,
    alibi: s.alibi,
    softcap: s.softcap,
    heads: s.heads,
    tokens: s.inputMode === 'lengths' ? 'lengths' : cross ? 'cross' : 'self',
    paddingTokens: pads(query) + (cross ? pads(key) : 0),
    ...(s.keyPadding || s.inputMode === 'lengths' ? {} : { withoutKeyPadding: { queriesReal: query.isReal[batch] ?? [], keysReal: key.isReal[batch] ?? [] } }),
  };
}

/** Padding tokens of batch item `batch` of one side (0 past the batch). */
export function paddingTokens(side: SequenceBatch, batch: number): number {
  return side.isReal[batch]?.filter((real) => !real).length ?? 0;
}
