// Types of scripts/build-wasm.mjs, for tests/unit/wasmBytes.test.ts.
export const WAT_PATH: string;
export const BYTES_PATH: string;
/** The module's bytes, compiled from attentionKernels.wat with the SIMD feature. */
export function compileKernels(): Promise<Uint8Array>;
/** The text of attentionKernelsBytes.ts for `bytes`. */
export function bytesModuleSource(bytes: Uint8Array): string;
/** The text attentionKernelsBytes.ts should have for the current .wat file. */
export function kernelsModuleSource(): Promise<string>;
