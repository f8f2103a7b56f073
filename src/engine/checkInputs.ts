/** Validation of AttentionInputs shared by every engine path. */
import { checkScoreMods } from './scoreMods';
import type { AttentionInputs } from './types';

/**
 * Checks sizes and array lengths before any work.
 * @throws Error, starting with `who`, when a size is not an integer ≥ 1, an array's length does
 *   not match the shape (the message names it), or a score modifier is out of range.
 */
export function checkAttentionInputs({ shape, q, k, v, queryIsReal, scoreMods }: AttentionInputs, who: string): void {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = shape;
  const dims = [B, H, Lq, Lk, dK, dV];
  if (dims.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new Error(`${who}: every size must be an integer ≥ 1, got ${JSON.stringify(shape)}`);
  }
  const expect = (name: string, got: number, want: number, dimsText: string) => {
    if (got !== want) {
      throw new Error(`${who}: ${name} has ${got} values, expected ${dimsText} = ${want}`);
    }
  };
  expect('q', q.length, B * H * Lq * dK, `[B,H,Lq,dK] = [${B},${H},${Lq},${dK}]`);
  expect('k', k.length, B * H * Lk * dK, `[B,H,Lk,dK] = [${B},${H},${Lk},${dK}]`);
  expect('v', v.length, B * H * Lk * dV, `[B,H,Lk,dV] = [${B},${H},${Lk},${dV}]`);
  expect('queryIsReal', queryIsReal.length, B, `[B] = [${B}]`);
  checkScoreMods(scoreMods, who);
}
