import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { PIPELINE_STEPS } from '../../src/state/scenario';
import { escapeText, stepFormula, texNumber, type FormulaContext } from '../../src/ui/stepFormulas';

const base: FormulaContext = {
  dK: 8, dV: 8, temperature: 1, alibi: false, softcap: 0, cross: false, causal: null, realLengths: false, keyPadding: false, extra: false,
  words: { token: 'token', target: 'target', source: 'source', notPadding: 'is not padding', otherMasks: 'other masks', real: 'real', realPositions: 'from the first real token' },
};
const zhWords = { token: '词元', target: '目标', source: '源', notPadding: '不是填充', otherMasks: '其他掩码', real: '真实', realPositions: '从第一个真实词元起计' };

describe('stepFormula', () => {
  it('every step typesets with KaTeX (throwOnError), in English and Chinese, with every modifier and mask term', () => {
    const contexts: FormulaContext[] = [
      base,
      { ...base, temperature: 0.5, alibi: true, softcap: 2, cross: true, causal: 'bottom-right', keyPadding: true, extra: true },
      { ...base, alibi: true, causal: 'top-left', words: zhWords },
      { ...base, causal: 'bottom-right', realLengths: true, keyPadding: true, words: zhWords },
      { ...base, softcap: 50, words: zhWords, cross: true },
    ];
    for (const c of contexts) {
      for (const step of PIPELINE_STEPS) {
        expect(() => katex.renderToString(stepFormula(step, c), { throwOnError: true, strict: 'ignore' }), `${step}`).not.toThrow();
      }
    }
  });

  it('scaled, dK = 8: divides by √8 ≈ 2.828; with τ = 0.5 by 0.5·√8 ≈ 1.414', () => {
    expect(stepFormula('scaled', base)).toContain(String.raw`\frac{S}{\sqrt{8}} \approx \frac{S}{2.828}`);
    expect(stepFormula('scaled', { ...base, temperature: 0.5 })).toContain(String.raw`\approx \frac{S}{1.414}`);
  });

  it('mask: names the terms that are on, bottom-right causal as k ≤ q + Lk − Lq; with none, M = 1', () => {
    expect(stepFormula('mask', base)).toBe('M_{qk} = 1');
    const both = stepFormula('mask', { ...base, causal: 'bottom-right', keyPadding: true });
    expect(both).toContain(String.raw`k \le q + L_k - L_q`);
    expect(both).toContain(String.raw`\text{is not padding}`);
    expect(stepFormula('mask', { ...base, causal: 'top-left' })).toBe(String.raw`M_{qk} = [\,k \le q\,]`);
  });

  it('mask, real lengths in a padded batch (causallen=real): k̂ ≤ q̂ + Lk^real − Lq^real, the hats explained; never the padded-shape rule', () => {
    const real = stepFormula('mask', { ...base, causal: 'bottom-right', realLengths: true });
    expect(real).toContain(String.raw`\hat k \le \hat q + L_k^{\text{real}} - L_q^{\text{real}}`);
    expect(real).toContain(String.raw`\text{from the first real token}`);
    expect(real).not.toContain(String.raw`k \le q + L_k - L_q`);
    // top-left ignores the lengths: the same rule under both readings
    expect(stepFormula('mask', { ...base, causal: 'top-left', realLengths: true })).toBe(String.raw`M_{qk} = [\,k \le q\,]`);
  });

  it('masked and weights use the symbol of the step before: Ŝ without a modifier, Z with one; a row with no allowed key has weights 0', () => {
    expect(stepFormula('masked', base)).toContain(String.raw`\hat S_{qk} & M_{qk} = 1`);
    expect(stepFormula('masked', { ...base, alibi: true })).toContain(String.raw`Z_{qk} & M_{qk} = 1`);
    expect(stepFormula('weights', base)).toContain(String.raw`\Rightarrow\; A_{qk} = 0`);
  });

  it('logits: soft-cap c = 50 alone is c·tanh(Ŝ/c)', () => {
    expect(stepFormula('logits', { ...base, softcap: 50 })).toBe(String.raw`Z = c \tanh(\hat S / c), \quad c = 50`);
  });

  it('escapeText: TeX specials become text, so a word cannot break the formula', () => {
    expect(escapeText('a_b & 100% {x} ~^\\')).toBe(String.raw`a\_b \& 100\% \{x\} \textasciitilde{}\textasciicircum{}\textbackslash{}`);
    expect(() => katex.renderToString(String.raw`\text{${escapeText('a_b & 100% {x} ~^\\ $#')}}`, { throwOnError: true })).not.toThrow();
  });

  it('texNumber: 3 decimals at most, trailing zeros dropped', () => {
    expect(texNumber(Math.SQRT2 * 2)).toBe('2.828');
    expect(texNumber(0.5)).toBe('0.5');
    expect(texNumber(4)).toBe('4');
  });
});
