import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
  MASK_CATALOGUE,
  buildCatalogueMask,
  defaultMaskParams,
  documentIdsForBatch,
  documentIdsFromTokens,
  maskCatalogueEntry,
  type MaskBuildContext,
} from '../../src/engine/mask/catalogue';
import { checkTypes } from '../../src/engine/mask/check';
import { compileMask } from '../../src/engine/mask/compile';
import { evaluateMaskGrid, explainCell } from '../../src/engine/mask/evaluate';
import { formatExpr } from '../../src/engine/mask/format';
import { parseMaskExpression } from '../../src/engine/mask/parse';
import { tableRanks } from '../../src/engine/mask/tables';
import { tokenize } from '../../src/engine/tokenize';
import { sliceMatrix } from '../helpers/arrays';

type Extra = Partial<Pick<MaskBuildContext, 'batch' | 'heads' | 'seed' | 'documentIds' | 'globalTokens'>>;

const context = (queryLength: number, keyLength: number, extra: Extra = {}): MaskBuildContext =>
  ({ batch: 1, heads: 1, seed: 0, queryLength, keyLength, ...extra });

/** Compiles (tfjs CPU), reads back and disposes: [B,H,Lq,Lk] as 0/1. */
function compiled(id: string, params: Record<string, number>, ctx: MaskBuildContext): Uint8Array {
  const { expr, tables } = buildCatalogueMask(id, params, ctx);
  const mask = compileMask(expr, ctx, tables);
  try {
    return Uint8Array.from(mask.dataSync());
  } finally {
    mask.dispose();
  }
}

/**
 * One (b, h) matrix of a catalogue mask, as rows; checked to be the same per cell (evaluateMaskGrid)
 * and compiled (compileMask on the CPU backend).
 */
function rows(id: string, params: Record<string, number>, ctx: MaskBuildContext, b = 0, h = 0): number[][] {
  const { expr, tables } = buildCatalogueMask(id, params, ctx);
  const perCell = evaluateMaskGrid(expr, ctx, tables);
  expect([...compiled(id, params, ctx)]).toEqual([...perCell]);
  return sliceMatrix(perCell, { heads: ctx.heads, rows: ctx.queryLength, cols: ctx.keyLength }, b, h);
}

const rowSums = (m: number[][]) => m.map((r) => r.reduce((a, x) => a + x, 0));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('MASK_CATALOGUE entries', () => {
  it('MASK_CATALOGUE lists every mask of issue #3 once, with URL-safe ids', () => {
    expect(MASK_CATALOGUE.map((e) => e.id)).toEqual([
      'full', 'causal-bottom-right', 'causal-top-left', 'decode', 'window', 'window-bidirectional', 'window-dilated',
      'window-sinks', 'global-local', 'prefix-lm', 'document', 'document-causal', 'chunked', 'block-causal', 'bigbird',
      'sparse-strided', 'sparse-fixed', 'alternating-heads',
    ]);
    for (const entry of MASK_CATALOGUE) {
      expect(encodeURIComponent(entry.id)).toBe(entry.id);
      expect(maskCatalogueEntry(entry.id)).toBe(entry);
      expect(entry.name.length).toBeGreaterThan(0);
      expect(entry.source.length).toBeGreaterThan(20);
      expect(entry.equivalents.length).toBeGreaterThan(20);
    }
  });

  it('entry params: integer defaults inside [min, max], names a formula can use', () => {
    for (const entry of MASK_CATALOGUE) {
      for (const p of entry.params) {
        expect(p.integer).toBe(true);
        expect(Number.isInteger(p.default) && p.min <= p.default && p.default <= p.max).toBe(true);
        expect(p.description.length).toBeGreaterThan(5);
        const parsed = parseMaskExpression(`k < ${p.name}`, { variables: ['k'], parameters: { [p.name]: p.default } });
        expect(parsed.ok).toBe(true);
      }
    }
  });

  it('entry.build at defaults: a well-typed mask whose tables are exactly the ones it reads, Lq = Lk and Lq ≠ Lk', () => {
    for (const entry of MASK_CATALOGUE) {
      for (const ctx of [context(5, 5, { heads: 2 }), context(2, 7, { batch: 2 }), context(6, 3)]) {
        const { expr, tables } = entry.build(defaultMaskParams(entry), ctx);
        expect(checkTypes(expr)).toEqual([]);
        expect(expr.kind).toBe('label');
        expect(Object.keys(tables).sort()).toEqual([...tableRanks(expr).keys()].sort());
        expect(evaluateMaskGrid(expr, ctx, tables).length).toBe(ctx.batch * ctx.heads * ctx.queryLength * ctx.keyLength);
      }
    }
  });

  it('formatExpr of each entry at its defaults, Lq = Lk: the predicates docs/masks.md quotes', () => {
    const formulas = Object.fromEntries(MASK_CATALOGUE.map((e) => [e.id, formatExpr(e.build({}, context(8, 8)).expr)]));
    expect(formulas).toEqual({
      'full': 'true',
      'causal-bottom-right': 'k <= q',
      'causal-top-left': 'k <= q',
      'decode': 'k <= q',
      'window': 'k <= q && q - k < W',
      'window-bidirectional': 'abs(q - k) <= W',
      'window-dilated': 'k <= q && (q - k) % D == 0 && q - k < W * D',
      'window-sinks': 'k <= q && (k < S || q - k < W)',
      'global-local': 'abs(q - k) <= W || globalTokens[b][k] || globalTokens[b][q]',
      'prefix-lm': 'k < P || k <= q',
      'document': 'docId[b][q] == docId[b][k]',
      'document-causal': 'docId[b][q] == docId[b][k] && k <= q',
      'chunked': 'floor(q / C) == floor(k / C) && k <= q',
      'block-causal': 'floor(k / block) <= floor(q / block)',
      'bigbird': 'floor(q / block) - floor(k / block) <= floor(window / 2) && ' +
        'floor(k / block) - floor(q / block) <= floor((window - 1) / 2) || ' +
        '(floor(k / block) < floor((global + 1) / 2) || floor(k / block) >= floor((Lk + block - 1) / block) - floor(global / 2) || ' +
        'floor(q / block) < floor((global + 1) / 2) || floor(q / block) >= floor((Lk + block - 1) / block) - floor(global / 2)) || ' +
        'bigbirdRandom[h][floor(q / block)][floor(k / block)]',
      'sparse-strided': 'k <= q && (q - k <= l || (q - k) % l == 0)',
      'sparse-fixed': 'k <= q && (floor(k / l) == floor(q / l) || k % l >= l - c)',
      'alternating-heads': 'h % 2 == 0 ? k <= q && q - k < W : k <= q',
    });
  });

  it('formatExpr with Lq ≠ Lk: the query position is written q + Lk - Lq (bottom-right)', () => {
    expect(formatExpr(buildCatalogueMask('window', {}, context(2, 6)).expr)).toBe('k <= q + Lk - Lq && q + Lk - Lq - k < W');
    expect(formatExpr(buildCatalogueMask('causal-top-left', {}, context(2, 6)).expr)).toBe('k <= q');
  });

  it('entry.build with an unknown, fractional or out-of-range parameter: throws naming the mask and the parameter', () => {
    expect(() => buildCatalogueMask('window', { w: 4 }, context(4, 4))).toThrow("mask 'window': unknown parameter 'w' (parameters: W)");
    expect(() => buildCatalogueMask('window', { W: 2.5 }, context(4, 4))).toThrow("mask 'window': W must be an integer in [1, 4096], got 2.5");
    expect(() => buildCatalogueMask('window', { W: 0 }, context(4, 4))).toThrow('W must be an integer in [1, 4096], got 0');
    expect(() => buildCatalogueMask('full', { W: 1 }, context(4, 4))).toThrow("unknown parameter 'W' (parameters: none)");
  });

  it('entry.build with a malformed context (size 0, fractional seed, table of the wrong length): throws', () => {
    expect(() => buildCatalogueMask('full', {}, context(0, 4))).toThrow('integers ≥ 1, got [1,1,0,4]');
    expect(() => buildCatalogueMask('full', {}, context(4, 4, { seed: 0.5 }))).toThrow('seed must be an integer');
    expect(() => buildCatalogueMask('document', {}, context(2, 4, { documentIds: new Int32Array(2) })))
      .toThrow('documentIds must hold B×Lk = 1×4 = 4 values, got 2');
    expect(() => buildCatalogueMask('global-local', {}, context(4, 4, { batch: 2, globalTokens: new Uint8Array(4) })))
      .toThrow('globalTokens must hold B×Lk = 2×4 = 8 values, got 4');
  });

  it('buildCatalogueMask with an unknown id: throws listing the known ids', () => {
    expect(() => buildCatalogueMask('longformer', {}, context(2, 2))).toThrow("unknown mask 'longformer' (known: full, causal-bottom-right");
    expect(maskCatalogueEntry('longformer')).toBeUndefined();
  });
});

describe('causal and decode', () => {
  it('causal-bottom-right, Lq=2 Lk=4: row 0 attends keys 0..2, row 1 all', () => {
    expect(rows('causal-bottom-right', {}, context(2, 4))).toEqual([
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]);
  });

  it('causal-bottom-right, Lq=4 Lk=2: the top Lq − Lk = 2 rows are fully masked', () => {
    expect(rows('causal-bottom-right', {}, context(4, 2))).toEqual([
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
  });

  it('causal-top-left, Lq=2 Lk=4: row 0 attends key 0, row 1 keys 0..1', () => {
    expect(rows('causal-top-left', {}, context(2, 4))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
    ]);
  });

  it('decode, Lq=1 Lk=5: the new query sees all 5 cached keys (top-left would see key 0 only)', () => {
    expect(rows('decode', {}, context(1, 5))).toEqual([[1, 1, 1, 1, 1]]);
    expect(rows('causal-top-left', {}, context(1, 5))).toEqual([[1, 0, 0, 0, 0]]);
  });

  it('full, Lq=2 Lk=3: every cell allowed', () => {
    expect(rows('full', {}, context(2, 3))).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
});

describe('sliding windows', () => {
  it('window W=3, L=6: each row keeps the W keys q−2..q, exactly 3 once q ≥ 2', () => {
    expect(rows('window', { W: 3 }, context(6, 6))).toEqual([
      [1, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [0, 1, 1, 1, 0, 0],
      [0, 0, 1, 1, 1, 0],
      [0, 0, 0, 1, 1, 1],
    ]);
  });

  it('window W=4, L=12: rows keep 1, 2, 3, then exactly 4 keys', () => {
    expect(rowSums(rows('window', { W: 4 }, context(12, 12)))).toEqual([1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('window W=1, L=3: only the diagonal (a window of 1 is the query itself)', () => {
    expect(rows('window', { W: 1 }, context(3, 3))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('window W=2, Lq=2 Lk=5 (bottom-right): queries sit at key positions 3 and 4', () => {
    expect(rows('window', { W: 2 }, context(2, 5))).toEqual([
      [0, 0, 1, 1, 0],
      [0, 0, 0, 1, 1],
    ]);
  });

  it('window W=2, Lq=4 Lk=2 (bottom-right): the top 2 rows are fully masked', () => {
    expect(rows('window', { W: 2 }, context(4, 2))).toEqual([
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
  });

  it('window explainCell, W=2 q=3 k=0: blocked by "sliding window", whose tree shows W = 2', () => {
    const { expr, tables } = buildCatalogueMask('window', { W: 2 }, context(4, 4));
    const result = explainCell(expr, { b: 0, h: 0, q: 3, k: 0 }, { Lq: 4, Lk: 4, tables });
    expect(result.allowed).toBe(false);
    expect(result.blockedBy.map((t) => t.label)).toEqual(['sliding window']);
    const [causal, window] = result.tree.children[0]?.children ?? [];
    expect([causal?.text, causal?.value, causal?.decisive]).toEqual(['k <= q', true, false]);
    expect([window?.text, window?.value, window?.decisive]).toEqual(['q - k < W', false, true]);
    expect(window?.children[0]?.children[1]).toMatchObject({ text: 'W', value: 2 });
  });

  it('window-bidirectional W=1, L=5: |q − k| ≤ 1, three keys away from the edges', () => {
    expect(rows('window-bidirectional', { W: 1 }, context(5, 5))).toEqual([
      [1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 1, 1, 1],
      [0, 0, 0, 1, 1],
    ]);
  });

  it('window-bidirectional W=0, L=3: only the diagonal', () => {
    expect(rows('window-bidirectional', { W: 0 }, context(3, 3))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('window-dilated W=2 D=2, L=6: the query and the key 2 before it', () => {
    expect(rows('window-dilated', { W: 2, D: 2 }, context(6, 6))).toEqual([
      [1, 0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0, 0],
      [1, 0, 1, 0, 0, 0],
      [0, 1, 0, 1, 0, 0],
      [0, 0, 1, 0, 1, 0],
      [0, 0, 0, 1, 0, 1],
    ]);
  });

  it('window-dilated D=1, L=5 W=2: the plain sliding window', () => {
    expect(rows('window-dilated', { W: 2, D: 1 }, context(5, 5))).toEqual([
      [1, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0, 1, 1, 0, 0],
      [0, 0, 1, 1, 0],
      [0, 0, 0, 1, 1],
    ]);
  });

  it('window-sinks S=1 W=2, L=6: key 0 stays visible, plus the last 2 keys', () => {
    expect(rows('window-sinks', { S: 1, W: 2 }, context(6, 6))).toEqual([
      [1, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [1, 0, 1, 1, 0, 0],
      [1, 0, 0, 1, 1, 0],
      [1, 0, 0, 0, 1, 1],
    ]);
  });

  it('window-sinks S=2 W=1, L=4: sinks stay causal (query 0 does not see sink 1)', () => {
    expect(rows('window-sinks', { S: 2, W: 1 }, context(4, 4))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 0, 1],
    ]);
  });
});

describe('global + local (Longformer)', () => {
  it('global-local W=1, L=5, B=2 with global tokens 0 (b=0) and 3 (b=1): global rows and columns are full', () => {
    const globalTokens = Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    const ctx = context(5, 5, { batch: 2, globalTokens });
    expect(rows('global-local', { W: 1 }, ctx, 0)).toEqual([
      [1, 1, 1, 1, 1],
      [1, 1, 1, 0, 0],
      [1, 1, 1, 1, 0],
      [1, 0, 1, 1, 1],
      [1, 0, 0, 1, 1],
    ]);
    expect(rows('global-local', { W: 1 }, ctx, 1)).toEqual([
      [1, 1, 0, 1, 0],
      [1, 1, 1, 1, 0],
      [0, 1, 1, 1, 0],
      [1, 1, 1, 1, 1],
      [0, 0, 0, 1, 1],
    ]);
  });

  it('global-local without globalTokens, W=0 L=3: token 0 is global ([CLS])', () => {
    expect(rows('global-local', { W: 0 }, context(3, 3))).toEqual([
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 1],
    ]);
  });

  it('global-local with an all-zero globalTokens, W=0 L=3: no global token, only the diagonal', () => {
    expect(rows('global-local', { W: 0 }, context(3, 3, { globalTokens: new Uint8Array(3) }))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });
});

describe('prefix-LM', () => {
  it('prefix-lm P=2, L=5: keys 0..1 visible to all, causal after', () => {
    expect(rows('prefix-lm', { P: 2 }, context(5, 5))).toEqual([
      [1, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0],
      [1, 1, 1, 1, 0],
      [1, 1, 1, 1, 1],
    ]);
  });

  it('prefix-lm P=0, L=3: plain causal', () => {
    expect(rows('prefix-lm', { P: 0 }, context(3, 3))).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });

  it('prefix-lm P=4, Lq=2 Lk=5: the prefix counts key positions; key 4 is causal for the first query', () => {
    expect(rows('prefix-lm', { P: 4 }, context(2, 5))).toEqual([
      [1, 1, 1, 1, 0],
      [1, 1, 1, 1, 1],
    ]);
  });
});

describe('document masks', () => {
  it("documentIdsFromTokens a b | c | d with '|': the separator closes its document", () => {
    expect([...documentIdsFromTokens(['a', 'b', '|', 'c', '|', 'd'], '|')]).toEqual([0, 0, 0, 1, 1, 2]);
    expect([...documentIdsFromTokens(['a', '|'], '|')]).toEqual([0, 0]);
    expect([...documentIdsFromTokens(['a', 'b'], '|')]).toEqual([0, 0]);
    expect([...documentIdsFromTokens([], '|')]).toEqual([]);
  });

  it("documentIdsFromTokens '<|endoftext|>': matches the one token, and the run the tokenizer splits it into", () => {
    expect([...documentIdsFromTokens(['hi', '<|endoftext|>', 'yo'], '<|endoftext|>')]).toEqual([0, 0, 1]);
    const tokens = tokenize('hi <|endoftext|> yo there');
    expect(tokens).toEqual(['hi', '<', '|', 'endoftext', '|', '>', 'yo', 'there']);
    expect([...documentIdsFromTokens(tokens, '<|endoftext|>')]).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect([...documentIdsFromTokens(['a', 'x', 'y', 'b', 'x'], ['x', 'y'])]).toEqual([0, 0, 0, 1, 1]);
  });

  it('documentIdsFromTokens with an empty separator: throws', () => {
    expect(() => documentIdsFromTokens(['a'], '')).toThrow('separator must be a non-empty token');
    expect(() => documentIdsFromTokens(['a'], [])).toThrow('separator must be a non-empty token');
  });

  it('documentIdsForBatch, B=2: rows concatenated; rows of different lengths throw', () => {
    expect([...documentIdsForBatch([['a', '|', 'b'], ['|', 'c', 'd']], '|')]).toEqual([0, 0, 1, 0, 1, 1]);
    expect(() => documentIdsForBatch([['a'], ['b', 'c']], '|')).toThrow('same length, got [1,2]');
  });

  it('document, tokens a b | c d: bidirectional inside each document, nothing across the separator', () => {
    const documentIds = documentIdsFromTokens(['a', 'b', '|', 'c', 'd'], '|');
    expect(rows('document', {}, context(5, 5, { documentIds }))).toEqual([
      [1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [0, 0, 0, 1, 1],
      [0, 0, 0, 1, 1],
    ]);
  });

  it('document-causal, tokens a b | c d: causal inside each document', () => {
    const documentIds = documentIdsFromTokens(['a', 'b', '|', 'c', 'd'], '|');
    expect(rows('document-causal', {}, context(5, 5, { documentIds }))).toEqual([
      [1, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 1, 1],
    ]);
  });

  it('document-causal, Lq=1 Lk=5 (decode in the second document): sees keys 3..4 only', () => {
    const documentIds = Int32Array.from([0, 0, 0, 1, 1]);
    expect(rows('document-causal', {}, context(1, 5, { documentIds }))).toEqual([[0, 0, 0, 1, 1]]);
  });

  it('document without documentIds, L=2: one document (all allowed)', () => {
    expect(rows('document', {}, context(2, 2))).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('block masks', () => {
  it('chunked C=2, L=5: causal inside chunks {0,1} {2,3} {4}', () => {
    expect(rows('chunked', { C: 2 }, context(5, 5))).toEqual([
      [1, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 1, 1, 0],
      [0, 0, 0, 0, 1],
    ]);
  });

  it('chunked C=2, Lq=2 Lk=5 (bottom-right): chunks by absolute position, the last query starts a new chunk', () => {
    expect(rows('chunked', { C: 2 }, context(2, 5))).toEqual([
      [0, 0, 1, 1, 0],
      [0, 0, 0, 0, 1],
    ]);
  });

  it('block-causal block=2, L=5: a block sees itself whole and every earlier block', () => {
    expect(rows('block-causal', { block: 2 }, context(5, 5))).toEqual([
      [1, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 1, 1, 1, 0],
      [1, 1, 1, 1, 0],
      [1, 1, 1, 1, 1],
    ]);
  });
});

describe('BigBird', () => {
  it('bigbird block=2 window=1 global=1 r=0, L=8: own block, block 0 global both ways', () => {
    expect(rows('bigbird', { block: 2, window: 1, global: 1, r: 0 }, context(8, 8))).toEqual([
      [1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 0, 0, 0, 0],
      [1, 1, 1, 1, 0, 0, 0, 0],
      [1, 1, 0, 0, 1, 1, 0, 0],
      [1, 1, 0, 0, 1, 1, 0, 0],
      [1, 1, 0, 0, 0, 0, 1, 1],
      [1, 1, 0, 0, 0, 0, 1, 1],
    ]);
  });

  it('bigbird block=1 window=3 global=2 r=0, L=8: three sliding blocks, first and last block global', () => {
    expect(rows('bigbird', { block: 1, window: 3, global: 2, r: 0 }, context(8, 8))).toEqual([
      [1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 0, 0, 0, 0, 1],
      [1, 1, 1, 1, 0, 0, 0, 1],
      [1, 0, 1, 1, 1, 0, 0, 1],
      [1, 0, 0, 1, 1, 1, 0, 1],
      [1, 0, 0, 0, 1, 1, 1, 1],
      [1, 0, 0, 0, 0, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1],
    ]);
  });

  it('bigbird window=2 (even) block=1 global=0 r=0, L=4: exactly 2 sliding blocks, the previous and its own', () => {
    expect(rows('bigbird', { block: 1, window: 2, global: 0, r: 0 }, context(4, 4))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ]);
  });

  it('bigbird r=1 block=1 window=1 global=0, L=6 H=4: every row has its own key plus exactly 1 random key', () => {
    const ctx = context(6, 6, { heads: 4, seed: 7 });
    for (let h = 0; h < 4; h++) {
      const m = rows('bigbird', { block: 1, window: 1, global: 0, r: 1 }, ctx, 0, h);
      expect(rowSums(m)).toEqual([2, 2, 2, 2, 2, 2]);
      m.forEach((row, q) => expect(row[q]).toBe(1));
    }
  });

  it('bigbird random blocks, seed 7: differ between heads, identical when rebuilt, different for seed 8', () => {
    const params = { block: 1, window: 1, global: 0, r: 1 };
    const build = (seed: number) => buildCatalogueMask('bigbird', params, context(6, 6, { heads: 4, seed }));
    const table = build(7).tables.bigbirdRandom;
    expect(table?.shape).toEqual([4, 6, 6]);
    const ctx = context(6, 6, { heads: 4, seed: 7 });
    const heads = [0, 1, 2, 3].map((h) => rows('bigbird', params, ctx, 0, h));
    expect(new Set(heads.map((m) => JSON.stringify(m))).size).toBeGreaterThan(1);
    expect([...(build(7).tables.bigbirdRandom?.data ?? [])]).toEqual([...(table?.data ?? [])]);
    expect([...(build(8).tables.bigbirdRandom?.data ?? [])]).not.toEqual([...(table?.data ?? [])]);
  });

  it('bigbird random blocks, r=2 block=2 window=3 global=2, L=16: drawn outside the window and the global blocks', () => {
    const { tables } = buildCatalogueMask('bigbird', { block: 2, window: 3, global: 2, r: 2 }, context(16, 16, { heads: 3, seed: 11 }));
    const data = tables.bigbirdRandom?.data ?? new Uint8Array(0);
    // 8 blocks: 0 and 7 global; query block i may draw from {1..6} minus {i−1, i, i+1}.
    for (let h = 0; h < 3; h++) {
      for (let i = 0; i < 8; i++) {
        const picked = [...data.slice((h * 8 + i) * 8, (h * 8 + i + 1) * 8)].flatMap((v, j) => (v ? [j] : []));
        if (i === 0 || i === 7) {
          expect(picked).toEqual([]);
          continue;
        }
        expect(picked.length).toBe(2);
        for (const j of picked) expect(j !== 0 && j !== 7 && Math.abs(i - j) > 1).toBe(true);
      }
    }
  });
});

describe('Sparse Transformer', () => {
  it('sparse-strided l=2, L=6: the paper\'s A(1) = {q−2..q} (l + 1 keys) ∪ A(2) = every 2nd key back', () => {
    expect(rows('sparse-strided', { l: 2 }, context(6, 6))).toEqual([
      [1, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
      [0, 1, 1, 1, 0, 0],
      [1, 0, 1, 1, 1, 0],
      [0, 1, 0, 1, 1, 1],
    ]);
  });

  it('sparse-fixed l=3 c=1, L=7: own block up to the query, plus summary keys 2 and 5', () => {
    expect(rows('sparse-fixed', { l: 3, c: 1 }, context(7, 7))).toEqual([
      [1, 0, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0, 0],
      [0, 0, 1, 1, 0, 0, 0],
      [0, 0, 1, 1, 1, 0, 0],
      [0, 0, 1, 1, 1, 1, 0],
      [0, 0, 1, 0, 0, 1, 1],
    ]);
  });
});

describe('per-head masks', () => {
  it('alternating-heads W=2, L=4 H=3: heads 0 and 2 a window of 2, head 1 causal', () => {
    const ctx = context(4, 4, { heads: 3 });
    const windowRows = [
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ];
    expect(rows('alternating-heads', { W: 2 }, ctx, 0, 0)).toEqual(windowRows);
    expect(rows('alternating-heads', { W: 2 }, ctx, 0, 1)).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]);
    expect(rows('alternating-heads', { W: 2 }, ctx, 0, 2)).toEqual(windowRows);
  });
});

describe('catalogue properties', () => {
  const SMALL = 12;

  const caseArb = fc.record({
    batch: fc.integer({ min: 1, max: 2 }),
    heads: fc.integer({ min: 1, max: 4 }),
    queryLength: fc.integer({ min: 1, max: 10 }),
    keyLength: fc.integer({ min: 1, max: 10 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    withTables: fc.boolean(),
  }).chain((shape) => fc.record({
    shape: fc.constant(shape),
    documentIds: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: shape.batch * shape.keyLength, maxLength: shape.batch * shape.keyLength }),
    globalTokens: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: shape.batch * shape.keyLength, maxLength: shape.batch * shape.keyLength }),
    paramDraws: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  }));

  it('compileMask(entry.build(...)) equals evaluateMaskGrid(...) exactly, for every entry, random parameters and shapes', () => {
    const before = tf.memory().numTensors;
    for (const entry of MASK_CATALOGUE) {
      fc.assert(
        fc.property(caseArb, ({ shape, documentIds, globalTokens, paramDraws }) => {
          const { withTables, ...sizes } = shape;
          const ctx: MaskBuildContext = withTables
            ? { ...sizes, documentIds: Int32Array.from(documentIds), globalTokens: Uint8Array.from(globalTokens) }
            : sizes;
          const params = Object.fromEntries(entry.params.map((p, i) => {
            const top = Math.min(p.max, p.min + SMALL);
            return [p.name, p.min + ((paramDraws[i] ?? 0) % (top - p.min + 1))];
          }));
          const { expr, tables } = entry.build(params, ctx);
          const expected = evaluateMaskGrid(expr, ctx, tables);
          const mask = compileMask(expr, ctx, tables);
          try {
            expect(mask.shape.slice(2)).toEqual([ctx.queryLength, ctx.keyLength]);
            const full = tf.tidy(() => tf.broadcastTo(mask, [ctx.batch, ctx.heads, ctx.queryLength, ctx.keyLength]).dataSync());
            expect([...full]).toEqual([...expected]);
          } finally {
            mask.dispose();
          }
        }),
        { numRuns: 40, seed: 3 },
      );
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('window, random W and L: every row keeps min(q + 1, W) keys (bottom-right: min(q + Lk − Lq + 1, W), ≥ 0)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (W, Lq, Lk) => {
        const { expr, tables } = buildCatalogueMask('window', { W }, context(Lq, Lk));
        const m = sliceMatrix(evaluateMaskGrid(expr, context(Lq, Lk), tables), { heads: 1, rows: Lq, cols: Lk }, 0, 0);
        expect(rowSums(m)).toEqual(m.map((_, q) => Math.max(0, Math.min(q + Lk - Lq + 1, W))));
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});
