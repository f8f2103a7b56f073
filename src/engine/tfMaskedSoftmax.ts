/**
 * The masked softmax on the tfjs WebGL backend as one kernel of two fragment programs, instead
 * of the chain of ~10 tfjs ops that the other backends run (tfStages.ts `maskedSoftmax`):
 *   1. row statistics [rows, 2], one pass over each row: column 0 = m, the maximum of the allowed
 *      logits of the row; column 1 = s = Σ_allowed exp(logit − m). No allowed key: m = 0, s = 0.
 *   2. weights [rows, Lk]: mask ? exp(logit − m) / s : 0, and 0 in a row whose s is 0.
 * Same definition and rules as the chain (DESIGN.md §1): the mask is applied by selection, the
 * maximum is taken over the allowed cells only, a fully masked row gives weights 0 (PyTorch ≥ 2.5
 * SDPA, FlashAttention, `jax.nn.softmax(where=)`). No −∞ or large constant is ever written to a
 * texture, and the only values stored between the programs are a logit (m) and a sum in [1, Lk],
 * so the kernel is also correct on float16 textures (a half float holds m exactly: it is one of
 * the row's logits, which sit in half floats already; s keeps 11 bits, ≈ 5e-4 relative).
 * The kernel is registered with tfjs as `MaskedSoftmax` (backend 'webgl'), so tf.tidy tracks its
 * output, tf.profile lists it as one kernel, and ENGINE_COMPILE_ONLY compiles without running it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

/** The kernel's name in tfjs's registry and in tf.profile's list of kernels. */
export const MASKED_SOFTMAX_KERNEL = 'MaskedSoftmax';

/**
 * The loop over the keys of a row: with WebGL 2 (GLSL ES 3.00) the bound is the uniform
 * `keyLength`, so one compiled shader serves every Lk (WEBGL_USE_SHAPES_UNIFORMS, warmUpTf);
 * WebGL 1 loops need a constant bound, so Lk is written into the shader.
 */
function keyLoop(keyLength: number, body: string): string {
  const bound = tf.env().getNumber('WEBGL_VERSION') >= 2 ? 'keyLength' : `${keyLength}`;
  return `for (int k = 0; k < ${bound}; k++) { ${body} }`;
}

/**
 * Program 1: [rows, 2] — the allowed maximum m and s = Σ exp(logit − m) over the allowed keys, in
 * one pass over the row (the online softmax: when a larger logit arrives, s is rescaled by
 * exp(m_old − m_new); Milakov & Gimelshein 2018). Both cells of a row run the same loop, so
 * they agree on m; column 0 writes m, column 1 writes s. No allowed key: m = 0, s = 0.
 */
class MaskedRowStatsProgram implements GPGPUProgram {
  variableNames = ['logits', 'mask'];
  outputShape: number[];
  userCode: string;
  enableShapeUniforms = tf.env().getBool('WEBGL_USE_SHAPES_UNIFORMS');
  customUniforms = [{ name: 'keyLength', type: 'int' as const }];

  constructor(rows: number, keyLength: number) {
    this.outputShape = [rows, 2];
    this.userCode = `
      void main() {
        ivec2 coords = getOutputCoords();
        int row = coords[0];
        float rowMax = 0.0;
        float sum = 0.0;
        ${keyLoop(keyLength, `
          if (getMask(row, k) > 0.5) {
            float x = getLogits(row, k);
            if (sum == 0.0) {
              rowMax = x;
              sum = 1.0;
            } else if (x > rowMax) {
              sum = sum * exp(rowMax - x) + 1.0;
              rowMax = x;
            } else {
              sum += exp(x - rowMax);
            }
          }`)}
        setOutput(coords[1] == 0 ? rowMax : sum);
      }`;
  }
}

/** Program 2: [rows, Lk] — mask ? exp(logit − m) / s : 0; 0 in a row with s = 0. */
class MaskedWeightsProgram implements GPGPUProgram {
  variableNames = ['logits', 'mask', 'stats'];
  outputShape: number[];
  userCode: string;
  enableShapeUniforms = tf.env().getBool('WEBGL_USE_SHAPES_UNIFORMS');

  constructor(rows: number, keyLength: number) {
    this.outputShape = [rows, keyLength];
    this.userCode = `
      void main() {
        ivec2 coords = getOutputCoords();
        float sum = getStats(coords[0], 1);
        if (getMask(coords[0], coords[1]) < 0.5 || sum <= 0.0) {
          setOutput(0.0);
          return;
        }
        setOutput(exp(getLogits(coords[0], coords[1]) - getStats(coords[0], 0)) / sum);
      }`;
  }
}

/** Reshapes with the WebGL backend's own Reshape kernel (free for unpacked textures). */
function reshapeInfo(backend: MathBackendWebGL, x: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  const reshape = tf.getKernel('Reshape', 'webgl');
  if (!reshape) throw new Error('maskedSoftmax: the WebGL backend has no Reshape kernel');
  return reshape.kernelFunc({ inputs: { x }, backend, attrs: { shape } }) as tf.TensorInfo;
}

/** The kernel: logits and mask [..., Lk] → weights [..., Lk], through two programs on [rows, Lk]. */
function maskedSoftmaxKernel({ inputs, backend }: { inputs: tf.NamedTensorInfoMap; backend: unknown }): tf.TensorInfo {
  const webgl = backend as MathBackendWebGL;
  const { logits, mask } = inputs as { logits: tf.TensorInfo; mask: tf.TensorInfo };
  const keyLength = logits.shape[logits.shape.length - 1] ?? 1;
  const rows = tf.util.sizeFromShape(logits.shape) / keyLength;
  const logits2d = reshapeInfo(webgl, logits, [rows, keyLength]);
  const mask2d = reshapeInfo(webgl, mask, [rows, keyLength]);
  const stats = webgl.compileAndRun(new MaskedRowStatsProgram(rows, keyLength), [logits2d, mask2d], 'float32', [[keyLength]]);
  const weights2d = webgl.compileAndRun(new MaskedWeightsProgram(rows, keyLength), [logits2d, mask2d, stats], 'float32');
  const weights = reshapeInfo(webgl, weights2d, logits.shape);
  for (const info of [logits2d, mask2d, stats, weights2d]) webgl.disposeIntermediateTensorInfo(info);
  return weights;
}

/** Registers the kernel with tfjs once (for the 'webgl' backend only). */
function ensureRegistered(): void {
  if (tf.getKernel(MASKED_SOFTMAX_KERNEL, 'webgl')) return;
  tf.registerKernel({ kernelName: MASKED_SOFTMAX_KERNEL, backendName: 'webgl', kernelFunc: maskedSoftmaxKernel as tf.KernelFunc });
}

/**
 * Row softmax over the allowed keys as one WebGL kernel (two programs): weights =
 * mask ? exp(logit − max_allowed) / Σ_allowed exp(logit − max_allowed) : 0, and 0 across a row
 * with no allowed key. Source: Vaswani et al. 2017, eq. 1; fully masked rows as PyTorch ≥ 2.5
 * SDPA, FlashAttention, `jax.nn.softmax(where=)`. Call only on the 'webgl' backend (inside
 * tf.tidy or dispose the result); on other backends tfStages.ts runs the chain of ops.
 * Example (Lk = 3): logits [[1, 2, 3], [5, 5, 5]], mask [[1, 1, 0], [0, 0, 0]]
 *   → [[0.269, 0.731, 0], [0, 0, 0]].
 * @param logits float32 [..., Lk] (e.g. [B,H,Lq,Lk], or [1,1,rows,Lk] for a row block).
 * @param mask bool of the same shape (true = may attend).
 * @returns float32 weights of the same shape: rows sum to 1, or are all 0.
 * @throws Error when the backend is not WebGL or the shapes differ.
 */
export function maskedSoftmaxWebgl(logits: tf.Tensor, mask: tf.Tensor): tf.Tensor {
  if (tf.getBackend() !== 'webgl') throw new Error(`maskedSoftmaxWebgl: needs the 'webgl' backend, not '${tf.getBackend()}'`);
  if (!tf.util.arraysEqual(logits.shape, mask.shape)) {
    throw new Error(`maskedSoftmaxWebgl: mask [${mask.shape}] must have the shape of logits [${logits.shape}]`);
  }
  ensureRegistered();
  return tf.engine().runKernel(MASKED_SOFTMAX_KERNEL, { logits, mask });
}
