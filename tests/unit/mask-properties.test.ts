import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { MASK_VARIABLES, stripLabels } from '../../src/engine/mask/expr';
import { checkTypes } from '../../src/engine/mask/check';
import { compileMask } from '../../src/engine/mask/compile';
import { evaluateMaskGrid } from '../../src/engine/mask/evaluate';
import { formatExpr } from '../../src/engine/mask/format';
import { parseMaskExpression } from '../../src/engine/mask/parse';
import { TABLE_RANKS, caseArb } from '../helpers/maskArbitraries';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('mask expression properties', () => {
  it('compileMask broadcast to [B,H,Lq,Lk] equals evaluateMaskGrid exactly, for random masks, shapes and tables', () => {
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(caseArb, ({ world, expr }) => {
        expect(checkTypes(expr)).toEqual([]);
        const { batch, heads, queryLength, keyLength } = world.shape;
        const expected = evaluateMaskGrid(expr, world.shape, world.tables);
        const compiled = compileMask(expr, world.shape, world.tables);
        const full = tf.broadcastTo(compiled, [batch, heads, queryLength, keyLength]);
        const actual = full.dataSync();
        tf.dispose([compiled, full]);
        expect([...actual]).toEqual([...expected]);
      }),
      { numRuns: 400 },
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('parseMaskExpression(formatExpr(e)) gives e back without its labels, for random masks', () => {
    fc.assert(
      fc.property(caseArb, ({ world, expr }) => {
        const text = formatExpr(expr);
        const parsed = parseMaskExpression(text, { variables: MASK_VARIABLES, parameters: world.params, tables: TABLE_RANKS });
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
        expect(parsed.expr).toEqual(stripLabels(expr));
      }),
      { numRuns: 400 },
    );
  });
});
