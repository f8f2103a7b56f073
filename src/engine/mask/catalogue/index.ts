/**
 * The mask catalogue: every mask of issue #3 as one expression (MaskExpr) with named parameters
 * and labels, built for a context (sizes, seed, per-token tables). Each entry's `build` gives
 * the expression and exactly the tables it reads, ready for `evaluateMaskGrid`, `explainCell` and
 * `compileMask`.
 *
 * Alignment when Lq ≠ Lk: every position-based mask is bottom-right aligned — query q sits at key
 * position q + Lk − Lq (the queries are the last Lq positions, as in KV-cache decoding), so with
 * Lq > Lk the top Lq − Lk rows of a causal mask are fully masked. Only 'causal-top-left' uses q.
 * When Lq = Lk the offset is 0 and formulas print plain `q`.
 */
import { bigbird } from './bigbird';
import { blockCausal, chunked } from './blocks';
import { causalBottomRight, causalTopLeft, decode, full } from './causal';
import { documentCausalMask, documentMask } from './document';
import { globalLocal } from './global';
import { alternatingHeads } from './perHead';
import { prefixLM } from './prefix';
import { sparseFixed, sparseStrided } from './sparse';
import type { MaskBuild, MaskBuildContext, MaskCatalogueEntry } from './types';
import { bidirectionalWindow, dilatedWindow, sinkWindow, slidingWindow } from './window';

export type { MaskBuild, MaskBuildContext, MaskCatalogueEntry, MaskParameterSpec } from './types';
export { queryPosition, causalCondition } from './types';
export { documentIdsFromTokens, documentIdsForBatch, documentIdTable } from './document';
export { globalTokensTable } from './global';
export { bigbirdRandomBlocks, inBigBirdWindow, isBigBirdGlobal, type BigBirdLayout } from './bigbird';
export { causalWindow } from './window';

/** Every catalogue entry, in the order a menu shows them. */
export const MASK_CATALOGUE: readonly MaskCatalogueEntry[] = [
  full,
  causalBottomRight,
  causalTopLeft,
  decode,
  slidingWindow,
  bidirectionalWindow,
  dilatedWindow,
  sinkWindow,
  globalLocal,
  prefixLM,
  documentMask,
  documentCausalMask,
  chunked,
  blockCausal,
  bigbird,
  sparseStrided,
  sparseFixed,
  alternatingHeads,
];

const BY_ID: ReadonlyMap<string, MaskCatalogueEntry> = new Map(MASK_CATALOGUE.map((e) => [e.id, e]));

/** The entry with this id, or undefined (e.g. an id from an old URL). */
export function maskCatalogueEntry(id: string): MaskCatalogueEntry | undefined {
  return BY_ID.get(id);
}

/** Every parameter of an entry at its default, e.g. { W: 4 } for 'window'. */
export function defaultMaskParams(entry: MaskCatalogueEntry): Record<string, number> {
  return Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
}

/**
 * Builds a catalogue mask by id.
 * Example: buildCatalogueMask('window', { W: 2 }, { batch: 1, heads: 1, queryLength: 4, keyLength: 4, seed: 0 })
 * → expr `k <= q && q - k < W` (labelled 'sliding window', W = 2), tables {}.
 * @param params values by name; missing ones take their defaults.
 * @throws Error when the id is unknown, or as the entry's `build` does (bad parameter or context).
 */
export function buildCatalogueMask(id: string, params: Readonly<Record<string, number>>, context: MaskBuildContext): MaskBuild {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`buildCatalogueMask: unknown mask '${id}' (known: ${MASK_CATALOGUE.map((e) => e.id).join(', ')})`);
  return entry.build(params, context);
}
