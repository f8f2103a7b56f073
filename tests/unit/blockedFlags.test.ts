import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedFlags, complementBytes } from '../../src/engine/blockedFlags';

/** The definition, byte by byte. */
const reference = (mask: Uint8Array) => Uint8Array.from(mask, (m) => (m === 0 ? 1 : 0));

describe('complementBytes', () => {
  it('is 1 − mask for every byte value, length and alignment', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 67 }), fc.nat(7), fc.nat(3), (bytes, offset, tail) => {
        const buffer = new Uint8Array(offset + bytes.length + tail);
        buffer.set(bytes, offset);
        const mask = buffer.subarray(offset, offset + bytes.length);
        expect(Array.from(complementBytes(mask))).toEqual(Array.from(reference(mask)));
      }),
      { numRuns: 2000 },
    );
  });

  it('treats every nonzero byte (not only 1) as "may attend"', () => {
    const mask = Uint8Array.from({ length: 256 }, (_, i) => i);
    const out = complementBytes(mask);
    expect(out[0]).toBe(1);
    expect(out.subarray(1).every((b) => b === 0)).toBe(true);
  });
});

describe('blockedFlags', () => {
  it('returns the same array for the same mask, and a new one for another mask', () => {
    const mask = Uint8Array.of(1, 0, 1, 1, 0);
    const first = blockedFlags(mask);
    expect(Array.from(first)).toEqual([0, 1, 0, 0, 1]);
    expect(blockedFlags(mask)).toBe(first);
    expect(blockedFlags(Uint8Array.of(1, 0, 1, 1, 0))).not.toBe(first);
  });
});
