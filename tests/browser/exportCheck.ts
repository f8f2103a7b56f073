/** Export JSON from the real app, and its numbers against the float64 reference. */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { referenceAttention } from '../../src/engine/reference';
import { deriveInputs } from '../../src/scenario/derive';
import { nest, type ExportDocument } from '../../src/ui/exportJson';
import { expectArraysClose } from '../helpers/arrays';

/** Clicks Export JSON and reads the downloaded document. */
export async function exportJson(page: Page): Promise<ExportDocument> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as ExportDocument;
}

/** Recomputes the exported scenario with the float64 reference and compares every stage. */
export function expectMatchesReference(doc: ExportDocument, tolerance = 1e-4): void {
  const derived = deriveInputs(doc.scenario);
  if (!derived.ok) throw new Error(`scenario did not derive: ${derived.error}`);
  const ref = referenceAttention(derived.inputs);
  const { batch: B, heads: H, queryLength: Lq, keyLength: Lk, dV } = ref.shape;
  expect(doc.shape).toEqual(ref.shape);
  expect(doc.mask.flat(3)).toEqual([...ref.mask].map((m) => m === 1));
  expectArraysClose(doc.q.flat(3), derived.inputs.q, 0);
  expectArraysClose(doc.scores.flat(3), nest(ref.scores, [B, H, Lq, Lk]).flat(3), tolerance);
  expectArraysClose(doc.scaled.flat(3), nest(ref.scaled, [B, H, Lq, Lk]).flat(3), tolerance);
  expectArraysClose(doc.logits.flat(3), nest(ref.logits, [B, H, Lq, Lk]).flat(3), tolerance);
  expectArraysClose(doc.weights.flat(3), nest(ref.weights, [B, H, Lq, Lk]).flat(3), tolerance);
  expectArraysClose(doc.output.flat(3), nest(ref.output, [B, H, Lq, dV]).flat(3), tolerance);
}
