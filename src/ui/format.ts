/**
 * Number formatting for read-outs: 4 decimals, a true minus sign (U+2212) for negatives, −∞ for
 * blocked cells, and "0.0000" for −0 so a weight never reads "−0".
 */
export function formatNumber(x: number): string {
  if (x === -Infinity) return '−∞';
  if (x === Infinity) return '+∞';
  if (Number.isNaN(x)) return 'NaN';
  const text = Math.abs(x).toFixed(4);
  return x < 0 && Number(text) !== 0 ? `−${text}` : text;
}
