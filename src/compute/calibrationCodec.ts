/**
 * The device's calibration (engine/calibration.ts) as the page keeps it in localStorage: JSON
 * under a versioned key. Saved state is untrusted (another version, another tab, a hand edit):
 * it is read field by field and anything malformed is ignored, so the worker measures again
 * (excalidraw's data/restore.ts restores saved state the same way).
 */
import { calibratedFor, type Calibration, type CostModel } from '../engine/calibration';

/** The localStorage key; a new format takes a new version, so an old one is never misread. */
export const CALIBRATION_STORAGE_KEY = 'maskscope.calibration.v1';

/** Where the page keeps the calibration (localStorage in the app, a map in tests). */
export interface CalibrationStorage {
  /** The stored text, or null (nothing stored, or storage unavailable). */
  load(): string | null;
  /** Stores `text`; never throws (a full or blocked storage only means measuring again next time). */
  save(text: string): void;
}

/** The text stored for `calibration`. */
export function formatCalibration(calibration: Calibration): string {
  return JSON.stringify(calibration);
}

/**
 * The stored calibration when it is well formed and was measured on `renderer`.
 * @param text what storage holds (null: nothing).
 * @returns null for no text, bad JSON, a missing or non-finite field, a negative cost, or another
 *   renderer (the device changed: it is measured again); never throws.
 */
export function parseCalibration(text: string | null, renderer: string): Calibration | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.renderer !== 'string' || typeof value.measuredAt !== 'string') return null;
  const js = costModel(value.js);
  const webgl = value.webgl === null ? null : costModel(value.webgl);
  if (!js || webgl === undefined) return null;
  const calibration: Calibration = { renderer: value.renderer, measuredAt: value.measuredAt, js, webgl };
  return calibratedFor(calibration, renderer) ? calibration : null;
}

/** A well-formed CostModel, or undefined. */
function costModel(value: unknown): CostModel | undefined {
  if (!isRecord(value)) return undefined;
  const { fixedMs, perCellMs } = value;
  return isCost(fixedMs) && isCost(perCellMs) ? { fixedMs, perCellMs } : undefined;
}

function isCost(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
