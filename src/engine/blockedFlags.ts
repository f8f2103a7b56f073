/**
 * The blocked flags of a mask: blocked[i] = 1 where mask[i] = 0 (may not attend), else 0.
 * Kept per mask array, so the heatmap, the head strip's thumbnail and the row inspector of one
 * head share one array; a result's mask arrays are never written after they arrive.
 */

/** The blocked flags already derived, by mask array. */
const derived = new WeakMap<Uint8Array, Uint8Array>();

/**
 * 1 − mask (any nonzero byte counts as "may attend"), same length as `mask`; the same array for
 * the same mask array on every call, so it must not be written.
 */
export function blockedFlags(mask: Uint8Array): Uint8Array {
  const known = derived.get(mask);
  if (known) return known;
  const out = complementBytes(mask);
  derived.set(mask, out);
  return out;
}

/** Per byte, the high bit set where the byte is 0 (Hacker's Delight's zero-byte test, exact per byte). */
function zeroBytesHigh(word: number): number {
  return ~(((word & 0x7f7f7f7f) + 0x7f7f7f7f) | word | 0x7f7f7f7f);
}

/**
 * 1 − mask into a new array, four bytes per step where the mask is 4-byte aligned (about 3× the
 * byte loop at 1 M cells once the memory is touched; a fresh array's first writes cost as much).
 */
export function complementBytes(mask: Uint8Array): Uint8Array {
  const n = mask.length;
  // out shares the mask's alignment mod 4, so both are word-aligned from the same index
  const shift = mask.byteOffset % 4;
  const out = new Uint8Array(new ArrayBuffer(n + shift), shift, n);
  let i = 0;
  while (i < n && (mask.byteOffset + i) % 4 !== 0) out[i] = mask[i++] ? 0 : 1;
  const words = Math.floor((n - i) / 4);
  if (words > 0) {
    const from = new Uint32Array(mask.buffer, mask.byteOffset + i, words);
    const to = new Uint32Array(out.buffer, out.byteOffset + i, words);
    for (let w = 0; w < words; w++) to[w] = (zeroBytesHigh(from[w] as number) >>> 7) & 0x01010101;
    i += 4 * words;
  }
  for (; i < n; i++) out[i] = mask[i] ? 0 : 1;
  return out;
}
