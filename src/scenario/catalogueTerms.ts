/**
 * The Scenario's extra masks (`masks`, `maskJoin`) as one expression: each catalogue mask built
 * for the current sizes, groups as AND / OR of their items, NOT where asked, the top level joined
 * with `maskJoin`. Unknown ids are skipped and
 * out-of-range parameters clamped, each with a note for the user. Pure; in scenario/ because it
 * joins state/ and engine/.
 */
import { and, label, not, or, type MaskExpr, type MaskTables } from '../engine/mask';
import { documentIdsForBatch, maskCatalogueEntry, type MaskCatalogueEntry } from '../engine/mask/catalogue';
import type { SequenceBatch } from '../engine/sequences';
import { isGroup, parseMaskList, type MaskItem } from '../state/maskList';
import { parsePositions } from '../state/paint';
import type { Scenario } from '../state/scenario';

/**
 * What separates packed documents (the document masks): an end-of-text token `<|endoftext|>`
 * when the text has one, else `|` (`a b | c d`).
 */
export function documentSeparator(tokens: readonly (readonly string[])[]): string {
  return tokens.some((row) => row.includes('endoftext') || row.includes('<|endoftext|>')) ? '<|endoftext|>' : '|';
}

/** Label of the combined extra masks in explanations. */
export const EXTRA_MASKS_LABEL = 'extra masks';

export type MaskNote =
  | { code: 'unknownMask'; id: string }
  | { code: 'maskParam'; id: string; param: string; value: number; used: number; min: number; max: number };

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
  const context = {
    ...sizes,
    seed: s.seed,
    documentIds: documentIdsForBatch(key.tokens, documentSeparator(key.tokens)),
    globalTokens: globalTokenFlags(s.globalTokens, sizes.batch, sizes.keyLength),
  };
  const build = (item: MaskItem): MaskExpr | null => {
    let expr: MaskExpr | null;
    if (isGroup(item)) {
      const kids = item.children.map(build).filter((e): e is MaskExpr => e !== null);
      expr = kids.length === 0 ? null : kids.length === 1 ? (kids[0] as MaskExpr) : item.op === 'or' ? or(...kids) : and(...kids);
    } else {
      const entry = maskCatalogueEntry(item.id);
      if (!entry) notes.push({ code: 'unknownMask', id: item.id });
      const built = entry?.build(clampParams(entry, item.params, notes), context);
      if (built) Object.assign(tables, built.tables);
      expr = built?.expr ?? null;
    }
    return expr && item.negate ? not(expr) : expr;
  };
  for (const item of parseMaskList(s.masks).items) {
    const expr = build(item);
    if (expr) terms.push(expr);
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
    if (used !== value) notes.push({ code: 'maskParam', id: entry.id, param: spec.name, value, used, min: spec.min, max: spec.max });
    params[spec.name] = used;
  }
  return params;
}

/** The global token positions of a scenario: '' → [0] (Longformer's [CLS]), 'none' → [], else the listed ones. */
export function globalPositions(text: string): number[] {
  if (text === '') return [0];
  return text === 'none' ? [] : parsePositions(text).positions;
}

/** Global token flags [B×Lk] (the same in every batch item). */
export function globalTokenFlags(text: string, batch: number, keyLength: number): Uint8Array {
  const flags = new Uint8Array(batch * keyLength);
  for (const p of globalPositions(text).filter((x) => x < keyLength)) {
    for (let b = 0; b < batch; b++) flags[b * keyLength + p] = 1;
  }
  return flags;
}

/** The global token list with `position` toggled ('none' when no token is left). */
export function toggleGlobal(text: string, position: number): string {
  const current = globalPositions(text);
  const next = current.includes(position) ? current.filter((p) => p !== position) : [...current, position].sort((a, b) => a - b);
  return next.length === 0 ? 'none' : next.join(',');
}
