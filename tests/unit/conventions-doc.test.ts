/**
 * docs/conventions.md and the frameworks panel agree (issue #12 §5): every argument, shape and
 * dtype that `frameworkMasks` gives the panel, for masks that do and do not vary by batch item and
 * head, is written in the doc, and the doc names every snippet the panel offers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkMasks } from '../../src/engine/codegen';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';

const doc = readFileSync(new URL('../../docs/conventions.md', import.meta.url), 'utf8');

/** A causal mask [B, H, L, L]; with `perHead`, head 1 is full instead (so the mask varies by head). */
function mask(B: number, H: number, L: number, perHead: boolean): Uint8Array {
  const out = new Uint8Array(B * H * L * L);
  for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) for (let q = 0; q < L; q++) for (let k = 0; k < L; k++) {
    out[((b * H + h) * L + q) * L + k] = k <= q || (perHead && h === 1) ? 1 : 0;
  }
  return out;
}

describe('docs/conventions.md agrees with the frameworks panel', () => {
  for (const perHead of [false, true]) {
    it(`frameworkMasks (${perHead ? 'a per-head mask' : 'one mask for every head'}): each argument, shape label and dtype is in the doc`, () => {
      const shape = { batch: 2, heads: 2, queryLength: 3, keyLength: 3 };
      const keyIsReal = [[true, true, true], [true, true, false]];
      for (const c of frameworkMasks({ mask: mask(2, 2, 3, perHead), shape, keyIsReal })) {
        const argument = /(\w+)=/.exec(c.argument)?.[1] ?? c.argument;
        expect(doc, `${c.id} argument ${argument}`).toContain(argument);
        expect(doc, `${c.id} shape ${c.shapeLabel}`).toContain(c.shapeLabel);
        expect(doc, `${c.id} dtype ${c.dtype}`).toContain(`\`${c.dtype}\``);
      }
    });
  }

  it('the doc states each polarity the panel states (True = attend, True = blocked, 1 = real token, 1 = masked)', () => {
    const polarity = ['**True = attend**', '**True = blocked**', '**True = this key is padding**', '**1 = real token, 0 = padding**', '**True / 1 = attend**', '**1 = masked**', '**0 = attend, −∞ = blocked**'];
    for (const p of polarity) expect(doc).toContain(p);
    expect(en.conventions.meaning['pytorch-mha-attn-mask']).toMatch(/`True` = blocked/);
    expect(en.conventions.meaning['pytorch-sdpa']).toMatch(/`True` = the query attends/);
  });

  it('the doc covers FlexAttention mask_mod and score_mod, Keras use_causal_mask and Flax make_attention_mask', () => {
    for (const name of ['mask_mod', 'score_mod', 'create_block_mask', 'use_causal_mask', 'make_attention_mask', 'is_causal', 'key_padding_mask']) {
      expect(doc).toContain(name);
    }
  });

  it('a fully masked row: the doc and the panel (English and Chinese) put each library under the same outcome', () => {
    const bullets = {
      zeros: /\*\*Selection, empty row → 0\*\*[\s\S]*?(?=\n- \*\*)/.exec(doc)?.[0] ?? '',
      nan: /\*\*Naive softmax of −∞ → NaN\*\*[\s\S]*?(?=\n- \*\*)/.exec(doc)?.[0] ?? '',
      uniform: /\*\*Additive large negative → uniform\*\*[\s\S]*?(?=\n\n)/.exec(doc)?.[0] ?? '',
    };
    const outcomeOf: Record<string, keyof typeof bullets> = {
      FlexAttention: 'zeros', 'jax.nn.softmax': 'zeros', 'need_weights=True': 'nan',
      'jax.nn.dot_product_attention': 'uniform', Flax: 'uniform', Keras: 'uniform',
    };
    for (const [library, outcome] of Object.entries(outcomeOf)) {
      for (const [where, texts] of [['doc', bullets], ['en', mapLibraries(en)], ['zh', mapLibraries(zh)]] as const) {
        const holding = (Object.keys(texts) as (keyof typeof bullets)[]).filter((o) => texts[o].includes(library));
        expect([where, library, holding]).toEqual([where, library, [outcome]]);
      }
    }
  });
});

function mapLibraries(strings: typeof en): Record<'zeros' | 'nan' | 'uniform', string> {
  const rows = strings.conventions.maskedRow;
  return { zeros: rows.zeros.libraries, nan: rows.nan.libraries, uniform: rows.uniform.libraries };
}
