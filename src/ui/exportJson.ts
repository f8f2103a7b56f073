/**
 * The "Export JSON" document (docs/export-format.md): the scenario, the tokens and every stage
 * as nested arrays indexed [batch][head][row][col]. Never contains NaN or ±∞: blocked cells are
 * described by `mask`, not by −∞ values.
 */
import type { AttentionInputs, AttentionStages, EnginePath, Precision } from '../engine/types';
import type { RunInfo } from '../worker/protocol';
import { RowStatus } from '../engine/types';
import type { SequenceBatch } from '../engine/sequences';
import type { Scenario } from '../state/scenario';

/** Format 2: `scores` are Q·Kᵀ as the Scores card shows them (format 1's `scores` were the scaled scores, now `scaled`). */
export const EXPORT_FORMAT = 'maskscope-attention/2';

export interface ExportDocument {
  format: string;
  scenario: Scenario;
  /** What computed it: 'js', or the tfjs backend 'webgl' / 'cpu' (kept from format 1's first fields). */
  backend: string;
  /** The engine path that ran: 'js' (plain JavaScript), 'webgl' or 'cpu' (tfjs). */
  path: EnginePath;
  /** What the stages were computed in: 'float16' when WebGL used half-float textures. */
  precision: Precision;
  shape: AttentionStages['shape'];
  tokens: { query: string[][]; key: string[][] };
  padding: { query: boolean[][]; key: boolean[][] };
  q: number[][][][];
  k: number[][][][];
  v: number[][][][];
  mask: boolean[][][][];
  /** Q·Kᵀ, before scaling. */
  scores: number[][][][];
  /** scores × scale (1/√dK unless a temperature is set). */
  scaled: number[][][][];
  logits: number[][][][];
  weights: number[][][][];
  output: number[][][][];
  fullyMaskedRows: { batch: number; head: number; query: number }[];
  paddedQueryRows: { batch: number; query: number }[];
}

/** How a result was computed, as the export records it. */
export interface ExportEngine {
  /** 'js', or the tfjs backend that ran ('webgl', or 'cpu' also after a WebGL fallback). */
  backend: string;
  path: EnginePath;
  precision: Precision;
}

/** The export's record of a run: its path, the tfjs backend's name (or 'js') and the precision. */
export function exportEngine(run: Pick<RunInfo, 'path' | 'backend' | 'precision'>): ExportEngine {
  return { backend: run.backend?.name ?? run.path, path: run.path, precision: run.precision };
}

/**
 * Builds the export document (docs/export-format.md): `scores` are Q·Kᵀ, `scaled` those × the scale, as the stage cards show them.
 * @param stages the engine's result for `inputs`.
 * @param engine what computed it (exportEngine of the result's RunInfo).
 */
export function buildExport(
  scenario: Scenario,
  inputs: AttentionInputs,
  stages: AttentionStages,
  sides: { query: SequenceBatch; key: SequenceBatch },
  engine: ExportEngine,
): ExportDocument {
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dK, dV } = stages.shape;
  return {
    format: EXPORT_FORMAT,
    scenario,
    backend: engine.backend,
    path: engine.path,
    precision: engine.precision,
    shape: stages.shape,
    tokens: { query: sides.query.tokens, key: sides.key.tokens },
    padding: { query: sides.query.isReal.map((r) => r.map((x) => !x)), key: sides.key.isReal.map((r) => r.map((x) => !x)) },
    q: nest(inputs.q, [B, H, Lq, dK]),
    k: nest(inputs.k, [B, H, Lk, dK]),
    v: nest(inputs.v, [B, H, Lk, dV]),
    mask: nest(stages.mask, [B, H, Lq, Lk]).map((b) => b.map((h) => h.map((row) => row.map((x) => x === 1)))),
    scores: nest(stages.scores, [B, H, Lq, Lk]),
    scaled: nest(stages.scaled, [B, H, Lq, Lk]),
    logits: nest(stages.logits, [B, H, Lq, Lk]),
    weights: nest(stages.weights, [B, H, Lq, Lk]),
    output: nest(stages.output, [B, H, Lq, dV]),
    ...rowLists(stages.rowStatus, B, H, Lq),
  };
}

/** Reshapes a row-major array into nested arrays [d0][d1][d2][d3]. */
export function nest(values: ArrayLike<number>, [d0, d1, d2, d3]: [number, number, number, number]): number[][][][] {
  const at = (a: number, b: number, c: number) => ((a * d1 + b) * d2 + c) * d3;
  return Array.from({ length: d0 }, (_, a) =>
    Array.from({ length: d1 }, (_, b) =>
      Array.from({ length: d2 }, (_, c) => Array.from(Array.prototype.slice.call(values, at(a, b, c), at(a, b, c) + d3) as number[])),
    ),
  );
}

function rowLists(status: Uint8Array, B: number, H: number, Lq: number) {
  const fullyMaskedRows: ExportDocument['fullyMaskedRows'] = [];
  const paddedQueryRows: ExportDocument['paddedQueryRows'] = [];
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < H; h++) {
      for (let q = 0; q < Lq; q++) {
        const flags = status[(b * H + h) * Lq + q] ?? 0;
        if (flags & RowStatus.fullyMasked) fullyMaskedRows.push({ batch: b, head: h, query: q });
        if (h === 0 && flags & RowStatus.paddedQuery) paddedQueryRows.push({ batch: b, query: q });
      }
    }
  }
  return { fullyMaskedRows, paddedQueryRows };
}
