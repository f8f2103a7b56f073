/**
 * The lesson layers of a heatmap, their pure parts: outlined cells as one path
 * (viz/heatmapOutlined.ts), the selected row's frame (viz/heatmapSelectedRow.ts), the row notes
 * (viz/heatmapRowNotes.ts), and the spec checks and comparisons of the new fields
 * (viz/heatmapSpec.ts).
 */
import { describe, expect, test } from 'vitest';
import { formatCellValue } from '../../src/viz/cellFormat';
import { sameDrawing, validateSpec } from '../../src/viz/heatmapSpec';
import { outlineContour, outlinedCount, outlinedPath } from '../../src/viz/heatmapOutlined';
import { MIN_NOTE_ROW_PX, rowNoteItems, rowNotesShown } from '../../src/viz/heatmapRowNotes';
import { SELECTED_ROW_COLOR, selectedRowBox, selectedRowRects } from '../../src/viz/heatmapSelectedRow';
import { heatmapLayout } from '../../src/viz/layout';
import type { HeatmapSpec } from '../../src/viz/types';

/** 2 × 3 spec: weights of a causal mask, keys 1–2 of row 0 blocked. */
const spec: HeatmapSpec = {
  values: [1, 0, 0, 0.5, 0.5, 0],
  rows: 2,
  cols: 3,
  rowLabels: ['a', 'b'],
  colLabels: ['a', 'b', 'c'],
  color: () => '#fff',
  ariaLabel: 'weights',
};

describe('outlined cells', () => {
  test('outlinedPath of one flagged cell (1, 0) in 10 px cells, 1 px inside: one rect subpath', () => {
    // flags [2×2]:
    //   [0 0]
    //   [1 0]
    expect(outlinedPath([0, 0, 1, 0], 2, 10, 10, { row0: 0, rows: 2, col0: 0, cols: 2 }, 1)).toBe('M1,11h8v8h-8z');
  });
  test('outlinedPath of a zoomed window places cells relative to the window and skips those outside', () => {
    // flags [3×3], window rows 1–2 × cols 1–2, cells 20 × 10 px:
    //   [1 0 0]
    //   [0 1 0]
    //   [0 0 1]
    const flags = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    expect(outlinedPath(flags, 3, 20, 10, { row0: 1, rows: 2, col0: 1, cols: 2 }, 1)).toBe('M1,1h18v8h-18zM21,11h18v8h-18z');
  });
  test('outlinedPath is empty when nothing is flagged in view or the cells are too small for the inset', () => {
    expect(outlinedPath([0, 0, 0, 0], 2, 10, 10, { row0: 0, rows: 2, col0: 0, cols: 2 }, 1)).toBe('');
    expect(outlinedPath([1, 1, 1, 1], 2, 2, 2, { row0: 0, rows: 2, col0: 0, cols: 2 }, 1)).toBe('');
  });
  const whole = (rows: number, cols: number) => ({ row0: 0, rows, col0: 0, cols });
  test('outlineContour of a lone cell is its frame, 1 px inside; of a row of two, one frame round both', () => {
    expect(outlineContour([0, 0, 1, 0], 2, 10, 10, whole(2, 2), 1)).toBe('M1,11h8M1,19h8M1,11v8M9,11v8');
    expect(outlineContour([0, 0, 1, 1], 2, 10, 10, whole(2, 2), 1)).toBe('M1,11h18M1,19h18M1,11v8M19,11v8');
  });
  test('outlineContour of an L: at the inner (concave) corner the two sides meet 1 px past the cell edges', () => {
    // flags [2×2]:
    //   [1 0]
    //   [1 1]
    expect(outlineContour([1, 0, 1, 1], 2, 10, 10, whole(2, 2), 1)).toBe('M1,1h8M9,11h10M1,19h18M1,1v18M9,1v10M19,11v8');
  });
  test('outlineContour: every exposed side of a flagged cell lies on a segment, and every segment on exposed sides (random flags)', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20; trial++) {
      const [rows, cols, w, h, inset] = [5, 7, 12, 10, 1];
      const flags = Array.from({ length: rows * cols }, () => (next() < 0.45 ? 1 : 0));
      const on = (r: number, c: number) => r >= 0 && r < rows && c >= 0 && c < cols && flags[r * cols + c] === 1;
      const segments = [...outlineContour(flags, cols, w, h, whole(rows, cols), inset).matchAll(/M([\d.]+),([\d.]+)([hv])(-?[\d.]+)/g)]
        .map(([, x, y, dir, len]) => ({ x: Number(x), y: Number(y), dir, len: Number(len) }));
      const covers = (px: number, py: number, dir: string) => segments.some((s) => s.dir === dir &&
        (dir === 'h' ? s.y === py && px >= s.x && px <= s.x + s.len : s.x === px && py >= s.y && py <= s.y + s.len));
      const exposed: { x: number; y: number; dir: string }[] = [];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          if (!on(r, c)) continue;
          if (!on(r - 1, c)) exposed.push({ x: c * w + w / 2, y: r * h + inset, dir: 'h' });
          if (!on(r + 1, c)) exposed.push({ x: c * w + w / 2, y: (r + 1) * h - inset, dir: 'h' });
          if (!on(r, c - 1)) exposed.push({ x: c * w + inset, y: r * h + h / 2, dir: 'v' });
          if (!on(r, c + 1)) exposed.push({ x: (c + 1) * w - inset, y: r * h + h / 2, dir: 'v' });
        }
      }
      for (const e of exposed) expect([trial, e, covers(e.x, e.y, e.dir)]).toEqual([trial, e, true]);
      // each segment runs along exposed sides only: its length is a whole number of cells, give or take the corners
      const total = segments.reduce((n, s) => n + Math.abs(s.len), 0);
      const sides = exposed.reduce((n, e) => n + (e.dir === 'h' ? w : h), 0);
      expect(Math.abs(total - sides)).toBeLessThanOrEqual(2 * inset * segments.length);
    }
  });
  test('outlinedCount counts the flagged cells of the whole matrix', () => {
    expect(outlinedCount([0, 1, 1, 0, 0, 1])).toBe(3);
    expect(outlinedCount(new Uint8Array(16))).toBe(0);
  });
});

describe('selected row', () => {
  // 6×6 cells of 40 px: left 54, top 54 (fontSize 12, labels 30 px)
  const L = heatmapLayout({ rows: 6, cols: 6, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false });
  test('selectedRowBox of row 2: the whole row across the matrix', () => {
    expect(selectedRowBox(L, 2)).toEqual({ x: 54, y: 134, width: 240, height: 40 });
  });
  test('selectedRowBox is null for −1, a fraction, and a row outside the (zoomed) window', () => {
    expect(selectedRowBox(L, -1)).toBeNull();
    expect(selectedRowBox(L, 1.5)).toBeNull();
    expect(selectedRowBox(L, 6)).toBeNull();
    const zoomed = heatmapLayout({ rows: 2, cols: 6, row0: 3, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false });
    expect(selectedRowBox(zoomed, 2)).toBeNull();
    expect(selectedRowBox(zoomed, 4)).toEqual({ x: 54, y: 94, width: 240, height: 40 });
  });
  test('selectedRowRects of row 2: a 3 px accent frame outside a 1 px white line, both around the whole row', () => {
    // row box (54, 134, 240, 40); white line centred 0.5 px outside, accent 2.5 px outside
    expect(selectedRowRects(L, 2)).toEqual([
      { x: 51.5, y: 131.5, width: 245, height: 45, stroke: SELECTED_ROW_COLOR, strokeWidth: 3 },
      { x: 53.5, y: 133.5, width: 241, height: 41, stroke: '#fff', strokeWidth: 1 },
    ]);
    expect(selectedRowRects(L, -1)).toEqual([]);
  });
  test('selectedRowBox of 2 px rows is 8 px tall, centred on the row', () => {
    const thin = heatmapLayout({ rows: 100, cols: 100, cellSize: 2, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false });
    expect(selectedRowBox(thin, 10)).toEqual({ x: 54, y: 54 + 20 - 3, width: 200, height: 8 });
  });
});

describe('row notes', () => {
  const L = heatmapLayout({ rows: 2, cols: 3, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false, rowNotesWidth: 30 });
  test('rowNoteItems: one note per row, right-aligned in the notes column, centred on its row', () => {
    // left 54, matrix 120 → notes column [54 + 120 + 18 + 4, +30) = [196, 226)
    expect(rowNoteItems(['1.00', '0'], L)).toEqual([
      { row: 0, text: '1.00', x: 226, y: 74 },
      { row: 1, text: '0', x: 226, y: 114 },
    ]);
  });
  test('rowNoteItems of a zoomed window gives the rows in view only', () => {
    const zoomed = heatmapLayout({ rows: 2, cols: 3, row0: 2, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false, rowNotesWidth: 30 });
    expect(rowNoteItems(['a', 'b', 'c', 'd', 'e'], zoomed).map((d) => [d.row, d.text])).toEqual([[2, 'c'], [3, 'd']]);
  });
  test(`rowNoteItems is empty when rows are under ${MIN_NOTE_ROW_PX} px or there is no column`, () => {
    const thin = heatmapLayout({ rows: 2, cols: 3, cellSize: 8, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false, rowNotesWidth: 30 });
    expect(rowNoteItems(['1.00', '0'], thin)).toEqual([]);
    const none = heatmapLayout({ rows: 2, cols: 3, cellSize: 40, fontSize: 12, rowLabelWidth: 30, colLabelWidth: 30, hasTitle: false });
    expect(rowNoteItems(['1.00', '0'], none)).toEqual([]);
    expect([rowNotesShown(10.9), rowNotesShown(11)]).toEqual([false, true]);
  });
});

describe('validateSpec and sameDrawing with the lesson fields', () => {
  test('validateSpec accepts every new field with matching shapes', () => {
    expect(() => validateSpec({
      ...spec, valueText: { format: formatCellValue, blocked: '0' }, rowNotes: ['1.00', '1.00'], rowNotesTitle: 'Σ',
      selectedRow: 1, outlined: new Uint8Array(6), maxHeight: 560, maxCellPx: 120, onSelectRow: () => undefined,
    })).not.toThrow();
    expect(() => validateSpec({ ...spec, selectedRow: -1 })).not.toThrow();
    expect(() => validateSpec({ ...spec, selectedRow: 7 })).not.toThrow(); // out of range: nothing drawn
  });
  test('validateSpec names the field and the expected shape', () => {
    expect(() => validateSpec({ ...spec, outlined: [0, 1] })).toThrow('drawHeatmap: outlined has length 2, expected [2×3] = 6');
    expect(() => validateSpec({ ...spec, rowNotes: ['1.00'] })).toThrow('rowNotes has length 1, expected [2] = 2');
    expect(() => validateSpec({ ...spec, valueText: { format: formatCellValue, blocked: '0', values: [1] } })).toThrow('valueText.values has length 1, expected [2×3] = 6');
    expect(() => validateSpec({ ...spec, maxHeight: 0 })).toThrow('maxHeight must be > 0 px, got 0');
    expect(() => validateSpec({ ...spec, maxCellPx: Infinity })).toThrow('maxCellPx must be > 0 px, got Infinity');
    expect(() => validateSpec({ ...spec, selectedRow: -2 })).toThrow('selectedRow must be a whole number ≥ −1, got -2');
    expect(() => validateSpec({ ...spec, valueText: { blocked: '0' } as unknown as HeatmapSpec['valueText'] })).toThrow('valueText.format must be a function');
  });
  test('sameDrawing: a new valueText object with the same format, blocked and values draws nothing new', () => {
    const a = { ...spec, valueText: { format: formatCellValue, blocked: '0' }, onSelectRow: () => undefined };
    expect(sameDrawing(a, { ...a, valueText: { format: formatCellValue, blocked: '0' } })).toBe(true);
    expect(sameDrawing(a, { ...a, valueText: { format: formatCellValue, blocked: '−∞' } })).toBe(false);
    expect(sameDrawing(a, { ...a, valueText: { format: (v: number) => String(v), blocked: '0' } })).toBe(false);
    expect(sameDrawing(a, { ...a, valueText: undefined })).toBe(false);
    expect(sameDrawing(a, { ...a, onSelectRow: () => undefined })).toBe(true);
    expect(sameDrawing(a, { ...a, selectedRow: 1 })).toBe(false);
  });
});
