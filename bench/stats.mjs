/** Numbers and Markdown for bench/run.mjs: formatting, percentiles, a power-law fit, tables. */

/** ms with 3 significant-ish digits; '—' for null. */
export const fmt = (ms) => (ms == null ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** A ratio as "1.23×"; '—' when either side is missing. */
export const ratio = (a, b) => (a == null || b == null ? '—' : `${(a / b).toFixed(2)}×`);

export const cellsOf = ([B, H, L]) => B * H * L * L;

/** Nearest-rank percentile p ∈ [0, 100] of `xs`. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const median = (xs) => percentile(xs, 50);

/** Least-squares slope of log(ms) on log(L), with R². */
export function fitPower(points) {
  const xs = points.map((p) => Math.log(p.L));
  const ys = points.map((p) => Math.log(p.ms));
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return { exponent: sxy / sxx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy), n };
}

/** A Markdown table with padded columns. */
export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
