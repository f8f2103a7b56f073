import { zoomGrid } from './renderGrid.mjs';
import { launchBrowser, startDevServer } from './servers.mjs';
const log = (...a) => console.log(...a);
const browser = await launchBrowser();
const dev = await startDevServer();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${dev.url}/bench/page.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
  const bench = (fn, ...args) => page.evaluate(({ fn, args }) => window.maskscopeBench[fn](...args), { fn, args });
  for (let k = 0; k < Number(process.argv[2] ?? 1); k++) {
    const r = await bench('render', 'sent', 4096, 3, 3000, true);
    console.log('SENT', JSON.stringify({ first: r?.warmupMs, median: r?.medianMs, pyramidMs: r?.pyramidMs, MiB: (r?.pyramidBytes ?? 0) / 2 ** 20 }));
    const zoom = await zoomGrid(bench, log, { L: 4096, pans: 24 });
    console.log('ZOOM', JSON.stringify({ p95: zoom.work.p95Ms, median: zoom.work.medianMs, frame95: zoom.frame.p95Ms }));
  }
} finally { await browser.close(); await dev.close?.(); process.exit(0); }
