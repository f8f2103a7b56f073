import { describe, expect, it } from 'vitest';
import { add, and, cond, eq, label, le, lookup, lt, mod, not, or, sub, vars } from '../../src/engine/mask/expr';
import { explainCell } from '../../src/engine/mask/evaluate';

const { q, k, b } = vars;
const keyIsReal = { shape: [1, 3], data: Uint8Array.from([1, 1, 0]) };
const context = { Lq: 3, Lk: 3, tables: { keyIsReal } };
const at = (q: number, k: number) => ({ b: 0, h: 0, q, k });
const causalAndPadding = and(label('causal', le(k, q)), label('key padding', lookup('keyIsReal', b, k)));
const names = (terms: { label: string | null; text: string }[]) => terms.map((t) => t.label ?? t.text);

describe('explainCell', () => {
  it('explainCell causal && key padding, q=0 k=2: blocked by both, named', () => {
    const result = explainCell(causalAndPadding, at(0, 2), context);
    expect(result.allowed).toBe(false);
    expect(result.blockedBy).toEqual([
      { path: [0], label: 'causal', text: 'k <= q', value: false },
      { path: [1], label: 'key padding', text: 'keyIsReal[b][k]', value: false },
    ]);
  });

  it('explainCell causal && key padding: names exactly the failing term (causal only, padding only, none)', () => {
    expect(names(explainCell(causalAndPadding, at(0, 1), context).blockedBy)).toEqual(['causal']);
    expect(names(explainCell(causalAndPadding, at(2, 2), context).blockedBy)).toEqual(['key padding']);
    const allowed = explainCell(causalAndPadding, at(1, 0), context);
    expect(allowed.allowed).toBe(true);
    expect(allowed.blockedBy).toEqual([]);
    expect(names(allowed.decidedBy)).toEqual(['causal', 'key padding']);
  });

  it('explainCell tree: every node carries its value and whether it decides the cell', () => {
    const { tree } = explainCell(causalAndPadding, at(2, 1), { ...context, tables: { keyIsReal: { shape: [1, 3], data: Uint8Array.from([1, 0, 1]) } } });
    expect(tree.value).toBe(false);
    expect(tree.children.map((c) => [c.text, c.value, c.decisive])).toEqual([
      ['k <= q', true, false],
      ['keyIsReal[b][k]', 0, true],
    ]);
    const causalCompare = tree.children[0]?.children[0];
    expect(causalCompare?.children.map((c) => [c.text, c.value])).toEqual([['k', 1], ['q', 2]]);
  });

  it('explainCell under not: a false term does not block; the true term under not does', () => {
    const expr = and(label('causal', le(k, q)), not(label('masked key', eq(k, 1))));
    expect(explainCell(expr, at(2, 1), context).blockedBy).toEqual([{ path: [1, 0], label: 'masked key', text: 'k == 1', value: true }]);
    expect(names(explainCell(expr, at(0, 2), context).blockedBy)).toEqual(['causal']);
  });

  it('explainCell or(window, global), both false: blocked by both alternatives', () => {
    const expr = or(label('window', lt(sub(q, k), 1)), label('global', eq(k, 0)));
    expect(names(explainCell(expr, at(2, 1), context).blockedBy)).toEqual(['window', 'global']);
    expect(names(explainCell(expr, at(2, 0), context).decidedBy)).toEqual(['global']);
  });

  it('explainCell q % 2 == 0 ? k <= q : true at q=0 k=1: the test decides too (the other branch would allow)', () => {
    const expr = cond(eq(mod(q, 2), 0), le(k, q), true);
    const result = explainCell(expr, at(0, 1), context);
    expect(result.blockedBy.map((t) => [t.text, t.value])).toEqual([['q % 2 == 0', true], ['k <= q', false]]);
  });

  it('explainCell q % 2 == 0 ? k <= q : k <= q + 1 at q=0 k=2: both branches block, so only the chosen one is named', () => {
    const expr = cond(eq(mod(q, 2), 0), le(k, q), le(k, add(q, 1)));
    expect(explainCell(expr, at(0, 2), context).blockedBy.map((t) => t.text)).toEqual(['k <= q']);
  });

  it('explainCell nested labels: the outer label is named, inner nodes are highlighted', () => {
    const expr = label('sliding window', and(label('causal', le(k, q)), lt(sub(q, k), 2)));
    const result = explainCell(expr, at(0, 1), context);
    expect(names(result.blockedBy)).toEqual(['sliding window']);
    expect(result.tree.children[0]?.children[0]?.decisive).toBe(true);
  });

  it('explainCell numeric root: throws a type error', () => {
    expect(() => explainCell(sub(q, k), at(0, 0), context)).toThrow(/'q - k' is a number/);
  });
});
