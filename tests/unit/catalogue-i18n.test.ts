/**
 * The mask catalogue in both languages (issue #12 §5): every mask has a description, a source and
 * its equivalents in other libraries in English and Chinese, and every term its expression is
 * labelled with has a name in both languages (the why-tree and the composition tree show them).
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogueMask, defaultMaskParams, MASK_CATALOGUE } from '../../src/engine/mask/catalogue';
import { children, type MaskExpr } from '../../src/engine/mask/expr';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';

const CJK = /[\u4e00-\u9fff]/;

function labels(expr: MaskExpr, out = new Set<string>()): Set<string> {
  if (expr.kind === 'label') out.add(expr.label);
  for (const child of children(expr)) labels(child, out);
  return out;
}

describe('mask catalogue info, en and zh', () => {
  it('every catalogue mask has a description, a source and equivalents in English; source and equivalents are the catalogue\'s', () => {
    for (const entry of MASK_CATALOGUE) {
      const info = en.catalogue.masks[entry.id];
      expect(info?.description, entry.id).toMatch(/\w{3}/);
      expect(info?.source, entry.id).toBe(entry.source);
      expect(info?.equivalents, entry.id).toBe(entry.equivalents);
    }
  });

  it('every catalogue mask has a Chinese description, source and equivalents (Chinese text, not a copy of the English)', () => {
    for (const entry of MASK_CATALOGUE) {
      const info = zh.catalogue.masks[entry.id];
      for (const field of ['description', 'source', 'equivalents'] as const) {
        expect(info?.[field], `${entry.id}.${field}`).toMatch(CJK);
        expect(info?.[field], `${entry.id}.${field}`).not.toBe(en.catalogue.masks[entry.id]?.[field]);
      }
    }
  });

  it('the Chinese info has no mask the catalogue lacks, and its marks are balanced (`code`, «cited title»)', () => {
    expect(Object.keys(zh.catalogue.masks).sort()).toEqual(MASK_CATALOGUE.map((e) => e.id).sort());
    for (const [id, info] of Object.entries(zh.catalogue.masks)) {
      for (const text of Object.values(info)) {
        expect((text.match(/`/g) ?? []).length % 2, id).toBe(0);
        expect((text.match(/«/g) ?? []).length, id).toBe((text.match(/»/g) ?? []).length);
      }
    }
  });

  it('every label of every catalogue mask (built at its defaults, with Lq ≠ Lk) has a term name in en and zh', () => {
    const context = { batch: 1, heads: 2, queryLength: 6, keyLength: 8, seed: 1 };
    const missing: string[] = [];
    for (const entry of MASK_CATALOGUE) {
      const { expr } = buildCatalogueMask(entry.id, defaultMaskParams(entry), context);
      for (const label of labels(expr)) {
        for (const [lang, strings] of [['en', en], ['zh', zh]] as const) {
          if (!(strings.terms as Record<string, string>)[label]) missing.push(`${lang}: ${entry.id} → ${label}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
