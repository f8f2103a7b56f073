/**
 * Accessibility and the page's look in real Chromium (issue #12 §3 themes, §6): axe-core on the
 * main views in the light and the dark theme (no violations at all, and the heatmaps' axis
 * labels and legends measured, not left for review), the skip link, the theme choice kept
 * across a reload, the padded rows' fade following the theme, reduced motion, and touch targets of
 * at least 44 px on a touch screen.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness, waitForResult, linkUrl } from './harness';
import { PADDED_ROW_GREY, PADDED_ROW_GREY_DARK } from '../../src/viz/colorScales';
import { FADE_AMOUNT, packCssColor } from '../../src/viz/cellColors';
import { THEME_STORAGE_KEY } from '../../src/ui/theme';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

type Scheme = 'light' | 'dark';

/** Opens `path` at 1280×720 with the system's colour scheme `scheme`; `errors` collects console errors. */
async function open(path: string, scheme: Scheme, reducedMotion: 'reduce' | 'no-preference' = 'no-preference') {
  const page = await harness.browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: scheme, reducedMotion });
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, harness.baseUrl).toString());
  return { page, errors };
}

async function waitForEncDec(page: Page): Promise<void> {
  await waitForResult(page);
  for (const part of ['encoder', 'decoder', 'cross']) await page.waitForSelector(`[data-testid="encdec-${part}-weights"] canvas`);
}

async function waitForPresent(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="present-view"] [data-testid="heatmap-weights"] canvas', { timeout: 60_000 });
  await page.locator('[data-testid="step-formula"] .katex').waitFor();
}

const VIEWS: { name: string; path: string; ready(page: Page): Promise<void> }[] = [
  { name: 'the default view', path: '/#v=2', ready: (p) => waitForResult(p) },
  { name: 'a padded cross-attention batch', path: '/#v=2&attn=cross&b=2&causal=1', ready: (p) => waitForResult(p) },
  { name: 'presentation mode on the Weights step', path: '/#v=2&present=1&step=weights&causal=1', ready: waitForPresent },
  { name: 'the encoder–decoder view', path: '/#v=2&attn=encdec&causal=1', ready: waitForEncDec },
  { name: 'the Chinese UI', path: '/#v=2&lang=zh&causal=1', ready: (p) => waitForResult(p) },
];

/** The SVG text of heatmap axes, titles, row notes and legends. */
const LABELS = '.ms-row-labels, .ms-col-labels, .ms-titles, .ms-row-notes, .ms-legend';

interface Audit {
  violations: string[];
  /** colour-contrast "needs review" items on LABELS */
  labelReviews: string[];
  /** LABELS texts whose contrast axe measured and passed */
  labelPasses: number;
}

/** Runs axe-core (all rules of the page) and sorts what it says about the labels. */
async function audit(page: Page): Promise<Audit> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async (labels) => {
    interface AxeNode { element: Element; target: string[]; any: { message: string }[] }
    interface AxeRule { id: string; impact: string; nodes: AxeNode[] }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Record<'violations' | 'incomplete' | 'passes', AxeRule[]>> } }).axe;
    const result = await axe.run(document, { elementRef: true });
    const onLabels = (rules: AxeRule[]) => rules.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes).filter((n) => n.element.closest(labels) !== null);
    return {
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      labelReviews: onLabels(result.incomplete).map((n) => `${n.element.textContent ?? ''}: ${n.any[0]?.message ?? ''}`),
      labelPasses: onLabels(result.passes).length,
    };
  }, LABELS);
}

/** Relative luminance (WCAG 2) of the page's background, in [0, 1]. */
function pageLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.documentElement).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number) as [number, number, number];
    const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

describe('axe-core on the main views', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const view of VIEWS) {
      it(`${view.name}, ${scheme} theme (system setting): no violations, and every axis label and legend text measured, none left for review`, async () => {
        const { page, errors } = await open(view.path, scheme);
        await view.ready(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        if (scheme === 'dark') expect(await pageLuminance(page)).toBeLessThan(0.05);
        else expect(await pageLuminance(page)).toBeGreaterThan(0.8);
        if (view.path.includes('lang=zh')) expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        const result = await audit(page);
        expect(result.violations).toEqual([]);
        expect(result.labelReviews).toEqual([]);
        expect(result.labelPasses).toBeGreaterThan(10);
        expect(errors).toEqual([]);
        await page.close();
      }, 120_000);
    }
    it(`a cell highlighted (the other axis labels set back, heatmapOverlay.ts DIMMED_ATTR), ${scheme} theme: no violations`, async () => {
      const { page, errors } = await open('/#v=2&causal=1', scheme);
      await waitForResult(page);
      await page.getByTestId('heatmap-weights').focus(); // highlights (0, 0)
      await page.waitForFunction(() => document.querySelector('[data-testid="heatmap-weights"] .ms-row-labels')?.hasAttribute('data-dimmed'));
      expect((await audit(page)).violations).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});

describe('skip link', () => {
  it('Tab once shows "Skip to the heatmaps" first; Enter moves focus to the current stage\'s heatmap, the link state unchanged', async () => {
    const { page, errors } = await open('/#v=2&causal=1&step=weights', 'light');
    await waitForResult(page);
    const before = (await linkUrl(page));
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const box = a.getBoundingClientRect();
      return { text: a.textContent, tag: a.tagName, top: box.top, height: box.height };
    });
    expect(link).toMatchObject({ text: 'Skip to the heatmaps', tag: 'A' });
    expect(link.top).toBeGreaterThanOrEqual(0); // on screen while focused
    expect(link.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('heatmap'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('heatmap-weights');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    expect(await linkUrl(page)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese it reads 跳到热力图; in presentation mode it lands on the step\'s heatmap', async () => {
    const { page } = await open('/#v=2&lang=zh&present=1&step=scores', 'dark');
    await page.waitForSelector('[data-testid="present-view"] [data-testid="heatmap-scores"] canvas', { timeout: 60_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到热力图');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'heatmap-scores');
    await page.close();
  });
});

describe('theme', () => {
  it('the header\'s Theme choice switches at once, is kept in localStorage (not in the link) across a reload, and System follows the system', async () => {
    const { page, errors } = await open('/#v=2', 'light', 'reduce'); // no colour fade: the new theme shows at once
    await waitForResult(page);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    await page.getByLabel('Theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await pageLuminance(page)).toBeLessThan(0.05);
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBe('dark');
    expect(await linkUrl(page)).not.toContain('theme');
    await page.reload();
    await waitForResult(page);
    expect(await theme()).toBe('dark'); // the system still says light
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
    await page.getByLabel('Theme').selectOption('system');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('padded rows fade toward the theme\'s grey: every channel of a padded cell within the range the fade allows', async () => {
    // Fading mixes FADE_AMOUNT of the grey g into any colour c: each channel lies in
    // [FADE_AMOUNT·g, FADE_AMOUNT·g + (1 − FADE_AMOUNT)·255].
    const range = (grey: string) => [16, 8, 0].map((s) => (((packCssColor(grey) as number) >> s) & 255) * FADE_AMOUNT).map((lo) => [Math.floor(lo), Math.ceil(lo + (1 - FADE_AMOUNT) * 255)]);
    for (const [scheme, grey] of [['light', PADDED_ROW_GREY], ['dark', PADDED_ROW_GREY_DARK]] as const) {
      const { page } = await open('/#v=2&present=1&step=weights', scheme);
      await waitForPresent(page);
      // batch item 0, "The dog barked" and 3 pads: row 4 is a padded query row
      const pixel = await page.evaluate(() => {
        const canvas = document.querySelector('[data-testid="heatmap-weights"] canvas') as HTMLCanvasElement;
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        return Array.from(ctx.getImageData(Math.round(canvas.width * 0.5 / 6), Math.round(canvas.height * 4.5 / 6), 1, 1).data.slice(0, 3));
      });
      range(grey).forEach(([lo, hi], ch) => {
        expect(pixel[ch], `${scheme} channel ${ch}`).toBeGreaterThanOrEqual(lo as number);
        expect(pixel[ch], `${scheme} channel ${ch}`).toBeLessThanOrEqual(hi as number);
      });
      await page.close();
    }
  });
});

describe('reduced motion', () => {
  /** Computed scroll behaviour of the page and transition duration of a button. */
  const motion = (page: Page) => page.evaluate(() => ({
    scroll: getComputedStyle(document.documentElement).scrollBehavior,
    transition: getComputedStyle(document.querySelector('button') as Element).transitionDuration,
  }));

  it('without a preference colours fade when the theme changes; with prefers-reduced-motion: reduce, no transition and no smooth scrolling', async () => {
    const { page } = await open('/#v=2', 'light', 'no-preference');
    await waitForResult(page);
    expect((await motion(page)).transition.split(',').some((d) => parseFloat(d) > 0)).toBe(true);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('button') as Element).transitionDuration.split(',').every((d) => parseFloat(d) === 0));
    expect((await motion(page)).scroll).toBe('auto');
    await page.close();
  });

  for (const [preference, jumps] of [['reduce', true], ['no-preference', false]] as const) {
    it(`prefers-reduced-motion: ${preference}: the skip link ${jumps ? 'jumps (the heatmap is on screen as soon as the link\'s handler returns)' : 'scrolls smoothly (the heatmap is still off screen when the handler returns)'}`, async () => {
      const { page } = await open('/#v=2&causal=1&step=output', 'light', preference);
      await page.setViewportSize({ width: 1280, height: 480 }); // the stages start below the fold
      await waitForResult(page);
      const onScreen = () => page.evaluate(() => {
        const r = (document.querySelector('[data-testid="heatmap-output"]') as Element).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
      });
      expect(await onScreen()).toBe(false);
      // Where the heatmap is once the handler that focused it (and scrolled) has returned: a
      // microtask queued on focus runs then, before any frame of a smooth scroll.
      await page.evaluate(() => {
        document.addEventListener('focusin', (e) => {
          if ((e.target as HTMLElement).dataset.testid !== 'heatmap-output') return;
          queueMicrotask(() => {
            const r = (e.target as Element).getBoundingClientRect();
            document.documentElement.dataset.landedOnScreen = String(r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth);
          });
        });
      });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.dataset.landedOnScreen !== undefined);
      expect(await page.evaluate(() => document.documentElement.dataset.landedOnScreen)).toBe(String(jumps));
      await page.waitForFunction(() => {
        const r = (document.activeElement as Element).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; // and either way it gets there
      });
      await page.close();
    });
  }
});

describe('touch targets', () => {
  /** Visible buttons, drop-downs and section toggles under 44 px, and radios and checkboxes under 24 px, a side: "tag.class w×h". */
  const smallTargets = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('button, select, .fold-toggle, input[type=radio], input[type=checkbox]')]
    .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
    .map((e) => ({ e, r: e.getBoundingClientRect(), min: e.matches('input') ? 24 : 44 }))
    .filter(({ r, min }) => r.width < min || r.height < min)
    .map(({ e, r }) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.width)}×${Math.round(r.height)}`));

  for (const [name, path] of [['the Chinese UI', '/#v=2&lang=zh&causal=1'], ['presentation mode', '/#v=2&present=1&step=weights&causal=1'], ['the encoder–decoder view', '/#v=2&attn=encdec&causal=1']] as const) {
    it(`on a 1024×768 touch screen, ${name}: every button, drop-down and section toggle ≥ 44 px a side, radios and checkboxes ≥ 24 px`, async () => {
      const context = await harness.browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.goto(new URL(path, harness.baseUrl).toString());
      await page.waitForSelector('[data-testid="heatmap-weights"] canvas, [data-testid="encdec-cross-weights"] canvas', { timeout: 60_000 });
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      expect(await smallTargets(page)).toEqual([]);
      await context.close();
    });
  }

  it('with a mouse the controls stay compact: the drop-downs are under 44 px tall', async () => {
    const { page } = await open('/#v=2&causal=1', 'light');
    await waitForResult(page);
    const heights = await page.locator('select').evaluateAll((all) => all.filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    expect(heights.every((h) => h < 44)).toBe(true);
    await page.close();
  });
});
