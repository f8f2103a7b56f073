// Scratch: screenshots of the viz demo. Usage: node tests/browser/viz-demo/shoot.mjs
import { chromium } from 'playwright-core';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const url = 'http://127.0.0.1:5290/tests/browser/viz-demo/index.html';
for (const dpr of [1, 1.5, 2]) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1500 }, deviceScaleFactor: dpr });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.__vizDemo !== undefined);
  console.log('dpr', dpr, 'drawMs 512x512:', await page.evaluate(() => window.__vizDemo.drawMs.toFixed(1)));
  await page.screenshot({ path: `/tmp/viz-full-dpr${dpr}.png`, fullPage: true });
  if (dpr === 1.5) await page.locator('#weights').screenshot({ path: '/tmp/viz-weights-dpr1.5.png' });
  if (dpr === 2) {
    await page.locator('#cross').screenshot({ path: '/tmp/viz-cross.png' });
    await page.locator('#mid').screenshot({ path: '/tmp/viz-mid.png' });
    await page.evaluate(() => {
      const { handles, rowSpec } = window.__vizDemo;
      handles.scores.update({ ...rowSpec, highlight: { row: 2, col: -1 } });
    });
    await page.locator('#scores').screenshot({ path: '/tmp/viz-scores-row-highlight.png' });
    await page.evaluate(() => {
      const { handles, rowSpec } = window.__vizDemo;
      handles.scores.update({ ...rowSpec, highlight: null });
    });
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
  if (dpr === 2) {
    const r = await page.evaluate(() => {
      const { handles, bigSpec } = window.__vizDemo;
      const h = handles.big;
      const canvases = () => document.querySelectorAll('#big canvas').length;
      let t0 = performance.now();
      for (let i = 0; i < 50; i++) h.update({ ...bigSpec, highlight: { row: i, col: i * 3 } });
      const hl = (performance.now() - t0) / 50;
      t0 = performance.now();
      for (let i = 0; i < 5; i++) h.update({ ...bigSpec, values: bigSpec.values.map((v) => v * 0.5) });
      const full = (performance.now() - t0) / 5;
      h.update({ ...bigSpec, highlight: null });
      const host = document.getElementById('mid');
      handles.mid.destroy();
      const restored = host.getAttribute('tabindex') === null && host.children.length === 0;
      return { hl: hl.toFixed(2), full: full.toFixed(1), canvases: canvases(), restored };
    });
    const edge = await page.evaluate(() => {
      const { drawHeatmap, sequentialScale } = window.__vizDemo.api;
      const host = document.createElement('div');
      document.body.append(host);
      const out = [];
      const base = { rowLabels: [], colLabels: [], color: sequentialScale(), ariaLabel: 'edge' };
      try {
        const h = drawHeatmap(host, { ...base, values: [], rows: 0, cols: 0 });
        out.push('0x0 ok');
        h.update({ ...base, values: [0.5], rows: 1, cols: 1, highlight: { row: 0, col: 0 } });
        out.push('1x1 ok ' + host.querySelectorAll('canvas').length);
        h.update({ ...base, values: new Float32Array(300 * 7), rows: 300, cols: 7, highlight: { row: 299, col: 9 } });
        out.push('300x7 ok, outline rects ' + host.querySelectorAll('.ms-outline rect').length);
        try { h.update({ ...base, values: [1, 2], rows: 1, cols: 1 }); } catch (e) { out.push(String(e)); }
        h.destroy();
      } catch (e) { out.push('ERR ' + e); }
      return out;
    });
    console.log(edge);
    console.log('highlight-only update ms', r.hl, 'values update ms', r.full, 'canvases', r.canvases, 'destroy restores host', r.restored);
  }
  if (errors.length) console.log('page errors:', errors);
  await page.close();
}
await browser.close();
