/**
 * What a mask costs: the share of allowed cells, the work a sparse kernel saves against a dense
 * one, and the tiles a block-sparse kernel (PyTorch FlexAttention's `BlockMask`) sees. Pure
 * TypeScript over plain 0/1 arrays (1 = the query may attend the key, DESIGN.md §1); no tfjs.
 *
 * Why cells measure work: for one (batch item, head), the score Q·Kᵀ costs dK multiply-adds per
 * cell and weights·V costs dV multiply-adds per cell. A dense kernel does both for all Lq·Lk
 * cells; a kernel that skips blocked cells does them only for the allowed ones. So the share of
 * blocked cells is the share of those multiply-adds saved (the softmax's exp/sum is per cell
 * too). A block-sparse kernel cannot skip single cells, only whole tiles: that is `tileStates`.
 */

/** Code of a tile in `TileStates.states`. */
export const TileState = {
  /** No allowed cell: the kernel skips the tile (not in FlexAttention's kv_indices at all). */
  empty: 0,
  /** Some cells allowed, some blocked: computed, with the mask_mod applied inside. */
  partial: 1,
  /** Every cell allowed: computed without calling the mask_mod. */
  full: 2,
} as const;
export type TileStateCode = (typeof TileState)[keyof typeof TileState];

/** Tile sizes the UI offers (FlexAttention's default BLOCK_SIZE is 128). */
export const TILE_SIZES = [16, 32, 64, 128] as const;

/** Cell counts of a mask, from `maskCost`. */
export interface MaskCost {
  /** Allowed cells (mask ≠ 0). */
  allowed: number;
  /** All cells, rows · cols. */
  total: number;
  /** allowed / total, in [0, 1]; 0 when total = 0. */
  allowedShare: number;
  /**
   * (total − allowed) / total, in [0, 1]: the share of score (Q·Kᵀ) and weights·V multiply-adds
   * a kernel that skips blocked cells saves against a dense one; 0 when total = 0.
   */
  savedShare: number;
}

/** Numbers of tiles in each state. */
export interface TileCounts {
  empty: number;
  partial: number;
  full: number;
}

/** How the tiles on the bottom and right edges (smaller than size × size) are classified. */
export type TileEdges = 'in-range' | 'padded';

/** Options of `tileStates` and `batchMaskCost`. */
export interface TileOptions {
  /**
   * 'in-range' (default): an edge tile is judged by the cells it holds, so an edge tile whose
   * cells are all allowed is full (the kernel's bounds check is not the mask's doing).
   * 'padded': as `create_block_mask` computes it, the matrix is padded with blocked cells up to
   * a multiple of the size first, so no edge tile can be full (it becomes partial).
   */
  edges?: TileEdges;
}

/** The tiles of a mask, from `tileStates`; `{ size, states, tileRows, tileCols }` is what a heatmap's `tiles` takes. */
export interface TileStates extends TileCounts {
  /** Tile edge in cells (queries and keys alike). */
  size: number;
  /** ⌈rows / size⌉. */
  tileRows: number;
  /** ⌈cols / size⌉. */
  tileCols: number;
  /** TileState of each tile, [tileRows × tileCols] row-major. */
  states: Uint8Array;
  /** All tiles, tileRows · tileCols. */
  total: number;
  /** (partial + full) / total: the share of tiles a block-sparse kernel computes; 0 without tiles. */
  computedShare: number;
  /**
   * Cells inside computed tiles / all cells: the share of the dense work a block-sparse kernel
   * still does (edge tiles hold fewer cells, so this can differ from computedShare); 0 without cells.
   */
  computedCellShare: number;
}

function checkMatrix(fn: string, mask: ArrayLike<number>, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`${fn}: rows must be a whole number ≥ 0, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) throw new RangeError(`${fn}: cols must be a whole number ≥ 0, got ${cols}`);
  if (mask.length !== rows * cols) {
    throw new RangeError(`${fn}: mask has length ${mask.length}, expected [${rows}×${cols}] = ${rows * cols}`);
  }
}

function checkSize(fn: string, size: number): void {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`${fn}: tile size must be a whole number ≥ 1, got ${size}`);
}

/**
 * Counts the allowed cells of one [rows × cols] mask.
 *
 *   allowedShare = allowed / (rows · cols),  savedShare = 1 − allowedShare  (both 0 without cells)
 *
 * savedShare is the work saved against a dense matrix: the score and weights·V multiply-adds
 * (dK and dV per cell) scale with the allowed cells for a kernel that skips blocked ones.
 *
 * @param mask [rows × cols] row-major, non-zero = the query may attend the key
 * @param rows number of queries Lq, whole ≥ 0
 * @param cols number of keys Lk, whole ≥ 0
 * @throws RangeError when rows/cols are not whole numbers ≥ 0 or mask is not [rows × cols]
 * @example a 4×4 causal mask (k ≤ q) allows 1 + 2 + 3 + 4 = 10 of 16 cells:
 *   1 0 0 0
 *   1 1 0 0    → { allowed: 10, total: 16, allowedShare: 0.625, savedShare: 0.375 }
 *   1 1 1 0
 *   1 1 1 1
 */
export function maskCost(mask: ArrayLike<number>, rows: number, cols: number): MaskCost {
  checkMatrix('maskCost', mask, rows, cols);
  return costOf(countAllowed(mask, 0, mask.length), rows * cols);
}

function countAllowed(mask: ArrayLike<number>, start: number, end: number): number {
  let allowed = 0;
  for (let i = start; i < end; i++) if (mask[i] !== 0) allowed++;
  return allowed;
}

function costOf(allowed: number, total: number): MaskCost {
  return {
    allowed,
    total,
    allowedShare: total === 0 ? 0 : allowed / total,
    savedShare: total === 0 ? 0 : (total - allowed) / total,
  };
}

/**
 * The mask cut into size × size tiles (queries × keys), each classified as a block-sparse
 * kernel sees it — PyTorch FlexAttention's `BlockMask` (`create_block_mask(mask_mod, …,
 * BLOCK_SIZE=size)`):
 *
 * - empty   (0): no allowed cell — skipped; in neither `kv_indices` nor `full_kv_indices`;
 * - partial (1): some allowed — computed and the `mask_mod` applied; counted in `kv_num_blocks`;
 * - full    (2): all allowed — computed without the `mask_mod`; counted in `full_kv_num_blocks`.
 *
 * `BlockMask.sparsity()` is about 1 − computedShare (it weighs tiles by their padded area).
 * Tiles on the bottom and right edges hold fewer cells when size does not divide rows / cols;
 * by default they are judged by the cells they hold (see TileOptions.edges for PyTorch's padding).
 *
 * @param mask [rows × cols] row-major, non-zero = may attend
 * @param rows Lq, whole ≥ 0;  cols: Lk, whole ≥ 0
 * @param size tile edge in cells (FlexAttention's BLOCK_SIZE, default there 128), whole ≥ 1
 * @throws RangeError when rows/cols/size are not whole numbers in range or mask is not [rows × cols]
 * @example an 8×8 causal mask (k ≤ q), size 4 → states [[partial, empty], [full, partial]]:
 *   1 0 0 0 | 0 0 0 0
 *   1 1 0 0 | 0 0 0 0        partial | empty
 *   1 1 1 0 | 0 0 0 0        --------+--------
 *   1 1 1 1 | 0 0 0 0   →    full    | partial
 *   --------+--------
 *   1 1 1 1 | 1 0 0 0        counts { empty: 1, partial: 2, full: 1 }, computedShare 0.75
 *   1 1 1 1 | 1 1 0 0
 *   1 1 1 1 | 1 1 1 0
 *   1 1 1 1 | 1 1 1 1
 */
export function tileStates(mask: ArrayLike<number>, rows: number, cols: number, size: number, options: TileOptions = {}): TileStates {
  checkMatrix('tileStates', mask, rows, cols);
  checkSize('tileStates', size);
  return classifyTiles(mask, 0, rows, cols, size, options.edges ?? 'in-range').tiles;
}

/** tileStates of the [rows × cols] matrix starting at `offset` in `mask` (no checks). */
function classifyTiles(
  mask: ArrayLike<number>, offset: number, rows: number, cols: number, size: number, edges: TileEdges,
): { tiles: TileStates; computedCells: number } {
  const tileRows = Math.ceil(rows / size);
  const tileCols = Math.ceil(cols / size);
  const allowed = new Int32Array(tileRows * tileCols);
  for (let r = 0; r < rows; r++) {
    const base = Math.floor(r / size) * tileCols;
    const row = offset + r * cols;
    for (let c = 0; c < cols; c++) {
      if (mask[row + c] !== 0) allowed[base + Math.floor(c / size)]! += 1;
    }
  }
  const states = new Uint8Array(tileRows * tileCols);
  const counts: TileCounts = { empty: 0, partial: 0, full: 0 };
  let computedCells = 0;
  for (let tr = 0; tr < tileRows; tr++) {
    const height = Math.min(size, rows - tr * size);
    for (let tc = 0; tc < tileCols; tc++) {
      const width = Math.min(size, cols - tc * size);
      const cells = height * width;
      const i = tr * tileCols + tc;
      const n = allowed[i]!;
      const fullAt = edges === 'padded' ? size * size : cells;
      if (n === 0) {
        counts.empty++;
        continue;
      }
      computedCells += cells;
      if (n === fullAt) {
        states[i] = TileState.full;
        counts.full++;
      } else {
        states[i] = TileState.partial;
        counts.partial++;
      }
    }
  }
  const total = tileRows * tileCols;
  const tiles: TileStates = {
    size,
    tileRows,
    tileCols,
    states,
    ...counts,
    total,
    computedShare: total === 0 ? 0 : (counts.partial + counts.full) / total,
    computedCellShare: rows * cols === 0 ? 0 : computedCells / (rows * cols),
  };
  return { tiles, computedCells };
}

/** The dimensions of a [B, H, Lq, Lk] mask (the fields of the engine's AttentionShape). */
export interface MaskShape {
  batch: number;
  heads: number;
  queryLength: number;
  keyLength: number;
}

/** Totals over every (batch item, head) of a [B, H, Lq, Lk] mask, from `batchMaskCost`. */
export interface BatchMaskCost extends MaskCost {
  /** Number of (batch item, head) matrices, B · H. */
  slices: number;
  /** Tile totals summed over the slices (each slice is tiled on its own, as in a BlockMask); null without a size. */
  tiles: (TileCounts & { size: number; total: number; computedShare: number; computedCellShare: number }) | null;
}

/**
 * maskCost (and, given a tile size, tileStates) summed over all B · H matrices of a mask.
 * FlexAttention's BlockMask has the same layout: `kv_num_blocks` / `full_kv_num_blocks` are
 * [B, H, ⌈Lq/size⌉] counts per (batch item, head, query tile).
 *
 * @param mask [B, H, Lq, Lk] row-major, non-zero = may attend
 * @param shape B, H, Lq, Lk (an AttentionShape fits)
 * @param size tile edge in cells, or null for cell counts only
 * @throws RangeError when a dimension is not a whole number ≥ 0, mask is not [B, H, Lq, Lk] or size < 1
 * @example two heads of a 4×4 mask, causal (10 allowed) and full (16 allowed), size 2:
 *   → allowed 26 of 32; tiles: 8 in all, empty 1, partial 2, full 5, computedShare 7/8
 */
export function batchMaskCost(mask: ArrayLike<number>, shape: MaskShape, size: number | null = null, options: TileOptions = {}): BatchMaskCost {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk } = shape;
  for (const [name, v] of [['batch', B], ['heads', H], ['queryLength', Lq], ['keyLength', Lk]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`batchMaskCost: ${name} must be a whole number ≥ 0, got ${v}`);
  }
  if (mask.length !== B * H * Lq * Lk) {
    throw new RangeError(`batchMaskCost: mask has length ${mask.length}, expected [${B},${H},${Lq},${Lk}] = ${B * H * Lq * Lk}`);
  }
  if (size !== null) checkSize('batchMaskCost', size);
  const slices = B * H;
  const cells = Lq * Lk;
  const cost = costOf(countAllowed(mask, 0, mask.length), mask.length);
  if (size === null) return { ...cost, slices, tiles: null };
  const sum = { size, empty: 0, partial: 0, full: 0, total: 0, computedShare: 0, computedCellShare: 0 };
  let computedCells = 0;
  for (let s = 0; s < slices; s++) {
    const { tiles: t, computedCells: n } = classifyTiles(mask, s * cells, Lq, Lk, size, options.edges ?? 'in-range');
    sum.empty += t.empty;
    sum.partial += t.partial;
    sum.full += t.full;
    sum.total += t.total;
    computedCells += n;
  }
  sum.computedShare = sum.total === 0 ? 0 : (sum.partial + sum.full) / sum.total;
  sum.computedCellShare = mask.length === 0 ? 0 : computedCells / mask.length;
  return { ...cost, slices, tiles: sum };
}
