import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { allHeads, runAttention, type EnginePath } from '../../src/engine/runner';
import { joinStages } from '../../src/engine/headStages';
import { referenceAttention } from '../../src/engine/reference';
import { deriveInputs } from '../../src/scenario/derive';
import { decodeScenario } from '../../src/state/urlCodec';
import { expectArraysClose } from '../helpers/arrays';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The link with a one-query decode step in item 0 and left-padded keys in item 2 (3 items, 2 heads). */
const LINK = '?v=1&attn=cross&q=q0%0Aq0+q1+q2%0Aq0+q1&k=k0+k1+k2+k3%0Ak0+k1+k2+k3+k4%0Ak0+k1&causal=1&align=br&heads=2&dk=4';

describe('the engine paths compute the real-lengths causal mask (issue #11 §3)', () => {
  const paths: [EnginePath, number | undefined][] = [['js', undefined], ['cpu', undefined], ['cpu', 4]];
  for (const [path, maxTextureSize] of paths) {
    it(`runAttention path ${path}${maxTextureSize ? ' in row blocks (texture limit 4)' : ''}: every stage equals the float64 reference; the decode step sees its 4 keys`, async () => {
      const d = deriveInputs(decodeScenario(LINK).scenario);
      if (!d.ok) throw new Error(d.error);
      const { inputs } = d;
      const set = await runAttention(inputs, { path, heads: allHeads(inputs.shape), maxTextureSize });
      const got = joinStages(set);
      if (!got) throw new Error('a head is missing');
      const want = referenceAttention(inputs);
      expect([...got.mask]).toEqual([...want.mask]);
      for (const stage of ['masked', 'weights', 'output'] as const) expectArraysClose(got[stage], want[stage], 2e-5);
      // item 0, head 0, row 0: keys k0…k3 (Lk = 5 padded): [1,1,1,1,0]; the padded shape would give [1,1,1,0,0]
      expect([...got.mask.slice(0, 5)]).toEqual([1, 1, 1, 1, 0]);
    });
  }
});
