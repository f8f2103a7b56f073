/**
 * Python literals of code export: numbers (float nodes keep a `.0`) and tables as nested lists.
 */
import type { ValueKind } from '../mask/check';
import type { MaskTable } from '../mask/tables';

/**
 * A Python literal for a number: whole numbers of a float node get `.0` so Python keeps them
 * floats (e.g. 3e9, beyond int32, is a float in the core).
 */
export function numberLiteral(value: number, kind: ValueKind): string {
  const text = Object.is(value, -0) ? '0' : String(value);
  if (kind === 'float' && /^-?\d+$/.test(text)) return `${text}.0`;
  return text;
}


/**
 * A table's values as a nested Python list: rank 1 on one line; higher ranks one top-level entry
 * per line when the table has more than 16 values.
 * Example: shape [2, 3], data [0,0,1, 0,1,1] → "[\n    [0, 0, 1],\n    [0, 1, 1],\n]".
 */
export function pythonListLiteral(table: MaskTable, bool: boolean): string {
  const { shape, data } = table;
  const value = (v: number) => (bool ? (v !== 0 ? 'True' : 'False') : String(v));
  const nested = (dim: number, offset: number): string => {
    const size = shape[dim] ?? 0;
    if (dim === shape.length - 1) {
      return `[${Array.from({ length: size }, (_, i) => value(data[offset + i] ?? 0)).join(', ')}]`;
    }
    const stride = shape.slice(dim + 1).reduce((a, d) => a * d, 1);
    return `[${Array.from({ length: size }, (_, i) => nested(dim + 1, offset + i * stride)).join(', ')}]`;
  };
  if (shape.length === 0) return value(data[0] ?? 0);
  if (shape.length === 1 || data.length <= 16) return nested(0, 0);
  const first = shape[0] ?? 0;
  const stride = shape.slice(1).reduce((a, d) => a * d, 1);
  const rows = Array.from({ length: first }, (_, i) => `    ${nested(1, i * stride)},`);
  return `[\n${rows.join('\n')}\n]`;
}
