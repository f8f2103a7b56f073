/**
 * Tables read by lookup nodes (`docId[b][q]`, `keyIsReal[b][k]`, `randomBlocks[h][i][j]`):
 * integer or boolean arrays of any rank, row-major, supplied when a mask is evaluated.
 */
import { walk, type MaskExpr } from './expr';

/** A row-major table: `shape` [d0, d1, …] and `data` of length d0·d1·…. Booleans as 0/1. */
export interface MaskTable {
  shape: readonly number[];
  data: Int32Array | Uint8Array;
}

export type MaskTables = Readonly<Record<string, MaskTable>>;

/**
 * The table names an expression reads, each with its number of indices.
 * @throws Error when one table is read with two different numbers of indices.
 */
export function tableRanks(expr: MaskExpr): Map<string, number> {
  const ranks = new Map<string, number>();
  walk(expr, (node) => {
    if (node.kind !== 'lookup') return;
    const seen = ranks.get(node.table);
    if (seen !== undefined && seen !== node.indices.length) {
      throw new Error(`table '${node.table}' is read with ${seen} and with ${node.indices.length} indices`);
    }
    ranks.set(node.table, node.indices.length);
  });
  return ranks;
}

/**
 * Checks that every table the expression reads is supplied, has as many dimensions as it has
 * indices, and that its data fills its shape.
 * @param where the caller's name, for the message.
 * @throws Error naming the table: missing, wrong rank, bad shape or data length.
 */
export function assertTables(expr: MaskExpr, tables: MaskTables, where: string): void {
  for (const [name, rank] of tableRanks(expr)) {
    const table = tables[name];
    if (!table) throw new Error(`${where}: table '${name}' is read by the mask but was not supplied`);
    const { shape, data } = table;
    if (shape.length !== rank) {
      throw new Error(`${where}: table '${name}' is read with ${rank} indices but has shape [${shape.join(',')}]`);
    }
    if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new Error(`${where}: table '${name}' has an invalid shape [${shape.join(',')}]`);
    }
    const size = shape.reduce((a, d) => a * d, 1);
    if (size !== data.length) {
      throw new Error(`${where}: table '${name}' of shape [${shape.join(',')}] needs ${size} values, got ${data.length}`);
    }
  }
}

/** Row-major strides of a shape: [d1·d2·…, d2·…, …, 1]. */
export function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = (out[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return out;
}

/**
 * One table cell. Rule: an index that is not a whole number inside [0, d) reads 0 (false).
 * @param indices one per dimension (the rank is checked by `assertTables` beforehand).
 */
export function readTable(table: MaskTable, indices: readonly number[]): number {
  let flat = 0;
  let stride = 1;
  for (let i = indices.length - 1; i >= 0; i--) {
    const index = indices[i] ?? -1;
    const size = table.shape[i] ?? 0;
    if (!Number.isInteger(index) || index < 0 || index >= size) return 0;
    flat += index * stride;
    stride *= size;
  }
  return table.data[flat] ?? 0;
}
