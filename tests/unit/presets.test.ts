import { describe, expect, it } from 'vitest';
import { applyPreset, presetOf, PRESETS } from '../../src/state/presets';
import { DEFAULT_SCENARIO } from '../../src/state/scenario';
import { sanitizeScenario } from '../../src/state/validate';
import { decodeScenario, encodeScenario } from '../../src/state/urlCodec';
import { maskLeaves, parseMaskList } from '../../src/state/maskList';
import { maskCatalogueEntry } from '../../src/engine/mask/catalogue';
import { deriveInputs } from '../../src/scenario/derive';
import { evaluateMask } from '../../src/engine/masks';
import { planEncDec } from '../../src/compute/encdecCompute';

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

  it('presetOf names each preset after it is applied, and still while only the view changes (step, head, batch item, row, panels); an edited setting names none', () => {
    for (const preset of PRESETS) {
      const scenario = applyPreset(preset, { ...DEFAULT_SCENARIO, language: 'zh', seed: 7 });
      expect(presetOf(scenario)?.id).toBe(preset.id);
      const looked = { ...scenario, step: 'weights', viewHead: 1, viewBatch: 1, row: 2, open: 'input', focus: 'heads' } as const;
      expect(presetOf(looked)?.id, preset.id).toBe(preset.id);
      expect(presetOf({ ...scenario, dK: scenario.dK + 1 }), preset.id).toBeUndefined();
      // another preset may be one toggle away (BERT with causal on is the T5 decoder)
      expect(presetOf({ ...scenario, causal: !scenario.causal })?.id, preset.id).not.toBe(preset.id);
    }
  });

  it('preset fully-masked: left padding + causal gives fully masked rows 0, 1, 2 in item 0 (pad queries see only pad keys); opens the frameworks panel and lands on its outcomes', async () => {
    const scenario = applyPreset(PRESETS.find((p) => p.id === 'fully-masked')!, DEFAULT_SCENARIO);
    expect(scenario).toMatchObject({ paddingSide: 'left', causal: true, open: 'input,masks,modifiers,model,frameworks', focus: 'fully-masked', step: 'masked' });
    const derived = deriveInputs(scenario);
    if (!derived.ok) throw new Error(derived.error);
    const { referenceAttention } = await import('../../src/engine/reference');
    const ref = referenceAttention(derived.inputs);
    const { heads: H, queryLength: Lq } = ref.shape;
    const fullyMasked = (b: number) => Array.from({ length: Lq }, (_, q) => ref.rowStatus[(b * H) * Lq + q]! & 1);
    expect(fullyMasked(0)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(fullyMasked(1)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('preset decode: one query sees all 12 cached keys (bottom-right causal)', () => {
    const derived = deriveInputs(applyPreset(PRESETS.find((p) => p.id === 'decode')!, DEFAULT_SCENARIO));
    if (!derived.ok) throw new Error(derived.error);
    expect([...evaluateMask(derived.inputs.mask, derived.inputs.shape)]).toEqual(new Array(12 * 4).fill(1));
  });

  it('preset t5-encdec: the encoder–decoder view, causal decoder, item 0 padded on both sides (target 3 → 6, source 4 → 7)', () => {
    const scenario = applyPreset(PRESETS.find((p) => p.id === 't5-encdec')!, DEFAULT_SCENARIO);
    expect([scenario.attention, scenario.causal, scenario.keyPadding, scenario.queryPadding]).toEqual(['encdec', true, true, true]);
    const plan = planEncDec(scenario);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.target.isReal[0]).toEqual([true, true, true, false, false, false]);
    expect(plan.source.isReal[0]).toEqual([true, true, true, true, false, false, false]);
    expect([plan.scenarios.decoder.causal, plan.scenarios.encoder.causal, plan.scenarios.cross.causal]).toEqual([true, false, false]);
  });

  it('preset ids are unique', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
});
