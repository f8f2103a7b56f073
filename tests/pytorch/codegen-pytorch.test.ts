/**
 * The PyTorch check (`npm run test:pytorch`, not part of `npm test`): every exported PyTorch snippet
 * — tensor ops, and the FlexAttention mask_mod evaluated on broadcast index grids — is run with a
 * real PyTorch (Debian's python3-torch 1.13, which has neither SDPA nor FlexAttention, so the check
 * builds the boolean tensor rather than calling those APIs) and its mask compared cell by cell with
 * the app's own evaluation (`evaluateMaskGrid`). The JAX snippets run too, with NumPy standing in
 * for jax.numpy — or, when $FRAMEWORKS_PYTHON names a Python with JAX and TensorFlow, the JAX and
 * TensorFlow snippets run with the real libraries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  flexMaskModSnippet, jaxMaskSnippet, pytorchMaskSnippet, tensorflowMaskSnippet, type CodegenMask,
} from '../../src/engine/codegen';
import { MASK_CATALOGUE, defaultMaskParams, type MaskBuildContext } from '../../src/engine/mask/catalogue';
import { evaluateMaskGrid } from '../../src/engine/mask/evaluate';
import { and, label, lt, param, sub, vars, type MaskExpr } from '../../src/engine/mask/expr';
import { parseMaskExpression } from '../../src/engine/mask/parse';
import type { MaskShape } from '../../src/engine/mask/cell';
import type { MaskTables } from '../../src/engine/mask/tables';
import { buildMaskSpec } from '../../src/engine/masks';
import { FRAMEWORKS_PYTHON, numpyAsJax, runSnippets, snippetDir, tail, torchVersion, type SnippetResult } from './python';

interface Case {
  name: string;
  mask: CodegenMask;
  shape: MaskShape;
}

const grid = (batch: number, heads: number, queryLength: number, keyLength: number): MaskShape =>
  ({ batch, heads, queryLength, keyLength });

/** A custom formula, parsed as the app parses it. */
function formula(source: string, parameters: Record<string, number> = {}, tables: Record<string, number> = {}): MaskExpr {
  const parsed = parseMaskExpression(source, { variables: ['q', 'k', 'b', 'h', 'Lq', 'Lk'], parameters, tables });
  if (!parsed.ok) throw new Error(`test formula '${source}': ${parsed.error.message}`);
  return parsed.expr;
}

const custom = (source: string, parameters: Record<string, number> = {}, tables: MaskTables = {}): CodegenMask => {
  const ranks = Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.shape.length]));
  return { expr: label('custom', formula(source, parameters, ranks)), tables };
};

// Key padding [B=2][Lk=5]: batch item 0 has two padding keys at the end.
const keyIsReal = [[true, true, true, false, false], [true, true, true, true, true]];
const docId = { shape: [2, 6], data: Int32Array.from([0, 0, 1, 1, 1, 2, 0, 0, 0, 1, 1, 1]) };
// Ids from 1, so a read outside the table (0) differs from a clamped read.
const docIdShort = { shape: [2, 4], data: Int32Array.from([1, 1, 2, 2, 1, 2, 2, 3]) };
const perm = { shape: [5], data: Int32Array.from([2, 0, 1, 4, 3]) };
const realFlags = { shape: [2, 5], data: Uint8Array.from(keyIsReal.flat(), Number) };
const { q, k } = vars;

const CASES: Case[] = [
  { name: 'causal bottom-right, Lq=3 Lk=5', mask: buildMaskSpec({ causal: 'bottom-right', keyIsReal: null }), shape: grid(2, 2, 3, 5) },
  { name: 'causal bottom-right, Lq=5 Lk=3 (top rows fully masked)', mask: buildMaskSpec({ causal: 'bottom-right', keyIsReal: null }), shape: grid(2, 2, 5, 3) },
  { name: 'causal top-left, Lq=3 Lk=5', mask: buildMaskSpec({ causal: 'top-left', keyIsReal: null }), shape: grid(2, 2, 3, 5) },
  { name: 'key padding alone', mask: buildMaskSpec({ causal: null, keyIsReal }), shape: grid(2, 2, 3, 5) },
  { name: 'causal bottom-right + key padding, Lq=4 Lk=5', mask: buildMaskSpec({ causal: 'bottom-right', keyIsReal }), shape: grid(2, 2, 4, 5) },
  {
    name: 'sliding window W=2 (formula) + causal top-left + key padding',
    mask: buildMaskSpec({ causal: 'top-left', keyIsReal, extra: [label('sliding window', formula('q - k < W', { W: 2 }))] }),
    shape: grid(2, 2, 5, 5),
  },
  { name: 'window formula k <= q && q - k < W', mask: custom('k <= q && q - k < W', { W: 3 }), shape: grid(2, 2, 6, 6) },
  { name: 'or of and: (k <= q && q - k < 3) || k == 0', mask: custom('(k <= q && q - k < 3) || k == 0'), shape: grid(2, 2, 7, 7) },
  { name: 'not: !(k > q)', mask: custom('!(k > q)'), shape: grid(2, 2, 4, 6) },
  { name: 'not of an or: not (k == 1 || q == 2) && k <= q + 1', mask: custom('not (k == 1 || q == 2) && k <= q + 1'), shape: grid(2, 2, 5, 5) },
  { name: 'floored % and floor division: floor(q / 2) == floor(k / 2) || (q - k) % 4 == 1', mask: custom('floor(q / 2) == floor(k / 2) || (q - k) % 4 == 1'), shape: grid(2, 2, 5, 6) },
  { name: 'true division: k / 2 <= q / 3 + 0.5', mask: custom('k / 2 <= q / 3 + 0.5'), shape: grid(2, 2, 5, 7) },
  { name: 'floor of a float: floor(k / 2.5) == floor(q * 0.75)', mask: custom('floor(k / 2.5) == floor(q * 0.75)'), shape: grid(2, 2, 6, 6) },
  { name: 'float %: (q - k) % 2.5 < 1', mask: custom('(q - k) % 2.5 < 1'), shape: grid(2, 2, 5, 6) },
  { name: 'x % 0 = 0: q % (k - 2) == 0', mask: custom('q % (k - 2) == 0'), shape: grid(2, 2, 5, 6) },
  { name: 'floor(x / 0) = 0: floor(q / (k - 1)) >= 2', mask: custom('floor(q / (k - 1)) >= 2'), shape: grid(2, 2, 5, 6) },
  { name: 'x / 0 = 0: q / (k - 3) > 1 || k / (q - 2) < 0.5', mask: custom('q / (k - 3) > 1 || k / (q - 2) < 0.5'), shape: grid(2, 2, 5, 6) },
  { name: 'float x % 0 = 0: (q + 0.5) % (k - 2) == 0', mask: custom('(q + 0.5) % (k - 2) == 0'), shape: grid(2, 2, 5, 6) },
  { name: 'per head: h % 2 == 0 ? k <= q : (k <= q && q - k < 2)', mask: custom('h % 2 == 0 ? k <= q : (k <= q && q - k < 2)'), shape: grid(2, 2, 5, 5) },
  { name: 'per head and batch: k >= h && k < 3 + b', mask: custom('k >= h && k < 3 + b'), shape: grid(2, 2, 4, 5) },
  {
    name: 'document ids (table): docId[b][q] == docId[b][k] && k <= q',
    mask: custom('docId[b][q] == docId[b][k] && k <= q', {}, { docId }),
    shape: grid(2, 2, 6, 6),
  },
  {
    name: 'document ids, Lq > Lk: indices outside the table read 0',
    mask: custom('docId[b][q + Lk - Lq] == docId[b][k] || docId[b][k - 1] == 1', {}, { docId: docIdShort }),
    shape: grid(2, 2, 6, 4),
  },
  {
    name: 'min, max, abs and a numeric conditional',
    mask: custom('min(q, k, 3) >= max(1, k - 2) || abs(q - k) == 1 || (q > 2 ? q : k) % 2 == 0'),
    shape: grid(2, 2, 6, 6),
  },
  {
    name: 'a 0/1 table read as a number and as a truth value',
    mask: custom('(keyIsReal[b][k] + 1 == 2 && keyIsReal[b][k] == (k < 4)) || !keyIsReal[b][q]', {}, { keyIsReal: realFlags }),
    shape: grid(2, 2, 5, 5),
  },
  { name: 'a lookup inside a lookup: perm[perm[k]] != 1 && perm[k] <= q', mask: custom('perm[perm[k]] != 1 && perm[k] <= q', {}, { perm }), shape: grid(2, 2, 5, 5) },
  { name: 'constant true', mask: custom('true'), shape: grid(2, 2, 3, 4) },
  { name: 'constant: Lq == Lk', mask: custom('Lq == Lk'), shape: grid(2, 2, 3, 4) },
  { name: 'Python numbers in float32: Lk / 3 > 1.3 && k <= q', mask: custom('Lk / 3 > 1.3 && k <= q'), shape: grid(2, 2, 4, 4) },
  { name: 'float literals: q * 0.5 < k - 0.25', mask: custom('q * 0.5 < k - 0.25'), shape: grid(2, 2, 5, 6) },
  { name: 'a parameter named like a Python keyword: k <= q || k < global', mask: custom('k <= q || k < global', { global: 2 }), shape: grid(2, 2, 5, 5) },
  {
    name: 'two parameters with one name and different values',
    mask: { expr: and(label('window', lt(sub(q, k), param('W', 2))), label('window', lt(sub(k, q), param('W', 3)))), tables: {} },
    shape: grid(2, 2, 6, 6),
  },
];

/** [B][L] flags of sequences of the given real lengths, padded to L on one side. */
const padded = (lengths: number[], L: number, side: 'right' | 'left'): boolean[][] =>
  lengths.map((n) => Array.from({ length: L }, (_, i) => (side === 'right' ? i < n : i >= L - n)));

/**
 * Causal masks in a padded batch (issue #11 §3), both readings: 'real' (each item's real lengths,
 * FlashAttention varlen) and 'padded' (the padded shape, a dense kernel). Cross-attention with key
 * padding, 2 heads.
 */
function readingCase(name: string, alignment: 'bottom-right' | 'top-left', reading: 'real' | 'padded', queryIsReal: boolean[][], keyIsReal: boolean[][]): Case {
  return {
    name: `causal ${alignment}, ${reading} lengths: ${name}`,
    mask: buildMaskSpec({ causal: alignment, keyIsReal, realLengths: reading === 'real' ? { queryIsReal, keyIsReal } : null }),
    shape: grid(queryIsReal.length, 2, queryIsReal[0]?.length ?? 1, keyIsReal[0]?.length ?? 1),
  };
}
const twoQueries = padded([2, 2], 2, 'right');
const READING_CASES: Case[] = (['real', 'padded'] as const).flatMap((reading) => [
  readingCase('keys k0 k1 k2 <pad> | k0…k3 (the issue\'s link)', 'bottom-right', reading, twoQueries, padded([3, 4], 4, 'right')),
  readingCase('keys <pad> k0 k1 k2 | k0…k3', 'top-left', reading, twoQueries, padded([3, 4], 4, 'left')),
  readingCase('one query beside two, 4 keys each', 'bottom-right', reading, padded([1, 2], 2, 'right'), padded([4, 4], 4, 'right')),
  readingCase('left-padded queries and keys of 3 lengths', 'top-left', reading, padded([1, 3, 2], 3, 'left'), padded([4, 2, 5], 5, 'left')),
]);

/** Catalogue contexts: square, Lq < Lk and Lq > Lk, with document ids and global tokens. */
function catalogueContexts(): MaskBuildContext[] {
  const sizes: [number, number][] = [[6, 6], [4, 7], [6, 4]];
  return sizes.map(([queryLength, keyLength]) => {
    const documentIds = new Int32Array(2 * keyLength);
    const globalTokens = new Uint8Array(2 * keyLength);
    for (let i = 0; i < keyLength; i++) {
      documentIds[i] = Math.floor(i / 2);
      documentIds[keyLength + i] = Math.floor(i / 3);
      globalTokens[i] = i % 3 === 0 ? 1 : 0;
      globalTokens[keyLength + i] = i === 2 ? 1 : 0;
    }
    return { batch: 2, heads: 2, queryLength, keyLength, seed: 7, documentIds, globalTokens };
  });
}

const CATALOGUE_CASES: Case[] = MASK_CATALOGUE.flatMap((entry) => catalogueContexts().map((context) => ({
  name: `catalogue '${entry.id}' (defaults), Lq=${context.queryLength} Lk=${context.keyLength}`,
  mask: entry.build(defaultMaskParams(entry), context),
  shape: grid(context.batch, context.heads, context.queryLength, context.keyLength),
})));

const ALL = [...CASES, ...READING_CASES, ...CATALOGUE_CASES];
const SNIPPETS = {
  'tensor ops': pytorchMaskSnippet,
  'mask_mod': flexMaskModSnippet,
} as const;

let torchResults = new Map<string, SnippetResult>();
let jaxResults = new Map<string, SnippetResult>();
let tfResults = new Map<string, SnippetResult>();

beforeAll(() => {
  torchVersion(); // fails the whole file with an `apt-get install -y python3-torch` message
  const torchSnippets = new Map<string, string>();
  for (const c of ALL) {
    for (const [kind, make] of Object.entries(SNIPPETS)) torchSnippets.set(`${c.name} | ${kind}`, make(c.mask, c.shape));
  }
  torchResults = runSnippets(snippetDir('pytorch'), torchSnippets);
  const jaxDir = snippetDir('jax');
  const jaxSnippets = new Map(ALL.map((c) => [c.name, jaxMaskSnippet(c.mask, c.shape)]));
  jaxResults = FRAMEWORKS_PYTHON
    ? runSnippets(jaxDir, jaxSnippets, { python: FRAMEWORKS_PYTHON })
    : runSnippets(jaxDir, jaxSnippets, { shim: numpyAsJax(jaxDir) });
  if (FRAMEWORKS_PYTHON) {
    const tfSnippets = new Map(ALL.map((c) => [c.name, tensorflowMaskSnippet(c.mask, c.shape)]));
    tfResults = runSnippets(snippetDir('tensorflow'), tfSnippets, { python: FRAMEWORKS_PYTHON });
  }
});

/** Fails with the first differing cell (b, h, q, k), or the snippet's traceback. */
function expectSameMask(result: SnippetResult | undefined, c: Case, code: string, dtype: string | null): void {
  if (!result) throw new Error('no result: the runner did not report this snippet');
  if ('error' in result) throw new Error(`the snippet failed:\n${tail(result.error)}\n--- snippet ---\n${code}`);
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk } = c.shape;
  expect(result.shape).toEqual([B, H, Lq, Lk]);
  if (dtype) expect(result.dtype).toBe(dtype);
  const expected = evaluateMaskGrid(c.mask.expr, c.shape, c.mask.tables);
  const i = result.values.findIndex((v, j) => v !== expected[j]);
  if (i >= 0) {
    const cell = { b: Math.floor(i / (H * Lq * Lk)), h: Math.floor(i / (Lq * Lk)) % H, q: Math.floor(i / Lk) % Lq, k: i % Lk };
    throw new Error(`cell (b=${cell.b}, h=${cell.h}, q=${cell.q}, k=${cell.k}): Python says ${result.values[i]}, ` +
      `evaluateMaskGrid says ${expected[i]}\n--- snippet ---\n${code}`);
  }
  expect(result.values).toEqual([...expected]);
}

describe('PyTorch snippets run with a real PyTorch equal evaluateMaskGrid cell by cell', () => {
  for (const c of ALL) {
    for (const [kind, make] of Object.entries(SNIPPETS)) {
      it(`${kind} snippet, ${c.name}: same bool [B,H,Lq,Lk] mask`, () => {
        expectSameMask(torchResults.get(`${c.name} | ${kind}`), c, make(c.mask, c.shape), 'torch.bool');
      });
    }
  }
});

describe(`JAX snippets run with ${FRAMEWORKS_PYTHON ? 'real JAX' : 'NumPy standing in for jax.numpy'} equal evaluateMaskGrid`, () => {
  for (const c of ALL) {
    it(`jax snippet, ${c.name}: same bool [B,H,Lq,Lk] mask`, () => {
      expectSameMask(jaxResults.get(c.name), c, jaxMaskSnippet(c.mask, c.shape), 'bool');
    });
  }
});

describe.skipIf(!FRAMEWORKS_PYTHON)('TensorFlow snippets run with real TensorFlow ($FRAMEWORKS_PYTHON) equal evaluateMaskGrid', () => {
  for (const c of ALL) {
    it(`tensorflow snippet, ${c.name}: same bool [B,H,Lq,Lk] mask`, () => {
      expectSameMask(tfResults.get(c.name), c, tensorflowMaskSnippet(c.mask, c.shape), 'bool');
    });
  }
});

describe('both readings of a causal mask in a padded batch, computed by PyTorch, against hand-written matrices', () => {
  /** Rows of batch item 0, head 0 of a PyTorch result. */
  function item0(name: string): number[][] {
    const c = READING_CASES.find((r) => r.name === name);
    const result = torchResults.get(`${name} | tensor ops`);
    if (!c || !result || 'error' in result) throw new Error(`no PyTorch result for ${name}`);
    const { queryLength: Lq, keyLength: Lk } = c.shape;
    return Array.from({ length: Lq }, (_, q) => result.values.slice(q * Lk, (q + 1) * Lk).map(Number));
  }
  const bug = "keys k0 k1 k2 <pad> | k0…k3 (the issue's link)";

  it('real lengths, the issue\'s link: item 0 rows [1,1,0,0], [1,1,1,0] (as alone in its batch)', () => {
    expect(item0(`causal bottom-right, real lengths: ${bug}`)).toEqual([[1, 1, 0, 0], [1, 1, 1, 0]]);
  });

  it('padded shape, the issue\'s link: item 0 rows [1,1,1,0], [1,1,1,0] (flash_attn_func on the padded tensors)', () => {
    expect(item0(`causal bottom-right, padded lengths: ${bug}`)).toEqual([[1, 1, 1, 0], [1, 1, 1, 0]]);
  });

  it('top-left, left-padded keys: real [0,1,0,0], [0,1,1,0]; padded (SDPA is_causal) [0,0,0,0], [0,1,0,0]', () => {
    expect(item0('causal top-left, real lengths: keys <pad> k0 k1 k2 | k0…k3')).toEqual([[0, 1, 0, 0], [0, 1, 1, 0]]);
    expect(item0('causal top-left, padded lengths: keys <pad> k0 k1 k2 | k0…k3')).toEqual([[0, 0, 0, 0], [0, 1, 0, 0]]);
  });
});

describe('the catalogue is covered', () => {
  it('MASK_CATALOGUE lists entries, each checked at three shapes', () => {
    expect(MASK_CATALOGUE.length).toBeGreaterThan(0);
    expect(CATALOGUE_CASES).toHaveLength(MASK_CATALOGUE.length * 3);
  });
});
