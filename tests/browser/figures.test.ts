/**
 * Figures for slides and handouts (issue #12 §3) in the real app: PNG exports are PNGs of the
 * figure's CSS size × the scale, the SVG has one cell per (query, key), the CSV has Lq rows of Lk
 * values equal to the JSON export's, "Copy as text" puts the mask's `1 1 0 0` rows on the
 * clipboard, and printing gives one page with no control on it.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { exportJson } from './exportCheck';
import { startHarness, waitForResult, type Harness } from './harness';

let harness: Harness;
let context: BrowserContext;

beforeAll(async () => {
  harness = await startHarness();
  context = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await context?.close();
  await harness?.close();
});

/** Opens the app at `fragment` in the context with clipboard rights; errors collected. */
async function open(fragment: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(`/#${fragment}`, harness.baseUrl).toString());
  return { page, errors };
}

/** Opens the Figure menu `menu` and presses `action`; returns the downloaded file's bytes and name. */
async function download(page: Page, menu: string, action: string): Promise<{ bytes: Buffer; name: string }> {
  await page.locator(`[data-testid="figure-menu-${menu}"] .figure-menu-toggle`).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="figure-menu-${menu}"] [data-action="${action}"]`).click()]);
  return { bytes: await readFile((await file.path())!), name: file.suggestedFilename() };
}

/** Width and height of a PNG from its IHDR chunk; throws when the signature or IHDR is missing. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The SVG's CSS size and its cells, parsed by the browser's XML parser (throws on a parse error). */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    if (doc.querySelector('parsererror')) throw new Error('SVG does not parse');
    const svg = doc.documentElement;
    return {
      width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')),
      cells: doc.querySelectorAll('rect.ms-fig-cell').length, blocked: doc.querySelectorAll('rect.ms-fig-cell[data-blocked="1"]').length,
      labels: [...doc.querySelectorAll('text.ms-fig-col-label')].map((t) => t.textContent), title: doc.querySelector('text.ms-fig-title')?.textContent,
    };
  }, text);
}

/** Parses the app's CSV: header, then rows of label + numbers. */
function parseCsv(text: string): { header: string[]; rows: { label: string; values: number[] }[] } {
  const lines = text.split('\r\n').filter((l) => l !== '');
  const [header, ...rest] = lines.map((l) => l.split(','));
  return { header: header!, rows: rest.map(([label, ...values]) => ({ label: label!, values: values.map(Number) })) };
}

describe('figure exports', () => {
  // 3 tokens + 1 padded key in item 0: "a b c" / "d e f g"; causal; 2 heads, head 1 on screen
  const fragment = `v=2&q=${encodeURIComponent('a b c\nd e f g')}&causal=1&heads=2&vh=1&dk=4`;

  it('PNG 1× and 2× of the weights card are valid PNGs of the SVG’s size × the scale; the SVG has Lq × Lk cells', async () => {
    const { page, errors } = await open(fragment);
    await waitForResult(page);
    const svg = await download(page, 'weights', 'svg');
    expect(svg.name).toBe('maskscope-weights-b0-h1.svg');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    // Lq = Lk = 4 (item 0 is padded to the longest line); the hatched cells are the mask's zeros
    expect(parsed.cells).toBe(4 * 4);
    const mask = parseCsv((await download(page, 'mask', 'csv-mask')).bytes.toString('utf8'));
    expect(parsed.blocked).toBe(mask.rows.flatMap((r) => r.values).filter((v) => v === 0).length);
    expect(parsed.blocked).toBeGreaterThan(0);
    expect(parsed.labels).toEqual(['a', 'b', 'c', '<pad>']);
    expect(parsed.title).toContain('batch item 0, head 1');
    const two = await download(page, 'weights', 'png-2');
    expect(two.name).toBe('maskscope-weights-b0-h1@2x.png');
    expect(pngSize(two.bytes)).toEqual({ width: 2 * parsed.width, height: 2 * parsed.height });
    const one = await download(page, 'weights', 'png-1');
    expect(pngSize(one.bytes)).toEqual({ width: parsed.width, height: parsed.height });
    await expect.poll(() => page.locator('[data-testid="figure-menu-weights"] [data-testid="figure-status"]').textContent()).toContain('maskscope-weights-b0-h1@1x.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('CSV of the weights, masked scores and mask cards: Lq rows of Lk values, equal to the JSON export; −∞ as -Infinity', async () => {
    const { page, errors } = await open(fragment);
    await waitForResult(page);
    const doc = await exportJson(page);
    const { queryLength: Lq, keyLength: Lk } = doc.shape;
    const weights = parseCsv((await download(page, 'weights', 'csv-weights')).bytes.toString('utf8'));
    expect(weights.header).toEqual(['query\\key', ...doc.tokens.key[0]!]);
    expect(weights.rows).toHaveLength(Lq);
    expect(weights.rows.map((r) => r.label)).toEqual(doc.tokens.query[0]);
    expect(weights.rows.map((r) => r.values)).toEqual(doc.weights[0]![1]);
    expect(weights.rows.every((r) => r.values.length === Lk)).toBe(true);
    const masked = parseCsv((await download(page, 'masked', 'csv-masked')).bytes.toString('utf8'));
    const expected = doc.logits[0]![1]!.map((row, q) => row.map((v, k) => (doc.mask[0]![1]![q]![k] ? v : -Infinity)));
    expect(masked.rows.map((r) => r.values)).toEqual(expected);
    expect(expected.flat()).toContain(-Infinity);
    const mask = parseCsv((await download(page, 'mask', 'csv-mask')).bytes.toString('utf8'));
    expect(mask.rows.map((r) => r.values)).toEqual(doc.mask[0]![1]!.map((row) => row.map((m) => (m ? 1 : 0))));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Copy as text puts the mask’s rows on the clipboard (1 1 0 0) and says so politely; larger matrices disable the copies with a reason', async () => {
    const { page, errors } = await open('v=2&mode=lengths&lq=4&lk=4&causal=1&heads=1');
    await waitForResult(page);
    await page.locator('[data-testid="figure-menu-mask"] .figure-menu-toggle').click();
    await page.locator('[data-testid="figure-menu-mask"] [data-action="text-mask"]').click();
    const status = page.locator('[data-testid="figure-menu-mask"] [data-testid="figure-status"]');
    await expect.poll(() => status.textContent()).toBe('Copied to the clipboard.');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('1 0 0 0\n1 1 0 0\n1 1 1 0\n1 1 1 1\n');
    await page.locator('[data-testid="figure-menu-mask"] .figure-menu-toggle').click();
    await page.locator('[data-testid="figure-menu-mask"] [data-action="markdown-mask"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      '| query \\\\ key | t0 | t1 | t2 | t3 |\n| --- | ---: | ---: | ---: | ---: |\n| t0 | 1 | 0 | 0 | 0 |\n| t1 | 1 | 1 | 0 | 0 |\n| t2 | 1 | 1 | 1 | 0 |\n| t3 | 1 | 1 | 1 | 1 |\n',
    );
    await page.goto(new URL('/#v=2&mode=lengths&lq=40&causal=1&heads=1', harness.baseUrl).toString());
    await waitForResult(page);
    await page.locator('[data-testid="figure-menu-mask"] .figure-menu-toggle').click();
    await expect(page.locator('[data-testid="figure-menu-mask"] [data-action="text-mask"]').isDisabled()).resolves.toBe(true);
    expect(await page.locator('[data-testid="figure-menu-mask"] .figure-menu-note').textContent()).toContain('40 × 40');
    // Escape closes the menu and gives the focus back to its button
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="figure-menu-mask"] .figure-menu-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('figure-menu-toggle'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('PNG 2× of the whole pipeline and of the encoder–decoder view', async () => {
    const { page, errors } = await open('v=2&attn=encdec&causal=1&heads=1');
    await waitForResult(page);
    const svg = await parseSvg(page, (await download(page, 'encdec', 'svg')).bytes.toString('utf8'));
    // three attentions, a mask and a weights heatmap each
    expect(svg.title).toBe('Encoder–decoder attention');
    const png = await download(page, 'encdec', 'png-2');
    expect(png.name).toBe('maskscope-encdec-b0-h0@2x.png');
    expect(pngSize(png.bytes)).toEqual({ width: 2 * svg.width, height: 2 * svg.height });
    const pipelineSvg = await parseSvg(page, (await download(page, 'pipeline', 'svg')).bytes.toString('utf8'));
    const pipeline = await download(page, 'pipeline', 'png-2');
    expect(pngSize(pipeline.bytes)).toEqual({ width: 2 * pipelineSvg.width, height: 2 * pipelineSvg.height });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('print', () => {
  it('printing to PDF gives exactly one A4 and one Letter page: the handout with the formula, the mask and the weights, no control', async () => {
    const { page, errors } = await open('v=2&causal=1&step=masked');
    await waitForResult(page);
    await page.emulateMedia({ media: 'print' });
    await page.waitForSelector('[data-testid="print-handout"][data-ready="true"]');
    await page.waitForSelector('[data-testid="print-handout"] .katex');
    const seen = await page.evaluate(() => ({
      controls: [...document.querySelectorAll('button, select, input, textarea, [data-testid="status-time"], aside.controls')].filter((e) => e.getClientRects().length > 0).length,
      figures: [...document.querySelectorAll('[data-testid="print-handout"] svg.ms-figure')].map((s) => s.querySelector('title')?.textContent),
      summary: document.querySelector('.handout-summary')?.textContent,
      // the step's "outlined in orange" sentence speaks of the card on screen: the handout's figures have no outlines
      outlined: [...document.querySelectorAll('[data-testid="print-handout"] [data-sentence="outlined"]')].map((e) => e.getClientRects().length),
    }));
    expect(seen.outlined).toEqual([0]);
    expect(seen.controls).toBe(0);
    expect(seen.figures).toEqual(['Mask · batch item 0, head 0', 'Weights · batch item 0, head 0']);
    expect(seen.summary).toContain('causal (bottom-right)');
    for (const format of ['A4', 'Letter']) {
      const pdf = (await page.pdf({ format })).toString('latin1');
      expect([format, pdf.match(/\/Type\s*\/Page[^s]/g)?.length]).toEqual([format, 1]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
