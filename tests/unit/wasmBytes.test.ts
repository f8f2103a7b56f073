/**
 * The committed WebAssembly bytes (src/engine/wasm/attentionKernelsBytes.ts) are those of the
 * text they are generated from (attentionKernels.wat): recompiled here with wabt.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BYTES_PATH, compileKernels, kernelsModuleSource } from '../../scripts/build-wasm.mjs';
import { ATTENTION_KERNELS_BASE64 } from '../../src/engine/wasm/attentionKernelsBytes';

describe('attentionKernelsBytes.ts', () => {
  it('is what `node scripts/build-wasm.mjs` makes of attentionKernels.wat (regenerate it after editing the .wat)', async () => {
    expect(readFileSync(BYTES_PATH, 'utf8')).toBe(await kernelsModuleSource());
    expect(Buffer.from(ATTENTION_KERNELS_BASE64, 'base64')).toEqual(Buffer.from(await compileKernels()));
  });

  it('is a valid module exporting memory, scores and weightedSum', () => {
    const module = new WebAssembly.Module(Buffer.from(ATTENTION_KERNELS_BASE64, 'base64'));
    expect(WebAssembly.Module.exports(module).map((e) => `${e.kind} ${e.name}`).sort()).toEqual(['function scores', 'function weightedSum', 'memory memory']);
  });
});
