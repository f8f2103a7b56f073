/**
 * Code export: the current mask as copyable, self-contained snippets for PyTorch (tensor ops and a
 * FlexAttention mask_mod), JAX and TensorFlow/Keras; each framework's mask convention for the
 * "conventions across frameworks" panel; and what a fully masked row becomes under each
 * convention. Pure functions of plain data: no DOM, no tensors.
 */
import { flexMaskModSnippet, pytorchMaskSnippet } from './pytorch';
import { jaxMaskSnippet } from './jax';
import { tensorflowMaskSnippet } from './tensorflow';
import type { CodeSnippet, CodegenMask, CodegenShape } from './types';

export type { CodeSnippet, CodegenMask, CodegenShape, SnippetTarget } from './types';
export { flexMaskModSnippet, pytorchMaskSnippet } from './pytorch';
export { jaxMaskSnippet } from './jax';
export { dependsOnHead, tensorflowMaskSnippet } from './tensorflow';
export {
  frameworkMasks, maskVaries,
  type ConventionId, type ConventionInput, type ConventionValue, type FrameworkMask,
} from './conventions';
export {
  fullyMaskedRowComparison, maskedRowWeights,
  type MaskedRowConvention, type MaskedRowOutcome,
} from './fullyMaskedRow';

/**
 * Every snippet for the mask, in the order the UI shows them: PyTorch tensor ops, FlexAttention
 * mask_mod, JAX, TensorFlow/Keras.
 * @param mask `{ expr, tables }`; @param shape B, H, Lq, Lk (integers ≥ 1).
 * @throws Error when the sizes are not integers ≥ 1, the expression is not a well-typed mask, or a
 *   table is missing or malformed.
 */
export function maskSnippets(mask: CodegenMask, shape: CodegenShape): CodeSnippet[] {
  return [
    { target: 'pytorch', title: 'PyTorch (tensor ops, SDPA attn_mask)', language: 'python', code: pytorchMaskSnippet(mask, shape) },
    { target: 'flex-attention', title: 'PyTorch FlexAttention (mask_mod)', language: 'python', code: flexMaskModSnippet(mask, shape) },
    { target: 'jax', title: 'JAX / Flax', language: 'python', code: jaxMaskSnippet(mask, shape) },
    { target: 'tensorflow', title: 'TensorFlow / Keras', language: 'python', code: tensorflowMaskSnippet(mask, shape) },
  ];
}
