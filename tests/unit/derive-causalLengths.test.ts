import { describe, expect, it } from 'vitest';
import { deriveInputs } from '../../src/scenario/derive';
import { decodeScenario } from '../../src/state/urlCodec';
import { evaluateMask } from '../../src/engine/masks';
import { formatExpr } from '../../src/engine/mask';
import { causalReadingDiff } from '../../src/scenario/causalReadings';

/** The bug's link (issue #11 §3): cross-attention, item 0 has keys k0 k1 k2 <pad>. */
const BUG = '?v=1&attn=cross&q=q0+q1%0Aq0+q1&k=k0+k1+k2%0Ak0+k1+k2+k3&causal=1&align=br&heads=1';

/** The mask of batch item b (head 0) of a link, as rows of 0/1. */
function maskRows(query: string, b: number): number[][] {
  const { scenario, warnings } = decodeScenario(query);
  expect(warnings).toEqual([]);
  const d = deriveInputs(scenario, { vectors: false });
  if (!d.ok) throw new Error(d.error);
  const { queryLength: Lq, keyLength: Lk, heads: H } = d.inputs.shape;
  const grid = evaluateMask(d.inputs.mask, d.inputs.shape);
  return Array.from({ length: Lq }, (_, q) => [...grid.slice(((b * H) * Lq + q) * Lk, ((b * H) * Lq + q + 1) * Lk)]);
}

describe('deriveInputs: causal masks in a padded batch (causallen)', () => {
  it('the issue\'s link, default (real lengths): item 0 rows [1,1,0,0], [1,1,1,0], as alone in its batch', () => {
    expect(maskRows(BUG, 0)).toEqual([[1, 1, 0, 0], [1, 1, 1, 0]]);
    expect(maskRows(BUG, 1)).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
  });

  it('the issue\'s link with causallen=padded: the dense kernel\'s rows [1,1,1,0], [1,1,1,0]', () => {
    expect(maskRows(`${BUG}&causallen=padded`, 0)).toEqual([[1, 1, 1, 0], [1, 1, 1, 0]]);
  });

  it('item 0 alone in its batch gives the same real block as the default reading', () => {
    expect(maskRows('?v=1&attn=cross&q=q0+q1&k=k0+k1+k2&causal=1&align=br&heads=1', 0)).toEqual([[1, 1, 0], [1, 1, 1]]);
  });

  it('pad=left: both readings give item 0 rows [0,1,1,0], [0,1,1,1]', () => {
    expect(maskRows(`${BUG}&pad=left`, 0)).toEqual([[0, 1, 1, 0], [0, 1, 1, 1]]);
    expect(maskRows(`${BUG}&pad=left&causallen=padded`, 0)).toEqual([[0, 1, 1, 0], [0, 1, 1, 1]]);
  });

  it('a one-query decode step beside a two-query item: it sees all 4 of its keys (padded shape: 3)', () => {
    const link = '?v=1&attn=cross&q=q0%0Aq0+q1&k=k0+k1+k2+k3%0Ak0+k1+k2+k3&causal=1&align=br&heads=1';
    expect(maskRows(link, 0)[0]).toEqual([1, 1, 1, 1]);
    expect(maskRows(`${link}&causallen=padded`, 0)[0]).toEqual([1, 1, 1, 0]);
  });

  it('lengths mode: the plain formula, whatever causallen says', () => {
    for (const reading of ['real', 'padded']) {
      const d = deriveInputs(decodeScenario(`?v=1&mode=lengths&attn=cross&lq=2&lk=4&b=2&causal=1&causallen=${reading}`).scenario);
      if (!d.ok) throw new Error(d.error);
      expect(formatExpr(d.inputs.mask.expr)).toBe('k <= q + (Lk - Lq)');
    }
  });
});

describe('causalReadingDiff', () => {
  const diffOf = (query: string, b = 0) => causalReadingDiff(decodeScenario(query).scenario, b, 0);

  it('the issue\'s link, item 0: one cell differs, (q0, k2), allowed by the padded shape only', () => {
    const diff = diffOf(BUG);
    expect(diff && { flags: [...diff.flags], count: diff.count, realOnly: diff.realOnly, paddedOnly: diff.paddedOnly })
      .toEqual({ flags: [0, 0, 1, 0, 0, 0, 0, 0], count: 1, realOnly: 0, paddedOnly: 1 });
  });

  it('the same under causallen=padded (the diff does not depend on the reading shown)', () => {
    expect([...(diffOf(`${BUG}&causallen=padded`)?.flags ?? [])]).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('top-left with left-padded keys, item 0: (q0,k1), (q1,k2) allowed by real lengths only', () => {
    const diff = diffOf(`${BUG}&align=tl&pad=left`);
    expect(diff && { flags: [...diff.flags], realOnly: diff.realOnly }).toEqual({ flags: [0, 1, 0, 0, 0, 0, 1, 0], realOnly: 2 });
  });

  it('null where the readings agree: item 1 (unpadded), pad=left bottom-right, self-attention, causal off, lengths mode', () => {
    expect(diffOf(BUG, 1)).toBeNull();
    expect(diffOf(`${BUG}&pad=left`)).toBeNull();
    expect(diffOf('?v=1&q=a+b+c%0Ad&causal=1')).toBeNull();
    expect(diffOf(BUG.replace('causal=1', 'causal=0'))).toBeNull();
    expect(diffOf('?v=1&mode=lengths&attn=cross&lq=2&lk=4&b=2&causal=1')).toBeNull();
    expect(diffOf(BUG, 5)).toBeNull();
  });
});
