import { describe, expect, it } from 'vitest';
import { formatMaskList, MAX_MASKS, maskLeaves, parseMaskList, type MaskChoice } from '../../src/state/maskList';
import { decodeScenario } from '../../src/state/urlCodec';

describe('parseMaskList / formatMaskList', () => {
  it("parseMaskList('window(W=4);prefix(P=3)'): two masks with their parameters", () => {
    expect(parseMaskList('window(W=4);prefix(P=3)')).toEqual({
      items: [{ id: 'window', params: { W: 4 } }, { id: 'prefix', params: { P: 3 } }],
      rejected: [],
    });
  });

  it("parseMaskList(' bigbird(block=2, r=1) ; causal-tl '): spaces ignored, a mask without parameters", () => {
    expect(parseMaskList(' bigbird(block=2, r=1) ; causal-tl ').items).toEqual([
      { id: 'bigbird', params: { block: 2, r: 1 } },
      { id: 'causal-tl', params: {} },
    ]);
  });

  it('parseMaskList with bad pieces: drops exactly those and returns them', () => {
    expect(parseMaskList('window(W=x);Prefix(P=1);ok(A=1,A=2);doc;(W=1)')).toEqual({
      items: [{ id: 'doc', params: {} }],
      rejected: ['window(W=x)', 'Prefix(P=1)', 'ok(A=1,A=2)', '(W=1)'],
    });
  });

  it(`parseMaskList keeps at most ${MAX_MASKS} masks`, () => {
    expect(parseMaskList(Array.from({ length: 10 }, () => 'doc').join(';')).items).toHaveLength(MAX_MASKS);
  });

  it("parseMaskList('!window(W=2); ! doc'): a leading ! negates", () => {
    expect(parseMaskList('!window(W=2); ! doc').items).toEqual([
      { id: 'window', params: { W: 2 }, negate: true },
      { id: 'doc', params: {}, negate: true },
    ]);
    expect(formatMaskList([{ id: 'window', params: { W: 2 }, negate: true }])).toBe('!window(W=2)');
  });

  it('formatMaskList writes the canonical form that parseMaskList reads back', () => {
    const items: MaskChoice[] = [{ id: 'window', params: { W: -2, D: 3 } }, { id: 'doc', params: {} }];
    expect(formatMaskList(items)).toBe('window(W=-2,D=3);doc');
    expect(parseMaskList(formatMaskList(items)).items).toEqual(items);
  });

  it("decodeScenario('m=window(W%3D4);nope(' ): keeps the good mask, warns about the bad piece", () => {
    const { scenario, warnings } = decodeScenario('m=window(W%3D4);nope(');
    expect(scenario.masks).toBe('window(W=4)');
    expect(warnings).toEqual([{ param: 'm', code: 'bad-value', value: 'nope(', used: '' }]);
  });
});

describe('mask groups (the composition tree)', () => {
  it("parseMaskList('window(W=4);!or(prefix-lm(P=3), and(document,!chunked(C=2)))'): nested groups with NOT", () => {
    expect(parseMaskList('window(W=4);!or(prefix-lm(P=3), and(document,!chunked(C=2)))').items).toEqual([
      { id: 'window', params: { W: 4 } },
      {
        op: 'or',
        negate: true,
        children: [
          { id: 'prefix-lm', params: { P: 3 } },
          { op: 'and', children: [{ id: 'document', params: {} }, { id: 'chunked', params: { C: 2 }, negate: true }] },
        ],
      },
    ]);
  });

  it('formatMaskList writes groups canonically and reads them back', () => {
    const text = 'window(W=4);!or(prefix-lm(P=3),and(document,!chunked(C=2)))';
    expect(formatMaskList(parseMaskList(text).items)).toBe(text);
  });

  it('parseMaskList keeps an empty group; rejects unbalanced groups and trees deeper than MAX_DEPTH', () => {
    expect(parseMaskList('or(window;doc').items).toEqual([]);
    expect(parseMaskList('and()').items).toEqual([{ op: 'and', children: [] }]);
    expect(parseMaskList('and(,doc)').rejected).toEqual(['and(,doc)']);
    expect(parseMaskList('or(and(or(and(or(doc)))))').items).toEqual([]);
    expect(parseMaskList('or(and(or(and(doc))))').items).toHaveLength(1);
  });

  it('maskLeaves counts masks inside groups; more than MAX_MASKS leaves are rejected', () => {
    const eight = `or(${Array.from({ length: 8 }, () => 'doc').join(',')})`;
    expect(maskLeaves(parseMaskList(eight).items)).toHaveLength(8);
    expect(parseMaskList(`${eight};doc`).rejected).toEqual(['doc']);
  });
});
