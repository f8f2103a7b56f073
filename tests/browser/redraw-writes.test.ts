/**
 * A redraw writes only what changed (src/viz/changedAttrs.ts): Blink lays an SVG element out again
 * when an attribute is written with its own value, and a rewritten clip path or font attribute
 * re-lays out every axis label under it. So a heatmap given new values (a head switch) leaves its
 * <svg>, clip path, hit area and axes untouched, and a legend given the same colours or a new
 * domain of the same scale leaves its gradient untouched. Watched with a MutationObserver, which
 * sees every attribute write, same value or not; on a page of its own that draws with src/viz
 * directly (served through the Vite dev server). Every wait is on a state of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHtmlPage, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><link rel="icon" href="data:,"><title>redraw writes</title></head>
<body style="margin:0;font-family:sans-serif"><div id="host"></div><div id="legend"></div><div id="hatch-a"></div><div id="hatch-b"></div>
<script type="module">
import { drawHeatmap } from '/src/viz/heatmap.ts';
import { drawLegend } from '/src/viz/legend.ts';
import { divergingScale, sequentialScale } from '/src/viz/colorScales.ts';
window.viz = { drawHeatmap, drawLegend, divergingScale, sequentialScale };
document.body.dataset.ready = 'true';
</script></body></html>`;

/** What a test reads back: the writes the observer saw, as "tag.class attribute" or "tag.class children". */
interface Recorded {
  writes: string[];
}

/** Starts recording every write under `selector` into window.recorded (MutationObserver, synchronous takeRecords). */
async function record(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { recorded: Recorded; observer?: MutationObserver; note: (list: MutationRecord[]) => void };
    w.observer?.disconnect();
    w.recorded = { writes: [] };
    const name = (n: Node) => {
      const e = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
      return e === null ? '?' : `${e.tagName.toLowerCase()}${e.getAttribute('class') ? `.${e.getAttribute('class')}` : ''}`;
    };
    w.note = (list) => {
      for (const m of list) w.recorded.writes.push(`${name(m.target)} ${m.type === 'attributes' ? m.attributeName : m.type}`);
    };
    w.observer = new MutationObserver(w.note);
    w.observer.observe(document.querySelector(sel) as Element, { subtree: true, attributes: true, childList: true, characterData: true });
  }, selector);
}

/** The writes recorded since `record`, flushed synchronously. */
async function writes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { recorded: Recorded; observer: MutationObserver; note: (list: MutationRecord[]) => void };
    w.note(w.observer.takeRecords());
    return w.recorded.writes;
  });
}

describe('Redraws write only what changed', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openHtmlPage(harness, '/__redraw-writes__.html', PAGE_HTML));
  });
  afterAll(async () => page?.close());

  it('a heatmap given new values repaints its canvas but writes nothing in its <svg>: no size, font, clip path, hit area or label', async () => {
    await page.evaluate(() => {
      const { viz } = window as unknown as { viz: { drawHeatmap(h: HTMLElement, s: unknown): { update(s: unknown): void } } };
      const n = 12;
      const labels = Array.from({ length: n }, (_, i) => `t${i}`);
      const spec = (seed: number) => ({
        values: Float32Array.from({ length: n * n }, (_, i) => ((i * 7 + seed) % 11) / 10),
        rows: n, cols: n, rowLabels: labels, colLabels: labels, ariaLabel: 'weights',
        color: (window as unknown as { viz: { sequentialScale(): unknown } }).viz.sequentialScale(),
        rowTitle: 'query', colTitle: 'key',
      });
      const handle = viz.drawHeatmap(document.getElementById('host') as HTMLElement, spec(0));
      (window as unknown as { next: () => void }).next = () => handle.update(spec(1));
    });
    await page.waitForSelector('#host .ms-heatmap svg text');
    const labels = await page.locator('#host svg text').count();
    expect(labels).toBeGreaterThanOrEqual(24); // 12 row and 12 column labels drawn
    await record(page, '#host .ms-heatmap');
    await page.evaluate(() => (window as unknown as { next: () => void }).next());
    const seen = await writes(page);
    // the canvas is repainted (its size is written again), nothing under the <svg> is
    expect(seen.some((w) => w.startsWith('canvas'))).toBe(true);
    expect(seen.filter((w) => !w.startsWith('canvas') && !w.startsWith('div.ms-heatmap'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a legend given the same colours writes nothing; given a new domain of the scale it rewrites the ticks, never the gradient, title, bar or swatch', async () => {
    await page.evaluate(() => {
      const { viz } = window as unknown as { viz: { drawLegend(h: HTMLElement, s: unknown): { update(s: unknown): void }; divergingScale(v: number[]): unknown } };
      const spec = (half: number) => ({ color: viz.divergingScale([-half, half]), title: 'score', blockedLabel: 'masked (−∞)', width: 180 });
      const handle = viz.drawLegend(document.getElementById('legend') as HTMLElement, spec(2));
      const w = window as unknown as { same: () => void; wider: () => void };
      w.same = () => handle.update(spec(2));
      w.wider = () => handle.update(spec(4));
    });
    await page.waitForSelector('#legend svg stop', { state: 'attached' });
    const ticksBefore = await page.locator('#legend g.tick text').allTextContents();
    await record(page, '#legend');
    await page.evaluate(() => (window as unknown as { same: () => void }).same());
    expect(await writes(page)).toEqual([]);
    await record(page, '#legend');
    await page.evaluate(() => (window as unknown as { wider: () => void }).wider());
    const seen = await writes(page);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((w) => w.startsWith('stop') || w.startsWith('lineargradient'))).toEqual([]);
    // nor the title, the bar, the blocked swatch or the legend's size: only the ticks depend on the domain
    expect(seen.filter((w) => /ms-legend-(title|bar|blocked)|^svg\.ms-legend |^g\.ms-legend-body /.test(w))).toEqual([]);
    expect(seen.some((w) => w.startsWith('g.tick') || w.startsWith('text') || w.startsWith('g.ms-legend-axis'))).toBe(true);
    const ticksAfter = await page.locator('#legend g.tick text').allTextContents();
    // [−2, 2] is labelled −2 … 2, [−4, 4] reaches 4
    expect(ticksBefore).toContain('2');
    expect(ticksBefore).not.toContain('4');
    expect(ticksAfter).toContain('4');
    expect(errors).toEqual([]);
  });

  // the hatch's canvas pattern is made once per tile (blockedPattern.ts) and serves every canvas
  it('the shared hatch: two heatmaps on two canvases, the second drawn twice: each blocked cell shows the hatch’s dark stripes over the grey, no allowed cell does', async () => {
    const cells = await page.evaluate(() => {
      const { viz } = window as unknown as { viz: { drawHeatmap(h: HTMLElement, s: unknown): { update(s: unknown): void }; sequentialScale(): unknown } };
      const n = 4;
      const spec = (seed: number) => ({
        values: Float32Array.from({ length: n * n }, (_, i) => ((i + seed) % 5) / 5), rows: n, cols: n,
        rowLabels: ['a', 'b', 'c', 'd'], colLabels: ['a', 'b', 'c', 'd'], ariaLabel: 'weights', color: viz.sequentialScale(), cellSize: 40,
        // causal: blocked above the diagonal
        blocked: Uint8Array.from({ length: n * n }, (_, i) => (i % n > Math.floor(i / n) ? 1 : 0)),
      });
      viz.drawHeatmap(document.getElementById('hatch-a') as HTMLElement, spec(0));
      const second = viz.drawHeatmap(document.getElementById('hatch-b') as HTMLElement, spec(1));
      second.update(spec(2));
      const hex = (d: Uint8ClampedArray, at: number) => `#${[d[at], d[at + 1], d[at + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
      return ['hatch-a', 'hatch-b'].map((id) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`#${id} canvas`) as HTMLCanvasElement;
        const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
        const side = canvas.width / n;
        // the colours inside each cell (2 px in from its edges)
        return Array.from({ length: n * n }, (_, i) => {
          const [r, c] = [Math.floor(i / n), i % n];
          const seen = new Set<string>();
          for (let y = Math.ceil(r * side) + 2; y < (r + 1) * side - 2; y++) for (let x = Math.ceil(c * side) + 2; x < (c + 1) * side - 2; x++) seen.add(hex(data, (y * canvas.width + x) * 4));
          return { blocked: c > r, grey: seen.has('#b9b9b9'), stripes: seen.has('#5f5f5f') };
        });
      });
    });
    for (const heatmap of cells) {
      for (const cell of heatmap) expect(cell).toEqual({ blocked: cell.blocked, grey: cell.blocked, stripes: cell.blocked });
    }
    expect(errors).toEqual([]);
  });
});
