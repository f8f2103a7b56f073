// Scratch: screenshots of the viz demo. Usage: node tests/browser/viz-demo/shoot.mjs
import { chromium } from 'playwright-core';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const url = 'http://127.0.0.1:5290/tests/browser/viz-demo/index.html';
for (const dpr of [1, 2]) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1500 }, deviceScaleFactor: dpr });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.__vizDemo !== undefined);
  console.log('dpr', dpr, 'drawMs 512x512:', await page.evaluate(() => window.__vizDemo.drawMs.toFixed(1)));
  await page.screenshot({ path: `/tmp/viz-full-dpr${dpr}.png`, fullPage: true });
  if (dpr === 2) {
    // hover a cell of the weights heatmap: move to canvas position of (row 3, col 1)
    const box = await page.locator('#weights canvas').boundingBox();
    await page.mouse.move(box.x + 1.5 * 40, box.y + 3.5 * 40);
    await page.locator('#weights').screenshot({ path: '/tmp/viz-weights-hover.png' });
    console.log('readout', await page.textContent('#weights-readout'));
    await page.mouse.move(0, 0);
    // keyboard on scores
    await page.locator('#scores').focus();
    for (const k of ['ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(k);
    await page.locator('#scores').screenshot({ path: '/tmp/viz-scores-keyboard.png' });
    console.log('readout', await page.textContent('#scores-readout'));
    const bb = await page.locator('#big canvas').boundingBox();
    await page.mouse.move(bb.x + 300 * 2 + 1, bb.y + 200 * 2 + 1);
    await page.locator('#big').screenshot({ path: '/tmp/viz-big-hover.png' });
    console.log('readout', await page.textContent('#big-readout'));
  }
  if (errors.length) console.log('page errors:', errors);
  await page.close();
}
await browser.close();
