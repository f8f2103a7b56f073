import { coldLoads, firstCalibration, interactions } from './appBench.mjs';
import { buildAndServe, launchBrowser } from './servers.mjs';
const which = process.argv[2] ?? 'l1024';
const URLS = {
  classroom: '/?mode=lengths&lq=64&b=2&heads=8&dk=64&causal=1&engine=auto',
  l1024: '/?mode=lengths&lq=1024&b=1&heads=8&dk=64&causal=1&engine=auto',
  l4096: '/?mode=lengths&lq=4096&b=1&heads=1&dk=64&causal=1&engine=auto',
};
const errors = [];
const browser = await launchBrowser();
const app = await buildAndServe();
try {
  if (which === 'cold') {
    const cold = await coldLoads(browser, `${app.url}/`, 5, errors);
    console.log('COLD', cold.map((r) => r.heatmapMs.toFixed(0)).join(' '));
  } else {
    const calibration = await firstCalibration(browser, `${app.url}/`, errors);
    const n = Number(process.argv[3] ?? 4);
    const r = await interactions(browser, `${app.url}${URLS[which]}`, { samples: n, warmup: 0, action: process.argv[4] ?? 'causal', calibration: calibration.text ?? null }, errors);
    console.log('RESULT', which, r.map((s) => s.ms.toFixed(0)).join(' '), 'longest', Math.max(...r.map((s) => s.longestTaskMs)));
  }
  if (errors.length) console.log('ERRORS', errors.slice(0, 5));
} finally { await app.close(); await browser.close(); process.exit(0); }
