/**
 * heatmapMeasure.ts: a zoomable heatmap reserves room for every label it may show, index ticks
 * included (bounded by its widest digit), so that a new window's ticks are not measured one by
 * one. Measured with a stand-in canvas whose digits are proportional ('1' narrower, '8' wider), so the
 * last index ("4095", 28 px) is not the widest four-digit tick ("3888", 34 px).
 */
import { describe, expect, test } from 'vitest';
import { layoutSpec, sameLayoutInputs } from '../../src/viz/heatmapMeasure';
import { sequentialScale } from '../../src/viz/colorScales';
import type { CellRange, HeatmapSpec } from '../../src/viz/types';

/** px per character of the stand-in font: '1' 4, '8' 9, other digits 7, anything else 6. */
const charPx = (c: string) => (c === '1' ? 4 : c === '8' ? 9 : /\d/.test(c) ? 7 : 6);
const textPx = (t: string) => Array.from(t).reduce((n, c) => n + charPx(c), 0);

/** A document whose canvas measures by charPx and records every text measured. */
function fakeDoc(): { doc: Document; measured: string[] } {
  const measured: string[] = [];
  const ctx = { font: '', measureText: (t: string) => (measured.push(t), { width: textPx(t) }) };
  const doc = { createElement: () => ({ getContext: () => ctx }) } as unknown as Document;
  return { doc, measured };
}

function spec(n: number, zoomable: boolean): HeatmapSpec {
  const labels = Array.from({ length: n }, () => 'a');
  const view = zoomable ? { view: { row0: 0, rows: n, col0: 0, cols: n }, onViewAction: () => undefined } : {};
  return { values: new Float32Array(n * n), rows: n, cols: n, rowLabels: labels, colLabels: labels, color: sequentialScale(), ariaLabel: 'w', maxWidth: 420, maxMatrixHeight: 360, ...view };
}

/** The bench's zoom: whole view, halved to 256 cells about the centre, then pans of a 1024 window. */
function windows(n: number): CellRange[] {
  const out: CellRange[] = [];
  for (let w = n; w >= 256; w /= 2) out.push({ row0: (n - w) / 2, rows: w, col0: (n - w) / 2, cols: w });
  for (let i = 0; i < 6; i++) out.push({ row0: 1024 + i * 128, rows: 1024, col0: 1024 + i * 64, cols: 1024 });
  return out;
}

/** Room for the row labels: left = axis title band + row label width + gap (layout.ts). */
const rowLabelRoom = (L: { left: number; axisTitleBand: number; labelGap: number }) => L.left - L.axisTitleBand - L.labelGap;

describe('layoutSpec: a zoomable heatmap', () => {
  test('reserves room for its widest index tick, whatever the digits ("3888", not the last index "4095")', () => {
    const { doc } = fakeDoc();
    const widest = Math.max(...Array.from({ length: 4096 }, (_, i) => textPx(String(i))));
    for (const w of windows(4096)) {
      const L = layoutSpec(spec(4096, true), w, 10, doc);
      expect(rowLabelRoom(L)).toBeGreaterThanOrEqual(widest);
      expect(L.left).toBe(layoutSpec(spec(4096, true), windows(4096)[0] as CellRange, 10, doc).left);
    }
  });

  test('measures no text after its first layout: new windows show index ticks within the reserve', () => {
    const { doc, measured } = fakeDoc();
    const s = spec(4096, true);
    const [whole, ...rest] = windows(4096);
    layoutSpec(s, whole as CellRange, 10, doc);
    const first = measured.length;
    for (const w of rest) layoutSpec(s, w, 10, doc);
    expect(first).toBeGreaterThan(0);
    expect(measured.slice(first)).toEqual([]);
  });

  test('a heatmap that is not zoomable still sizes its labels by the ticks it shows', () => {
    const { doc, measured } = fakeDoc();
    const L = layoutSpec(spec(4096, false), { row0: 0, rows: 4096, col0: 0, cols: 4096 }, 10, doc);
    const ticks = measured.filter((t) => /^\d+$/.test(t));
    expect(ticks.length).toBeGreaterThan(1);
    expect(rowLabelRoom(L)).toBeLessThanOrEqual(Math.ceil(Math.max(...ticks.map(textPx))));
  });
});

describe('sameLayoutInputs: when a redraw may keep the last layout', () => {
  const base = { ...spec(8, false), rowNotes: ['1.00', '0.50'], rowNotesTitle: 'Σ' };

  test('new values, colours, blocked cells or the same row-note texts in a new array: the same layout', () => {
    const next = { ...base, values: new Float32Array(64).fill(1), color: sequentialScale(), blocked: new Uint8Array(64), rowNotes: ['1.00', '0.50'] };
    expect(sameLayoutInputs(base, next)).toBe(true);
  });

  test('any field the layout reads: a new layout', () => {
    const changes: Partial<HeatmapSpec>[] = [
      { rows: 7 }, { cols: 7 }, { rowLabels: [...base.rowLabels] }, { colLabels: [...base.colLabels] }, { fontSize: 20 }, { cellSize: 30 },
      { maxCellPx: 40 }, { maxWidth: 300 }, { maxHeight: 300 }, { maxMatrixHeight: 200 }, { title: 'weights' }, { rowAxisTitle: 'q' },
      { colAxisTitle: 'k' }, { view: { row0: 0, rows: 8, col0: 0, cols: 8 } }, { onViewAction: () => undefined }, { rowNotesTitle: 'sum' },
      { rowNotes: ['1.00', '0.25'] }, { rowNotes: ['1.00'] }, { rowNotes: undefined },
    ];
    for (const change of changes) expect(sameLayoutInputs(base, { ...base, ...change }), JSON.stringify(Object.keys(change))).toBe(false);
  });
});
