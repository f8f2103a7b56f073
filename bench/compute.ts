/**
 * Compute timings for the benchmark page: the engine's runAttention on each path, "auto" (the
 * path choosePath picks for this device) paired with the plain-JS baseline, and deriveInputs.
 */
import { choosePath } from '../src/engine/pathChoice';
import { runAttention, type EnginePath } from '../src/engine/runner';
import type { AttentionInputs } from '../src/engine/types';
import { probeDevice } from '../src/worker/probe';
import { ensureTfBackend } from '../src/worker/tfSession';
import { contextLost } from './device';
import { baselineAttention } from './baseline';
import { derive, inputsFor } from './inputs';
import { callsFor, median, timePerCall, timeRuns, type Timing } from './timing';

export type ComputePath = 'auto' | EnginePath;

export interface ComputeResult extends Timing {
  path: ComputePath | 'baseline';
  /** The path that ran ('baseline' for the JS loop; for auto, the path chosen). */
  ran: string;
  /** Why auto chose its path (pathChoice.ts), else null. */
  reason: string | null;
  /** max |output − baseline output| when checked (small sizes), else null. */
  maxAbsDiff: number | null;
}

const device = probeDevice();
/** Largest B·H·L² whose output is compared with the baseline. */
const CHECK_CELLS = 1 << 18;

/** The engine path that `path` runs here, with auto resolved by choosePath, and tfjs ready for it. */
export async function resolvePath(path: ComputePath, cells: number): Promise<{ run: EnginePath; reason: string | null; maxTextureSize: number }> {
  const choice = path === 'auto' ? choosePath('auto', device, cells) : { path, reason: null };
  if (choice.path === 'js') return { run: 'js', reason: choice.reason, maxTextureSize: 0 };
  const backend = await ensureTfBackend(choice.path, contextLost);
  if (backend.name !== choice.path) throw new Error(`tfjs ${choice.path} unavailable: ${backend.fallbackReason}`);
  return { run: choice.path, reason: choice.reason, maxTextureSize: backend.maxTextureSize };
}

/** max |engine output − baseline output| over every head, or null above CHECK_CELLS. */
async function checkOutput(inputs: AttentionInputs, run: EnginePath, maxTextureSize: number): Promise<number | null> {
  const { shape, q, k, v } = inputs;
  if (shape.batch * shape.heads * shape.queryLength * shape.keyLength > CHECK_CELLS) return null;
  const set = await runAttention(inputs, { path: run, maxTextureSize });
  const reference = baselineAttention(shape, q, k, v, true).output;
  const per = shape.queryLength * shape.dV;
  let max = 0;
  set.heads.forEach((h, i) => h!.output.forEach((x, j) => (max = Math.max(max, Math.abs(x - (reference[i * per + j] as number))))));
  return max;
}

/** runAttention (all heads) on `path` at (B, H, L): a warm-up (unless `warmup` is false) and timed runs. */
export async function compute(path: ComputePath, B: number, H: number, L: number, repeats: number, budgetMs: number, warmup: boolean): Promise<ComputeResult> {
  const inputs = inputsFor(B, H, L);
  const { run, reason, maxTextureSize } = await resolvePath(path, B * H * L * L);
  const calls = callsFor(B * H * L * L);
  const timing = await timeRuns(() => runAttention(inputs, { path: run, maxTextureSize }), repeats, budgetMs, warmup, calls);
  return { ...timing, path, ran: run, reason, maxAbsDiff: await checkOutput(inputs, run, maxTextureSize) };
}

/**
 * The baseline and auto, alternately (which goes first alternates too), so that both see the same
 * load: at least `minRounds` rounds, more (up to `maxRounds`) while `budgetMs` lasts. No warm-up:
 * warmJit and the smaller sizes have warmed both loops. `ratio` = median of the per-round ratios;
 * `fastestRatio` = fastest auto run / fastest baseline run (noise from other processes only adds time).
 */
export async function pairAutoBaseline(B: number, H: number, L: number, minRounds: number, maxRounds: number, budgetMs: number) {
  const inputs = inputsFor(B, H, L);
  const { shape, q, k, v } = inputs;
  const { run, reason, maxTextureSize } = await resolvePath('auto', B * H * L * L);
  const calls = callsFor(B * H * L * L);
  const base = () => timePerCall(() => baselineAttention(shape, q, k, v, true), calls);
  const auto = () => timePerCall(() => runAttention(inputs, { path: run, maxTextureSize }), calls);
  const runs = { baseline: [] as number[], auto: [] as number[] };
  const start = performance.now();
  for (let i = 0; i < minRounds || (i < maxRounds && performance.now() - start < budgetMs); i++) {
    if (i % 2) runs.auto.push(await auto());
    runs.baseline.push(await base());
    if (i % 2 === 0) runs.auto.push(await auto());
  }
  const timing = (runsMs: number[]): Timing => ({ medianMs: median(runsMs), runsMs, warmupMs: null });
  const baseline: ComputeResult = { ...timing(runs.baseline), path: 'baseline', ran: 'baseline', reason: null, maxAbsDiff: null };
  const autoResult: ComputeResult = { ...timing(runs.auto), path: 'auto', ran: run, reason, maxAbsDiff: await checkOutput(inputs, run, maxTextureSize) };
  const ratio = median(runs.auto.map((a, i) => a / (runs.baseline[i] as number)));
  return { baseline, auto: autoResult, ratio, fastestRatio: Math.min(...runs.auto) / Math.min(...runs.baseline) };
}

/**
 * Runs the JS loops (baseline and JS path) and deriveInputs until the JIT has optimised them, so
 * that the first shapes of the grid are not timed on cold code.
 */
export async function warmJit(rounds: number): Promise<void> {
  const inputs = inputsFor(1, 2, 128);
  const { shape, q, k, v } = inputs;
  for (let i = 0; i < rounds; i++) {
    baselineAttention(shape, q, k, v, true);
    await runAttention(inputs, { path: 'js' });
    derive(1, 2, 128);
  }
}

/** deriveInputs (embeddings + Q/K/V projections + mask spec) at (B, H, L). */
export function deriveTiming(B: number, H: number, L: number, repeats: number, budgetMs: number): Promise<Timing> {
  return timeRuns(() => derive(B, H, L), repeats, budgetMs);
}
