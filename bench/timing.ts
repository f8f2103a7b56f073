/** Timing helpers for the benchmark page: median and budgeted repeat loops (wall clock). */

export interface Timing {
  /** Median of the timed runs, ms. */
  medianMs: number;
  /** Every timed run, ms. */
  runsMs: number[];
  /** The warm-up run (first call at this size: shader compiles, JIT, first allocations), ms; null when skipped. */
  warmupMs: number | null;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Milliseconds taken by `fn`. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * Calls per timed sample so that a sample lasts well above performance.now()'s 0.1 ms resolution
 * (pages without cross-origin isolation): 1 from 2^16 cells (B·H·Lq·Lk) up, more below.
 */
export function callsFor(cells: number): number {
  return Math.max(1, Math.floor((1 << 16) / cells));
}

/** Milliseconds per call of `fn`, over `calls` calls in a row. */
export async function timePerCall(fn: () => unknown, calls: number): Promise<number> {
  return (await timeOnce(async () => {
    for (let i = 0; i < calls; i++) await fn();
  })) / calls;
}

/**
 * Runs `measure` (which returns the ms it measured): one warm-up unless `warmup` is false, then
 * up to `repeats` runs, stopping early once `budgetMs` is spent (at least one timed run).
 */
export async function repeatMeasured(measure: () => Promise<number>, repeats: number, budgetMs: number, warmup: boolean): Promise<Timing> {
  const warmupMs = warmup ? await measure() : null;
  const runsMs: number[] = [];
  const start = performance.now();
  while (runsMs.length < repeats && (runsMs.length === 0 || performance.now() - start < budgetMs)) runsMs.push(await measure());
  return { medianMs: median(runsMs), runsMs, warmupMs };
}

/** repeatMeasured of the wall time of `fn` (per call, `calls` calls per sample). */
export function timeRuns(fn: () => unknown, repeats: number, budgetMs: number, warmup = true, calls = 1): Promise<Timing> {
  return repeatMeasured(() => timePerCall(fn, calls), repeats, budgetMs, warmup);
}
