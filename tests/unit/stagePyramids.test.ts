/**
 * The pyramids the engine worker builds with a large head (issue #13): each pools its stage as the
 * page's stage heatmap does (stageCards.ts: score stages by magnitude, mask and weights by max,
 * blocked = 1 − mask where the heatmap hatches), so a draw through the sent pyramid gives the same
 * pixels as one through a pyramid the page would build — and reads no stage cell to do it.
 */
import { describe, expect, test } from 'vitest';
import { allocateHead, type StageSet } from '../../src/engine/headStages';
import { buildStagePyramids, PYRAMID_POOLING, type PyramidStage } from '../../src/engine/stagePyramids';
import { PYRAMID_MIN_CELLS } from '../../src/engine/thresholds';
import { poolForDraw } from '../../src/viz/poolPyramid';
import { stageBuffers } from '../../src/worker/transfer';

const N = 1024; // N² = PYRAMID_MIN_CELLS: the smallest head that gets pyramids
const shape = { batch: 1, heads: 1, queryLength: N, keyLength: N, dK: 4, dV: 4 };

/** A causal head with one blocked cell below the diagonal (517, 300) and values of both signs. */
function causalHead() {
  const head = allocateHead(shape, 0, 0);
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 8 - 4;
  for (let i = 0; i < N * N; i++) {
    const [q, k] = [Math.floor(i / N), i % N];
    head.mask[i] = k <= q && !(q === 517 && k === 300) ? 1 : 0;
    head.scores[i] = next();
    head.scaled[i] = head.scores[i]! / 2;
    head.logits[i] = head.scaled[i]!;
    head.masked[i] = head.mask[i] ? head.scaled[i]! : -Infinity;
    head.weights[i] = head.mask[i] ? Math.abs(next()) / 4 : 0;
  }
  return head;
}

const STAGES: PyramidStage[] = ['scores', 'scaled', 'logits', 'mask', 'masked', 'weights'];

describe('buildStagePyramids', () => {
  const head = causalHead();
  const pyramids = buildStagePyramids(head, N, N)!;
  const blocked = Uint8Array.from(head.mask, (m) => (m ? 0 : 1));

  test('one pyramid per cell stage, pooled as its heatmap pools it', () => {
    expect(N * N).toBe(PYRAMID_MIN_CELLS);
    for (const stage of STAGES) {
      expect(pyramids[stage].by).toBe(PYRAMID_POOLING[stage].by);
      expect([pyramids[stage].rows, pyramids[stage].cols]).toEqual([N, N]);
    }
  });

  test.each(STAGES)('%s: a draw through the sent pyramid gives the pixels of a page-built one, reading no cell of an aligned window', (stage) => {
    const how = PYRAMID_POOLING[stage];
    const b = how.blocked ? blocked : undefined;
    const hatch = stage === 'mask' ? 'any' : 'all';
    const window = { row0: 0, rows: N, col0: 0, cols: N };
    let reads = 0;
    const values = head[stage];
    const counted = new Proxy(values, { get: (target, key) => {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key) as unknown;
    } });
    const sent = poolForDraw(counted, N, N, 64, 64, b, window, how.by, hatch, pyramids[stage]);
    expect(sent.via).toBe('sent');
    expect(reads).toBe(0);
    const page = poolForDraw(values, N, N, 64, 64, b, window, how.by, hatch);
    expect(page.via).toBe('page');
    expect(Array.from(sent.source)).toEqual(Array.from(page.source));
    expect(Array.from(sent.blocked)).toEqual(Array.from(page.blocked));
  });

  test('the Mask’s lone blocked cell below the diagonal is hatched at its pixel', () => {
    const pooled = poolForDraw(head.mask, N, N, 64, 64, blocked, { row0: 0, rows: N, col0: 0, cols: N }, 'max', 'any', pyramids.mask);
    const hatched = (r: number, c: number) => pooled.blocked[r * 64 + c];
    expect(hatched(Math.floor(517 / 16), Math.floor(300 / 16))).toBe(1);
    expect(hatched(Math.floor(517 / 16) + 1, Math.floor(300 / 16))).toBe(0);
  });

  test('a sent pyramid of another shape or PoolBy is not used', () => {
    const window = { row0: 0, rows: N, col0: 0, cols: N };
    expect(poolForDraw(head.scores, N, N, 64, 64, undefined, window, 'max', 'all', pyramids.scores).via).toBe('page');
    const small = { row0: 0, rows: 512, col0: 0, cols: 512 };
    expect(poolForDraw(head.weights.subarray(0, 512 * 512), 512, 512, 64, 64, undefined, small, 'max', 'all', pyramids.weights).via).toBe('cells');
  });

  test('none under PYRAMID_MIN_CELLS cells; a mask of the wrong length throws', () => {
    const small = allocateHead({ ...shape, queryLength: N - 1 }, 0, 0);
    expect(buildStagePyramids(small, N - 1, N)).toBeNull();
    expect(() => buildStagePyramids({ ...head, mask: new Uint8Array(5) }, N, N)).toThrow(RangeError);
  });

  test('stageBuffers transfers every level buffer of every pyramid, each once', () => {
    const set: StageSet = { shape, heads: [{ ...head, pyramids }] };
    const levels = STAGES.reduce((n, s) => n + pyramids[s].levels.length, 0);
    const buffers = stageBuffers(set);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(8 + 3 * levels);
  });

  test('logits sharing the scaled array (no modifier) share its pyramid; transferred once', () => {
    const shared = { ...head, logits: head.scaled };
    const built = buildStagePyramids(shared, N, N)!;
    expect(built.logits).toBe(built.scaled);
    expect(pyramids.logits).not.toBe(pyramids.scaled); // separate arrays (equal values) keep their own
    const levels = STAGES.reduce((n, s) => n + built[s].levels.length, 0) - built.logits.levels.length;
    const buffers = stageBuffers({ shape, heads: [{ ...shared, pyramids: built }] });
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(7 + 3 * levels);
  });
});
