/** The worker's kept scores (src/worker/scoreCache.ts) and the runner's `knownScores` option. */
import { describe, expect, it } from 'vitest';
import { allocateHead, joinStages, type StageSet } from '../../src/engine/headStages';
import { computeRowsJs, planJs } from '../../src/engine/jsAttention';
import { runAttention } from '../../src/engine/runner';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { deriveInputs } from '../../src/scenario/derive';
import { createScoreCache } from '../../src/worker/scoreCache';

function inputsOf(patch: Partial<Scenario>) {
  const d = deriveInputs({ ...DEFAULT_SCENARIO, inputMode: 'lengths', queryLength: 12, batchSize: 2, heads: 3, dK: 8, ...patch });
  if (!d.ok) throw new Error(d.error);
  return d.inputs;
}

describe('runAttention with knownScores', () => {
  it('copies the scores of an earlier run on the same Q and K: every stage equals a full run (several row blocks)', async () => {
    const before = inputsOf({ causal: true });
    const after = inputsOf({ causal: false, masks: 'window(W=2)', alibi: true });
    const first = await runAttention(before, { path: 'js' });
    const asked: string[] = [];
    const reused = await runAttention(after, {
      path: 'js',
      knownScores: (b, h) => {
        asked.push(`${b}.${h}`);
        return first.heads[b * 3 + h]?.scores ?? null;
      },
    });
    const full = await runAttention(after, { path: 'js' });
    expect(asked).toHaveLength(6 * 1); // one block of 12 rows per head here
    const [x, y] = [joinStages(reused), joinStages(full)];
    if (!x || !y) throw new Error('a head is missing');
    for (const stage of ['scores', 'scaled', 'logits', 'mask', 'masked', 'weights', 'output', 'rowStatus'] as const) {
      expect([...x[stage]], stage).toEqual([...y[stage]]);
    }
  });

  it('scores of the wrong size are refused (RangeError), not read out of bounds', () => {
    const inputs = inputsOf({});
    const out = allocateHead(inputs.shape, 0, 0);
    expect(() => computeRowsJs(planJs(inputs), out, 0, 12, new Float32Array(5))).toThrow(RangeError);
  });
});

describe('createScoreCache', () => {
  const setOf = async (patch: Partial<Scenario>): Promise<StageSet> => runAttention(inputsOf(patch), { path: 'js' });

  it('keeps copies of every computed head for its key; a new key drops them', async () => {
    const cache = createScoreCache();
    const set = await setOf({});
    cache.keep('A', set);
    const kept = cache.lookup('A', 1, 2);
    expect(kept).not.toBeNull();
    expect([...(kept ?? [])]).toEqual([...(set.heads[1 * 3 + 2]?.scores ?? [])]);
    set.heads[5]?.scores.fill(0); // the page owns (and may detach) the originals
    expect(cache.lookup('A', 1, 2)?.some((v) => v !== 0)).toBe(true);
    expect(cache.lookup('B', 1, 2)).toBeNull();
    cache.keep('B', await setOf({ seed: 7 }));
    expect(cache.lookup('A', 1, 2)).toBeNull();
    expect(cache.lookup('B', 0, 0)).not.toBeNull();
  });

  it('keeps no more than its cell budget, and keeps heads computed later under the same key', async () => {
    const cache = createScoreCache(2 * 12 * 12);
    const set = await setOf({});
    cache.keep('A', { ...set, heads: set.heads.map((h, i) => (i < 1 ? h : null)) });
    cache.keep('A', set);
    const kept = [0, 1, 2].flatMap((h) => [0, 1].map((b) => cache.lookup('A', b, h))).filter((s) => s !== null);
    expect(kept).toHaveLength(2);
    expect(cache.lookup('A', 0, 0)).not.toBeNull();
  });
});
