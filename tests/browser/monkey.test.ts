/**
 * Issue #11 §5: a monkey test. A few hundred seeded random actions on the real app — clicks on
 * any visible control, hostile text (HTML, <script>, RTL marks, emoji, 10,000 characters),
 * hostile numbers (1e309, -0, NaN, out of range), keys (← → Esc + − 0), presentation mode, window
 * sizes, Back — and after every few: no page or console error, no dialog, no script run from the
 * text, progress settles (`data-engine-running` 0, the result not stale), no NaN or "Infinity"
 * on screen; at the end the heap, after a GC, is back within a bound of where it started.
 * Seeded: MASKSCOPE_MONKEY_SEED overrides the seed (printed on failure), MASKSCOPE_MONKEY_ACTIONS the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mulberry32 } from '../../src/engine/random';
import { startHarness, type Harness, linkUrl } from './harness';

const SEED = Number(process.env.MASKSCOPE_MONKEY_SEED ?? 20261205);
const ACTIONS = Number(process.env.MASKSCOPE_MONKEY_ACTIONS ?? 150);
const CHECK_EVERY = 25;
/** Heap growth allowed from the first result to the same settings after every action, after a GC. */
const HEAP_BOUND_BYTES = 24 * 2 ** 20;
const START = '/?v=1&seed=3';

const HOSTILE_TEXT = [
  '<img src=x onerror="window.maskscopePwned=1">', '<script>window.maskscopePwned=1</script>', '"><svg onload="window.maskscopePwned=1">',
  '\u202Eevil\u202C \u200F\u200E', '👩‍👩‍👧‍👦 🐈‍⬛ 🇨🇳', 'x'.repeat(10_000), '1e309 -0 0x1F', '{{constructor.constructor}} ${7*7}', "'; DROP TABLE masks; --",
  '\u0000\u0007\uFFFF', '   ', 'a\n\n\nb\nc\nd\ne', '猫 狗 鸟', 'k <= q &&', '(((((((', 'q % 0 == k / 0', 'abs(q - k) <= 2', 'the cat sat',
];
const HOSTILE_NUMBERS = ['1e309', '-1e309', '-0', 'NaN', '-1', '0', '1e-300', '0.5', '3', '7', '99999999', '', '٣', '1,5', '2e1'];
const KEYS = ['ArrowLeft', 'ArrowRight', 'Escape', '+', '-', '0', 'Tab', 'Enter', ' '];
const SIZES = [[1400, 1000], [1280, 720], [390, 844], [1024, 768]] as const;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Marks every visible, enabled control with data-monkey-id and returns their kinds, in document order. */
function markControls(page: Page): Promise<{ kind: string; id: number }[]> {
  return page.evaluate(() => {
    const found: { kind: string; id: number }[] = [];
    const selector = 'button, input, select, textarea, [role="slider"], [tabindex="0"]';
    document.querySelectorAll<HTMLElement>(selector).forEach((el) => {
      if (el.getClientRects().length === 0 || (el as HTMLInputElement).disabled) return;
      const type = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
      const kind = type === 'number' ? 'number' : type === 'text' || type === 'textarea' || type === 'search' ? 'text' : type === 'select' ? 'select' : type === 'range' ? 'range' : 'click';
      el.dataset.monkeyId = String(found.length);
      found.push({ kind, id: found.length });
    });
    return found;
  });
}

/** Waits until nothing is computing and, where a result is shown, it is current; then checks the screen. */
async function checkSettled(page: Page, step: number): Promise<void> {
  await page.waitForFunction(() => {
    const running = Number(document.documentElement.getAttribute('data-engine-running') ?? 0);
    const stale = document.querySelector('[data-testid="result"]')?.getAttribute('data-stale');
    return running === 0 && stale !== 'true';
  }, null, { timeout: 60_000 }).catch(() => {
    throw new Error(`progress stuck after action ${step} (seed ${SEED})`);
  });
  const shown = await page.evaluate(() => {
    const texts = [document.body.innerText, ...[...document.querySelectorAll('svg text')].map((t) => t.textContent ?? ''),
      ...[...document.querySelectorAll<HTMLInputElement>('input[type="number"]')].map((i) => i.value)];
    return texts.filter((t) => /NaN|Infinity|undefined/.test(t)).map((t) => t.slice(0, 200));
  });
  expect(shown, `NaN/Infinity/undefined on screen after action ${step} (seed ${SEED})`).toEqual([]);
}

async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

describe('monkey test', () => {
  it(`${ACTIONS} seeded random actions (seed ${SEED}): no error, no script from text, progress settles, no NaN on screen, heap flat`, async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors: string[] = [];
    const log: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('popup', (p) => void p.close());
    const random = mulberry32(SEED);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    await page.goto(new URL(START, harness.baseUrl).toString());
    await checkSettled(page, 0);
    await page.waitForSelector('[data-testid="heatmap-weights"] canvas');
    const heapBefore = await usedHeap(page);
    const startLink = new URL(await linkUrl(page)).hash;
    expect(startLink).toMatch(/^#v=2&/);

    let missed = 0;
    for (let step = 1; step <= ACTIONS; step++) {
      const roll = random();
      try {
        if (roll < 0.55) {
          const controls = await markControls(page);
          if (controls.length === 0) continue;
          const control = pick(controls);
          const target = page.locator(`[data-monkey-id="${control.id}"]`);
          const options = { timeout: 1_000 };
          if (control.kind === 'text') {
            const text = pick(HOSTILE_TEXT);
            log.push(`${step}: type ${JSON.stringify(text.slice(0, 30))} into #${control.id}`);
            await target.fill(text, options);
            await target.press(random() < 0.5 ? 'Enter' : 'Tab', options);
          } else if (control.kind === 'number') {
            const value = pick(HOSTILE_NUMBERS);
            log.push(`${step}: number ${JSON.stringify(value)} into #${control.id}`);
            await target.fill(value, options).catch(() => target.pressSequentially(value, options));
            await target.press('Enter', options);
          } else if (control.kind === 'select') {
            const values = await target.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
            const value = pick(values);
            log.push(`${step}: select ${value} in #${control.id}`);
            await target.selectOption(value, options);
          } else {
            log.push(`${step}: click #${control.id} ${await target.evaluate((el) => el.textContent?.slice(0, 30) ?? el.getAttribute('aria-label'))}`);
            await target.click(options);
          }
        } else if (roll < 0.75) {
          const key = pick(KEYS);
          log.push(`${step}: key ${key}`);
          await page.keyboard.press(key);
        } else if (roll < 0.82) {
          const [width, height] = pick(SIZES);
          log.push(`${step}: size ${width}×${height}`);
          await page.setViewportSize({ width, height });
        } else if (roll < 0.9) {
          log.push(`${step}: present`);
          const present = page.getByRole('button', { name: 'Present', exact: true });
          if (await present.count()) await present.first().click({ timeout: 1_000 });
          else await page.keyboard.press('Escape');
        } else if (roll < 0.95) {
          log.push(`${step}: back`);
          // never past the app's first entry (index 0 of the Navigation API): before it is about:blank, a navigation away
          await page.evaluate(() => {
            const { navigation } = window as unknown as { navigation?: { currentEntry?: { index: number } } };
            if ((navigation?.currentEntry?.index ?? 0) > 0) history.back();
          });
        } else {
          // a mask or length change by link, as a teacher's next link would
          // the fragment, as links carry the state (a pushed '?…' would leave location.hash empty: the defaults)
          const search = pick(['#v=2&causal=1&lq=12&lk=12&mode=lengths', '#v=2&attn=cross&causal=1&align=br', '#v=2&m=window(W=3)&alibi=1&cap=5', '#v=2&attn=encdec', '#v=2&present=1&step=weights', '#v=2&cm=k%3C%3Dq&heads=8&lq=32']);
          log.push(`${step}: link ${search}`);
          await page.evaluate((s) => {
            history.pushState(null, '', s);
            window.dispatchEvent(new PopStateEvent('popstate'));
          }, search);
        }
      } catch (error) {
        // a control that moved or went away under the pointer is not a failure of the app
        if (!(error instanceof Error && /Timeout|detached|not attached|not visible|not an? |strict mode|outside of the viewport|intercepts pointer/i.test(error.message))) throw error;
        missed++;
      }
      if (errors.length) throw new Error(`after action ${step} (seed ${SEED}): ${errors.join(' | ')}\n${log.slice(-8).join('\n')}`);
      if (step % CHECK_EVERY === 0) await checkSettled(page, step);
    }
    await checkSettled(page, ACTIONS);
    expect(await page.evaluate(() => (window as { maskscopePwned?: number }).maskscopePwned)).toBeUndefined();
    // back to the first settings, in the same page, and measure again
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.evaluate((s) => {
      history.pushState(null, '', s);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, startLink);
    await page.waitForFunction((s) => location.hash === s, startLink);
    await checkSettled(page, ACTIONS + 1);
    await page.waitForSelector('[data-testid="heatmap-weights"] canvas');
    const heapAfter = await usedHeap(page);
    console.info(`monkey (seed ${SEED}): ${ACTIONS} actions (${missed} missed a moving control), heap ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MiB`);
    expect(heapAfter - heapBefore, `heap grew (seed ${SEED})`).toBeLessThan(HEAP_BOUND_BYTES);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
