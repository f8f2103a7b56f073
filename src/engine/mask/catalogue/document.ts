/**
 * Document (block-diagonal) masks for packed sequences, and the document ids they read.
 */
import { tokenize } from '../../tokenize';
import { SPACE_MARK } from '../../gpt2Pieces';
import { and, eq, label, lookup, vars } from '../expr';
import type { MaskTable } from '../tables';
import { causalCondition, defineMask, queryPosition, type MaskBuildContext } from './types';

/**
 * Document ids of one token sequence, from a separator.
 *
 * Rule: ids count from 0; a document ends right after each occurrence of the separator, which
 * belongs to the document it ends (as an end-of-text token appended to each packed document).
 * The separator is one token, or a run of tokens matched left to right without overlaps: a
 * string separator matches itself as one token and also the run `tokenize` splits it into
 * (Maskscope's tokenizer splits '<|endoftext|>' into '<', '|', 'endoftext', '|', '>'), and with
 * GPT-2's leading-space mark ('␣|' is GPT-2's piece for " |").
 * Example: ['a', 'b', '|', 'c', '|', 'd'] with '|' → [0, 0, 0, 1, 1, 2].
 *
 * @param tokens [L] tokens.
 * @param separator a token (e.g. '|' or '<|endoftext|>') or a run of tokens.
 * @returns Int32Array [L].
 * @throws Error when the separator is empty (no token, or an empty token).
 */
export function documentIdsFromTokens(tokens: readonly string[], separator: string | readonly string[]): Int32Array {
  const runs = separatorRuns(separator);
  const ids = new Int32Array(tokens.length);
  let doc = 0;
  let i = 0;
  while (i < tokens.length) {
    const run = runs.find((r) => r.every((t, j) => tokens[i + j] === t));
    const length = run ? run.length : 1;
    ids.fill(doc, i, Math.min(i + length, tokens.length));
    i += length;
    if (run) doc++;
  }
  return ids;
}

/**
 * Document ids of a padded batch, row-major, for `MaskBuildContext.documentIds`.
 * Rule: `documentIdsFromTokens` on each row (padding continues the last document; key padding
 * masks it separately).
 * @param tokens [B][L] tokens, every row of the same length L.
 * @returns Int32Array [B×L].
 * @throws Error when the rows differ in length or the separator is empty.
 */
export function documentIdsForBatch(tokens: readonly (readonly string[])[], separator: string | readonly string[]): Int32Array {
  const length = tokens[0]?.length ?? 0;
  if (tokens.some((row) => row.length !== length)) {
    throw new Error(`documentIdsForBatch: every row must have the same length, got [${tokens.map((r) => r.length).join(',')}]`);
  }
  const out = new Int32Array(tokens.length * length);
  tokens.forEach((row, b) => out.set(documentIdsFromTokens(row, separator), b * length));
  return out;
}

function separatorRuns(separator: string | readonly string[]): (readonly string[])[] {
  const runs: (readonly string[])[] = typeof separator === 'string' ? [[separator], [`${SPACE_MARK}${separator}`]] : [separator];
  if (typeof separator === 'string') {
    const split = tokenize(separator);
    if (split.length > 1) runs.push(split);
  }
  if (runs.some((r) => r.length === 0 || r.some((t) => t.length === 0))) {
    throw new Error('documentIdsFromTokens: the separator must be a non-empty token or run of tokens');
  }
  return runs;
}

/** The `docId` table [B, Lk]: the context's documentIds, or one document (all 0) when absent. */
export function documentIdTable(context: MaskBuildContext): MaskTable {
  const { batch, keyLength } = context;
  return { shape: [batch, keyLength], data: context.documentIds ?? new Int32Array(batch * keyLength) };
}

const sameDocument = (context: MaskBuildContext) =>
  label('same document', eq(lookup('docId', vars.b, queryPosition(context)), lookup('docId', vars.b, vars.k)));

const SOURCE = 'Packed training sequences: Krell et al. 2021, "Efficient Sequence Packing without Cross-contamination"; ' +
  'Llama 3 (Dubey et al. 2024) masks attention across documents; PyTorch FlexAttention document masking ' +
  '(`document_id[q_idx] == document_id[kv_idx]`).';
const EQUIVALENTS = 'FlashAttention varlen (flash_attn_varlen_func with cu_seqlens); xFormers BlockDiagonalMask / ' +
  'BlockDiagonalCausalMask.from_seqlens; attention-gym generate_doc_mask_mod(mask_mod, offsets); Hugging Face ' +
  'DataCollatorWithFlattening (position_ids restart per document); FlexAttention `document_id[q_idx] == document_id[kv_idx]`.';

/**
 * Document mask, bidirectional: a query sees every key of its own document.
 * Rule: docId[b][q] == docId[b][k] (bottom-right: the query's id at key position q + Lk − Lq).
 * Example, tokens a b | c d with separator '|' (ids 0 0 0 1 1):
 * [[1,1,1,0,0],[1,1,1,0,0],[1,1,1,0,0],[0,0,0,1,1],[0,0,0,1,1]].
 * Tables: docId [B, Lk] from `context.documentIds` (absent = one document).
 */
export const documentMask = defineMask({
  id: 'document',
  name: 'Document (block-diagonal)',
  params: [],
  make: (_params, context) => ({
    expr: label('document', sameDocument(context)),
    tables: { docId: documentIdTable(context) },
  }),
  source: SOURCE,
  equivalents: EQUIVALENTS + ' Bidirectional: xFormers BlockDiagonalMask, flash_attn_varlen_func(causal=False).',
});

/**
 * Document mask, causal: a query sees the keys of its own document up to itself.
 * Rule: docId[b][q] == docId[b][k] and k ≤ q (bottom-right q' = q + Lk − Lq).
 * Example, ids 0 0 0 1 1: [[1,0,0,0,0],[1,1,0,0,0],[1,1,1,0,0],[0,0,0,1,0],[0,0,0,1,1]].
 * Tables: docId [B, Lk] from `context.documentIds` (absent = one document: plain causal).
 */
export const documentCausalMask = defineMask({
  id: 'document-causal',
  name: 'Document (causal)',
  params: [],
  make: (_params, context) => ({
    expr: label('document', and(sameDocument(context), label('causal', causalCondition(context)))),
    tables: { docId: documentIdTable(context) },
  }),
  source: SOURCE,
  equivalents: EQUIVALENTS + ' Causal: xFormers BlockDiagonalCausalMask, flash_attn_varlen_func(causal=True).',
});
