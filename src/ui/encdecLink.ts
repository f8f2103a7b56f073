/**
 * Linking in the encoder–decoder view: a hovered or focused token (or heatmap cell) is
 * highlighted in every panel it appears in. A source token is a row and a column of the encoder
 * and a column (key) of the cross-attention; a target token is a row and a column of the decoder
 * and a row (query) of the cross-attention. Pure.
 */
import type { HeatmapCell } from '../viz/types';
import type { EncDecPart } from '../scenario/encdecInputs';

/** What the pointer or the keyboard is on: a token chip of a side, or a cell of a panel's heatmaps. */
export type EncDecLink =
  | { kind: 'source'; index: number }
  | { kind: 'target'; index: number }
  | { kind: 'cell'; part: EncDecPart; row: number; col: number };

/** What to highlight: a HeatmapSpec.highlight per panel (null = none), and the token chips of each side. */
export interface LinkHighlights {
  panels: Record<EncDecPart, HeatmapCell | null>;
  /** Highlighted source (key side) token positions. */
  source: readonly number[];
  /** Highlighted target (query side) token positions. */
  target: readonly number[];
}

const NONE: LinkHighlights = { panels: { encoder: null, decoder: null, cross: null }, source: [], target: [] };

/**
 * The highlights of `link`, `{row, col}` as HeatmapSpec.highlight reads them (−1 = the whole
 * column / row):
 *
 *   source s           encoder {s, s}   decoder –        cross {−1, s}   chips: source s
 *   target t           encoder –        decoder {t, t}   cross {t, −1}   chips: target t
 *   encoder cell (r,c) encoder {r, c}   decoder –        cross {−1, c}   chips: source r, c
 *   decoder cell (r,c) encoder –        decoder {r, c}   cross {r, −1}   chips: target r, c
 *   cross cell (t,s)   encoder {s, s}   decoder {t, t}   cross {t, s}    chips: source s, target t
 */
export function linkHighlights(link: EncDecLink | null): LinkHighlights {
  if (link === null) return NONE;
  if (link.kind === 'source') return sourceToken(link.index);
  if (link.kind === 'target') return targetToken(link.index);
  const { row, col } = link;
  if (link.part === 'encoder') return { ...NONE, panels: { ...NONE.panels, encoder: { row, col }, cross: { row: -1, col } }, source: unique(row, col) };
  if (link.part === 'decoder') return { ...NONE, panels: { ...NONE.panels, decoder: { row, col }, cross: { row, col: -1 } }, target: unique(row, col) };
  return { panels: { encoder: { row: col, col }, decoder: { row, col: row }, cross: { row, col } }, source: [col], target: [row] };
}

function sourceToken(s: number): LinkHighlights {
  return { ...NONE, panels: { ...NONE.panels, encoder: { row: s, col: s }, cross: { row: -1, col: s } }, source: [s] };
}

function targetToken(t: number): LinkHighlights {
  return { ...NONE, panels: { ...NONE.panels, decoder: { row: t, col: t }, cross: { row: t, col: -1 } }, target: [t] };
}

function unique(a: number, b: number): number[] {
  return a === b ? [a] : [a, b];
}

/** True when two links name the same token or cell. */
export function sameLink(a: EncDecLink | null, b: EncDecLink | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'cell' && b.kind === 'cell') return a.part === b.part && a.row === b.row && a.col === b.col;
  return a.kind === b.kind && a.kind !== 'cell' && b.kind !== 'cell' && a.index === b.index;
}

/** A highlight as an attribute value, "row,col" ("" for none), for tests and styles. */
export function highlightAttr(cell: HeatmapCell | null): string {
  return cell === null ? '' : `${cell.row},${cell.col}`;
}
