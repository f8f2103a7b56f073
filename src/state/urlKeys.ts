/**
 * The URL key of each Scenario field and the short tokens of enum values, on their own so that
 * warnings (warnings.ts) can name a link's limits without importing the codec.
 */

import type { Scenario } from './scenario';

/** The URL key of each Scenario field (short, stable; see docs/url-format.md). */
export const URL_KEYS = {
  inputMode: 'mode',
  attention: 'attn',
  queryText: 'q',
  keyText: 'k',
  tokenizer: 'tok',
  queryLength: 'lq',
  keyLength: 'lk',
  batchSize: 'b',
  paddingSide: 'pad',
  causal: 'causal',
  causalAlignment: 'align',
  causalLengths: 'causallen',
  keyPadding: 'kpad',
  queryPadding: 'qpad',
  masks: 'm',
  maskJoin: 'mj',
  customMask: 'cm',
  globalTokens: 'global',
  paint: 'paint',
  temperature: 'temp',
  alibi: 'alibi',
  softcap: 'cap',
  seed: 'seed',
  dK: 'dk',
  heads: 'heads',
  viewBatch: 'vb',
  viewHead: 'vh',
  weightScale: 'wscale',
  tileSize: 'tiles',
  engine: 'engine',
  language: 'lang',
  present: 'present',
  step: 'step',
  focus: 'focus',
  open: 'open',
  row: 'row',
  quiz: 'quiz',
} as const satisfies Record<keyof Scenario, string>;

/** Enum values written as a shorter token in the URL: Scenario value → URL token. */
export const TOKENS: Partial<Record<keyof Scenario, ReadonlyMap<string, string>>> = {
  causalAlignment: new Map([
    ['bottom-right', 'br'],
    ['top-left', 'tl'],
  ]),
};

