import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTROLS, controlState, frozenFields, lockedByPanel, parseShapeList, SHAPE_IDS } from '../../src/state/controls';
import { DEFAULT_SCENARIO, PANELS } from '../../src/state/scenario';
import { decodeScenario, encodeScenario } from '../../src/state/urlCodec';
import { sanitizeScenario } from '../../src/state/validate';
import { describeWarning } from '../../src/state/warnings';
import { choiceOf, shapeLists, shareLink } from '../../src/ui/shareLink';
import { withoutFrozen } from '../../src/ui/useShapedUpdate';
import { applyPreset, PRESETS } from '../../src/state/presets';
import { shareEn } from '../../src/ui/i18n/share.en';
import { shareZh } from '../../src/ui/i18n/share.zh';

describe('hide= and lock= lists', () => {
  it("parseShapeList(' masks, causal,nope,,causal, x '): known ids in SHAPE_IDS order, unknown ones as written", () => {
    expect(parseShapeList(' masks, causal,nope,,causal, x ')).toEqual({ ids: ['causal', 'masks'], unknown: ['nope', 'x'] });
    expect(parseShapeList('')).toEqual({ ids: [], unknown: [] });
  });

  it('decodeScenario("#hide=masks,seed&lock=causal"): canonical order, no warning', () => {
    expect(decodeScenario('#hide=masks,seed&lock=causal')).toEqual({ scenario: { ...DEFAULT_SCENARIO, hide: 'seed,masks', lock: 'causal' }, warnings: [] });
  });

  it('an unknown id is left out with one unknown-control warning whose message lists every valid id', () => {
    const { scenario, warnings } = decodeScenario('#lock=causal,heads,bogus,Causal');
    expect(scenario.lock).toBe('causal,heads');
    expect(warnings).toEqual([{ param: 'lock', code: 'unknown-control', value: 'bogus,Causal', used: '' }]);
    const message = describeWarning(warnings[0]!);
    for (const id of SHAPE_IDS) expect(message).toContain(id);
  });

  it('a non-string hide is a bad value (default ""), from saved JSON', () => {
    expect(sanitizeScenario({ hide: 3 }).warnings).toEqual([{ param: 'hide', code: 'bad-value', value: '3', used: '' }]);
  });

  it('round trip: a shaped link encodes and decodes to the same lists', () => {
    const s = { ...DEFAULT_SCENARIO, hide: 'share,model', lock: 'causal,m' };
    expect(encodeScenario(s)).toBe('v=2&hide=share%2Cmodel&lock=causal%2Cm');
    expect(decodeScenario(`#${encodeScenario(s)}`)).toEqual({ scenario: s, warnings: [] });
  });
});

describe('controlState', () => {
  const s = (hide: string, lock: string) => ({ hide, lock });
  it('a control named in lock is locked; in hide hidden; hide wins over lock', () => {
    expect(controlState(s('', 'causal'), 'causal')).toBe('locked');
    expect(controlState(s('causal', ''), 'causal')).toBe('hidden');
    expect(controlState(s('causal', 'causal'), 'causal')).toBe('hidden');
    expect(controlState(s('', 'causal'), 'heads')).toBe('visible');
  });
  it("a panel id covers its controls: lock=masks locks 'causal' and 'cm', not 'heads'; hide=model hides 'seed'", () => {
    expect(controlState(s('', 'masks'), 'causal')).toBe('locked');
    expect(controlState(s('', 'masks'), 'cm')).toBe('locked');
    expect(controlState(s('', 'masks'), 'heads')).toBe('visible');
    expect(controlState(s('model', 'masks'), 'seed')).toBe('hidden');
    expect(controlState(s('model', 'masks'), 'model')).toBe('hidden');
  });
});

describe('lockedByPanel', () => {
  it("lock=masks: 'causal' is locked by its panel; lock=masks,causal: by itself too; a header control never", () => {
    expect(lockedByPanel({ hide: '', lock: 'masks' }, 'causal')).toBe(true);
    expect(lockedByPanel({ hide: '', lock: 'masks,causal' }, 'causal')).toBe(false);
    expect(lockedByPanel({ hide: '', lock: 'causal' }, 'causal')).toBe(false);
    expect(lockedByPanel({ hide: '', lock: 'masks' }, 'masks')).toBe(false);
    expect(lockedByPanel({ hide: '', lock: 'lang' }, 'lang')).toBe(false);
  });
});

describe('frozenFields and withoutFrozen', () => {
  it("lock=causal,model freezes causal, seed, dK, heads and engine; hidden controls' fields stay free", () => {
    expect([...frozenFields({ hide: 'temp', lock: 'causal,model' })].sort()).toEqual(['causal', 'dK', 'engine', 'heads', 'seed']);
  });
  it('a patch loses exactly its frozen fields', () => {
    const frozen = frozenFields({ hide: '', lock: 'causal' });
    expect(withoutFrozen({ causal: true, heads: 2 }, frozen)).toEqual({ heads: 2 });
    const patch = { heads: 2 };
    expect(withoutFrozen(patch, frozen)).toBe(patch);
  });
});

describe('control ids', () => {
  it('are unique, include the panels, and a control that sets one field has its URL key as id', () => {
    expect(new Set(SHAPE_IDS).size).toBe(SHAPE_IDS.length);
    for (const p of PANELS) expect(SHAPE_IDS).toContain(p);
    expect(CONTROLS.find((c) => c.id === 'causal')?.fields).toEqual(['causal']);
    expect(CONTROLS.find((c) => c.id === 'dk')?.fields).toEqual(['dK']);
  });

  it('docs/url-format.md lists every control id, in order, and every panel id', () => {
    const doc = readFileSync(new URL('../../docs/url-format.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Controls and panels'), doc.indexOf('## Reading'));
    const ids = [...section.matchAll(/^\| `([^`]+)`\s*\|/gm)].map((m) => m[1]);
    expect(ids).toEqual(CONTROLS.map((c) => c.id));
    for (const p of PANELS) expect(section).toContain(`\`${p}\``);
  });

  it('every control has a label in the Share panel, in English and Chinese', () => {
    for (const c of CONTROLS) {
      expect(shareEn.controls[c.id as keyof typeof shareEn.controls], c.id).toBeTruthy();
      expect(shareZh.controls[c.id as keyof typeof shareZh.controls], c.id).toBeTruthy();
    }
  });
});

describe('shareLink', () => {
  it('a choice → hide= and lock= in SHAPE_IDS order; choiceOf reads them back', () => {
    const choice = { ...choiceOf(DEFAULT_SCENARIO), masks: 'locked', seed: 'hidden', causal: 'locked' } as const;
    expect(shapeLists(choice)).toEqual({ hide: 'seed', lock: 'causal,masks' });
    expect(choiceOf({ hide: 'seed', lock: 'causal,masks' })).toEqual(choice);
  });

  it('the link: base + # + the scenario with the landing and the lists', () => {
    const choice = { ...choiceOf(DEFAULT_SCENARIO), heads: 'locked' } as const;
    const link = shareLink('https://example.org/m/', { ...DEFAULT_SCENARIO, causal: true }, choice, { present: true, step: 'weights', focus: '' });
    expect(link).toBe('https://example.org/m/#v=2&causal=1&present=1&step=weights&lock=heads');
  });
});

describe('presets under a shaped link', () => {
  it('every preset keeps hide and lock', () => {
    const current = { ...DEFAULT_SCENARIO, hide: 'seed', lock: 'causal,masks' };
    for (const p of PRESETS) expect(applyPreset(p, current), p.id).toMatchObject({ hide: 'seed', lock: 'causal,masks' });
  });
});
