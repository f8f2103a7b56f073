import { describe, expect, it } from 'vitest';
import {
  alibiBias, alibiSlope, alibiSlopes, cellLogit, changesLogits, checkScoreMods, effectiveScale, scaleFromTemperature, softcap,
} from '../../src/engine/scoreMods';
import { expectArraysClose } from '../helpers/arrays';

/** The bias matrix of head h, as rows. */
const biasMatrix = (h: number, heads: number, Lq: number, Lk: number) =>
  Array.from({ length: Lq }, (_, q) => Array.from({ length: Lk }, (_, k) => alibiBias(h, q, k, { heads, queryLength: Lq, keyLength: Lk })));

describe('alibiSlopes', () => {
  it('alibiSlopes(8) is [1/2, 1/4, …, 1/256]', () => {
    expect(alibiSlopes(8)).toEqual([1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
  });

  it('alibiSlopes(4) is [1/4, 1/16, 1/64, 1/256]', () => {
    expect(alibiSlopes(4)).toEqual([1 / 4, 1 / 16, 1 / 64, 1 / 256]);
  });

  it('alibiSlopes(1) is [1/256]; alibiSlopes(16) starts at 2^−0.5 with ratio 2^−0.5', () => {
    expect(alibiSlopes(1)).toEqual([1 / 256]);
    const s16 = alibiSlopes(16);
    expectArraysClose(s16, Array.from({ length: 16 }, (_, h) => Math.SQRT1_2 ** (h + 1)), 1e-15);
    expect(s16[15]).toBe(1 / 256);
  });

  it('alibiSlopes(3) follows the paper: 2^(−8/3), 2^(−16/3), 2^(−8)', () => {
    expectArraysClose(alibiSlopes(3), [2 ** (-8 / 3), 2 ** (-16 / 3), 1 / 256], 1e-15);
  });

  it('alibiSlopes(0) and alibiSlope(4, 4): throw naming the argument', () => {
    expect(() => alibiSlopes(0)).toThrow(/heads must be an integer ≥ 1, got 0/);
    expect(() => alibiSlope(4, 4)).toThrow(/head must be an integer in \[0, 4\), got 4/);
  });
});

describe('alibiBias', () => {
  it('H=1 (m = 1/256), Lq=Lk=3: −1/256 · |q − k|', () => {
    const m = 1 / 256;
    expect(biasMatrix(0, 1, 3, 3)).toEqual([
      [0, -m, -2 * m],
      [-m, 0, -m],
      [-2 * m, -m, 0],
    ]);
  });

  it('H=4 head 0 (m = 1/4), Lq=2 Lk=4: query positions 2, 3 (bottom-right)', () => {
    expect(biasMatrix(0, 4, 2, 4)).toEqual([
      [-0.5, -0.25, 0, -0.25],
      [-0.75, -0.5, -0.25, 0],
    ]);
  });

  it('H=2 head 0 (m = 1/16), Lq=3 Lk=2: query positions −1, 0, 1', () => {
    expect(biasMatrix(0, 2, 3, 2)).toEqual([
      [-1 / 16, -2 / 16],
      [0, -1 / 16],
      [-1 / 16, 0],
    ]);
  });

  it('on the cells a bottom-right causal mask allows, equals the paper\'s −m·(i − j)', () => {
    const [Lq, Lk, H] = [4, 7, 4];
    for (let h = 0; h < H; h++) {
      for (let q = 0; q < Lq; q++) {
        const i = q + Lk - Lq;
        for (let j = 0; j <= i; j++) expect(alibiBias(h, q, j, { heads: H, queryLength: Lq, keyLength: Lk })).toBe(j === i ? 0 : -alibiSlope(h, H) * (i - j));
      }
    }
  });
});

describe('softcap', () => {
  it('softcap(c=2) of [0, 2, 100] is [0, 2·tanh(1), ≈2]', () => {
    expectArraysClose([0, 2, 100].map((x) => softcap(x, 2)), [0, 2 * Math.tanh(1), 2], 1e-15);
    expect(softcap(2, 2)).toBeCloseTo(1.5231883119, 9);
  });

  it('softcap of ±1e308 and ±∞ saturates at ±c, never NaN or overflow', () => {
    expect([1e308, -1e308, Infinity, -Infinity].map((x) => softcap(x, 30))).toEqual([30, -30, 30, -30]);
  });

  it('softcap is odd and close to the identity for |x| ≪ c', () => {
    expect(softcap(-3, 7)).toBe(-softcap(3, 7));
    expect(softcap(0.01, 50)).toBeCloseTo(0.01, 8);
  });
});

describe('scale and temperature', () => {
  it('effectiveScale: scoreMods.scale, else inputs.scale, else 1/√dK', () => {
    expect(effectiveScale(16)).toBe(0.25);
    expect(effectiveScale(16, 0.5)).toBe(0.5);
    expect(effectiveScale(16, 0.5, { scale: 2 })).toBe(2);
    expect(effectiveScale(16, undefined, { alibi: true })).toBe(0.25);
  });

  it('scaleFromTemperature(τ=2, dK=16) is 1/8; τ=1 is 1/√dK; τ ≤ 0 throws', () => {
    expect(scaleFromTemperature(2, 16)).toBe(1 / 8);
    expect(scaleFromTemperature(1, 9)).toBe(1 / 3);
    expect(() => scaleFromTemperature(0, 4)).toThrow(/temperature must be a finite number > 0, got 0/);
  });
});

describe('cellLogit, changesLogits, checkScoreMods', () => {
  it('cellLogit adds the ALiBi bias, then caps: H=1, Lq=Lk=3, q=2 k=0, scaled 3, c=1', () => {
    const shape = { heads: 1, queryLength: 3, keyLength: 3 };
    expect(cellLogit(3, 0, 2, 0, shape)).toBe(3);
    expect(cellLogit(3, 0, 2, 0, shape, { alibi: true })).toBe(3 - 2 / 256);
    expect(cellLogit(3, 0, 2, 0, shape, { alibi: true, softcap: 1 })).toBe(Math.tanh(3 - 2 / 256));
    expect(cellLogit(3, 0, 2, 0, shape, { scale: 10 })).toBe(3); // scale acts on `scaled`, not here
  });

  it('changesLogits: only ALiBi on or a soft-cap set', () => {
    expect([undefined, {}, { scale: 2 }, { alibi: false, softcap: null }].map(changesLogits)).toEqual([false, false, false, false]);
    expect([{ alibi: true }, { softcap: 5 }].map(changesLogits)).toEqual([true, true]);
  });

  it('checkScoreMods: names the field and the value', () => {
    expect(() => checkScoreMods({ softcap: 0 }, 'f')).toThrow('f: scoreMods.softcap must be a finite number > 0 or null, got 0');
    expect(() => checkScoreMods({ scale: Infinity }, 'f')).toThrow('f: scoreMods.scale must be a finite number, got Infinity');
    expect(() => checkScoreMods({ scale: -1, alibi: true, softcap: null }, 'f')).not.toThrow();
  });
});
