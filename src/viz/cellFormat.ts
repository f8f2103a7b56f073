/**
 * The default text of a number written in a heatmap cell (pure): compact — at most 5 characters
 * for |v| < 10 000 — and never misleading: a real minus sign (U+2212), infinities and NaN spelled
 * out, and the number of decimals chosen by the magnitude after rounding, so 9.999 reads "10.0",
 * not "10.00".
 */

/** U+2212 MINUS SIGN: as wide as a digit's "+", unlike the hyphen-minus "-". */
export const MINUS = '\u2212';

/**
 * A cell value as text:
 *
 *   |v| < 10      → 2 decimals          0.25, −1.37, 0.00
 *   |v| < 100     → 1 decimal           12.5, −99.9
 *   |v| < 10 000  → integer             137, −4096
 *   otherwise     → 2 significant digits with exponent   1.2e4, −3.4e38
 *   −∞ → "−∞",  +∞ → "∞",  NaN → "NaN",  −0 → "0.00"
 *
 * The tier is chosen by |v| as rounded for that tier (9.996 → "10.0", 99.96 → "100",
 * 9999.6 → "1.0e4"). A negative value that rounds to zero keeps its sign ("−0.00" for −0.001):
 * it is below zero, and a score's sign matters; only −0 itself is "0.00".
 *
 * @param v any number, in the units of the stage (scores, weights …)
 * @example formatCellValue(0.25) // → '0.25';  formatCellValue(-1.372) // → '−1.37'
 *          formatCellValue(12345) // → '1.2e4'; formatCellValue(-Infinity) // → '−∞'
 */
export function formatCellValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return `${MINUS}∞`;
  const a = Math.abs(v);
  let text: string;
  if (a < 9.995) text = a.toFixed(2);
  else if (a < 99.95) text = a.toFixed(1);
  else if (a < 9999.5) text = a.toFixed(0);
  else text = a.toExponential(1).replace('e+', 'e');
  return v < 0 ? MINUS + text : text;
}
