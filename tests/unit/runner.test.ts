import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { allHeads, JS_BLOCK_CELLS, runAttention, type EnginePath } from '../../src/engine/runner';
import { joinStages, splitStages, type StageSet } from '../../src/engine/headStages';
import { referenceAttention } from '../../src/engine/reference';
import { planTf } from '../../src/engine/tfPlan';
import { buildMaskSpec } from '../../src/engine/masks';
import { compileMaskRows, parseMaskExpression, MASK_VARIABLES, and } from '../../src/engine/mask';
import type { AttentionInputs } from '../../src/engine/types';
import { expectArraysClose } from '../helpers/arrays';
import { ENGINE_CASES, makeInputs } from '../helpers/cases';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const tolerance = (magnitude = 1) => (magnitude > 1 ? 2e-3 : 2e-5);

/** Every stage of a complete set against the float64 reference. */
function expectMatchesReference(set: StageSet, inputs: AttentionInputs, tol: number): void {
  const got = joinStages(set);
  if (!got) throw new Error('a head is missing');
  const want = referenceAttention(inputs);
  expect([...got.mask]).toEqual([...want.mask]);
  expect([...got.rowStatus]).toEqual([...want.rowStatus]);
  for (const stage of ['scores', 'scaled', 'logits', 'masked', 'weights', 'output'] as const) expectArraysClose(got[stage], want[stage], tol);
}

/** The custom mask of issue 3's examples plus a per-head, per-batch term, so that specialisation matters. */
function withHeadTerm(inputs: AttentionInputs): AttentionInputs {
  const parsed = parseMaskExpression('(q + h + b) % 3 != 1 || k == q', { variables: MASK_VARIABLES, parameters: {} });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { ...inputs, mask: { ...inputs.mask, expr: and(inputs.mask.expr, parsed.expr) } };
}

describe('runAttention against the float64 reference', () => {
  for (const path of ['js', 'cpu'] as EnginePath[]) {
    for (const spec of ENGINE_CASES) {
      it(`${path}: ${spec.name}`, async () => {
        const inputs = makeInputs(spec);
        expectMatchesReference(await runAttention(inputs, { path }), inputs, tolerance(spec.magnitude));
      });
    }
  }

  it('tfjs path in row blocks (a 4×4 texture limit forces blocks of 2, 2 and 1 rows), per-head mask terms', async () => {
    const inputs = withHeadTerm(makeInputs(ENGINE_CASES[20]!)); // scale + ALiBi + softcap, B = 3, H = 4, Lq = 5, Lk = 8
    expect(planTf(inputs.shape, 4)).toEqual({ wholeBatch: false, rows: 2 });
    // Asking for the heads one by one takes the chunked path even though the whole batch would fit.
    const set = await runAttention(inputs, { path: 'cpu', heads: allHeads(inputs.shape), maxTextureSize: 4 });
    expectMatchesReference(set, inputs, 2e-5);
  });

  it('every head asked for, under a 4×4 texture limit: the whole batch does not fit, so it runs head by head in blocks of 2, 2, 1 rows', async () => {
    const inputs = makeInputs(ENGINE_CASES[20]!); // B = 3, H = 4, Lq = 5, Lk = 8
    const blocks: number[] = [];
    const set = await runAttention(inputs, { path: 'cpu', maxTextureSize: 4, onProgress: (done) => blocks.push(done) });
    expect(blocks.slice(0, 3)).toEqual([2, 4, 5]);
    expect(blocks).toHaveLength(3 * 4 * 3);
    expectMatchesReference(set, inputs, 2e-5);
  });

  it('every head asked for, no texture limit: one whole-batch computation (no row blocks), same numbers', async () => {
    const inputs = makeInputs(ENGINE_CASES[20]!);
    let blocks = 0;
    const set = await runAttention(inputs, { path: 'cpu', onProgress: () => blocks++ });
    expect(blocks).toBe(0);
    expectMatchesReference(set, inputs, 2e-5);
  });

  it('js path over several row blocks (Lk = JS_BLOCK_CELLS / 8: blocks of 8 rows, the last one short)', async () => {
    const keyLength = JS_BLOCK_CELLS / 8;
    const spec = { name: 'wide', shape: { batch: 2, heads: 1, queryLength: 21, keyLength, dK: 4, dV: 3 }, causal: 'bottom-right' as const, keyLengths: [keyLength, 9000], queryLengths: [21, 5], seed: 31 };
    const inputs = withHeadTerm(makeInputs(spec));
    let blocks = 0;
    const set = await runAttention(inputs, { path: 'js', onProgress: () => blocks++ });
    expect(blocks).toBe(2 * 3);
    expectMatchesReference(set, inputs, 2e-5);
  });

  it('js path with per-head and per-batch mask terms', async () => {
    const inputs = withHeadTerm(makeInputs(ENGINE_CASES[13]!));
    expectMatchesReference(await runAttention(inputs, { path: 'js' }), inputs, 2e-5);
  });

  it('shares one array for logits and scaled when no modifier changes the logits, on every path; ALiBi gives each its own', async () => {
    const plain = makeInputs(ENGINE_CASES[7]!);
    const alibi = { ...plain, scoreMods: { alibi: true, softcap: null } };
    for (const path of ['js', 'cpu'] as EnginePath[]) {
      for (const head of (await runAttention(plain, { path })).heads) {
        expect(head!.logits.buffer).toBe(head!.scaled.buffer);
        expect(head!.logits.byteOffset).toBe(head!.scaled.byteOffset);
      }
      const modded = (await runAttention(alibi, { path })).heads[1]!;
      expect(modded.logits.buffer).not.toBe(modded.scaled.buffer);
      expect([...modded.logits]).not.toEqual([...modded.scaled]);
    }
  });

  it('computes only the heads asked for; the others stay null', async () => {
    const inputs = makeInputs(ENGINE_CASES[7]!); // B = 2, H = 4
    const set = await runAttention(inputs, { path: 'js', heads: [{ batch: 1, head: 2 }] });
    expect(set.heads.map((h) => h !== null)).toEqual([false, false, false, false, false, false, true, false]);
    const full = splitStages(joinStages(await runAttention(inputs, { path: 'js' }))!);
    expect([...set.heads[6]!.weights]).toEqual([...full.heads[6]!.weights]);
    expect(set.heads[6]).toMatchObject({ batch: 1, head: 2 });
  });

  it('reports progress in query rows and stops when the checkpoint throws', async () => {
    const L = Math.ceil((3 * JS_BLOCK_CELLS) / 64); // three blocks of rows per head at Lk = 64
    const inputs: AttentionInputs = {
      shape: { batch: 1, heads: 2, queryLength: L, keyLength: 64, dK: 2, dV: 2 },
      q: new Float32Array(2 * L * 2), k: new Float32Array(2 * 64 * 2), v: new Float32Array(2 * 64 * 2),
      mask: buildMaskSpec({ causal: null, keyIsReal: null }),
      queryIsReal: [new Array<boolean>(L).fill(true)],
    };
    const seen: [number, number][] = [];
    let checkpoints = 0;
    const run = runAttention(inputs, {
      path: 'js',
      onProgress: (done, total) => seen.push([done, total]),
      checkpoint: async () => {
        if (++checkpoints === 4) throw new Error('cancelled');
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(seen.length).toBe(4);
    expect(seen.every(([, total]) => total === 2 * L)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen[2]![0]).toBe(L); // the first head's rows, in three blocks
  });

  it('throws for a head outside the shape and for malformed inputs', async () => {
    const inputs = makeInputs(ENGINE_CASES[0]!);
    await expect(runAttention(inputs, { path: 'js', heads: [{ batch: 2, head: 0 }] })).rejects.toThrow('outside B=2, H=3');
    await expect(runAttention({ ...inputs, q: new Float32Array(3) }, { path: 'js' })).rejects.toThrow('runAttention: q has 3 values');
  });
});

describe('compileMaskRows is what the JS path reads', () => {
  it('agrees with the mask the reference evaluates, for the case masks', () => {
    const inputs = makeInputs(ENGINE_CASES[8]!);
    const { batch: B, heads: H, queryLength: Lq, keyLength: Lk } = inputs.shape;
    const rowFn = compileMaskRows(inputs.mask.expr, { Lq, Lk, tables: inputs.mask.tables });
    const got = new Uint8Array(B * H * Lq * Lk);
    for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) for (let q = 0; q < Lq; q++) rowFn(b, h, q, got, ((b * H + h) * Lq + q) * Lk);
    expect([...got]).toEqual([...referenceAttention(inputs).mask]);
  });
});
