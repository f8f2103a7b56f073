/**
 * Number formatting for read-outs: 4 decimals, a true minus sign (U+2212) for negatives, −∞ for
 * blocked cells, and "0.0000" for 0 and −0 so a weight never reads "−0". A non-zero value that
 * 4 decimals would show as 0 (e.g. a weight of 2.4·10⁻⁵ in a row of 4096 keys) is written with an
 * exponent, "2.40e−5", so an allowed cell with a tiny weight never reads like a blocked one.
 */
export function formatNumber(x: number): string {
  if (x === -Infinity) return '−∞';
  if (x === Infinity) return '+∞';
  if (Number.isNaN(x)) return 'NaN';
  if (x !== 0 && Math.abs(x) < 0.00005) return x.toExponential(2).replace(/-/g, '−').replace('e+', 'e');
  const text = Math.abs(x).toFixed(4);
  return x < 0 && Number(text) !== 0 ? `−${text}` : text;
}
