import { it } from 'vitest';
import { MASK_CATALOGUE, defaultMaskParams } from '../../src/engine/mask/catalogue';
import { formatExpr } from '../../src/engine/mask/format';
it('print', () => {
  for (const e of MASK_CATALOGUE) {
    for (const [lq, lk] of [[6, 6], [2, 6]] as const) {
      const { expr } = e.build(defaultMaskParams(e), { batch: 1, heads: 2, queryLength: lq, keyLength: lk, seed: 1 });
      console.log(e.id, lq, lk, '::', formatExpr(expr));
    }
  }
});
