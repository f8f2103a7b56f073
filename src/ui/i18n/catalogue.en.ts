/**
 * English strings of the mask catalogue's info panels: per mask, what it does (description), the
 * paper or library it follows (source) and what other libraries call it (equivalents). Source and
 * equivalents are the catalogue's own text (src/engine/mask/catalogue), so they are written once.
 * In these texts `…` is code and «…» a title or name cited in English (see InfoText.tsx).
 */
import { MASK_CATALOGUE } from '../../engine/mask/catalogue';

/** What a mask does, in words, by catalogue id. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  full: 'Every query attends to every key: nothing is blocked. Encoders (BERT) and cross-attention use it.',
  'causal-bottom-right': 'A query sees the keys at or before its own position, the queries being the last Lq of the Lk positions: key k is allowed when k ≤ q + Lk − Lq.',
  'causal-top-left': 'A query sees keys 0 … q whatever the lengths: key k is allowed when k ≤ q. When Lq ≠ Lk this is not the bottom-right mask.',
  decode: 'One decoding step with a key/value cache: the new queries stand at the end of the Lk cached keys, so the newest one sees every key (bottom-right causal).',
  window: 'Causal, and only the W most recent keys, the query itself included: q − W < k ≤ q.',
  'window-bidirectional': 'W keys on each side of the query, in both directions: |q − k| ≤ W.',
  'window-dilated': 'A causal window with gaps: W keys, D positions apart, the query included.',
  'window-sinks': 'The first S keys (attention sinks) stay visible to every later query, plus a causal window of the W most recent keys.',
  'global-local': 'A window of W keys on each side, plus global tokens that attend to every key and that every query attends to.',
  'prefix-lm': 'Every query sees the first P positions (the prefix); after the prefix, attention is causal.',
  document: 'Documents packed into one sequence (split at the separator) attend only within themselves, in both directions.',
  'document-causal': 'Documents packed into one sequence attend only within themselves, causally.',
  chunked: 'The sequence is cut into chunks of C positions; a query sees only the earlier keys of its own chunk.',
  'block-causal': 'Blocks of positions see their whole block and every earlier block: bidirectional inside a block, causal across blocks.',
  bigbird: 'Blocks attend to their sliding neighbour blocks, to global blocks (which attend to everything) and to r random blocks drawn per head from the seed.',
  'sparse-strided': 'Causal; a query sees the l keys before it and every l-th key further back (the strided pattern of the Sparse Transformer, both sets merged).',
  'sparse-fixed': 'Causal; a query sees its own block of l positions and the last c positions of every earlier block (the summary keys).',
  'alternating-heads': 'A mask that depends on the head: even heads use a causal sliding window of W keys, odd heads full causal attention.',
};

/** One mask's info panel. */
export interface MaskInfoStrings {
  description: string;
  source: string;
  equivalents: string;
}

export const catalogueEn = {
  title: 'Mask catalogue: what each mask does, where it comes from, what other libraries call it',
  about: 'About {{name}}',
  add: 'Add',
  addName: 'Add {{name}}',
  description: 'What it does',
  source: 'Source',
  equivalents: 'In other libraries',
  masks: Object.fromEntries(
    MASK_CATALOGUE.map((entry) => [entry.id, { description: DESCRIPTIONS[entry.id] ?? '', source: entry.source, equivalents: entry.equivalents }]),
  ) as Record<string, MaskInfoStrings>,
};
