import { describe, expect, it } from 'vitest';
import { markCircles } from '../../src/viz/heatmapMarks';
import { paintedFlags } from '../../src/scenario/paintTerm';

describe('painted-cell marks', () => {
  it("paintedFlags('0.1.0,2.0.1,9.9.1', Lq=3, Lk=2): flags inside the matrix only", () => {
    expect([...paintedFlags('0.1.0,2.0.1,9.9.1', 3, 2)]).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('markCircles: a ring centred on each marked cell, radius a quarter of the smaller side', () => {
    expect(markCircles([0, 1, 0, 0, 1, 0], 3, 2, 20, 10)).toEqual([
      { cx: 30, cy: 5, r: 2.5 },
      { cx: 10, cy: 25, r: 2.5 },
    ]);
  });
});
