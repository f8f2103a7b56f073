import { describe, expect, it } from 'vitest';
import { applyPreset, PRESETS } from '../../src/state/presets';
import { DEFAULT_SCENARIO } from '../../src/state/scenario';
import { sanitizeScenario } from '../../src/state/validate';
import { decodeScenario, encodeScenario } from '../../src/state/urlCodec';
import { maskLeaves, parseMaskList } from '../../src/state/maskList';
import { maskCatalogueEntry } from '../../src/engine/mask/catalogue';
import { deriveInputs } from '../../src/ui/derive';
import { evaluateMask } from '../../src/engine/masks';

describe('presets', () => {
  for (const preset of PRESETS) {
    it(`preset ${preset.id}: a valid scenario that survives the URL, with known masks, that derives`, () => {
      const scenario = applyPreset(preset, { ...DEFAULT_SCENARIO, language: 'zh', seed: 7 });
      expect(sanitizeScenario(scenario)).toEqual({ scenario, warnings: [] });
      expect(decodeScenario(encodeScenario(scenario))).toEqual({ scenario, warnings: [] });
      expect(scenario.language).toBe('zh');
      expect(scenario.seed).toBe(7);
      for (const item of maskLeaves(parseMaskList(scenario.masks).items)) expect(maskCatalogueEntry(item.id)).toBeDefined();
      const derived = deriveInputs(scenario);
      expect(derived.ok).toBe(true);
      if (derived.ok) expect(derived.maskNotes).toEqual([]);
    });
  }

  it('preset decode: one query sees all 12 cached keys (bottom-right causal)', () => {
    const derived = deriveInputs(applyPreset(PRESETS.find((p) => p.id === 'decode')!, DEFAULT_SCENARIO));
    if (!derived.ok) throw new Error(derived.error);
    expect([...evaluateMask(derived.inputs.mask, derived.inputs.shape)]).toEqual(new Array(12 * 4).fill(1));
  });

  it('preset ids are unique', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
});
