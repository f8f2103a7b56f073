/** NumberField's check of typed text (src/ui/NumberField.tsx numberProblem). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinSentences, numberProblem } from '../../src/ui/NumberField';
import { DECIMAL_RANGES, INTEGER_RANGES } from '../../src/state/scenario';
import { decodeScenario } from '../../src/state/urlCodec';

describe('numberProblem', () => {
  it('whole numbers in plain decimal notation within [min, max] pass; others say why', () => {
    expect(numberProblem(' 8 ', 1, 16)).toBeNull();
    expect(numberProblem('+3', 1, 16)).toBeNull();
    expect(numberProblem('17', 1, 16)).toBe('range');
    expect(numberProblem('2.5', 1, 16)).toBe('fraction');
    expect(numberProblem('  ', 1, 16)).toBe('empty');
    expect(numberProblem('', 0.01, 100, false)).toBe('empty');
    for (const text of ['1e1', '0x10', 'Infinity', '8 heads', '--1']) expect(numberProblem(text, 1, 16), text).toBe('notInteger');
  });
  it('decimals when allowed: "0.5" and ".5" pass, exponents do not', () => {
    expect(numberProblem('0.5', 0.01, 100, false)).toBeNull();
    expect(numberProblem('.5', 0.01, 100, false)).toBeNull();
    expect(numberProblem('5e-1', 0.01, 100, false)).toBe('notNumber');
    expect(numberProblem('0.001', 0.01, 100, false)).toBe('range');
  });
});

describe('numberProblem with an off value (soft-cap: 0 = off, else 0.01 … 1000)', () => {
  it('"0" passes as off; "0.001" and "-1" are out of range; "0.01" and "1000" pass', () => {
    expect(numberProblem('0', 0.01, 1000, false, 0)).toBeNull();
    expect(numberProblem('0.01', 0.01, 1000, false, 0)).toBeNull();
    expect(numberProblem('1000', 0.01, 1000, false, 0)).toBeNull();
    expect(numberProblem('0.001', 0.01, 1000, false, 0)).toBe('range');
    expect(numberProblem('-1', 0.01, 1000, false, 0)).toBe('range');
  });
});

describe('a number the app displays is a number it accepts', () => {
  // The fields show String(value) of the Scenario; ScorePanel and ModelPanel pass the ranges below.
  const accepts = (field: 'temperature' | 'softcap', value: number) => {
    const r = DECIMAL_RANGES[field];
    return numberProblem(String(value), r.min, r.max, false, r.off);
  };

  it('decodeScenario("cap=1e-300"): the soft-cap becomes 0.01, which the field accepts', () => {
    const { scenario } = decodeScenario('v=2&cap=1e-300');
    expect(scenario.softcap).toBe(0.01);
    expect(accepts('softcap', scenario.softcap)).toBeNull();
  });

  it('any decimal in a link (cap=, temp=): what is kept displays as text the field accepts (property)', () => {
    const decimal = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }));
    fc.assert(fc.property(decimal, decimal, (cap, temp) => {
      const { scenario } = decodeScenario(`v=2&cap=${cap}&temp=${temp}`);
      expect(accepts('softcap', scenario.softcap)).toBeNull();
      expect(accepts('temperature', scenario.temperature)).toBeNull();
    }), { numRuns: 500 });
  });

  it('any integer in a link (seed=, heads=, lq= …): what is kept displays as text the field accepts (property)', () => {
    const keys = [['seed', 'seed'], ['heads', 'heads'], ['dk', 'dK'], ['lq', 'queryLength'], ['lk', 'keyLength'], ['b', 'batchSize']] as const;
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...keys), (x, [key, field]) => {
      const { scenario } = decodeScenario(`v=2&${key}=${x}`);
      const r = INTEGER_RANGES[field];
      expect(numberProblem(String(scenario[field]), r.min, r.max)).toBeNull();
    }), { numRuns: 500 });
  });
});

describe('joinSentences', () => {
  it('joins an English error and the kept value with a space, a Chinese one with none', async () => {
    const { default: i18next } = await import('../../src/ui/i18n');
    const message = (lng: string) => {
      const t = i18next.getFixedT(lng);
      return joinSentences(t('errors.range', { min: 1, max: 16 }), t('errors.kept', { value: 4 }));
    };
    expect(message('en')).toMatch(/\. \S/);
    expect(message('zh')).toMatch(/。仍/);
    expect(message('zh')).not.toMatch(/\s仍/);
  });
});
