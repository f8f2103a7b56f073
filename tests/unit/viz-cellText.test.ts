/**
 * Numbers in heatmap cells (viz/cellFormat.ts, viz/cellText.ts): the default formatter, which
 * cells get which text, the one font size per heatmap, and black or white text by WCAG contrast.
 */
import { describe, expect, test } from 'vitest';
import { formatCellValue } from '../../src/viz/cellFormat';
import {
  cellTexts,
  MAX_VALUE_CELLS,
  MIN_VALUE_FONT_PX,
  textColorForLuminance,
  textColorOn,
  valueFontSize,
  viewCellIndices,
} from '../../src/viz/cellText';
import { BLOCKED_COLOR, contrastRatio, PADDED_ROW_GREY, relativeLuminanceRgb, sequentialScale } from '../../src/viz/colorScales';
import { formatCellValue as fromCellText } from '../../src/viz/cellText';

describe('formatCellValue', () => {
  test('formatCellValue below 10: two decimals, U+2212 minus sign', () => {
    expect([0.25, -1.37, 1, 0.001, 9.994].map(formatCellValue)).toEqual(['0.25', '−1.37', '1.00', '0.00', '9.99']);
    expect(formatCellValue(-1.37)).toBe('\u22121.37');
  });
  test('formatCellValue from 10 to 100: one decimal; from 100 to 10 000: integer', () => {
    expect([12.5, -99.94, 137, -4096, 9999.4].map(formatCellValue)).toEqual(['12.5', '−99.9', '137', '−4096', '9999']);
  });
  test('formatCellValue from 10 000 up: two significant digits with an exponent', () => {
    expect([12345, -98765, 1e6, 3.4e38].map(formatCellValue)).toEqual(['1.2e4', '−9.9e4', '1.0e6', '3.4e38']);
  });
  test('formatCellValue picks the tier after rounding: 9.996 → "10.0", 99.96 → "100", 9999.6 → "1.0e4"', () => {
    expect([9.996, 99.96, 9999.6].map(formatCellValue)).toEqual(['10.0', '100', '1.0e4']);
  });
  test('formatCellValue spells out −∞, ∞ and NaN; −0 is "0.00", a tiny negative keeps its sign', () => {
    expect([-Infinity, Infinity, NaN, -0, 0, -0.001].map(formatCellValue)).toEqual(['−∞', '∞', 'NaN', '0.00', '0.00', '−0.00']);
  });
  test('formatCellValue is also exported from cellText.ts', () => {
    expect(fromCellText).toBe(formatCellValue);
  });
});

describe('viewCellIndices and cellTexts', () => {
  test('viewCellIndices of rows 1–2 × cols 2–3 of a 4-column matrix: [6, 7, 10, 11]', () => {
    expect(Array.from(viewCellIndices(4, { row0: 1, rows: 2, col0: 2, cols: 2 }))).toEqual([6, 7, 10, 11]);
  });
  test('cellTexts writes blocked cells as the blocked text, whatever their value (−∞, NaN)', () => {
    // scores 2×2, causal: (0, 1) blocked
    //   [ 0.5   −∞ ]
    //   [ −2.25 12 ]
    const values = [0.5, -Infinity, -2.25, 12];
    const blocked = [0, 1, 0, 0];
    expect(cellTexts(values, blocked, [0, 1, 2, 3], formatCellValue, '−∞')).toEqual(['0.50', '−∞', '−2.25', '12.0']);
    expect(cellTexts([NaN, 0.25], [1, 0], [0, 1], formatCellValue, '0')).toEqual(['0', '0.25']);
    expect(cellTexts([0.1, 0.2], undefined, [1], formatCellValue, '0')).toEqual(['0.20']);
  });
});

describe('valueFontSize', () => {
  test('valueFontSize of 40 px cells at 13 px labels, widest text 30 px: 13 (the label size)', () => {
    expect(valueFontSize(40, 40, 13, 30)).toBe(13);
  });
  test('valueFontSize is limited by 0.45 × the cell height and by the width minus 4 px', () => {
    // min(13, 10.8, 13·26/30 = 11.27) → 10
    expect(valueFontSize(30, 24, 13, 30)).toBe(10);
    // min(20, 36, 20·(50 − 4)/80 = 11.5) → 11
    expect(valueFontSize(50, 80, 20, 80)).toBe(11);
  });
  test(`valueFontSize gives null below ${MIN_VALUE_FONT_PX} px`, () => {
    expect(valueFontSize(24, 24, 13, 30)).toBeNull(); // min(13, 10.8, 8.67) = 8
    expect(valueFontSize(100, 19, 13, 10)).toBeNull(); // 0.45 × 19 = 8.55
    expect(valueFontSize(100, 20, 13, 10)).toBe(9);
  });
  test('valueFontSize with no text (width 0) is limited by the height and the label size only', () => {
    expect(valueFontSize(10, 100, 13, 0)).toBe(13);
  });
  test('MAX_VALUE_CELLS is 1,600 (40 × 40)', () => {
    expect(MAX_VALUE_CELLS).toBe(1600);
  });
});

describe('text colour on a cell', () => {
  test('textColorOn: white on dark blue and dark red, black on near-white and on the blocked grey', () => {
    expect(textColorOn('#08306b')).toBe('#fff');
    expect(textColorOn('rgb(103, 0, 31)')).toBe('#fff');
    expect(textColorOn('#f7fbff')).toBe('#000');
    expect(textColorOn(BLOCKED_COLOR)).toBe('#000');
    expect(textColorOn(PADDED_ROW_GREY)).toBe('#000');
    expect(textColorOn('not a colour')).toBe('#000');
  });
  test('textColorOn picks the higher WCAG contrast ratio along the whole weights scale', () => {
    for (let k = 0; k <= 20; k++) {
      const bg = sequentialScale()(k / 20);
      const chosen = textColorOn(bg);
      const other = chosen === '#000' ? '#fff' : '#000';
      expect(contrastRatio(chosen, bg)).toBeGreaterThanOrEqual(contrastRatio(other, bg));
    }
  });
  test('textColorForLuminance switches to black at L = √0.0525 − 0.05 ≈ 0.1791 (both ratios ≈ 4.58)', () => {
    expect(textColorForLuminance(0.1791)).toBe('#fff');
    expect(textColorForLuminance(0.1792)).toBe('#000');
    expect(textColorForLuminance(0)).toBe('#fff');
    expect(textColorForLuminance(1)).toBe('#000');
  });
  test('relativeLuminanceRgb follows WCAG 2: white 1, black 0, #808080 ≈ 0.216', () => {
    expect(relativeLuminanceRgb(255, 255, 255)).toBeCloseTo(1, 10);
    expect(relativeLuminanceRgb(0, 0, 0)).toBe(0);
    expect(relativeLuminanceRgb(128, 128, 128)).toBeCloseTo(0.2159, 4);
  });
});
