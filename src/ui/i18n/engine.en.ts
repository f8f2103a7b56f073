/**
 * English strings of the engine path (settings picker and status line), merged as
 * `engine: engineEn` into en.ts. Keys are shared with engine.zh.ts.
 */
export const engineEn = {
  label: 'Engine',
  choice: {
    auto: 'Auto (fastest here)',
    js: 'JavaScript',
    webgl: 'WebGL (TensorFlow.js)',
    cpu: 'CPU (TensorFlow.js)',
  },
  hint: 'Auto picks the fastest path for this device and size; the status line says which ran and why.',
  path: {
    js: 'JavaScript',
    webgl: 'WebGL{{version}} (TensorFlow.js)',
    cpu: 'CPU (TensorFlow.js)',
  },
  why: 'auto (why?)',
  reason: {
    chosen: 'chosen in the settings',
    softwareWebgl: 'auto, this device not measured yet: WebGL here is a software renderer ({{renderer}}), slower than plain JavaScript',
    noWebgl: 'no WebGL in this browser: plain JavaScript is the only fast path, nothing to measure',
    small: 'auto, this device not measured yet: at this size GPU dispatch and read-back cost more than the work',
    large: 'auto, this device not measured yet: large enough for the GPU',
    calibratedJs: 'auto, measured on this device: plain JavaScript is faster at this size',
    calibratedWebgl: 'auto, measured on this device: WebGL is faster at this size',
    gpuFault: 'WebGL set aside after a GPU fault, until it passes a check',
    float16Long: 'this GPU computes in float16, exact for positions only up to 2048: plain JavaScript gives the right numbers',
  },
  calibration: {
    figures: 'measured on {{renderer}}: JavaScript {{js}}; WebGL {{webgl}}',
    cost: '{{perCell}} µs/cell + {{fixed}} ms',
    perCell: '{{perCell}} µs/cell',
    noWebgl: 'did not start',
  },
  onPage: {
    mask: 'on the page (only masks or modifiers changed: Q, K, V and scores kept)',
    whole: 'on the page (small enough to skip the worker)',
  },
  preparing: 'preparing the GPU engine (compiling shaders)…',
  progress: 'computing… {{percent}}%',
  onDemand: 'large: heads are computed when shown ({{count}} of {{total}} ready)',
  headPending: 'Computing head {{head}} of batch item {{batch}}…',
  notComputed: 'not computed yet: click to compute',
  exportNeedsAllHeads: 'Export needs every head computed: at this size only the head on screen is. Lower the lengths or the number of heads to export.',
  workers: 'heads shared by {{count}} workers, one per core',
  simd: 'matrix products in WebAssembly SIMD',
  preparingCpu: 'loading TensorFlow.js (CPU backend)…',
  projecting: 'projecting Q, K, V for the heads shown…',
  fault: {
    contextLost: 'The GPU’s WebGL context was lost. Nothing computed after the loss is shown; the numbers are computed again in plain JavaScript.',
    stalled: 'The engine stopped reporting progress for {{seconds}} s, so it was restarted; the numbers are computed again in plain JavaScript.',
    crashed: 'The engine worker crashed ({{reason}}), so it was restarted; the numbers are computed again in plain JavaScript.',
    restored: 'WebGL is back: it passed a check against the float64 reference, and is used again.',
    checkFailed: 'WebGL is still set aside: {{detail}}. Plain JavaScript gives the same numbers, more slowly; reload the page to try the GPU again.',
    checking: 'WebGL will be used again once it passes a check against the float64 reference.',
    dismiss: 'Dismiss',
  },
};
