import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';
import type { StateWarningCode } from '../../src/state/warnings';
import { decodeScenario } from '../../src/state/urlCodec';
import { warningKey } from '../../src/ui/WarningBanner';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('en and zh have exactly the same keys', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('every zh string uses the same {{placeholders}} as its en string', () => {
    const get = (o: object, path: string) => path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o) as string;
    for (const key of keys(en)) expect([key, placeholders(get(zh, key))]).toEqual([key, placeholders(get(en, key))]);
  });

  it('every URL warning code has a message in both languages', () => {
    const codes: StateWarningCode[] = ['unknown-key', 'bad-value', 'out-of-range', 'beyond-data', 'not-integer', 'too-long', 'too-many-lines', 'bad-version', 'bad-compressed', 'bad-escape', 'unknown-control'];
    const get = (o: object, path: string) => path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);
    for (const code of codes) {
      for (const param of ['vh', 'vb']) {
        const key = warningKey({ param, code, value: '9', used: '1' });
        for (const lang of [en, zh]) expect([key, typeof get(lang, key)]).toEqual([key, 'string']);
      }
    }
  });

  it('vh and vb past the data: “the last head is 1; showing head 1”, and the batch item likewise', () => {
    const { warnings } = decodeScenario('v=2&heads=2&vh=15&mode=lengths&b=2&vb=3');
    expect(warnings.map(warningKey)).toEqual(['warnings.beyondBatch', 'warnings.beyondHead']);
    expect(warnings.map((w) => [w.param, w.value, w.used])).toEqual([['vb', '3', '1'], ['vh', '15', '1']]);
  });

  it('a piece of the link with no name ("==<script>") is said as such, not as the setting “”', () => {
    const { warnings } = decodeScenario('v=1&garbage&&==<script>');
    expect(warnings.map(warningKey)).toEqual(['warnings.unknown-key', 'warnings.namelessKey']);
    expect(warnings[1]).toMatchObject({ param: '', value: '=<script>' });
  });

  it('an unknown key that names a setting says which key was meant: masks → “m”', () => {
    const { warnings } = decodeScenario('v=2&masks=causal&zz=1');
    expect(warnings.map(warningKey)).toEqual(['warnings.unknownKeyMeant', 'warnings.unknown-key']);
    expect(warnings[0]).toMatchObject({ param: 'masks', used: 'm' });
    for (const lang of [en, zh]) expect(placeholders(lang.warnings.unknownKeyMeant)).toEqual(['param', 'used']);
  });

  it('zh names the logit soft cap one way (软上限, as the share and figure strings do), never 软截断', async () => {
    const all = await Promise.all(['zh', 'figures.zh', 'lesson.zh', 'share.zh'].map((f) => import(`../../src/ui/i18n/${f}.ts`)));
    const strings = all.flatMap((m) => Object.values(m).flatMap((o) => (typeof o === 'object' && o !== null ? [JSON.stringify(o)] : [])));
    expect(strings.join('\n')).not.toContain('软截断');
    expect(strings.filter((s) => s.includes('软上限')).length).toBeGreaterThanOrEqual(4);
  });
});

describe('catalogue translations', () => {
  it('every catalogue mask has a name, and every parameter a description, in both languages', async () => {
    const { MASK_CATALOGUE } = await import('../../src/engine/mask/catalogue');
    for (const entry of MASK_CATALOGUE) {
      for (const strings of [en, zh]) {
        expect(strings.masks[entry.id as keyof typeof strings.masks], entry.id).toBeTruthy();
        for (const p of entry.params) {
          const params = strings.maskParams[entry.id as keyof typeof strings.maskParams] as Record<string, string> | undefined;
          expect(params?.[p.name], `${entry.id}.${p.name}`).toBeTruthy();
        }
      }
    }
  });
});
