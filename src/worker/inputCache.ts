/** The worker's inputs: the last request's, and Q/K/V per vector settings, projected head by head. */
import { allHeads, copyHeadVectors } from '../engine/headStages';
import type { AttentionInputs } from '../engine/types';
import { deriveInputs, vectorSettingsKey } from '../scenario/derive';
import type { ComputeRequest } from './protocol';

let cached: { key: string; inputs: AttentionInputs } | null = null;
/** Q, K, V of the current vector settings, and which heads have been projected into them. */
let vectors: { key: string; q: Float32Array; k: Float32Array; v: Float32Array; heads: Set<number> } | null = null;

/**
 * Q/K/V and masks for the request: all reused while the compute settings are unchanged, and
 * Q/K/V (the costly projections) while only masks, modifiers or the engine change. Only the
 * heads the request asks for are projected (at L = 4096 that is one head of many).
 * @param onProjecting called before projecting (the page then says so).
 * @throws Error when a side has no token.
 */
export function inputsFor(request: ComputeRequest, onProjecting: () => void): AttentionInputs {
  const s = request.scenario;
  const vectorKey = vectorSettingsKey(s);
  if (vectors?.key !== vectorKey) vectors = null;
  const wanted = [...new Set((request.heads ?? allHeads({ batch: 1, heads: s.heads })).map((r) => r.head))];
  const missing = wanted.filter((h) => !vectors?.heads.has(h));
  if (cached?.key === request.key && missing.length === 0) return cached.inputs;
  if (missing.length > 0) onProjecting();
  const derived = deriveInputs(s, missing.length > 0 ? { heads: missing } : { vectors: false });
  if (!derived.ok) throw new Error(derived.error === 'emptyQuery' ? 'The query side has no token.' : 'The key side has no token.');
  if (missing.length > 0) vectors = addHeads(vectors, vectorKey, derived.inputs, missing);
  const held = vectors as NonNullable<typeof vectors>;
  const inputs = { ...derived.inputs, q: held.q, k: held.k, v: held.v };
  cached = { key: request.key, inputs };
  return inputs;
}


/** The cache with the freshly projected heads copied in (or the fresh arrays, when there was none). */
function addHeads(held: typeof vectors, key: string, fresh: AttentionInputs, heads: number[]): NonNullable<typeof vectors> {
  if (!held) return { key, q: fresh.q, k: fresh.k, v: fresh.v, heads: new Set(heads) };
  const { batch: B, heads: H } = fresh.shape;
  const blocks = allHeads({ batch: B, heads: H }).flatMap((r, bh) => (heads.includes(r.head) ? [bh] : []));
  copyHeadVectors({ ...fresh, q: held.q, k: held.k, v: held.v }, fresh, blocks);
  for (const h of heads) held.heads.add(h);
  return held;
}

