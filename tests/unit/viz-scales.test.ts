import { describe, expect, test } from 'vitest';
import { interpolateBlues, interpolateRdBu, interpolateViridis, scaleSequential, scaleSequentialLog } from 'd3';
import { hatchPathData } from '../../src/viz/blockedPattern';
import { computeCellRgba, mixPacked, packCssColor, packedColorFn } from '../../src/viz/cellColors';
import {
  BLOCKED_COLOR,
  INVALID_COLOR,
  divergingScale,
  finiteExtent,
  maxAbsFinite,
  sequentialScale,
} from '../../src/viz/colorScales';
import { clampHighlight, validateSpec } from '../../src/viz/heatmap';
import { canvasPixelRatio, cellGap } from '../../src/viz/heatmapCanvas';
import { moveCell } from '../../src/viz/keyboard';
import {
  chooseCellSize,
  heatmapLayout,
  labelStep,
  pointToCell,
  thinLabels,
  truncateLabel,
} from '../../src/viz/layout';
import { barScale, legendTickCount, legendTicks } from '../../src/viz/legend';
import { isUprightLabel } from '../../src/viz/text';

const inf = Infinity;

describe('finiteExtent', () => {
  test('finiteExtent skips NaN, +∞ and −∞', () => {
    expect(finiteExtent([3, NaN, -inf, -2, inf, 1])).toEqual([-2, 3]);
  });
  test('finiteExtent skips blocked cells, even finite ones', () => {
    expect(finiteExtent([3, -2, 9, -7], [0, 0, 1, 1])).toEqual([-2, 3]);
  });
  test('finiteExtent starts from the first valid value, not from ±∞ or MIN_VALUE', () => {
    expect(finiteExtent([NaN, -5, -9])).toEqual([-9, -5]);
    expect(finiteExtent([1e-320])).toEqual([1e-320, 1e-320]);
  });
  test('finiteExtent with no finite non-blocked cell gives null', () => {
    expect(finiteExtent([])).toBeNull();
    expect(finiteExtent([NaN, -inf, inf])).toBeNull();
    expect(finiteExtent([1, 2], [1, 1])).toBeNull();
  });
  test('finiteExtent throws a RangeError naming the lengths when blocked does not match', () => {
    expect(() => finiteExtent([1, 2, 3], [0, 0])).toThrow(/blocked has length 2, values has length 3/);
  });
  test('maxAbsFinite is the larger of |min| and |max|, 0 when empty', () => {
    expect(maxAbsFinite([1, -4, inf])).toBe(4);
    expect(maxAbsFinite([NaN])).toBe(0);
  });
});

describe('divergingScale', () => {
  test('divergingScale domain is [−m, 0, m] with m = max |finite value|', () => {
    expect(divergingScale([0.5, -2, -inf, NaN, inf]).domain()).toEqual([-2, 0, 2]);
    expect(divergingScale([0.25, 3, -1]).domain()).toEqual([-3, 0, 3]);
  });
  test('the same extent gives the very same scale object (colour tables and legends are reused); another extent another one', () => {
    const a = divergingScale([0.5, -2]);
    expect(divergingScale([2, 1, -0.25])).toBe(a);
    expect(divergingScale([3])).not.toBe(a);
    expect(divergingScale([3]).domain()).toEqual([-3, 0, 3]);
    expect(a.domain()).toEqual([-2, 0, 2]);
  });
  test('divergingScale ignores blocked cells when choosing m', () => {
    // [[ 5 (blocked), 1 ],
    //  [ −3,         −∞ (blocked) ]]
    expect(divergingScale([5, 1, -3, -inf], [1, 0, 0, 1]).domain()).toEqual([-3, 0, 3]);
  });
  test('divergingScale with every cell blocked, all zero, or empty gives [−1, 0, 1]', () => {
    expect(divergingScale([4, -inf], [1, 1]).domain()).toEqual([-1, 0, 1]);
    expect(divergingScale([0, 0, -0]).domain()).toEqual([-1, 0, 1]);
    expect(divergingScale([]).domain()).toEqual([-1, 0, 1]);
    expect(divergingScale([NaN, inf]).domain()).toEqual([-1, 0, 1]);
  });
  test('divergingScale colours 0 as RdBu\'s centre, +m as its red end, −m as its blue end (RdBu reversed)', () => {
    const c = divergingScale([-2, 2]);
    // d3's RdBu is a basis spline through ColorBrewer's 11 colours: its midpoint is a warm
    // off-white, not the #f7f7f7 control point.
    expect(c(0)).toBe(interpolateRdBu(0.5));
    expect(c(2)).toBe(interpolateRdBu(0));
    expect(c(-2)).toBe(interpolateRdBu(1));
    expect(c(1)).toBe(interpolateRdBu(0.25));
  });
  test('divergingScale clamps ±∞ to the end colours and maps NaN to INVALID_COLOR', () => {
    const c = divergingScale([-2, 2]);
    expect(c(inf)).toBe(interpolateRdBu(0));
    expect(c(-inf)).toBe(interpolateRdBu(1));
    expect(c(NaN)).toBe(INVALID_COLOR);
  });
});

describe('sequentialScale', () => {
  test('sequentialScale has the fixed domain [0, 1], viridis from dark purple to yellow, clamped', () => {
    const c = sequentialScale();
    expect(c.domain()).toEqual([0, 1]);
    expect(c(0)).toBe(interpolateViridis(0));
    expect(c(0.3)).toBe(interpolateViridis(0.3));
    expect(c(1)).toBe(interpolateViridis(1));
    expect(c(1.5)).toBe(interpolateViridis(1));
    expect(c(-0.5)).toBe(interpolateViridis(0));
    expect(c(NaN)).toBe(INVALID_COLOR);
  });
});

describe('chooseCellSize', () => {
  test('chooseCellSize fits the longer side into 360 px, whole px, clamped to [2, 40]', () => {
    expect(chooseCellSize(6, 6)).toBe(40); // 60 → 40
    expect(chooseCellSize(12, 20)).toBe(18); // ⌊360/20⌋
    expect(chooseCellSize(100, 100)).toBe(3); // ⌊3.6⌋
    expect(chooseCellSize(512, 512)).toBe(2); // 0 → 2
    expect(chooseCellSize(1, 1)).toBe(40);
    expect(chooseCellSize(0, 0)).toBe(40);
  });
  test('chooseCellSize honours a custom target and bounds', () => {
    expect(chooseCellSize(10, 4, 600, 1, 80)).toBe(60);
    expect(chooseCellSize(512, 512, 360, 0.5, 40)).toBe(0.5);
  });
});

describe('label thinning', () => {
  test('labelStep is 1 when cells are at least the minimum gap apart', () => {
    expect(labelStep(40, 15)).toBe(1);
    expect(labelStep(15, 15)).toBe(1);
  });
  test('labelStep rounds the raw step up to 1, 2, 5, 10, 20, 50 …', () => {
    expect(labelStep(7, 14)).toBe(2); // raw 2
    expect(labelStep(5, 15)).toBe(5); // raw 3
    expect(labelStep(2, 15)).toBe(10); // raw 8
    expect(labelStep(0.5, 15)).toBe(50); // raw 30
    expect(labelStep(0.1, 15)).toBe(200); // raw 150
  });
  test('thinLabels, 6 labels in 40 px cells: every label', () => {
    expect(thinLabels(6, 40, 15)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  test('thinLabels, 20 labels in 5 px cells: every 5th label', () => {
    expect(thinLabels(20, 5, 15)).toEqual([0, 5, 10, 15]);
  });
  test('thinLabels, 512 labels in 2 px cells: 0, 10, …, 510', () => {
    const shown = thinLabels(512, 2, 15);
    expect(shown).toHaveLength(52);
    expect(shown.slice(0, 3)).toEqual([0, 10, 20]);
    expect(shown.at(-1)).toBe(510);
  });
  test('thinLabels with no labels is empty', () => {
    expect(thinLabels(0, 10, 15)).toEqual([]);
  });
  test('truncateLabel cuts long labels with an ellipsis, counting code points', () => {
    expect(truncateLabel('cat', 6)).toBe('cat');
    expect(truncateLabel('extraordinary', 6)).toBe('extra…');
    expect(truncateLabel('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('isUprightLabel', () => {
  test('Chinese, Japanese and Korean labels stand upright; Latin, mixed and padding labels are rotated', () => {
    for (const text of ['猫', '垫子', 'ねこ', 'カタカナ', '고양이']) expect(isUprightLabel(text), text).toBe(true);
    for (const text of ['cat', '<pad>', 'q0', '猫s', '', '1']) expect(isUprightLabel(text), text).toBe(false);
  });
});

describe('pointToCell', () => {
  test('pointToCell maps a point inside the matrix to its row and column', () => {
    expect(pointToCell(85, 3, 40, 6, 6)).toEqual({ row: 0, col: 2 });
    expect(pointToCell(0, 0, 40, 6, 6)).toEqual({ row: 0, col: 0 });
    expect(pointToCell(239.9, 239.9, 40, 6, 6)).toEqual({ row: 5, col: 5 });
    expect(pointToCell(40, 80, 40, 6, 6)).toEqual({ row: 2, col: 1 }); // edges belong to the next cell
  });
  test('pointToCell of a 3×5 matrix uses rows for y and columns for x', () => {
    expect(pointToCell(4 * 10 + 1, 2 * 10 + 1, 10, 3, 5)).toEqual({ row: 2, col: 4 });
    expect(pointToCell(2 * 10 + 1, 4 * 10 + 1, 10, 3, 5)).toBeNull();
  });
  test('pointToCell outside the matrix or at its far edge gives null', () => {
    expect(pointToCell(-0.1, 5, 40, 6, 6)).toBeNull();
    expect(pointToCell(5, -1, 40, 6, 6)).toBeNull();
    expect(pointToCell(240, 5, 40, 6, 6)).toBeNull();
    expect(pointToCell(5, 240, 40, 6, 6)).toBeNull();
    expect(pointToCell(NaN, 5, 40, 6, 6)).toBeNull();
  });
  test('pointToCell on 2 px cells of 512×512', () => {
    expect(pointToCell(601, 401, 2, 512, 512)).toEqual({ row: 200, col: 300 });
    expect(pointToCell(1023.9, 0, 2, 512, 512)).toEqual({ row: 0, col: 511 });
  });
});

describe('moveCell', () => {
  test('moveCell arrows move one cell and clamp at the edges', () => {
    expect(moveCell({ row: 2, col: 3 }, 'ArrowRight', 6, 6)).toEqual({ row: 2, col: 4 });
    expect(moveCell({ row: 2, col: 3 }, 'ArrowUp', 6, 6)).toEqual({ row: 1, col: 3 });
    expect(moveCell({ row: 0, col: 5 }, 'ArrowRight', 6, 6)).toEqual({ row: 0, col: 5 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 6, 6)).toEqual({ row: 0, col: 0 });
  });
  test('moveCell from no cell starts at row 0, col 0', () => {
    expect(moveCell(null, 'ArrowDown', 6, 6)).toEqual({ row: 0, col: 0 });
  });
  test('moveCell Home/End go to the row ends, PageDown moves 10 rows, Escape clears', () => {
    expect(moveCell({ row: 3, col: 3 }, 'Home', 6, 8)).toEqual({ row: 3, col: 0 });
    expect(moveCell({ row: 3, col: 3 }, 'End', 6, 8)).toEqual({ row: 3, col: 7 });
    expect(moveCell({ row: 3, col: 3 }, 'PageDown', 100, 8)).toEqual({ row: 13, col: 3 });
    expect(moveCell({ row: 3, col: 3 }, 'PageUp', 100, 8)).toEqual({ row: 0, col: 3 });
    expect(moveCell({ row: 3, col: 3 }, 'Escape', 6, 8)).toBeNull();
  });
  test('moveCell ignores other keys (undefined) and gives null on an empty matrix', () => {
    expect(moveCell({ row: 0, col: 0 }, 'a', 6, 6)).toBeUndefined();
    expect(moveCell({ row: 0, col: 0 }, 'toString', 6, 6)).toBeUndefined();
    expect(moveCell(null, 'ArrowDown', 0, 6)).toBeNull();
  });
});

describe('clampHighlight', () => {
  test('clampHighlight keeps a cell inside the matrix', () => {
    expect(clampHighlight({ row: 5, col: 0 }, 6, 4)).toEqual({ row: 5, col: 0 });
  });
  test('clampHighlight keeps a whole row (col −1) or a whole column (row −1)', () => {
    expect(clampHighlight({ row: 2, col: -1 }, 6, 4)).toEqual({ row: 2, col: -1 });
    expect(clampHighlight({ row: -1, col: 3 }, 6, 4)).toEqual({ row: -1, col: 3 });
  });
  test('clampHighlight clears anything else', () => {
    expect(clampHighlight(null, 6, 4)).toBeNull();
    expect(clampHighlight({ row: -1, col: -1 }, 6, 4)).toBeNull();
    expect(clampHighlight({ row: 6, col: 0 }, 6, 4)).toBeNull();
    expect(clampHighlight({ row: 0, col: 4 }, 6, 4)).toBeNull();
    expect(clampHighlight({ row: 0.5, col: 1 }, 6, 4)).toBeNull();
    expect(clampHighlight({ row: -2, col: 1 }, 6, 4)).toBeNull();
  });
  test('moveCell from a whole-row highlight starts at that row', () => {
    expect(moveCell({ row: 3, col: -1 }, 'ArrowRight', 6, 4)).toEqual({ row: 3, col: 0 });
  });
});

describe('validateSpec', () => {
  const spec = { values: [1, 2, 3, 4, 5, 6], rows: 2, cols: 3, rowLabels: [], colLabels: [], color: () => '#000', ariaLabel: 'x' };
  test('validateSpec accepts matching shapes', () => {
    expect(() => validateSpec({ ...spec, blocked: new Uint8Array(6), greyRows: [0, 1], flaggedRows: [1, 0] })).not.toThrow();
  });
  test('validateSpec names the field and the expected shape', () => {
    expect(() => validateSpec({ ...spec, values: [1, 2, 3] })).toThrow('drawHeatmap: values has length 3, expected [2×3] = 6');
    expect(() => validateSpec({ ...spec, blocked: [0] })).toThrow('blocked has length 1, expected [2×3] = 6');
    expect(() => validateSpec({ ...spec, greyRows: [0, 0, 0] })).toThrow('greyRows has length 3, expected [2] = 2');
    expect(() => validateSpec({ ...spec, rows: 1.5 })).toThrow('rows must be a whole number ≥ 0, got 1.5');
    expect(() => validateSpec({ ...spec, cellSize: 0 })).toThrow('cellSize must be > 0 px, got 0');
  });
});

describe('heatmapLayout', () => {
  test('heatmapLayout puts the matrix after the axis title, the labels and the gap', () => {
    const L = heatmapLayout({ rows: 6, cols: 6, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false });
    expect(L).toMatchObject({ left: 54, top: 54, right: 18, bottom: 4, width: 312, height: 298, matrixWidth: 240, matrixHeight: 240 });
  });
  test('heatmapLayout with a title adds a title band on top only', () => {
    const L = heatmapLayout({ rows: 2, cols: 3, cellSize: 10, fontSize: 12, rowLabelWidth: 20.2, colLabelWidth: 9, hasTitle: true });
    // titleBand ⌈22.8⌉ = 23; top = 23 + 18 + 9 + 6; left = 18 + ⌈20.2⌉ + 6
    expect(L).toMatchObject({ titleBand: 23, top: 56, left: 45, width: 45 + 30 + 18, height: 56 + 20 + 4 });
  });
  test('heatmapLayout is at least as wide as the title', () => {
    const L = heatmapLayout({ rows: 2, cols: 3, cellSize: 10, fontSize: 12, rowLabelWidth: 20, colLabelWidth: 9, hasTitle: true, titleWidth: 250.5 });
    expect(L.width).toBe(251);
    expect(L.left).toBe(44);
  });
});

describe('cell colours', () => {
  const red = 0xff0000;
  test('packCssColor parses rgb() and hex, null for garbage', () => {
    expect(packCssColor('rgb(1, 2, 3)')).toBe(0x010203);
    expect(packCssColor('#b9b9b9')).toBe(0xb9b9b9);
    expect(packCssColor('not a colour')).toBeNull();
  });
  test('mixPacked mixes per channel and rounds', () => {
    expect(mixPacked(red, 0xe3e3e3, 0.75)).toBe(0xeaaaaa); // 0.25·255 + 0.75·227 = 234; 0.75·227 = 170.25
  });
  test('computeCellRgba colours blocked cells BLOCKED_COLOR whatever their value', () => {
    // values [[1, NaN], [−∞, 1]], blocked [[0, 1], [1, 0]]
    const rgba = computeCellRgba({
      values: [1, NaN, -inf, 1], rows: 2, cols: 2, blocked: [0, 1, 1, 0],
      color: (v) => (v > 0 ? '#ff0000' : '#0000ff'),
    });
    expect(BLOCKED_COLOR).toBe('#b9b9b9');
    expect(Array.from(rgba)).toEqual([255, 0, 0, 255, 185, 185, 185, 255, 185, 185, 185, 255, 255, 0, 0, 255]);
  });
  test('computeCellRgba fades grey rows toward PADDED_ROW_GREY but keeps blocked cells as they are', () => {
    // row 1 is a padded query row
    const rgba = computeCellRgba({
      values: [1, 1, 1, 1], rows: 2, cols: 2, blocked: [0, 0, 0, 1], greyRows: [0, 1],
      color: () => '#ff0000',
    });
    expect(Array.from(rgba)).toEqual([255, 0, 0, 255, 255, 0, 0, 255, 234, 170, 170, 255, 185, 185, 185, 255]);
  });
  test('computeCellRgba gives INVALID_COLOR (magenta) when the colour cannot be parsed', () => {
    const rgba = computeCellRgba({ values: [0], rows: 1, cols: 1, color: () => 'nope' });
    expect(Array.from(rgba)).toEqual([255, 0, 255, 255]);
  });
  /** Every channel of fast(v) within `tolerance` 8-bit levels (default 1) of the scale's own colour, over its domain. */
  function expectLutMatches(scale: ((v: number) => string) & { domain(): number[] }, fast: (v: number) => number, tolerance = 1): void {
    const d = scale.domain();
    const lo = d[0] as number;
    const hi = d[d.length - 1] as number;
    for (let k = 0; k <= 600; k++) {
      const v = lo + ((hi - lo) * k) / 600 + (k < 600 ? 0.0037 * (hi - lo) / 6 : 0);
      const want = packCssColor(scale(v)) as number;
      const got = fast(v);
      for (const shift of [16, 8, 0]) {
        expect(Math.abs(((got >> shift) & 255) - ((want >> shift) & 255))).toBeLessThanOrEqual(tolerance);
      }
    }
  }
  test('packedColorFn lookup table matches the scale within one 8-bit level', () => {
    const scale = divergingScale([-3, 3]);
    const fast = packedColorFn(scale);
    expectLutMatches(scale, fast);
    expect(fast(1e9)).toBe(packCssColor(scale(3)));
    expect(fast(NaN)).toBe(0xff00ff);
  });
  test('tables are shared per interpolator: other domains (diverging, sequential) still match their own scale', () => {
    for (const scale of [divergingScale([-0.02, 0.01]), divergingScale([-700, 5]), scaleSequential([2, 10], interpolateBlues)]) {
      expectLutMatches(scale, packedColorFn(scale));
    }
  });
  test('the weights scale (viridis, a ramp of 256 colours) is matched within one step between neighbouring ramp colours', () => {
    // d3's viridis is piecewise constant (256 colours, d3-scale-chromatic `ramp`): where the table
    // blends two entries at a step, it is off by at most the difference of two neighbours.
    const ramp = Array.from({ length: 256 }, (_, i) => packCssColor(interpolateViridis((i + 0.5) / 256)) as number);
    const step = Math.max(...ramp.slice(1).flatMap((p, i) => [16, 8, 0].map((s) => Math.abs(((p >> s) & 255) - (((ramp[i] as number) >> s) & 255)))));
    expect(step).toBeLessThanOrEqual(3); // invisible: a 3/255 change in one channel
    expectLutMatches(sequentialScale(), packedColorFn(sequentialScale()), step);
  });
  test('a log scale is not read as linear (its table samples the scale, not the interpolator)', () => {
    const log = packedColorFn(scaleSequentialLog([1, 1000], interpolateBlues));
    const linear = packedColorFn(scaleSequential([1, 1000], interpolateBlues));
    // 31.6 is the middle of [1, 1000] on a log axis (t = 0.5), near its start on a linear one
    expect(log(31.6)).toBe(packCssColor(interpolateBlues(0.5)));
    expect(log(31.6)).not.toBe(linear(31.6));
  });
});

describe('canvas and legend geometry', () => {
  test('canvasPixelRatio keeps the screen ratio unless a side would pass 8192 device px', () => {
    expect(canvasPixelRatio(1024, 1024, 2)).toBe(2);
    expect(canvasPixelRatio(20480, 100, 2)).toBe(0.4);
    expect(canvasPixelRatio(100, 100, 0)).toBe(1);
  });
  test('cellGap is 1 px from 16 px cells up', () => {
    expect([2, 15, 16, 40].map(cellGap)).toEqual([0, 0, 1, 1]);
  });
  test('barScale spreads a diverging domain evenly: 0 in the middle', () => {
    const x = barScale([-2, 0, 2], 200);
    expect([x(-2), x(0), x(1), x(2)]).toEqual([0, 100, 150, 200]);
    expect(barScale([0, 1], 120)(0.25)).toBe(30);
  });
  test('legendTicks: a projector legend (220 px, 20 px text) labels the range, not a lone 0', () => {
    const x = barScale([-3.9, 0, 3.9], 220);
    expect(x.ticks(legendTickCount(220, 20))).toEqual([0]); // the hint alone says nothing of the range
    expect(x.ticks(legendTicks(x, 20))).toEqual([-2, 0, 2]);
    const weights = barScale([0, 1], 220);
    expect(weights.ticks(legendTicks(weights, 20)).length).toBeGreaterThanOrEqual(3);
    const narrow = barScale([-1.6, 0, 1.6], 180); // already enough: the hint is kept
    expect(legendTicks(narrow, 13)).toBe(legendTickCount(180, 13));
  });

  test('legendTickCount: labels of about 4.5 em each fit the bar; never fewer than 2', () => {
    expect(legendTickCount(180, 13)).toBe(3);
    expect(legendTickCount(400, 10)).toBe(8);
    expect(legendTickCount(20, 13)).toBe(2);
    // d3 then gives 3 ticks for ±1.6 instead of 7 (−1.5 … 1.5 ran together at 180 px)
    expect(barScale([-1.6, 0, 1.6], 180).ticks(legendTickCount(180, 13)).length).toBeLessThanOrEqual(5);
  });
  test('barScale throws on a domain that is not increasing', () => {
    expect(() => barScale([1, 1], 100)).toThrow(/increasing/);
    expect(() => barScale([0], 100)).toThrow(/increasing/);
  });
  test('hatchPathData draws the tile diagonal and both corner pieces', () => {
    expect(hatchPathData(5)).toBe('M-1,1L1,-1M0,5L5,0M4,6L6,4');
  });
});
