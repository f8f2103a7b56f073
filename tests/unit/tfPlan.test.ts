import { describe, expect, it } from 'vitest';
import { checkPrecision, chunkCells, planTf } from '../../src/engine/tfPlan';
import { CHUNK_CELLS, F16_EXACT_POSITIONS } from '../../src/engine/thresholds';
import type { AttentionShape } from '../../src/engine/types';

const shape = (batch: number, heads: number, queryLength: number, keyLength: number, dK = 4, dV = dK): AttentionShape => ({ batch, heads, queryLength, keyLength, dK, dV });

describe('chunkCells', () => {
  it('is CHUNK_CELLS without a texture limit, and the limit squared below it', () => {
    expect(chunkCells(0)).toBe(CHUNK_CELLS);
    expect(chunkCells(8192)).toBe(CHUNK_CELLS); // 8192² = 64 Mi texels > 4 Mi cells
    expect(chunkCells(1024)).toBe(1024 * 1024);
    expect(chunkCells(4)).toBe(16);
  });
});

describe('planTf', () => {
  it('a batch that fits CHUNK_CELLS and the texture: one whole-batch computation', () => {
    expect(planTf(shape(2, 8, 64, 64), 8192)).toEqual({ wholeBatch: true, rows: 64 });
    expect(planTf(shape(2, 8, 64, 64), 0)).toEqual({ wholeBatch: true, rows: 64 });
  });

  it('B=2 H=8 L=64 (65,536 scores): whole at a 256 limit (65,536 texels), head by head with every row at 128 (16,384)', () => {
    expect(planTf(shape(2, 8, 64, 64), 256)).toEqual({ wholeBatch: true, rows: 64 });
    expect(planTf(shape(2, 8, 64, 64), 128)).toEqual({ wholeBatch: false, rows: 64 });
  });

  it('below a 2048 limit: L = 2048 (4 Mi cells, one chunk at 8192) needs blocks of 1024²/2048 = 512 rows at 1024', () => {
    expect(planTf(shape(1, 1, 2048, 2048), 8192)).toEqual({ wholeBatch: true, rows: 2048 });
    expect(planTf(shape(1, 1, 2048, 2048), 1024)).toEqual({ wholeBatch: false, rows: 512 });
  });

  it('L = 4096 at 8192: CHUNK_CELLS / 4096 = 1024 rows per block; at 1024: 256 rows', () => {
    expect(planTf(shape(1, 1, 4096, 4096), 8192)).toEqual({ wholeBatch: false, rows: CHUNK_CELLS / 4096 });
    expect(planTf(shape(1, 1, 4096, 4096), 1024)).toEqual({ wholeBatch: false, rows: 256 });
  });

  it('the docstring example: B=1 H=2 Lq=5 Lk=8 dK=4 at a 4×4 limit → blocks of 2 rows', () => {
    expect(planTf(shape(1, 2, 5, 8), 4)).toEqual({ wholeBatch: false, rows: 2 });
  });

  it('dK wider than Lk sets the block: Lk = 4, dK = dV = 64 at 16×16 (256 values) → 256/64 = 4 rows', () => {
    expect(planTf(shape(1, 1, 10, 4, 64), 16)).toEqual({ wholeBatch: false, rows: 4 });
  });

  it('Q, K, V count too: B·H·Lk·dK over the limit is not a whole batch even when the scores fit', () => {
    // scores 1·2·2·8 = 32 values and one head's K (8·8 = 64) fit 8² = 64, but every head's K holds 2·8·8 = 128
    expect(planTf(shape(1, 2, 2, 8, 8), 8)).toEqual({ wholeBatch: false, rows: 2 });
  });

  it('at least one row and at most Lq', () => {
    expect(planTf(shape(1, 1, 3, 10), 0).rows).toBe(3);
    expect(planTf(shape(1, 1, 100, 16), 4).rows).toBe(1);
  });

  it('a key row wider than the limit still gets one row per block (the app keeps Lk ≤ 4096 within any limit ≥ 64)', () => {
    expect(planTf(shape(1, 1, 4, 17), 4)).toEqual({ wholeBatch: false, rows: 1 });
  });
});

describe('checkPrecision', () => {
  it('float16: Lq + Lk up to 2048 passes (1024 + 1024), 1024 + 1025 throws a RangeError naming the sizes and the JS engine', () => {
    expect(F16_EXACT_POSITIONS).toBe(2048);
    expect(() => checkPrecision(shape(1, 1, 1024, 1024), 'float16')).not.toThrow();
    expect(() => checkPrecision(shape(1, 1, 1024, 1025), 'float16')).toThrow(RangeError);
    expect(() => checkPrecision(shape(1, 1, 8, 2100), 'float16')).toThrow('Lq + Lk = 8 + 2100 would round the mask. Choose the plain-JS engine');
  });

  it('float32 holds every length of the app (4096 + 4096)', () => {
    expect(() => checkPrecision(shape(1, 1, 4096, 4096), 'float32')).not.toThrow();
  });
});
