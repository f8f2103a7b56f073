/**
 * Figures for slides (issue #12 §3): a heatmap spec as marks (viz/figureHeatmap.ts) and those
 * marks as SVG (viz/figureSvg.ts) — one <rect> per cell, blocked cells hatched, the title, axis
 * titles and token labels, the numbers, the legend — checked on a minimal DOM in Node.
 */
import { describe, expect, test } from 'vitest';
import { sequentialScale } from '../../src/viz/colorScales';
import { formatCellValue } from '../../src/viz/cellFormat';
import { figurePixelSize } from '../../src/viz/figureCanvas';
import { composeFigures } from '../../src/viz/figureCompose';
import { heatmapFigure } from '../../src/viz/figureHeatmap';
import { figureToSvg, blockedRuns } from '../../src/viz/figureSvg';
import type { CellsMark } from '../../src/viz/figureTypes';
import type { HeatmapSpec } from '../../src/viz/types';
import { byTag, fakeDocument, type FakeElement } from '../helpers/fakeDom';

const doc = fakeDocument() as unknown as Document;
const svgOf = (spec: HeatmapSpec, legend: Parameters<typeof heatmapFigure>[1] = null) => {
  const figure = heatmapFigure(spec, legend, doc);
  return { figure, svg: figureToSvg(figure, doc) as unknown as FakeElement };
};
const texts = (svg: FakeElement, className: string) => byTag(svg, 'text', className).map((t) => t.textContent);

/** 3 × 3 causal mask: [[1,0,0],[1,1,0],[1,1,1]]; blocked = its complement. */
const mask = [1, 0, 0, 1, 1, 0, 1, 1, 1];
const maskSpec: HeatmapSpec = {
  values: mask, blocked: mask.map((m) => 1 - m), rows: 3, cols: 3, rowLabels: ['the', 'cat', 'sat'], colLabels: ['the', 'cat', 'sat'],
  color: (v) => (v ? '#5b8bd9' : '#ffffff'), title: 'Mask · batch item 0, head 1', rowAxisTitle: 'query', colAxisTitle: 'key', ariaLabel: 'mask',
  valueText: { format: (v) => (v ? '1' : '0'), blocked: '0' },
};

describe('heatmap figure as SVG', () => {
  test('a 3 × 3 causal mask: one rect per cell, the 3 blocked ones hatched, the others in the mask colour', () => {
    const { svg } = svgOf(maskSpec);
    const cells = byTag(svg, 'rect', 'ms-fig-cell');
    expect(cells).toHaveLength(9);
    expect(cells.map((c) => `${c.getAttribute('data-row')},${c.getAttribute('data-col')}`)).toEqual(['0,0', '0,1', '0,2', '1,0', '1,1', '1,2', '2,0', '2,1', '2,2']);
    const blocked = cells.filter((c) => c.getAttribute('data-blocked') === '1').map((c) => `${c.getAttribute('data-row')},${c.getAttribute('data-col')}`);
    expect(blocked).toEqual(['0,1', '0,2', '1,2']);
    const hatch = byTag(svg, 'pattern')[0]!.getAttribute('id');
    expect(cells.filter((c) => c.getAttribute('fill') === `url(#${hatch})`)).toHaveLength(3);
    // #5b8bd9 = rgb(91,139,217)
    expect(cells.filter((c) => c.getAttribute('fill') === 'rgb(91,139,217)')).toHaveLength(6);
  });
  test('the title, the axis titles, every token on both axes and the numbers are text', () => {
    const { svg } = svgOf(maskSpec);
    expect(texts(svg, 'ms-fig-title')).toEqual(['Mask · batch item 0, head 1']);
    expect(texts(svg, 'ms-fig-axis-title').sort()).toEqual(['key', 'query']);
    expect(texts(svg, 'ms-fig-row-label')).toEqual(['the', 'cat', 'sat']);
    expect(texts(svg, 'ms-fig-col-label')).toEqual(['the', 'cat', 'sat']);
    expect(texts(svg, 'ms-fig-value')).toEqual(['1', '0', '0', '1', '1', '0', '1', '1', '1']);
    expect(byTag(svg, 'title')[0]!.textContent).toBe('Mask · batch item 0, head 1');
  });
  test('the SVG is the figure’s size in CSS px, with that viewBox and a white background', () => {
    const { figure, svg } = svgOf(maskSpec);
    expect(svg.getAttribute('width')).toBe(String(figure.width));
    expect(svg.getAttribute('height')).toBe(String(figure.height));
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${figure.width} ${figure.height}`);
    const bg = byTag(svg, 'rect', 'ms-fig-background')[0]!;
    expect([bg.getAttribute('width'), bg.getAttribute('height'), bg.getAttribute('fill')]).toEqual([String(figure.width), String(figure.height), '#fff']);
  });
  test('the mask legend: allowed, blocked (hatched) and padded swatches with their labels', () => {
    const legend = { kind: 'swatches' as const, allowedColor: '#5b8bd9', items: [
      { swatch: 'allowed' as const, label: 'allowed (1)' }, { swatch: 'blocked' as const, label: 'blocked (0)' }, { swatch: 'padded' as const, label: 'padded query' },
    ] };
    const { svg } = svgOf(maskSpec, legend);
    expect(texts(svg, 'ms-fig-legend-label')).toEqual(['allowed (1)', 'blocked (0)', 'padded query']);
    const swatches = byTag(svg, 'rect', 'ms-fig-swatch');
    // padded: #5b8bd9 faded 0.75 toward #e3e3e3 = (0.25·91 + 0.75·227, 0.25·139 + 0.75·227, 0.25·217 + 0.75·227) = (193, 205, 224.5 → 225), as the cells
    expect(swatches.map((s) => s.getAttribute('fill'))).toEqual(['#5b8bd9', `url(#${byTag(svg, 'pattern')[0]!.getAttribute('id')})`, '#c1cde1']);
  });
  test('weights coloured ÷ row maximum write the weights themselves; the bar legend has its title, ticks and blocked swatch', () => {
    // weights [2×2]: [[1, 0], [0.25, 0.75]] (row 0: key 1 blocked); colours ÷ row max: [[1, 0], [1/3, 1]]
    const spec: HeatmapSpec = {
      values: [1, 0, 1 / 3, 1], blocked: [0, 1, 0, 0], rows: 2, cols: 2, rowLabels: ['a', 'b'], colLabels: ['a', 'b'], color: sequentialScale(), ariaLabel: 'weights',
      valueText: { format: formatCellValue, blocked: '0', values: [1, 0, 0.25, 0.75] }, rowNotes: ['1.00', '1.00'], rowNotesTitle: 'Σ',
    };
    const { svg } = svgOf(spec, { kind: 'bar', color: sequentialScale(), title: 'Weights', blockedLabel: 'masked (weight 0)' });
    expect(texts(svg, 'ms-fig-value')).toEqual(['1.00', '0', '0.25', '0.75']);
    expect(texts(svg, 'ms-fig-row-note')).toEqual(['1.00', '1.00', 'Σ']);
    expect(texts(svg, 'ms-fig-legend-title')).toEqual(['Weights']);
    expect(texts(svg, 'ms-fig-legend-tick')).toEqual(['0.0', '0.5', '1.0']);
    expect(texts(svg, 'ms-fig-legend-label')).toEqual(['masked (weight 0)']);
    expect(byTag(svg, 'linearGradient')[0]!.children).toHaveLength(33);
  });
  test('a fully masked row gets the red ∅ after it', () => {
    const spec: HeatmapSpec = { ...maskSpec, values: [0, 0, 0, 1, 0, 0, 1, 1, 0], blocked: [1, 1, 1, 0, 1, 1, 0, 0, 1], flaggedRows: [1, 0, 0] };
    expect(texts(svgOf(spec).svg, 'ms-fig-flag')).toEqual(['∅']);
  });
  test('600 × 600: no rect per cell (too many) but one image of the cells, and no numbers', () => {
    const n = 600;
    const spec: HeatmapSpec = { values: new Float32Array(n * n), rows: n, cols: n, rowLabels: [], colLabels: [], color: sequentialScale(), ariaLabel: 'big', valueText: { format: formatCellValue, blocked: '0' } };
    const { svg } = svgOf(spec);
    expect(byTag(svg, 'rect', 'ms-fig-cell')).toHaveLength(0);
    expect(byTag(svg, 'image', 'ms-fig-cell-image')).toHaveLength(1);
    expect(byTag(svg, 'text', 'ms-fig-value')).toHaveLength(0);
  });
  test('4096 × 4096 is max-pooled to at most 4 device px per CSS px (the 4× PNG)', () => {
    const n = 4096;
    const spec: HeatmapSpec = { values: new Float32Array(n * n), rows: n, cols: n, rowLabels: [], colLabels: [], color: sequentialScale(), ariaLabel: 'big' };
    const cells = heatmapFigure(spec, null, doc).marks.find((m) => m.kind === 'cells') as CellsMark;
    expect(cells.pooled).toBe(true);
    expect(cells.cols).toBeLessThanOrEqual(Math.ceil(cells.width * 4));
    expect(cells.rgba).toHaveLength(cells.rows * cells.cols * 4);
  });
});

describe('figure helpers', () => {
  test('blockedRuns: horizontal runs of blocked cells per row', () => {
    // blocked [2×4]: [[0,1,1,0],[1,0,0,1]]
    expect(blockedRuns({ rows: 2, cols: 4, blocked: Uint8Array.from([0, 1, 1, 0, 1, 0, 0, 1]) })).toEqual([[0, 1, 3], [1, 0, 1], [1, 3, 4]]);
  });
  test('figurePixelSize: CSS size × scale, rounded', () => {
    expect(figurePixelSize({ width: 301, height: 200 }, 2)).toEqual({ width: 602, height: 400 });
    expect(figurePixelSize({ width: 301, height: 200 }, 4)).toEqual({ width: 1204, height: 800 });
  });
  test('composeFigures puts parts side by side under the heading, wider than both together', () => {
    const a = heatmapFigure(maskSpec, null, doc);
    const both = composeFigures([a, a], { title: 'Pipeline', arrows: true }, doc);
    expect(both.width).toBeGreaterThanOrEqual(2 * a.width);
    expect(both.height).toBeGreaterThan(a.height);
    const svg = figureToSvg(both, doc) as unknown as FakeElement;
    expect(byTag(svg, 'rect', 'ms-fig-cell')).toHaveLength(18);
    expect(texts(svg, 'ms-fig-arrow')).toEqual(['→']);
  });
});
