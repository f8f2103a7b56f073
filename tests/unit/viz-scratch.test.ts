/**
 * Scratch (src/viz/scratch.ts): the per-pixel arrays a draw takes are zeros, as new ones would be,
 * in memory reused from the previous draw — what spares a zoom step the first writes of fresh
 * pages (issue #13).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { outputArray, Scratch, SCRATCH_MAX_LENGTH } from '../../src/viz/scratch';

describe('Scratch', () => {
  test('take: zeros of the length asked, in the same memory as the last take of that name when it was as large', () => {
    const scratch = new Scratch();
    const first = scratch.take('source', Int32Array, 6);
    first.fill(7);
    const second = scratch.take('source', Int32Array, 4);
    expect(Array.from(second)).toEqual([0, 0, 0, 0]);
    expect(second.buffer).toBe(first.buffer);
    // larger than any before: new memory; another name or kind: never the same memory
    const larger = scratch.take('source', Int32Array, 9);
    expect(larger.buffer).not.toBe(first.buffer);
    expect(larger).toHaveLength(9);
    expect(scratch.take('other', Int32Array, 4).buffer).not.toBe(larger.buffer);
    const asBytes = scratch.take('source', Uint8Array, 4);
    expect(asBytes).toBeInstanceOf(Uint8Array);
    expect(asBytes.buffer).not.toBe(larger.buffer);
  });

  test('any sequence of takes gives what new arrays give: zeros of each length, of each kind', () => {
    const kinds = [Int32Array, Uint8Array, Float64Array, Uint8ClampedArray] as const;
    fc.assert(fc.property(fc.array(fc.record({ name: fc.constantFrom('a', 'b'), kind: fc.integer({ min: 0, max: 3 }), length: fc.nat(64) }), { maxLength: 20 }), (takes) => {
      const scratch = new Scratch();
      for (const { name, kind, length } of takes) {
        const array = scratch.take(name, kinds[kind]!, length);
        expect(array).toBeInstanceOf(kinds[kind]!);
        expect(Array.from(array)).toEqual(new Array(length).fill(0));
        array.fill(1); // the next take of this name must not see it
      }
    }));
  });

  test('above SCRATCH_MAX_LENGTH a new array each time, and the one kept under that name stays', () => {
    const scratch = new Scratch();
    const kept = scratch.take('value', Uint8Array, 16);
    const big = scratch.take('value', Uint8Array, SCRATCH_MAX_LENGTH + 1);
    expect(big).toHaveLength(SCRATCH_MAX_LENGTH + 1);
    expect(scratch.take('value', Uint8Array, SCRATCH_MAX_LENGTH + 1).buffer).not.toBe(big.buffer);
    expect(scratch.take('value', Uint8Array, 16).buffer).toBe(kept.buffer);
    expect(scratch.take('value', Uint8Array, SCRATCH_MAX_LENGTH).buffer).not.toBe(kept.buffer);
  });

  test('outputArray: a new array without a scratch, the scratch’s with one; a negative length throws as new does', () => {
    const scratch = new Scratch();
    const a = outputArray(scratch, 'rgba', Uint8ClampedArray, 8);
    expect(outputArray(scratch, 'rgba', Uint8ClampedArray, 8).buffer).toBe(a.buffer);
    expect(outputArray(undefined, 'rgba', Uint8ClampedArray, 8).buffer).not.toBe(a.buffer);
    expect(() => outputArray(undefined, 'x', Int32Array, -1)).toThrow(RangeError);
    expect(() => scratch.take('x', Int32Array, -1)).toThrow(RangeError);
  });
});
