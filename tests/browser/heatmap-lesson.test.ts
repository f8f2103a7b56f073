/**
 * The heatmap's lesson features in real Chromium: numbers in cells, row notes, the selected row,
 * outlined cells, fitting a projector box, picking a row by click, tap and Enter (on a page of
 * its own that draws with src/viz directly, served through the Vite dev server), and touch on
 * the real app's heatmaps: a tap reads the tapped cell and keeps it, another tap moves it, a tap
 * outside clears it. Every wait is on a state of the page, never on a delay.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openHtmlPage, startHarness, type Harness, waitForResult } from './harness';
import { packCssColor } from '../../src/viz/cellColors';
import { textColorOn } from '../../src/viz/cellText';
import { sequentialScale } from '../../src/viz/colorScales';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** The test page: src/viz modules on window.lesson, and a host for the heatmap. */
const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><link rel="icon" href="data:,"><title>heatmap lesson</title></head>
<body style="margin:0;font-family:sans-serif"><p id="outside" tabindex="-1" style="height:40px;margin:0">outside</p><div id="host"></div>
<script type="module">
import { drawHeatmap } from '/src/viz/heatmap.ts';
import { formatCellValue } from '/src/viz/cellFormat.ts';
import { sequentialScale } from '/src/viz/colorScales.ts';
window.lesson = { drawHeatmap, formatCellValue, sequentialScale };
document.body.dataset.ready = 'true';
</script></body></html>`;

/** What `draw` puts on window: the handle and what the callbacks received. */
interface LessonWindow {
  lesson: {
    drawHeatmap(host: HTMLElement, spec: unknown): { update(spec: unknown): void; destroy(): void };
    formatCellValue(v: number): string;
    sequentialScale(): (v: number) => string;
  };
  picked: number[];
  hovered: ({ row: number; col: number } | null)[];
  handle?: { update(spec: unknown): void; destroy(): void };
}

/**
 * Draws causal weights of n × n (row r: 1/(r+1) on keys 0..r, blocked after) into #host with
 * 20 px labels in a 760 × 560 box (cells ≤ 120 px), every lesson field set; `over` replaces fields.
 */
async function draw(page: Page, n: number, over: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(([size, extra]) => {
    const w = window as unknown as LessonWindow;
    const { lesson } = w;
    const values = new Float32Array(size * size);
    const blocked = new Uint8Array(size * size);
    const outlined = new Uint8Array(size * size);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        values[r * size + c] = c <= r ? 1 / (r + 1) : 0;
        blocked[r * size + c] = c <= r ? 0 : 1;
        outlined[r * size + c] = c === r ? 1 : 0;
      }
    }
    const labels = Array.from({ length: size }, (_, i) => `t${i}`);
    w.picked = [];
    w.hovered = [];
    w.handle?.destroy();
    w.handle = lesson.drawHeatmap(document.getElementById('host') as HTMLElement, {
      values, rows: size, cols: size, blocked, rowLabels: labels, colLabels: labels, color: lesson.sequentialScale(),
      ariaLabel: 'weights', fontSize: 20, maxWidth: 760, maxHeight: 560, maxCellPx: 120,
      valueText: { format: lesson.formatCellValue, blocked: '0' },
      rowNotes: labels.map(() => '1.00'), rowNotesTitle: 'Σ', selectedRow: 2, outlined,
      onSelectRow: (row: number) => w.picked.push(row),
      onHover: (cell: { row: number; col: number } | null) => w.hovered.push(cell),
      ...extra,
    });
  }, [n, over] as const);
}

/** The page point over the centre of cell (row, col) of the heatmap in #host (n × n, whole matrix shown). */
async function cellPoint(page: Page, n: number, row: number, col: number): Promise<[number, number]> {
  const box = (await page.locator('#host rect.ms-hit').boundingBox())!;
  return [box.x + ((col + 0.5) * box.width) / n, box.y + ((row + 0.5) * box.height) / n];
}

const rootAttr = (page: Page, name: string) => page.locator('#host .ms-heatmap').getAttribute(name);

describe('Lesson layers of a 6 × 6 heatmap in a 760 × 560 box', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openHtmlPage(harness, '/__heatmap-lesson__.html', PAGE_HTML));
    await draw(page, 6);
    await page.waitForSelector('#host .ms-heatmap[data-values="shown"]');
  });
  afterAll(async () => page?.close());

  it('fits the box with big cells: the whole drawing ≤ 760 × 560 px, the matrix ≥ 360 px tall', async () => {
    const root = (await page.locator('#host .ms-heatmap').boundingBox())!;
    const matrix = (await page.locator('#host rect.ms-hit').boundingBox())!;
    expect(root.width).toBeLessThanOrEqual(760);
    expect(root.height).toBeLessThanOrEqual(560);
    expect(matrix.height).toBeGreaterThanOrEqual(360);
  });

  it('writes every cell as SVG text: the weights, "0" in blocked cells; black or white, whichever contrasts with the cell', async () => {
    const texts = await page.locator('#host g.ms-values text').evaluateAll((nodes) =>
      nodes.map((n) => ({ text: n.textContent, fill: n.getAttribute('fill'), halo: n.getAttribute('stroke'), color: (n as SVGElement).style.color, background: (n as SVGElement).style.backgroundColor })));
    expect(texts).toHaveLength(36);
    // row 0: [1.00 0 0 0 0 0] (keys 1–5 blocked); row 5: six times 1/6
    expect(texts.slice(0, 6).map((t) => t.text)).toEqual(['1.00', '0', '0', '0', '0', '0']);
    expect(texts.slice(30).map((t) => t.text)).toEqual(Array(6).fill('0.17'));
    const scale = sequentialScale();
    expect(texts[0]).toMatchObject({ fill: textColorOn(scale(1)), halo: null });
    expect(texts[30]).toMatchObject({ fill: textColorOn(scale(1 / 6)), halo: null });
    expect(texts[0]?.fill).not.toBe(texts[30]?.fill); // the two ends of the weights scale take different text colours
    expect(texts[1]).toMatchObject({ fill: '#000', halo: '#fff' }); // blocked: black with a white halo
    // the text's declared colours (read by contrast checkers): its fill, on its cell's colour (the halo's white when blocked)
    const rgb = (css: string) => packCssColor(css);
    expect(rgb(texts[0]?.color ?? '')).toBe(rgb(texts[0]?.fill ?? ''));
    expect(rgb(texts[0]?.background ?? '')).toBe(rgb(scale(1)));
    expect(rgb(texts[1]?.background ?? '')).toBe(rgb('#fff'));
    const size = Number(await page.locator('#host g.ms-values').getAttribute('font-size'));
    expect(size).toBeGreaterThanOrEqual(9);
    expect(size).toBeLessThanOrEqual(20);
    expect(await page.locator('#host svg').getAttribute('aria-hidden')).toBeNull();
  });

  it('writes the row notes right of the matrix, each centred on its row, under the title Σ', async () => {
    const matrix = (await page.locator('#host rect.ms-hit').boundingBox())!;
    const root = (await page.locator('#host .ms-heatmap').boundingBox())!;
    const notes = page.locator('#host g.ms-row-notes text[data-row]');
    expect(await notes.count()).toBe(6);
    for (let row = 0; row < 6; row++) {
      const box = (await notes.nth(row).boundingBox())!;
      expect(await notes.nth(row).textContent()).toBe('1.00');
      expect(await notes.nth(row).getAttribute('data-row')).toBe(String(row));
      expect(box.x).toBeGreaterThan(matrix.x + matrix.width);
      expect(box.x + box.width).toBeLessThanOrEqual(root.x + root.width + 0.5);
      expect(Math.abs(box.y + box.height / 2 - (matrix.y + ((row + 0.5) * matrix.height) / 6))).toBeLessThan(4);
    }
    expect(await page.locator('#host g.ms-row-notes text.ms-row-notes-title').textContent()).toBe('Σ');
  });

  it('frames the selected row and outlines the flagged cells as one path', async () => {
    expect(await rootAttr(page, 'data-selected-row')).toBe('2');
    expect(await page.locator('#host g.ms-selected-row rect').count()).toBe(2);
    expect(await page.locator('#host g.ms-selected-row rect').first().getAttribute('stroke')).toBe('#3b5bdb');
    // the frame goes around the whole row 2 (rows are matrix.height / 6 tall)
    const matrix = (await page.locator('#host rect.ms-hit').boundingBox())!;
    const frame = (await page.locator('#host g.ms-selected-row rect').first().boundingBox())!;
    expect(frame.width).toBeGreaterThan(matrix.width);
    expect(Math.abs(frame.y + frame.height / 2 - (matrix.y + (2.5 * matrix.height) / 6))).toBeLessThan(1);
    expect(await rootAttr(page, 'data-outlined')).toBe('6');
    const d = (await page.locator('#host g.ms-outlined path.ms-outlined-line').getAttribute('d')) ?? '';
    expect(await page.locator('#host g.ms-outlined path.ms-outlined-line').count()).toBe(1);
    // the 6 diagonal cells touch at corners only: each is framed alone, by its 4 sides
    expect(d.match(/M/g)).toHaveLength(24);
  });

  it('has no serious or critical accessibility violations (axe-core) with the numbers and notes exposed', async () => {
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const { violations: all } = await axe.run('#host');
      return all.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('a mouse click on a cell picks its row; a drag picks nothing; Enter picks the highlighted row', async () => {
    const [x, y] = await cellPoint(page, 6, 4, 1);
    await page.mouse.move(x, y);
    await page.waitForFunction(() => document.querySelector('#host .ms-heatmap')?.getAttribute('data-highlight') === '4,1');
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(() => (window as unknown as LessonWindow).picked.length === 1);
    const [x2, y2] = await cellPoint(page, 6, 3, 3);
    await page.mouse.move(x2, y2);
    await page.mouse.down();
    await page.mouse.move(x2 + 12, y2 + 6, { steps: 3 });
    await page.mouse.up();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as LessonWindow).picked.length === 2);
    // the drag from (3, 3) picked nothing; Enter picked the highlighted row (3, after the drag)
    expect(await page.evaluate(() => (window as unknown as LessonWindow).picked)).toEqual([4, 3]);
  });

  it('the mouse leaving the matrix clears the highlight ("" in data-highlight)', async () => {
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('#host .ms-heatmap')?.getAttribute('data-highlight') === '');
  });

  it('focus from the keyboard (Tab) still selects the first cell at once', async () => {
    await draw(page, 6);
    await page.evaluate(() => document.getElementById('outside')?.focus()); // Tab starts from the paragraph before the heatmap
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#host .ms-heatmap')?.getAttribute('data-highlight') === '0,0');
    expect(await page.evaluate(() => (window as unknown as LessonWindow).hovered)).toEqual([{ row: 0, col: 0 }]);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('#host .ms-heatmap')?.getAttribute('data-highlight') === '1,0');
  });

  it('a 64 × 64 heatmap hovered: the bold row (column) label overlaps no row (column) label, those it covers hidden; all shown again after', async () => {
    await draw(page, 64, { selectedRow: -1, outlined: undefined });
    const overlaps = () => page.evaluate(() => {
      const boxes = (selector: string) => [...document.querySelectorAll(selector)].filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => e.getBoundingClientRect());
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const [boldRow, boldCol] = [...document.querySelectorAll('#host .ms-hover-labels text')].map((e) => e.getBoundingClientRect());
      const rows = boxes('#host .ms-row-labels text');
      const cols = boxes('#host .ms-col-labels text');
      const covered = [...rows.filter((a) => boldRow && hit(a, boldRow)), ...cols.filter((a) => boldCol && hit(a, boldCol))];
      return { bold: [boldRow, boldCol].filter(Boolean).length, axis: rows.length + cols.length, covered: covered.length };
    });
    const before = await overlaps();
    for (const [row, col] of [[11, 21], [30, 31], [0, 63]] as const) {
      await page.mouse.move(...(await cellPoint(page, 64, row, col)));
      await page.waitForFunction((at) => document.querySelector('#host .ms-heatmap')?.getAttribute('data-highlight') === at, `${row},${col}`);
      const now = await overlaps();
      expect([row, col, now.bold, now.covered]).toEqual([row, col, 2, 0]);
      expect(now.axis).toBeLessThan(before.axis); // some were covered, and hidden
    }
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('#host .ms-heatmap')?.getAttribute('data-highlight') === '');
    expect(await overlaps()).toEqual(before);
  });

  it('a 64 × 64 heatmap in the same box: cells too small, no numbers, data-values "hidden", no row notes', async () => {
    await draw(page, 64, { selectedRow: -1, outlined: undefined });
    await page.waitForSelector('#host .ms-heatmap[data-values="hidden"]');
    expect(await page.locator('#host g.ms-values text').count()).toBe(0);
    expect(await page.locator('#host g.ms-row-notes text').count()).toBe(0);
    expect(await rootAttr(page, 'data-selected-row')).toBeNull();
    expect(await rootAttr(page, 'data-outlined')).toBeNull();
    await draw(page, 6);
    await page.waitForSelector('#host .ms-heatmap[data-values="shown"]');
    expect(errors).toEqual([]);
  });
});

describe('Touch on the lesson page and on the real app', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await harness.browser.newContext({ hasTouch: true, viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => context?.close());

  it('a tap picks the tapped row (onSelectRow) and reads that cell, not (0, 0); the focus it gives selects nothing', async () => {
    const page = await context.newPage();
    const url = new URL('/__heatmap-lesson__.html', harness.baseUrl).toString();
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: PAGE_HTML }));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await draw(page, 6);
    // a tap on the heatmap's title area (inside the host, outside the matrix): focus, but no cell
    const root = (await page.locator('#host .ms-heatmap').boundingBox())!;
    await page.touchscreen.tap(root.x + 4, root.y + 4);
    await page.waitForFunction(() => document.activeElement?.id === 'host');
    expect(await rootAttr(page, 'data-highlight')).toBe('');
    const [x, y] = await cellPoint(page, 6, 5, 2);
    await page.touchscreen.tap(x, y);
    await page.waitForFunction(() => (window as unknown as LessonWindow).picked.length === 1);
    expect(await rootAttr(page, 'data-highlight')).toBe('5,2');
    const w = await page.evaluate(() => ({ picked: (window as unknown as LessonWindow).picked, hovered: (window as unknown as LessonWindow).hovered }));
    expect(w.picked).toEqual([5]);
    expect(w.hovered).toEqual([{ row: 5, col: 2 }]);
    await page.close();
  });

  it('on the app (Lq = Lk = 8): tap a cell → the read-out names it; tap another → it moves; tap outside → cleared', async () => {
    const page = await context.newPage();
    await page.goto(new URL('/?v=1&mode=lengths&lq=8&heads=1&causal=1', harness.baseUrl).toString());
    await waitForResult(page);
    const weights = page.getByTestId('heatmap-weights');
    await weights.scrollIntoViewIfNeeded();
    const point = async (row: number, col: number): Promise<[number, number]> => {
      const box = (await weights.locator('rect.ms-hit').boundingBox())!;
      return [box.x + ((col + 0.5) * box.width) / 8, box.y + ((row + 0.5) * box.height) / 8];
    };
    const readoutNames = (q: number, k: number) => page.waitForFunction(([qq, kk]) => {
      const text = document.querySelector('[data-testid="readout"]')?.textContent ?? '';
      return text.includes(`q = ${qq}`) && text.includes(`k = ${kk}`);
    }, [q, k] as const);
    await page.touchscreen.tap(...(await point(5, 2)));
    await readoutNames(5, 2);
    expect(await weights.locator('.ms-heatmap').getAttribute('data-highlight')).toBe('5,2');
    // the pointerleave after the touch did not clear it, and the focus did not move it to (0, 0)
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="heatmap-weights"]') !== null);
    expect(await weights.locator('.ms-heatmap').getAttribute('data-highlight')).toBe('5,2');
    await page.touchscreen.tap(...(await point(7, 6)));
    await readoutNames(7, 6);
    // linked highlight: the scaled scores heatmap shows the same cell
    await page.waitForFunction(() => document.querySelector('[data-testid="heatmap-scaled"] .ms-heatmap')?.getAttribute('data-highlight') === '7,6');
    const h1 = (await page.locator('h1').first().boundingBox())!;
    await page.touchscreen.tap(h1.x + 2, h1.y + h1.height / 2);
    await page.waitForFunction(() => !/q = \d/.test(document.querySelector('[data-testid="readout"]')?.textContent ?? ''));
    await page.waitForFunction(() => document.querySelector('[data-testid="heatmap-weights"] .ms-heatmap')?.getAttribute('data-highlight') === '');
    await page.close();
  });
});
