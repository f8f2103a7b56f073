/**
 * The Scenario's extra masks (`masks`, `maskJoin`) as one expression: each catalogue mask built
 * for the current sizes, negated where asked, joined with AND or OR. Unknown ids are skipped and
 * out-of-range parameters clamped, each with a note for the user. Pure; lives in ui/ because it
 * joins state/ and engine/.
 */
import { and, label, not, or, type MaskExpr, type MaskTables } from '../engine/mask';
import { documentIdsForBatch, maskCatalogueEntry, type MaskCatalogueEntry } from '../engine/mask/catalogue';
import type { SequenceBatch } from '../engine/sequences';
import { parseMaskList } from '../state/maskList';
import type { Scenario } from '../state/scenario';

/** The token that separates packed documents (the document masks): `a b | c d`. */
export const DOCUMENT_SEPARATOR = '|';

/** Label of the combined extra masks in explanations. */
export const EXTRA_MASKS_LABEL = 'extra masks';

export type MaskNote =
  | { code: 'unknownMask'; id: string }
  | { code: 'maskParam'; id: string; param: string; value: number; used: number };

/**
 * Builds the extra masks of `s` for a batch of queries and keys.
 * @returns the combined term (null when the list is empty), its tables, and notes.
 */
export function catalogueTerms(
  s: Scenario,
  sizes: { batch: number; heads: number; queryLength: number; keyLength: number },
  key: SequenceBatch,
): { term: MaskExpr | null; tables: MaskTables; notes: MaskNote[] } {
  const notes: MaskNote[] = [];
  const terms: MaskExpr[] = [];
  const tables: Record<string, MaskTables[string]> = {};
  const context = { ...sizes, seed: s.seed, documentIds: documentIdsForBatch(key.tokens, DOCUMENT_SEPARATOR) };
  for (const item of parseMaskList(s.masks).items) {
    const entry = maskCatalogueEntry(item.id);
    if (!entry) {
      notes.push({ code: 'unknownMask', id: item.id });
      continue;
    }
    const built = entry.build(clampParams(entry, item.params, notes), context);
    terms.push(item.negate ? not(built.expr) : built.expr);
    Object.assign(tables, built.tables);
  }
  if (terms.length === 0) return { term: null, tables, notes };
  const joined = terms.length === 1 ? (terms[0] as MaskExpr) : s.maskJoin === 'or' ? or(...terms) : and(...terms);
  return { term: terms.length === 1 ? joined : label(EXTRA_MASKS_LABEL, joined), tables, notes };
}

/** The entry's parameters from `given`: defaults for missing ones, unknown ones dropped, values clamped (noted). */
export function clampParams(entry: MaskCatalogueEntry, given: Readonly<Record<string, number>>, notes: MaskNote[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const spec of entry.params) {
    const value = given[spec.name] ?? spec.default;
    const used = Math.min(spec.max, Math.max(spec.min, Math.round(value)));
    if (used !== value) notes.push({ code: 'maskParam', id: entry.id, param: spec.name, value, used });
    params[spec.name] = used;
  }
  return params;
}
