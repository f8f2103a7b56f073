/**
 * The title of a fully masked row's outcome in the frameworks panel: the i18n key under
 * `conventions.maskedRow.`. "Additive −1e9 → uniform" is said only when the weights shown are
 * uniform; float32 rounds logit − 1e9 to a multiple of 64, so logits that round apart (|logit|
 * ≥ 32) give an uneven row, titled so (`uniform.nameUneven`).
 */
import type { MaskedRowOutcome } from '../engine/codegen';

/** i18n key of the outcome's title, e.g. 'conventions.maskedRow.zeros.name'. */
export function maskedRowNameKey(outcome: Pick<MaskedRowOutcome, 'id' | 'evenlySpread'>): string {
  if (outcome.id === 'uniform' && !outcome.evenlySpread) return 'conventions.maskedRow.uniform.nameUneven';
  return `conventions.maskedRow.${outcome.id}.name`;
}
