/**
 * The pyramids the engine worker builds with a large head (issue #13): each pools its stage as the
 * page's stage heatmap does (stageCards.ts: score stages by magnitude, mask and weights by max,
 * blocked = 1 − mask where the heatmap hatches), so a draw through the sent pyramid gives the same
 * pixels as one through a pyramid the page would build — and reads no stage cell to do it.
 */
import { describe, expect, test } from 'vitest';
import { allocateHead, type StageSet } from '../../src/engine/headStages';
import { buildStagePyramids, PYRAMID_POOLING, pyramidBuffers, sendsPyramids, type PyramidStage } from '../../src/engine/stagePyramids';
import { buildPoolPyramid } from '../../src/engine/poolPyramid';
import { applyMask } from '../../src/engine/rowStatus';
import { PYRAMID_MIN_CELLS, SENT_PYRAMID_MIN_CELLS } from '../../src/engine/thresholds';
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

  test.each(STAGES)('%s: a draw through the sent pyramid gives the pixels of a page-built one, reading one value per entry, not the window’s cells', (stage) => {
    const how = PYRAMID_POOLING[stage];
    const b = how.blocked ? blocked : undefined;
    const hatch = stage === 'mask' ? 'any' : 'all';
    const window = { row0: 0, rows: N, col0: 0, cols: N };
    let reads = 0;
    const values = stage === 'masked' ? head.logits : head[stage]; // the Masked scores are drawn from the logits (stageCards.ts)
    const counted = new Proxy(values, { get: (target, key) => {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key) as unknown;
    } });
    const sent = poolForDraw(counted, N, N, 64, 64, b, window, how.by, hatch, pyramids[stage]);
    expect(sent.via).toBe('sent');
    // blocks of 16 × 16 cells: one entry per pixel, its value kept in the level, or read in the matrix where the pyramid is another stage's
    const represented = pyramids[stage].levels.find((l) => l.size === 16)!.source.filter((cell) => cell >= 0).length;
    expect(reads).toBe(stage === 'scaled' || stage === 'mask' ? represented : 0);
    expect(represented).toBeGreaterThan(64 * 64 / 2);
    const page = poolForDraw(values, N, N, 64, 64, b, window, how.by, hatch);
    expect(page.via).toBe('page');
    const drawn = (source: Int32Array) => Array.from(source, (i) => values[i]);
    expect(drawn(sent.source)).toEqual(drawn(page.source));
    expect(Array.from(sent.blocked)).toEqual(Array.from(page.blocked));
    // the same representative cells, but for the mask: every allowed cell is 1, and its pyramid is the weights'
    if (stage !== 'mask') expect(Array.from(sent.source)).toEqual(Array.from(page.source));
  });

  test('stages that order each block alike share a pyramid, without the values: scaled the scores’, the mask the weights’; the Masked scores share the weights’ anyBlocked', () => {
    for (const [stage, of] of [['scaled', 'scores'], ['mask', 'weights']] as const) {
      pyramids[stage].levels.forEach((level, l) => {
        expect(level.source).toBe(pyramids[of].levels[l]!.source);
        expect(level.anyBlocked).toBe(pyramids[of].levels[l]!.anyBlocked);
        expect(level.value).toBeUndefined();
      });
    }
    expect(pyramids.logits).not.toBe(pyramids.scores); // a separate logits array (as with a modifier) gets its own
    pyramids.masked.levels.forEach((level, l) => expect(level.anyBlocked).toBe(pyramids.weights.levels[l]!.anyBlocked));
    const bytes = pyramidBuffers(pyramids).reduce((n, buf) => n + buf.byteLength, 0);
    const entries = pyramids.weights.levels.reduce((n, l) => n + l.rows * l.cols, 0);
    const valued = pyramids.weights.levels.filter((l) => l.size >= 8).reduce((n, l) => n + l.rows * l.cols, 0);
    // scores, logits, weights: source + anyBlocked; masked: source; the four: float32 values of the levels of 8 cells and up
    expect(bytes).toBe(entries * (3 * 5 + 4) + 4 * 4 * valued);
  });

  test('the Masked scores’ pyramid, pooled from the logits without the blocked cells, is the pyramid of where(mask, logits, −∞)', () => {
    const masked = applyMask(head.logits, head.mask);
    const direct = buildPoolPyramid(masked, N, N, blocked, 'magnitude');
    expect(pyramids.masked.levels.length).toBe(direct.levels.length);
    pyramids.masked.levels.forEach((level, l) => {
      const want = direct.levels[l]!;
      expect([...level.source]).toEqual([...want.source]);
      expect([...level.anyBlocked]).toEqual([...want.anyBlocked]);
    });
  });

  test('pyramidOf: the scaled scores and the mask draw through the page-built pyramid of the scores and the weights, built once, with their own pixels', () => {
    const window = { row0: 0, rows: N, col0: 0, cols: N };
    for (const [stage, of] of [['scaled', 'scores'], ['mask', 'weights']] as const) {
      const how = PYRAMID_POOLING[stage];
      const b = how.blocked ? blocked : undefined;
      const hatch = stage === 'mask' ? 'any' : 'all';
      let reads = 0;
      const counted = new Proxy(head[of], { get: (target, key) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key) as unknown;
      } });
      const shared = poolForDraw(head[stage], N, N, 64, 64, b, window, how.by, hatch, undefined, false, counted);
      expect(shared.via).toBe('page');
      expect(reads).toBeGreaterThanOrEqual(b ? head.mask.reduce((n, m) => n + m, 0) : N * N); // built from `of` (its allowed cells), once
      const own = poolForDraw(head[stage].slice(), N, N, 64, 64, b, window, how.by, hatch);
      expect(Array.from(shared.source, (i) => head[stage][i])).toEqual(Array.from(own.source, (i) => head[stage][i]));
      expect(Array.from(shared.blocked)).toEqual(Array.from(own.blocked));
      reads = 0;
      poolForDraw(counted, N, N, 64, 64, b, window, how.by, hatch);
      expect(reads).toBeLessThanOrEqual(64 * 64); // `of`'s own draw finds the pyramid built for it
    }
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
    const levels = pyramids.weights.levels.length;
    const arrays = new Set(STAGES.flatMap((s) => pyramids[s].levels.flatMap((l) => [l.source, l.anyBlocked, ...(l.value ? [l.value] : [])])));
    const valued = pyramids.weights.levels.filter((l) => l.value).length;
    // per level: scores, logits, weights (source, anyBlocked), masked (source); from 8 cells a side the four's values
    expect(arrays.size).toBe(7 * levels + 4 * valued);
    const buffers = stageBuffers(set);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(7 + arrays.size); // 7 stage arrays: a head stores no `masked`
    for (const a of arrays) expect(buffers).toContain(a.buffer);
  });

  test('logits sharing the scaled array (no modifier) share its pyramid; transferred once', () => {
    const shared = { ...head, logits: head.scaled };
    const built = buildStagePyramids(shared, N, N)!;
    expect(built.logits).toBe(built.scaled);
    expect(pyramids.logits).not.toBe(pyramids.scaled); // separate arrays (equal values) keep their own
    const buffers = stageBuffers({ shape, heads: [{ ...shared, pyramids: built, blocked }] });
    expect(new Set(buffers).size).toBe(buffers.length);
    // 6 stage arrays, the blocked flags, and per level scores (= scaled = logits) and weights (= mask) with two arrays, masked with one; values from 8 cells a side
    const valued = built.weights.levels.filter((l) => l.value).length;
    expect(buffers).toHaveLength(6 + 1 + 5 * built.weights.levels.length + 3 * valued);
  });
});

describe('sendsPyramids: the heads whose pyramids the worker builds', () => {
  const sized = (batch: number, heads: number, queryLength: number, keyLength: number) => ({ batch, heads, queryLength, keyLength });
  const sent = (s: ReturnType<typeof sized>, focus: { batch: number; head: number } | null) =>
    Array.from({ length: s.batch * s.heads }, (_, i) => i).filter((i) => sendsPyramids(s, i, focus));

  test('from PYRAMID_MIN_CELLS, only the head on screen (batch-major index)', () => {
    const s = sized(2, 8, 1, PYRAMID_MIN_CELLS);
    expect(sent(s, { batch: 1, head: 2 })).toEqual([1 * 8 + 2]);
    expect(sent(s, { batch: 0, head: 0 })).toEqual([0]);
    expect(sent(s, null)).toEqual([]);
  });

  test('under PYRAMID_MIN_CELLS none, the head on screen included', () => {
    expect(sent(sized(1, 8, 1, PYRAMID_MIN_CELLS - 1), { batch: 0, head: 3 })).toEqual([]);
  });

  test('a head on screen outside the result (the settings changed since) names none', () => {
    const s = sized(1, 4, 1, PYRAMID_MIN_CELLS);
    expect(sent(s, { batch: 0, head: 4 })).toEqual([]);
    expect(sent(s, { batch: 1, head: 0 })).toEqual([]);
  });

  test('from SENT_PYRAMID_MIN_CELLS every head, whatever is on screen', () => {
    const s = sized(1, 3, 2, SENT_PYRAMID_MIN_CELLS / 2);
    expect(sent(s, { batch: 0, head: 1 })).toEqual([0, 1, 2]);
    expect(sent(s, null)).toEqual([0, 1, 2]);
    expect(sent(sized(1, 3, 1, SENT_PYRAMID_MIN_CELLS - 1), null)).toEqual([]);
  });
});
