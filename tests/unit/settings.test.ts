import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { SETTING_FIELDS, SETTINGS, settingOf, tableDefaults } from '../../src/state/settings';
import { decodeScenario, encodeScenario, VERSION_KEY } from '../../src/state/urlCodec';
import { sanitizeScenario } from '../../src/state/validate';
import { computeSettingsKey, vectorSettingsKey } from '../../src/scenario/derive';
import { settingValueArb, tableScenarioArb } from '../helpers/settingsArbitraries';

/** `| \`key\` | \`field\` |` rows of docs/url-format.md's Keys table. */
function documentedKeys(): [string, string][] {
  const doc = readFileSync(new URL('../../docs/url-format.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Keys'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));
  return [...table.matchAll(/^\| `([^`]+)`\s*\| `([^`]+)`/gm)].map((m) => [m[1]!, m[2]!]);
}

describe('the settings table (src/state/settings.ts)', () => {
  it('has exactly one row per Scenario field (type level: no field missing, none extra)', () => {
    expectTypeOf<keyof typeof SETTINGS>().toEqualTypeOf<keyof Scenario>();
    expect(new Set(SETTING_FIELDS).size).toBe(SETTING_FIELDS.length);
    expect(Object.keys(DEFAULT_SCENARIO)).toEqual(SETTING_FIELDS);
  });

  it('lists the same fields, with the same URL keys, in the same order, as docs/url-format.md', () => {
    expect(documentedKeys()).toEqual(SETTING_FIELDS.map((field) => [SETTINGS[field].key, field]));
  });

  it('URL keys: all different, never the version key, never another key plus the compressed suffix', () => {
    const keys = SETTING_FIELDS.map((field) => settingOf(field).key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(VERSION_KEY);
    const compressed = SETTING_FIELDS.filter((f) => settingOf(f).compress).map((f) => `${settingOf(f).key}z`);
    for (const key of compressed) expect(keys).not.toContain(key);
  });

  it("the defaults are the default Scenario, each valid by its own row (sanitizing them warns of nothing, and the link is 'v=2')", () => {
    expect(tableDefaults()).toEqual(DEFAULT_SCENARIO);
    expect(sanitizeScenario(tableDefaults())).toEqual({ scenario: DEFAULT_SCENARIO, warnings: [] });
    expect(encodeScenario(DEFAULT_SCENARIO)).toBe('v=2');
  });

  it('the documented defaults (docs/url-format.md), field by field', () => {
    expect(DEFAULT_SCENARIO).toMatchObject({
      inputMode: 'text', attention: 'self', queryLength: 8, keyLength: 8, batchSize: 1, paddingSide: 'right',
      causal: false, causalAlignment: 'bottom-right', causalLengths: 'real', keyPadding: true, queryPadding: true,
      masks: '', maskJoin: 'and', customMask: '', globalTokens: '', paint: '', temperature: 1, alibi: false, softcap: 0,
      seed: 42, dK: 8, heads: 4, viewBatch: 0, viewHead: 0, weightScale: 'unit', tileSize: 0, engine: 'auto',
      language: 'en', present: false, step: 'tokens', focus: '', open: 'input,masks,modifiers,model', row: -1,
    });
    expect(DEFAULT_SCENARIO.queryText.split('\n')).toEqual(['The dog barked', 'The cat sat on the mat']);
  });

  it.each(SETTING_FIELDS)('%s: its effect decides the recompute keys (inputs → Q/K/V and numbers; compute → numbers; view → neither)', (field) => {
    const [other] = fc.sample(settingValueArb(field).filter((v) => v !== DEFAULT_SCENARIO[field]), { numRuns: 1, seed: 1 });
    const changed = { ...DEFAULT_SCENARIO, [field]: other } as Scenario;
    const effect = settingOf(field).effect;
    expect(computeSettingsKey(changed) !== computeSettingsKey(DEFAULT_SCENARIO)).toBe(effect !== 'view');
    expect(vectorSettingsKey(changed) !== vectorSettingsKey(DEFAULT_SCENARIO)).toBe(effect === 'inputs');
  });

  it('scenario → URL → scenario gives it back with no warnings, every field drawn from its row (property)', () => {
    fc.assert(
      fc.property(tableScenarioArb(), (s) => {
        const link = encodeScenario(s);
        expect(decodeScenario(`#${link}`)).toEqual({ scenario: s, warnings: [] });
        const keys = new Set(new URLSearchParams(link).keys());
        for (const field of SETTING_FIELDS) {
          const { key } = settingOf(field);
          const written = keys.has(key) || keys.has(`${key}z`);
          expect(written, field).toBe(s[field] !== DEFAULT_SCENARIO[field]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
