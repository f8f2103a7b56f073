/**
 * Seeded randomness. Nothing in Maskscope calls Math.random (DESIGN.md §1): every random number
 * comes from a generator seeded by the Scenario's seed, so the same settings give the same numbers.
 */

/**
 * 32-bit string hash (cyrb53, truncated), mixing in a seed.
 * @param text any string (hashed by UTF-16 code units).
 * @param seed integer seed.
 * @returns an unsigned 32-bit integer.
 */
export function hashString(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/**
 * Mulberry32: a small, fast, seeded uniform generator.
 * @param seed unsigned 32-bit integer.
 * @returns a function giving numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills an array with standard normal samples (Box–Muller) from a seeded uniform generator.
 * @param count how many samples.
 * @param uniform a generator of numbers in [0, 1), e.g. `mulberry32(seed)`.
 * @returns Float64Array of `count` samples with mean 0 and variance 1.
 */
export function gaussians(count: number, uniform: () => number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const u = 1 - uniform(); // (0, 1]: log(u) is finite
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
