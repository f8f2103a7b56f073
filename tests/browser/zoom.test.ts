/**
 * Zoom and pan of the stage heatmaps in the real app (real Chromium): the zoom bar's buttons and
 * text, Ctrl + wheel around the pointer, the + / − / 0 keys and a keyboard move that scrolls the
 * view, drag to pan (Shift + drag while painting, a plain drag still paints), the read-out of the
 * hovered cell under zoom, and the reset when the matrix size changes; how the cells are pooled
 * (through the worker's pyramids or the page's) and painted one by one. Every wait is on a state
 * of the page (the drawn window `data-view`, `data-pooled`, the zoom bar's text), never on a delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, settle, startHarness, type Harness, waitForResult, linkUrl } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const STAGES = ['mask', 'scaled', 'masked', 'weights'] as const;


/** The zoom bar's range text. */
const rangeText = (page: Page) => page.getByTestId('zoom-range').textContent();

/**
 * Waits until every stage heatmap has drawn the window rows [row0, row0 + rows) × keys
 * [col0, col0 + cols) (their `data-view`), and the output heatmap the same rows.
 */
async function waitForView(page: Page, row0: number, rows: number, col0: number, cols: number): Promise<void> {
  const stages = [...STAGES, 'output'];
  try {
    await page.waitForFunction(
      ({ stages, view, rowsOnly }) =>
        stages.every((s) => document.querySelector(`[data-testid="heatmap-${s}"] .ms-heatmap`)?.getAttribute('data-view') === view)
        && document.querySelector('[data-testid="heatmap-output"] .ms-heatmap')?.getAttribute('data-view')?.startsWith(rowsOnly) === true,
      { stages: [...STAGES], view: `${row0},${rows},${col0},${cols}`, rowsOnly: `${row0},${rows},0,` },
    );
  } catch (error) {
    // say which window each heatmap shows instead
    const shown = await page.evaluate((ids) => ids.map((s) => `${s}: ${document.querySelector(`[data-testid="heatmap-${s}"] .ms-heatmap`)?.getAttribute('data-view')}`), stages);
    throw new Error(`expected the window ${row0},${rows},${col0},${cols}; shown: ${shown.join('; ')}`, { cause: error });
  }
}

/** The page point over the centre of cell (row, col) of a heatmap drawn with window `view`. */
async function cellPoint(page: Page, stage: string, view: { row0: number; rows: number; col0: number; cols: number }, row: number, col: number): Promise<[number, number]> {
  const hm = page.getByTestId(`heatmap-${stage}`);
  await hm.scrollIntoViewIfNeeded();
  const box = (await hm.locator('rect.ms-hit').boundingBox())!;
  return [box.x + ((col - view.col0 + 0.5) * box.width) / view.cols, box.y + ((row - view.row0 + 0.5) * box.height) / view.rows];
}

async function readout(page: Page): Promise<string> {
  return (await page.getByTestId('readout').textContent()) ?? '';
}

/** The (q, k) a read-out names. */
function cellOf(text: string): { q: number; k: number } {
  const q = /q = (\d+)/.exec(text);
  const k = /k = (\d+)/.exec(text);
  if (!q || !k) throw new Error(`no cell in the read-out: ${text}`);
  return { q: Number(q[1]), k: Number(k[1]) };
}

describe('Zooming the stage heatmaps (Lq = Lk = 512)', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(harness, '/?v=1&mode=lengths&lq=512&heads=1&causal=1'));
    await waitForResult(page);
  });
  afterAll(async () => page?.close());

  it('the zoom bar starts on the whole matrix: Zoom in enabled, Zoom out and Reset disabled', async () => {
    await waitForView(page, 0, 512, 0, 512);
    expect(await rangeText(page)).toBe('Rows 0–511 of 512 · Keys 0–511 of 512');
    expect(await page.getByRole('button', { name: 'Zoom in' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Zoom out' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Reset zoom' }).isDisabled()).toBe(true);
  });

  it('Zoom in (× 2 around the centre) shows rows and keys 128–383 in every stage heatmap, and the output the same rows', async () => {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await waitForView(page, 128, 256, 128, 256);
    expect(await rangeText(page)).toBe('Rows 128–383 of 512 · Keys 128–383 of 512');
    expect(await page.getByRole('button', { name: 'Zoom out' }).isEnabled()).toBe(true);
  });

  it('hovering a zoomed cell reads that cell of the whole matrix: q = 200, k = 150', async () => {
    const view = { row0: 128, rows: 256, col0: 128, cols: 256 };
    await page.mouse.move(...(await cellPoint(page, 'weights', view, 200, 150)));
    await page.waitForFunction(() => document.querySelector('[data-testid="readout"]')?.textContent?.includes('q = 200'));
    const text = await readout(page);
    expect(text).toContain('q = 200');
    expect(text).toContain('k = 150');
    expect(text).toContain('t200');
    // above the diagonal of the causal mask, one cell right of it
    await page.mouse.move(...(await cellPoint(page, 'masked', view, 300, 301)));
    await page.waitForFunction(() => document.querySelector('[data-testid="readout"]')?.textContent?.includes('k = 301'));
    expect(await page.getByTestId('readout-blocked').textContent()).toContain('causal');
  });

  it('keyboard: focus selects the first visible cell; + zooms around it, ArrowUp past the top scrolls, − zooms out, 0 resets', async () => {
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => !document.querySelector('[data-testid="readout"]')?.textContent?.includes('q = '));
    await page.getByTestId('heatmap-weights').focus();
    await page.waitForFunction(() => document.querySelector('[data-testid="readout"]')?.textContent?.includes('q = 128'));
    expect(await readout(page)).toContain('k = 128');

    await page.keyboard.press('+'); // ×2 around the centre of (128, 128)
    await waitForView(page, 128, 128, 128, 128);
    expect(await rangeText(page)).toBe('Rows 128–255 of 512 · Keys 128–255 of 512');

    await page.keyboard.press('ArrowUp'); // (127, 128): out of view → the view scrolls one row
    await waitForView(page, 127, 128, 128, 128);
    expect(await rangeText(page)).toBe('Rows 127–254 of 512 · Keys 128–255 of 512');
    expect(await readout(page)).toContain('q = 127');

    await page.keyboard.press('-');
    await waitForView(page, 127, 256, 128, 256);
    expect(await rangeText(page)).toBe('Rows 127–382 of 512 · Keys 128–383 of 512');

    await page.keyboard.press('0');
    await waitForView(page, 0, 512, 0, 512);
    expect(await page.getByRole('button', { name: 'Reset zoom' }).isDisabled()).toBe(true);
  });

  it('Ctrl + wheel zooms around the pointer (the cell under it stays under it); a plain wheel scrolls and shows the hint', async () => {
    await page.keyboard.press('Escape');
    const full = { row0: 0, rows: 512, col0: 0, cols: 512 };
    await page.mouse.move(...(await cellPoint(page, 'scaled', full, 300, 100)));
    await page.waitForFunction(() => /q = 30[01]\b/.test(document.querySelector('[data-testid="readout"]')?.textContent ?? ''));
    const before = cellOf(await readout(page));
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200); // 200 px up: × 2
    await page.keyboard.up('Control');
    await page.waitForFunction(() => !document.querySelector('[data-testid="zoom-range"]')?.textContent?.startsWith('Rows 0–511'));
    // × 2 around the pointer at ≈ (300.5, 100.5): rows ≈ 150–405, keys ≈ 50–305 (around the centre would be 128–383)
    const range = /^Rows (\d+)–(\d+) of 512 · Keys (\d+)–(\d+) of 512$/.exec((await rangeText(page)) ?? '');
    expect(range).not.toBeNull();
    const [row0, row1, col0, col1] = range!.slice(1).map(Number) as [number, number, number, number];
    expect([row1 - row0 + 1, col1 - col0 + 1]).toEqual([256, 256]);
    expect(Math.abs(row0 - 150)).toBeLessThanOrEqual(1);
    expect(Math.abs(col0 - 50)).toBeLessThanOrEqual(1);
    await waitForView(page, row0, 256, col0, 256);
    // the window moved under a still pointer: the read-out follows, and names (almost) the same cell
    const after = cellOf(await readout(page));
    expect(Math.abs(after.q - before.q)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.k - before.k)).toBeLessThanOrEqual(1);

    await page.mouse.wheel(0, 50);
    await page.getByRole('status').filter({ hasText: 'Ctrl/⌘ + wheel to zoom' }).first().waitFor();
    expect(await rangeText(page)).toBe(`Rows ${row0}–${row1} of 512 · Keys ${col0}–${col1} of 512`);
    await page.keyboard.press('0');
    await waitForView(page, 0, 512, 0, 512);
  });

  it('dragging pans every heatmap by whole cells: 10.4 cells left and 5.4 up shows 10 more keys right, 5 more rows down', async () => {
    // the keyboard test left a cell selected, around which Zoom in would zoom: Esc clears it
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !/q = \d/.test(document.querySelector('[data-testid="readout"]')?.textContent ?? ''));
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await waitForView(page, 128, 256, 128, 256);
    const view = { row0: 128, rows: 256, col0: 128, cols: 256 };
    const hm = page.getByTestId('heatmap-weights');
    await hm.scrollIntoViewIfNeeded();
    const box = (await hm.locator('rect.ms-hit').boundingBox())!;
    const cw = box.width / view.cols;
    const ch = box.height / view.rows;
    const start: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(...start);
    await page.mouse.down();
    await page.mouse.move(start[0] - 10.4 * cw, start[1] - 5.4 * ch, { steps: 6 });
    await page.mouse.up();
    await waitForView(page, 133, 256, 138, 256);
    expect(await rangeText(page)).toBe('Rows 133–388 of 512 · Keys 138–393 of 512');
    expect(errors).toEqual([]);
  });
});

describe('Touch: a tablet (1024 × 768)', () => {
  /** Lq = Lk = 512 in a touch-enabled 1024 × 768 page (Playwright taps; CDP sends drags and pinches), its result shown. */
  async function openTablet() {
    const context = await harness.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('/?v=1&mode=lengths&lq=512&heads=1&causal=1', harness.baseUrl).toString());
    await waitForResult(page);
    return { context, page, errors };
  }

  it('a finger dragged over a zoomed heatmap pans it as a mouse drag does, and does not scroll the page: 40.4 cells left and 20.4 up', async () => {
    const { context, page, errors } = await openTablet();
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await waitForView(page, 128, 256, 128, 256);
    const hm = page.getByTestId('heatmap-weights');
    await hm.scrollIntoViewIfNeeded();
    const box = (await hm.locator('rect.ms-hit').boundingBox())!;
    const [cw, ch] = [box.width / 256, box.height / 256];
    const start: [number, number] = [box.x + box.width * 0.7, box.y + box.height * 0.7];
    const scrolled = await page.evaluate(() => window.scrollY);
    // one finger, in 8 moves (Playwright taps only; CDP sends the touch points)
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y]) => ({ x, y, id: 0 })) });
    await touch('touchStart', [start]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [[start[0] - (40.4 * cw * i) / 8, start[1] - (20.4 * ch * i) / 8]]);
    await touch('touchEnd', []);
    // the browser took such a drag for a scroll and cancelled it after a few moves (8 keys, not 40)
    await waitForView(page, 148, 256, 168, 256);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('two fingers spread apart zoom the heatmaps around their midpoint (about × 2), not the page', async () => {
    const { context, page, errors } = await openTablet();
    const hm = page.getByTestId('heatmap-weights');
    await hm.scrollIntoViewIfNeeded();
    const box = (await hm.locator('rect.ms-hit').boundingBox())!;
    // the midpoint: cell (256 + 51.2, 128) ≈ (307, 128); the fingers 60 px apart, then 120
    const [mx, my] = [box.x + box.width / 4, box.y + box.height * 0.6];
    const cdp = await context.newCDPSession(page);
    const fingers = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: mx - spread / 2, y: my, id: 0 }, { x: mx + spread / 2, y: my, id: 1 }] });
    await fingers('touchStart', 60);
    for (let i = 1; i <= 8; i++) await fingers('touchMove', 60 + (60 * i) / 8);
    await fingers('touchEnd', 0);
    const view = await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="heatmap-weights"] .ms-heatmap')?.getAttribute('data-view')?.split(',').map(Number);
      // zoomed in by the spread's × 2 (in steps of at least PINCH_MIN_CHANGE: × 1.8 to × 2 in all)
      return v !== undefined && v[1]! <= Math.ceil(512 / 1.8) ? v : null;
    }).then((h) => h.jsonValue() as Promise<number[]>);
    const [row0, rows, col0, cols] = view as [number, number, number, number];
    expect(rows).toBeGreaterThanOrEqual(256);
    expect(cols).toBe(rows);
    // the cell under the midpoint stays under it, within a few of its new cells
    const [row, col] = [(0.6 * 512), 128];
    expect(Math.abs((row - row0) / rows - 0.6)).toBeLessThan(0.03);
    expect(Math.abs((col - col0) / cols - 0.25)).toBeLessThan(0.03);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Zoom in after a tap zooms around the tapped cell (q = 400, k = 100), which stays where it was; without a tapped cell, around the centre', async () => {
    const { context, page, errors } = await openTablet();
    const whole = { row0: 0, rows: 512, col0: 0, cols: 512 };
    await page.touchscreen.tap(...(await cellPoint(page, 'weights', whole, 400, 100)));
    await page.waitForFunction(() => /q = 400\b/.test(document.querySelector('[data-testid="readout"]')?.textContent ?? ''));
    const before = await cellPoint(page, 'weights', whole, 400, 100);
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    // × 2 around the cell's centre (400.5, 100.5): 200.25 rows and 50.25 keys above and left of the window, whole cells
    await waitForView(page, 200, 256, 50, 256);
    const after = await cellPoint(page, 'weights', { row0: 200, rows: 256, col0: 50, cols: 256 }, 400, 100);
    const box = (await page.getByTestId('heatmap-weights').locator('rect.ms-hit').boundingBox())!;
    // on screen the cell moved less than one of its new cells (2 × the old ones)
    expect(Math.abs(after[0] - before[0])).toBeLessThan(box.width / 256);
    expect(Math.abs(after[1] - before[1])).toBeLessThan(box.height / 256);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Zoom with painting and sizes', () => {
  it('while painting, a plain drag paints and does not pan; Shift + drag pans and does not paint', async () => {
    const { page, errors } = await openPage(harness, '/?v=1&mode=lengths&lq=64&heads=1');
    await waitForResult(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await waitForView(page, 16, 32, 16, 32);
    await page.getByRole('radiogroup', { name: 'Paint cells on the Mask heatmap' }).getByLabel('block').check();
    const view = { row0: 16, rows: 32, col0: 16, cols: 32 };

    await page.mouse.move(...(await cellPoint(page, 'mask', view, 20, 30)));
    await page.mouse.down();
    await page.waitForFunction(() => window.location.hash.includes('paint=20.30.0'));
    await page.mouse.move(...(await cellPoint(page, 'mask', view, 20, 24)), { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => window.location.hash.includes('20.24.0')); // the drag's last cell is in
    await waitForResult(page);
    await settle(page); // a pan set off by the drag would be drawn by now
    expect(await rangeText(page)).toBe('Rows 16–47 of 64 · Keys 16–47 of 64');
    await waitForView(page, 16, 32, 16, 32);
    const paintInLink = async () => new URLSearchParams(new URL(await page.evaluate(() => window.location.href)).hash.slice(1)).get('paint');
    const before = await paintInLink();
    expect(before).toMatch(/20\.24\.0/);
    const from = await cellPoint(page, 'mask', view, 30, 30);
    await page.keyboard.down('Shift');
    await page.mouse.move(...from);
    await page.mouse.down();
    const to = await cellPoint(page, 'mask', view, 26, 26); // content dragged 4 cells up-left
    await page.mouse.move(to[0] - 0.2, to[1] - 0.2, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await waitForView(page, 20, 32, 20, 32);
    await settle(page); // a paint set off by the drag would be in the URL by now
    expect(await paintInLink()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a new matrix size resets the zoom (view state only: never in the URL)', async () => {
    const { page } = await openPage(harness, '/?v=1&mode=lengths&lq=64&heads=1');
    await waitForResult(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await waitForView(page, 16, 32, 16, 32);
    expect(await linkUrl(page)).not.toMatch(/zoom|view/);
    const field = page.getByLabel('Query length');
    await field.fill('100');
    await field.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="zoom-range"]')?.textContent === 'Rows 0–99 of 100 · Keys 0–99 of 100');
    await waitForView(page, 0, 100, 0, 100);
    await page.close();
  });

  it('Chinese interface: the zoom bar and its buttons are translated', async () => {
    const { page } = await openPage(harness, '/?v=1&mode=lengths&lq=64&heads=1&lang=zh');
    await waitForResult(page);
    await page.getByRole('button', { name: '放大' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="zoom-range"]')?.textContent === '行 16–47（共 64）· 键 16–47（共 64）');
    expect(await page.getByRole('button', { name: '重置缩放' }).isEnabled()).toBe(true);
    await page.close();
  });
});

describe('a 2048 × 2048 mask, many cells to a pixel', () => {
  it('a lone blocked cell stays visible in the Mask: its pixel is hatched, and no other; every stage is drawn through the pyramid the worker sent', async () => {
    const { page, errors } = await openPage(harness, '/#v=2&mode=lengths&lq=2048&lk=2048&b=1&heads=1&kpad=0&paint=1000.700.0');
    await waitForResult(page, 120_000);
    // the worker sent each stage's pooled pyramid with the result: no draw walked the 4 M cells
    for (const stage of ['scores', 'mask', 'masked', 'weights']) {
      await expect.poll(() => page.getAttribute(`[data-testid="heatmap-${stage}"] canvas`, 'data-pooled')).toBe('sent');
    }
    const offColour = (stage: string) => page.evaluate((s) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="heatmap-${s}"] canvas`)!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const off: [number, number][] = []; // pixels (x, y) far from the allowed colour #2a788e
      for (let p = 0; p < data.length / 4; p++) {
        const [r, g, b] = [data[4 * p]!, data[4 * p + 1]!, data[4 * p + 2]!];
        if (Math.abs(r - 0x2a) + Math.abs(g - 0x78) + Math.abs(b - 0x8e) > 60) off.push([(p % canvas.width) / canvas.width, Math.floor(p / canvas.width) / canvas.height]);
      }
      return off;
    }, stage);
    const mask = await offColour('mask');
    expect(mask.length).toBeGreaterThan(0);
    // every off-colour pixel lies at the blocked cell: row 1000, key 700 of 2048 (within a pixel or two)
    for (const [x, y] of mask) {
      expect(Math.abs(x - 700 / 2048)).toBeLessThan(0.01);
      expect(Math.abs(y - 1000 / 2048)).toBeLessThan(0.01);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a 1024 × 1024 result of two heads', () => {
  it('the head on screen is drawn through the pyramids the worker sent with it; another head, through pyramids built on the page', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=1024&b=1&heads=2&causal=1');
    await waitForResult(page, 120_000);
    const pooled = (stage: string) => page.getAttribute(`[data-testid="heatmap-${stage}"] canvas`, 'data-pooled');
    for (const stage of STAGES) await expect.poll(() => pooled(stage)).toBe('sent');
    const second = page.locator('.head-strip button').nth(1);
    await second.click();
    await expect.poll(() => second.getAttribute('aria-pressed')).toBe('true');
    // the worker sent pyramids with the head on screen only (engine/stagePyramids.ts sendsPyramids)
    for (const stage of STAGES) await expect.poll(() => pooled(stage)).toBe('page');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('cells painted one by one (presentation mode, 12 × 12)', () => {
  it('each cell is one solid colour with a clear 1 px gap after it; the allowed cells are in the allowed colour', async () => {
    const { page, errors } = await openPage(harness, '/?mode=lengths&lq=12&b=1&heads=1&dk=8&causal=1&present=1&step=mask');
    const canvas = '[data-testid="present-view"] [data-testid="heatmap-mask"] canvas';
    await page.waitForSelector(canvas);
    await expect.poll(() => page.getAttribute(canvas, 'data-pooled')).toBe('cells');
    const rows = await page.evaluate((selector) => {
      const c = document.querySelector<HTMLCanvasElement>(selector)!;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const hex = (p: number) => (data[4 * p + 3] === 0 ? 'clear' : `#${[0, 1, 2].map((k) => data[4 * p + k]!.toString(16).padStart(2, '0')).join('')}`);
      /** Runs of clear and of painted pixels along `pixels`: start, length, and the colour when all are one. */
      const runs = (pixels: number[]) => {
        const out: { start: number; length: number; clear: boolean; colour: string | null }[] = [];
        pixels.forEach((p, i) => {
          const colour = hex(p);
          const last = out[out.length - 1];
          if (last && last.clear === (colour === 'clear')) {
            last.length++;
            if (last.colour !== colour) last.colour = null;
          } else out.push({ start: i, length: 1, clear: colour === 'clear', colour });
        });
        return out;
      };
      // the cell rows down the first column, then across each one's middle
      const cellRows = runs(Array.from({ length: c.height }, (_, y) => y * c.width + 2)).filter((r) => !r.clear);
      return cellRows.map((row) => {
        const middle = row.start + Math.floor(row.length / 2);
        return runs(Array.from({ length: c.width }, (_, x) => middle * c.width + x));
      });
    }, canvas);
    expect(rows).toHaveLength(12);
    rows.forEach((across, q) => {
      // 12 painted cells, each followed by a clear gap of one device pixel (devicePixelRatio 1)
      expect(across.map((r) => r.clear)).toEqual(Array.from({ length: 24 }, (_, i) => i % 2 === 1));
      for (const gap of across.filter((r) => r.clear)) expect(gap.length).toBe(1);
      // causal: a key k ≤ q may be attended (the cell is all the allowed colour), the others are blocked (hatched)
      across.filter((r) => !r.clear).forEach((cell, k) => (k <= q ? expect(cell.colour).toBe('#2a788e') : expect(cell.colour).not.toBe('#2a788e')));
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
