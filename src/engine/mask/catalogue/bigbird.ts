/**
 * BigBird block-sparse attention: sliding blocks, global blocks and r seeded random blocks per
 * query block, different per head.
 */
import { hashString, mulberry32 } from '../../random';
import { add, and, div, floor, ge, label, le, lookup, lt, or, sub, vars, type MaskExpr } from '../expr';
import type { MaskTable } from '../tables';
import { defineMask, queryPosition } from './types';

/** Sizes of BigBird's block pattern (all whole numbers). */
export interface BigBirdLayout {
  /** Number of key blocks, ceil(Lk / block). */
  blocks: number;
  /** Sliding blocks per query block (the query's block, floor(S/2) before it and floor((S−1)/2) after). */
  windowBlocks: number;
  /** Global blocks: the first ceil(G/2) and the last floor(G/2) blocks. */
  globalBlocks: number;
}

/** True when key block j lies in query block i's sliding window. */
export function inBigBirdWindow(i: number, j: number, windowBlocks: number): boolean {
  return i - j <= Math.floor(windowBlocks / 2) && j - i <= Math.floor((windowBlocks - 1) / 2);
}

/** True when block j is global: one of the first ceil(G/2) or the last floor(G/2) blocks. */
export function isBigBirdGlobal(j: number, layout: BigBirdLayout): boolean {
  return j >= 0 && (j < Math.floor((layout.globalBlocks + 1) / 2) || j >= layout.blocks - Math.floor(layout.globalBlocks / 2));
}

/**
 * BigBird's random blocks: for every head h and query block i, r key blocks drawn without
 * replacement from those outside i's sliding window and outside the global blocks (fewer when
 * fewer remain); none for a global query block, which already sees every key.
 *
 * Seeded: head h, block i draws from mulberry32(hashString(`bigbird:${h}:${i}`, seed)), so the
 * pattern differs per head, is the same for the same seed, and one row does not change when the
 * number of heads does. Never Math.random.
 *
 * @param heads H ≥ 1; layout: blocks ≥ 1, window and global blocks ≥ 0; randomBlocks r ≥ 0.
 * @returns the `bigbirdRandom` table, Uint8Array [H, blocks, blocks], 1 = random key block.
 * Source: Zaheer et al. 2020, "Big Bird" §2 and App. D (r random blocks per query block); Hugging Face
 * BigBird `_bigbird_block_rand_mask` (random blocks exclude the window and the global blocks).
 */
export function bigbirdRandomBlocks(heads: number, layout: BigBirdLayout, randomBlocks: number, seed: number): MaskTable {
  const n = layout.blocks;
  const data = new Uint8Array(heads * n * n);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < n; i++) {
      if (isBigBirdGlobal(i, layout)) continue;
      const candidates: number[] = [];
      for (let j = 0; j < n; j++) {
        if (!inBigBirdWindow(i, j, layout.windowBlocks) && !isBigBirdGlobal(j, layout)) candidates.push(j);
      }
      const uniform = mulberry32(hashString(`bigbird:${h}:${i}`, seed));
      const take = Math.min(randomBlocks, candidates.length);
      for (let t = 0; t < take; t++) {
        // Partial Fisher–Yates: swap a uniformly chosen remaining candidate into place t.
        const pick = t + Math.floor(uniform() * (candidates.length - t));
        const chosen = candidates[pick] ?? 0;
        candidates[pick] = candidates[t] ?? 0;
        candidates[t] = chosen;
        data[(h * n + i) * n + chosen] = 1;
      }
    }
  }
  return { shape: [heads, n, n], data };
}

/**
 * BigBird (ITC): positions cut into blocks of `block`; a query block sees its sliding blocks, the
 * global blocks, and r random blocks (per head); global blocks see everything.
 * Rule, with qb = floor(q / block), kb = floor(k / block), n = ceil(Lk / block) (bottom-right:
 * q + Lk − Lq in place of q):
 *   sliding: qb − kb ≤ floor(window/2) and kb − qb ≤ floor((window−1)/2)   (exactly `window` blocks)
 *   global:  kb or qb < floor((global+1)/2), or ≥ n − floor(global/2)        (first and last blocks)
 *   random:  bigbirdRandom[h][qb][kb]
 * Example, block = 1, window = 3, global = 2, r = 0, L = 5:
 * [[1,1,1,1,1],[1,1,1,0,1],[1,1,1,1,1],[1,0,1,1,1],[1,1,1,1,1]].
 * Tables: bigbirdRandom [H, n, n] from the context's seed (`bigbirdRandomBlocks`).
 * Source: Zaheer et al. 2020, "Big Bird: Transformers for Longer Sequences" (ITC: w = 3, g = 2, r = 3 blocks).
 */
export const bigbird = defineMask({
  id: 'bigbird',
  name: 'BigBird',
  params: [
    { name: 'block', default: 2, min: 1, max: 4096, integer: true, description: 'block size: positions per block' },
    { name: 'window', default: 3, min: 0, max: 4096, integer: true, description: 'sliding blocks per query block, its own included (3 = one on each side)' },
    { name: 'global', default: 2, min: 0, max: 4096, integer: true, description: 'global blocks: the first ceil(G/2) and the last floor(G/2) blocks' },
    { name: 'r', default: 1, min: 0, max: 4096, integer: true, description: 'random key blocks per query block, drawn per head from the seed' },
  ],
  make: (p, context) => {
    const { k, h, Lk } = vars;
    const { block, window, global, r } = p;
    const layout: BigBirdLayout = {
      blocks: Math.ceil(context.keyLength / block.value),
      windowBlocks: window.value,
      globalBlocks: global.value,
    };
    const qb = floor(div(queryPosition(context), block));
    const kb = floor(div(k, block));
    const blocks = floor(div(sub(add(Lk, block), 1), block));
    const globalTests = (x: MaskExpr): MaskExpr[] => [
      lt(x, floor(div(add(global, 1), 2))),
      ge(x, sub(blocks, floor(div(global, 2)))),
    ];
    // A query before key 0 (Lq > Lk) has a negative block and is never global.
    const globalQuery = context.queryLength > context.keyLength
      ? [and(ge(qb, 0), or(...globalTests(qb)))]
      : globalTests(qb);
    return {
      expr: label('BigBird', or(
        label('sliding blocks', and(le(sub(qb, kb), floor(div(window, 2))), le(sub(kb, qb), floor(div(sub(window, 1), 2))))),
        label('global blocks', or(...globalTests(kb), ...globalQuery)),
        label('random blocks', lookup('bigbirdRandom', h, qb, kb)),
      )),
      tables: { bigbirdRandom: bigbirdRandomBlocks(context.heads, layout, r.value, context.seed) },
    };
  },
  source: 'Zaheer et al. 2020, "Big Bird: Transformers for Longer Sequences" (NeurIPS), §2 and App. D: block ' +
    'sparse attention with w sliding, g global and r random blocks (BigBird-ITC: w = 3, g = 2, r = 3 blocks of 64).',
  equivalents: 'Hugging Face BigBirdConfig(attention_type="block_sparse", block_size = block, num_random_blocks = r) ' +
    'with window = 3 and global = 2 (first and last block) fixed; google-research/bigbird bigbird_block_sparse_attention ' +
    '(num_rand_blocks); DeepSpeed BigBirdSparsityConfig(num_random_blocks, num_sliding_window_blocks, ' +
    'num_global_blocks — its global blocks are the first ones only). Random blocks here are seeded per head and ' +
    'query block, so the same seed gives the same pattern; Hugging Face draws them with numpy per call.',
});
