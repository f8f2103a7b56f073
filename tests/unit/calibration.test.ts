import { describe, expect, it } from 'vitest';
import { calibratedFor, fasterPath, fitCost, predictMs, type Calibration } from '../../src/engine/calibration';

const line = (fixedMs: number, perCellMs: number, cells: number[]) => cells.map((c) => ({ cells: c, ms: fixedMs + perCellMs * c }));

describe('fitCost', () => {
  it('samples on ms = 20 + 1e-4·cells at 2^12, 2^15, 2^17 cells: fixedMs 20, perCellMs 1e-4 (the docstring’s example)', () => {
    const model = fitCost(line(20, 1e-4, [4096, 32768, 131072]));
    expect(model.fixedMs).toBeCloseTo(20, 9);
    expect(model.perCellMs).toBeCloseTo(1e-4, 12);
    expect(predictMs(model, 1 << 20)).toBeCloseTo(124.8576, 6);
  });

  it('a line through the origin (plain JS): fixedMs 0, perCellMs exact', () => {
    const model = fitCost(line(0, 2.5e-5, [4096, 16384, 65536]));
    expect(model.fixedMs).toBeCloseTo(0, 9);
    expect(model.perCellMs).toBeCloseTo(2.5e-5, 14);
  });

  it('never negative: a negative intercept refits through the origin, a falling line keeps the mean as a fixed cost', () => {
    const steep = fitCost([{ cells: 100, ms: 0 }, { cells: 200, ms: 10 }]); // OLS: −10 + 0.1·cells
    expect(steep.fixedMs).toBe(0);
    expect(steep.perCellMs).toBeCloseTo(2000 / 50000, 12); // Σxy / Σx²
    expect(fitCost([{ cells: 100, ms: 9 }, { cells: 200, ms: 5 }])).toEqual({ fixedMs: 7, perCellMs: 0 });
  });

  it('one size only: all of it per cell; zero cells only: all of it fixed', () => {
    expect(fitCost([{ cells: 1000, ms: 4 }, { cells: 1000, ms: 6 }])).toEqual({ fixedMs: 0, perCellMs: 0.005 });
    expect(fitCost([{ cells: 0, ms: 3 }])).toEqual({ fixedMs: 3, perCellMs: 0 });
  });

  it('throws RangeError on no samples, NaN, ∞ or a negative time', () => {
    expect(() => fitCost([])).toThrow(RangeError);
    expect(() => fitCost([{ cells: 1, ms: Number.NaN }])).toThrow(/fitCost: bad sample/);
    expect(() => fitCost([{ cells: Infinity, ms: 1 }])).toThrow(RangeError);
    expect(() => fitCost([{ cells: 1, ms: -1 }])).toThrow(RangeError);
  });
});

describe('fasterPath and calibratedFor', () => {
  // JS 0.1 µs/cell; WebGL 0.02 µs/cell + 16 ms: equal at 16 / (1e-4 − 2e-5) = 200 000 cells
  const calibration: Calibration = { renderer: 'GPU A', measuredAt: '2026-01-01T00:00:00.000Z', js: { fixedMs: 0, perCellMs: 1e-4 }, webgl: { fixedMs: 16, perCellMs: 2e-5 } };

  it('below the crossover JS, above it WebGL, at it JS (a tie keeps JS)', () => {
    expect(fasterPath(calibration, 199_999)).toBe('js');
    expect(fasterPath(calibration, 200_000)).toBe('js');
    expect(fasterPath(calibration, 200_001)).toBe('webgl');
  });

  it('without a WebGL model (it did not start): always JS', () => {
    expect(fasterPath({ ...calibration, webgl: null }, 1 << 24)).toBe('js');
  });

  it('applies only to the renderer it was measured on (and never to no renderer)', () => {
    expect(calibratedFor(calibration, 'GPU A')).toBe(true);
    expect(calibratedFor(calibration, 'GPU B')).toBe(false);
    expect(calibratedFor({ ...calibration, renderer: '' }, '')).toBe(false);
    expect(calibratedFor(null, 'GPU A')).toBe(false);
    expect(calibratedFor(undefined, 'GPU A')).toBe(false);
  });
});
