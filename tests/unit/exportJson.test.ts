import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { computeAttention } from '../../src/engine/attention';
import { buildExport, exportEngine, nest } from '../../src/ui/exportJson';
import type { BackendInfo } from '../../src/engine/types';
import { estimateExportBytes } from '../../src/ui/ExportButton';
import { deriveInputs } from '../../src/scenario/derive';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('nest', () => {
  it('nest([0..11], [1,2,2,3]): row-major [b][h][row][col]', () => {
    expect(nest(Array.from({ length: 12 }, (_, i) => i), [1, 2, 2, 3])).toEqual([
      [
        [[0, 1, 2], [3, 4, 5]],
        [[6, 7, 8], [9, 10, 11]],
      ],
    ]);
  });
});

const CPU = { backend: 'cpu', path: 'cpu', precision: 'float32' } as const;
const backendInfo = (name: string, precision: BackendInfo['precision'], fallbackReason = ''): BackendInfo => ({ name, webglVersion: name === 'webgl' ? 2 : 0, float32: precision === 'float32', precision, maxTextureSize: name === 'webgl' ? 1024 : 0, fallbackReason });

describe('exportEngine', () => {
  it('plain JS: backend "js", path js, float32', () => {
    expect(exportEngine({ path: 'js', backend: null, precision: 'float32' })).toEqual({ backend: 'js', path: 'js', precision: 'float32' });
  });

  it('WebGL on float16 textures: backend webgl, path webgl, float16', () => {
    const backend = backendInfo('webgl', 'float16');
    expect(exportEngine({ path: 'webgl', backend, precision: 'float16' })).toEqual({ backend: 'webgl', path: 'webgl', precision: 'float16' });
  });

  it('the tfjs CPU backend after a WebGL failure: backend cpu, path cpu (the path the worker ran)', () => {
    const backend = backendInfo('cpu', 'float32', 'WebGL failed: no context');
    expect(exportEngine({ path: 'cpu', backend, precision: 'float32' })).toEqual({ backend: 'cpu', path: 'cpu', precision: 'float32' });
  });
});

/** The export of `scenario` computed on the tfjs CPU backend, and its derived inputs' shape. */
async function exportOf(scenario: Scenario) {
  const derived = deriveInputs(scenario);
  if (!derived.ok) throw new Error(derived.error);
  return { doc: buildExport(scenario, derived.inputs, await computeAttention(derived.inputs), derived, CPU), shape: derived.inputs.shape };
}

describe('buildExport', () => {
  it('a fully padded key side and causal: JSON without NaN/Infinity, rows listed, mask as booleans', async () => {
    const scenario = { ...DEFAULT_SCENARIO, queryText: 'a b c\nd', causal: true, heads: 2, dK: 2 };
    const { doc } = await exportOf(scenario);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/NaN|Infinity|null/);
    expect(doc.format).toBe('maskscope-attention/2');
    expect(doc).toMatchObject({ backend: 'cpu', path: 'cpu', precision: 'float32' });
    expect(doc.mask[1]![0]).toEqual([
      [true, false, false],
      [true, false, false],
      [true, false, false],
    ]);
    expect(doc.paddedQueryRows).toEqual([{ batch: 1, query: 1 }, { batch: 1, query: 2 }]);
    expect(doc.fullyMaskedRows).toEqual([]);
    expect(doc.tokens.key).toEqual([['a', 'b', 'c'], ['d', '<pad>', '<pad>']]);
    expect(doc.padding.key).toEqual([[false, false, false], [false, true, true]]);
    expect(doc.weights[0]![1]![0]).toEqual([1, 0, 0]);
    expect(doc.output[0]![0]!.length).toBe(3);
    expect(doc.output[0]![0]![0]!.length).toBe(2);
  });

  it('scores are Q·Kᵀ as the Scores card shows them, scaled the scores × 1/√dK (dK = 4: exactly half), logits the scaled when no modifier is on', async () => {
    const scenario = { ...DEFAULT_SCENARIO, queryText: 'a b c', causal: true, heads: 2, dK: 4 };
    const { doc } = await exportOf(scenario);
    const [q, k] = [doc.q[0]![1]![2]!, doc.k[0]![1]![0]!];
    expect(doc.scores[0]![1]![2]![0]).toBeCloseTo(q.reduce((sum, x, d) => sum + x * k[d]!, 0), 5);
    expect(doc.scores.flat(3).some((x) => x !== 0)).toBe(true);
    expect(doc.scaled.flat(3)).toEqual(doc.scores.flat(3).map((x) => x / 2));
    expect(doc.logits).toEqual(doc.scaled);
  });

  it('causal bottom-right with Lq > Lk: fully masked rows are listed per head', async () => {
    const scenario = { ...DEFAULT_SCENARIO, inputMode: 'lengths' as const, attention: 'cross' as const, queryLength: 3, keyLength: 1, causal: true, heads: 2, dK: 2 };
    const { doc } = await exportOf(scenario);
    expect(doc.fullyMaskedRows).toEqual([
      { batch: 0, head: 0, query: 0 },
      { batch: 0, head: 0, query: 1 },
      { batch: 0, head: 1, query: 0 },
      { batch: 0, head: 1, query: 1 },
    ]);
    expect(doc.output[0]![0]![0]).toEqual([0, 0]);
  });
});

describe('estimateExportBytes', () => {
  it('is within ±35 % of the real JSON size, with and without a mask', async () => {
    for (const causal of [false, true]) {
      const scenario = { ...DEFAULT_SCENARIO, inputMode: 'lengths' as const, queryLength: 48, keyLength: 48, batchSize: 2, causal, heads: 4, dK: 8 };
      const { doc, shape } = await exportOf(scenario);
      const bytes = JSON.stringify(doc).length;
      const estimate = estimateExportBytes(shape);
      expect(estimate / bytes).toBeGreaterThan(0.65);
      expect(estimate / bytes).toBeLessThan(1.35);
    }
  });
});
