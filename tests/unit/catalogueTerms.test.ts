import { describe, expect, it } from 'vitest';
import { deriveInputs } from '../../src/scenario/derive';
import { globalPositions, toggleGlobal } from '../../src/scenario/catalogueTerms';
import { evaluateMask, explainMaskCell, termNames } from '../../src/engine/masks';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';

const scenario = (patch: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, keyPadding: false, heads: 1, ...patch });

/** The mask of batch item 0, head 0 as rows of 0/1. */
function maskRows(s: Scenario): number[][] {
  const d = deriveInputs(s);
  if (!d.ok) throw new Error(d.error);
  const { queryLength: Lq, keyLength: Lk } = d.inputs.shape;
  const grid = evaluateMask(d.inputs.mask, d.inputs.shape);
  return Array.from({ length: Lq }, (_, q) => [...grid.slice(q * Lk, (q + 1) * Lk)]);
}

describe('catalogue masks in a scenario', () => {
  it("masks 'window(W=2)' on 4 tokens: each query sees itself and one key before", () => {
    expect(maskRows(scenario({ queryText: 'a b c d', masks: 'window(W=2)' }))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ]);
  });

  it("masks '!window(W=2)': the complement", () => {
    expect(maskRows(scenario({ queryText: 'a b c d', masks: '!window(W=2)' }))).toEqual([
      [0, 1, 1, 1],
      [0, 0, 1, 1],
      [1, 0, 0, 1],
      [1, 1, 0, 0],
    ]);
  });

  it("masks 'window(W=1);prefix-lm(P=2)' joined with OR: the diagonal, or a key in the prefix, or causal", () => {
    expect(maskRows(scenario({ queryText: 'a b c d', masks: 'window(W=1);prefix-lm(P=2)', maskJoin: 'or' }))).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]);
  });

  it("masks 'document' with a '|' separator: block-diagonal per packed document", () => {
    expect(maskRows(scenario({ queryText: 'a b | c', masks: 'document' }))).toEqual([
      [1, 1, 1, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('an unknown mask id is skipped with a note; an out-of-range parameter is clamped with a note', () => {
    const d = deriveInputs(scenario({ queryText: 'a b c', masks: 'nope;window(W=0)' }));
    if (!d.ok) throw new Error(d.error);
    expect(d.maskNotes).toEqual([
      { code: 'unknownMask', id: 'nope' },
      { code: 'maskParam', id: 'window', param: 'W', value: 0, used: 1, min: 1, max: 4096 },
    ]);
  });

  it('catalogue masks are and-ed with causal: causal + prefix-lm(P=2) is just causal', () => {
    expect(maskRows(scenario({ queryText: 'a b c', causal: true, masks: 'prefix-lm(P=2)' }))).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });
});

describe('painted cells', () => {
  it("paint '0.2.1,2.0.0' over causal: (0,2) allowed although above the diagonal, (2,0) blocked", () => {
    expect(maskRows(scenario({ queryText: 'a b c', causal: true, paint: '0.2.1,2.0.0' }))).toEqual([
      [1, 0, 1],
      [1, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('paint outside the matrix is ignored', () => {
    expect(maskRows(scenario({ queryText: 'a b', causal: true, paint: '5.5.0' }))).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });
});

describe('global tokens', () => {
  it("global-local(W=0) with globalTokens '2': the diagonal, row 2 and column 2", () => {
    expect(maskRows(scenario({ queryText: 'a b c d', masks: 'global-local(W=0)', globalTokens: '2' }))).toEqual([
      [1, 0, 1, 0],
      [0, 1, 1, 0],
      [1, 1, 1, 1],
      [0, 0, 1, 1],
    ]);
  });

  it("toggleGlobal: from the default [0], adding 2 gives '0,2'; removing the last gives 'none'", () => {
    expect(toggleGlobal('', 2)).toBe('0,2');
    expect(toggleGlobal('0,2', 0)).toBe('2');
    expect(toggleGlobal('2', 2)).toBe('none');
    expect(globalPositions('none')).toEqual([]);
    expect(globalPositions('')).toEqual([0]);
  });
});

describe('document separators', () => {
  it("masks 'document' with <|endoftext|>: the whole end-of-text run ends a document", () => {
    const rows = maskRows(scenario({ queryText: 'a <|endoftext|> b', masks: 'document' }));
    // tokens: a < | endoftext | > b → ids 0 0 0 0 0 0 1
    expect(rows[0]).toEqual([1, 1, 1, 1, 1, 1, 0]);
    expect(rows[6]).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('why blocked, with painted cells', () => {
  const derive = (s: Scenario) => {
    const d = deriveInputs(s);
    if (!d.ok) throw new Error(d.error);
    return d.inputs;
  };
  it("termNames: a painted cell is blocked by 'painted'; an unpainted one still names its own mask", () => {
    const inputs = derive(scenario({ queryText: 'a b c', causal: true, paint: '2.0.0' }));
    const why = (q: number, k: number) => termNames(explainMaskCell(inputs.mask, inputs.shape, { b: 0, h: 0, q, k }));
    expect(why(2, 0)).toEqual(['painted']);
    expect(why(0, 2)).toEqual(['causal']);
    expect(why(1, 0)).toEqual([]);
  });
});

describe('mask groups', () => {
  it("masks 'or(window(W=1),prefix-lm(P=2));!document' with AND: (diagonal or prefix/causal) and not same document", () => {
    // one document, so NOT document blocks everything
    expect(maskRows(scenario({ queryText: 'a b c', masks: 'or(window(W=1),prefix-lm(P=2));!document' }))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("masks 'and(window(W=2),!window(W=1))': the key just before the query, never the query itself", () => {
    expect(maskRows(scenario({ queryText: 'a b c d', masks: 'and(window(W=2),!window(W=1))' }))).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
  });
});
