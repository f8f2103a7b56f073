/**
 * Renders the row inspector (src/ui/RowInspector.tsx) on hand-made slices for
 * tests/browser/row-inspector.test.ts, before the app shows it. window.rowInspectorTest.render
 * mounts it; the page keeps the row itself (as App would, through the Scenario's `row`) and
 * records every onRow / onClose call in `calls`.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from '../../src/ui/i18n';
import '../../src/ui/styles.css';
import { RowInspector } from '../../src/ui/RowInspector';
import { TranslationProvider } from '../../src/ui/i18n/useT';
import type { StageSlice } from '../../src/compute/slices';

const inf = Infinity;

/** Softmax over the allowed keys of one row (weights 0 elsewhere; all 0 when none is allowed). */
function softmaxRow(masked: number[], blocked: number[]): number[] {
  const allowed = masked.filter((_, k) => blocked[k] === 0);
  if (allowed.length === 0) return masked.map(() => 0);
  const max = Math.max(...allowed);
  const e = masked.map((v, k) => (blocked[k] === 0 ? Math.exp(v - max) : 0));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** A slice from rows of masked logits (−∞ = blocked) and per-row padded flags. */
function makeSlice(rows: number[][], padded: number[]): StageSlice {
  const Lq = rows.length;
  const Lk = rows[0]!.length;
  const blocked = rows.flatMap((r) => r.map((v) => (v === -inf ? 1 : 0)));
  const weights = rows.flatMap((r, q) => softmaxRow(r, blocked.slice(q * Lk, (q + 1) * Lk)));
  const logits = new Float32Array(rows.flatMap((r) => r.map((v) => (v === -inf ? 0 : v)))); // masked = where(mask, logits, −∞)
  return {
    batch: 0, head: 0, rows: Lq, cols: Lk, dV: 1,
    scores: logits, scaled: logits, logits,
    weights: new Float32Array(weights),
    mask: new Uint8Array(blocked.map((b) => 1 - b)), blocked: new Uint8Array(blocked),
    output: new Float32Array(Lq), paddedRows: new Uint8Array(padded),
    fullyMaskedRows: new Uint8Array(rows.map((r) => (r.every((v) => v === -inf) ? 1 : 0))),
  };
}

/** 3 queries over 4 keys: row 0 with key 2 blocked (one negative logit), row 1 fully masked, row 2 a padded query. */
const small = {
  slice: makeSlice([[1.2, -0.6, -inf, 0.3], [-inf, -inf, -inf, -inf], [0.4, -inf, -inf, -inf]], [0, 0, 1]),
  queryTokens: ['The', 'cat', '<pad>'],
  keyTokens: ['The', 'cat', 'sat', 'on'],
};

/** 1 query over 4096 keys, causal-like: keys 0..2047 allowed with seeded-looking values, the rest blocked. */
const long = (() => {
  const row = Array.from({ length: 4096 }, (_, k) => (k < 2048 ? 3 * Math.sin(k * 0.37) : -inf));
  return { slice: makeSlice([row], [0]), queryTokens: ['q0'], keyTokens: Array.from({ length: 4096 }, (_, k) => `t${k}`) };
})();

/** 2 queries over 20 keys of a sentence, causal (query 12 sees keys 0..12): rotated labels, small weights. */
const sentence = (() => {
  const words = 'When the students finally understood attention masks they cheered loudly and asked the teacher for harder examples about transformers today'.split(' ');
  const rows = [12, 19].map((q) => words.map((_, k) => (k <= q ? 2 * Math.cos(k * 1.3 + q) : -inf)));
  return { slice: makeSlice(rows, [0, 0]), queryTokens: [words[12]!, words[19]!], keyTokens: words };
})();

const CASES = { small, long, sentence } as const;
const calls: string[] = [];

function Page({ name, initialRow, large }: { name: keyof typeof CASES; initialRow: number; large: boolean }) {
  const c = CASES[name];
  const [row, setRow] = useState(initialRow);
  return (
    <RowInspector
      slice={c.slice}
      row={row}
      queryTokens={c.queryTokens}
      keyTokens={c.keyTokens}
      large={large}
      onRow={(r) => {
        calls.push(`row ${r}`);
        setRow(r);
      }}
      onClose={() => {
        calls.push('close');
        setRow(-1);
      }}
    />
  );
}

const root = createRoot(document.getElementById('root')!);
let mounts = 0;

/** Mounts the inspector on case `name` at `row` (a fresh mount each call), in `lang`. */
async function render(name: keyof typeof CASES, row: number, options: { large?: boolean; lang?: 'en' | 'zh' } = {}): Promise<void> {
  calls.length = 0;
  await i18next.changeLanguage(options.lang ?? 'en');
  root.render(
    <StrictMode>
      <TranslationProvider>
        <Page key={mounts++} name={name} initialRow={row} large={options.large ?? false} />
      </TranslationProvider>
    </StrictMode>,
  );
}

Object.assign(window, { rowInspectorTest: { render, calls } });
document.body.dataset.ready = 'true';
