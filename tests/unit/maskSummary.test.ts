/** maskSummary: the masks the quiz asks about and the figure caption names, in English and Chinese. */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';
import { maskSummary } from '../../src/ui/stageFigures';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';

async function translator(lng: 'en' | 'zh') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, zh: { translation: zh } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as Parameters<typeof maskSummary>[1];
}
const scenario = (patch: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...patch });

describe('maskSummary', () => {
  it('names causal with its alignment, key padding (text mode only), extra masks, the formula and painted cells, joined by +', async () => {
    const t = await translator('en');
    expect(maskSummary(scenario({ causal: true, causalAlignment: 'bottom-right', keyPadding: true, inputMode: 'text' }), t)).toBe('causal (bottom-right) + key padding');
    expect(maskSummary(scenario({ causal: true, causalAlignment: 'top-left', inputMode: 'lengths' }), t)).toBe('causal (top-left)');
    expect(maskSummary(scenario({ causal: false, keyPadding: false, masks: 'window(W=2)', customMask: 'k <= q', paint: '0.1.0' }), t))
      .toBe('masks window(W=2) + custom k <= q + painted cells');
    expect(maskSummary(scenario({ causal: false, keyPadding: false, inputMode: 'text' }), t)).toBe('no mask');
  });

  it('attn=encdec: the cross-attention shown below is never causal and leaves the extra masks out', async () => {
    const t = await translator('en');
    expect(maskSummary(scenario({ attention: 'encdec', causal: true, keyPadding: true, inputMode: 'text', masks: 'window(W=2)', paint: '0.1.0' }), t)).toBe('key padding');
    expect(maskSummary(scenario({ attention: 'cross', causal: true, keyPadding: true, inputMode: 'text' }), t)).toBe('causal (bottom-right) + key padding');
  });

  it('in Chinese', async () => {
    const t = await translator('zh');
    expect(maskSummary(scenario({ causal: true, causalAlignment: 'bottom-right', keyPadding: true, inputMode: 'text' }), t)).toBe('因果（右下对齐） + 键填充');
  });
});
