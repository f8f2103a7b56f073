/**
 * Painted cells: cells the user clicked or dragged on the mask heatmap, each set to allow or
 * block, overriding every other mask at that (q, k) in every batch item and head. Kept in the
 * Scenario as canonical text `q.k.v,…` (v = 1 allow, 0 block), sorted by q then k.
 */

import { MAX_POSITION } from './scenario';

/** At most this many painted cells. */
export const MAX_PAINTED = 4096;

/** Painted cells by key `q.k` → allowed. */
export type PaintedCells = ReadonlyMap<string, boolean>;

/**
 * Reads painted cells; malformed pieces are dropped (returned in `rejected`), and so are cells
 * with an index past MAX_POSITION (returned in `outOfRange`); a repeated cell keeps its last
 * value. Indices are whole numbers 0 … 4095.
 * Example: '0.1.0,2.0.1,9999.0.1' → {0.1: block, 2.0: allow}, outOfRange ['9999.0.1'].
 */
export function parsePaint(text: string): { cells: Map<string, boolean>; rejected: string[]; outOfRange: string[] } {
  const cells = new Map<string, boolean>();
  const rejected: string[] = [];
  const outOfRange: string[] = [];
  for (const piece of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+)\.(\d+)\.([01])$/.exec(piece);
    if (m && (Number(m[1]) > MAX_POSITION || Number(m[2]) > MAX_POSITION)) {
      outOfRange.push(piece);
      continue;
    }
    if (!m || cells.size >= MAX_PAINTED) {
      rejected.push(piece);
      continue;
    }
    cells.set(`${Number(m[1])}.${Number(m[2])}`, m[3] === '1');
  }
  return { cells, rejected, outOfRange };
}

/** Writes painted cells canonically (sorted by q, then k). */
export function formatPaint(cells: PaintedCells): string {
  return [...cells]
    .map(([key, allow]) => {
      const [q = 0, k = 0] = key.split('.').map(Number);
      return { q, k, allow };
    })
    .sort((a, b) => a.q - b.q || a.k - b.k)
    .map(({ q, k, allow }) => `${q}.${k}.${allow ? 1 : 0}`)
    .join(',');
}

/**
 * Reads token positions `i,j,…` (e.g. global tokens): whole numbers 0 … 4095, returned sorted
 * and unique; whole numbers past MAX_POSITION are returned in `outOfRange`, other pieces in
 * `rejected`.
 */
export function parsePositions(text: string): { positions: number[]; rejected: string[]; outOfRange: string[] } {
  const positions = new Set<number>();
  const rejected: string[] = [];
  const outOfRange: string[] = [];
  for (const piece of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    if (!/^\d+$/.test(piece)) rejected.push(piece);
    else if (Number(piece) > MAX_POSITION) outOfRange.push(piece);
    else positions.add(Number(piece));
  }
  return { positions: [...positions].sort((a, b) => a - b), rejected, outOfRange };
}
