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
  reason: {
    chosen: 'chosen in the settings',
    softwareWebgl: 'auto: WebGL here is a software renderer ({{renderer}}), slower than plain JavaScript',
    noWebgl: 'no WebGL in this browser',
    small: 'auto: at this size GPU dispatch and read-back cost more than the work',
    large: 'auto: large enough for the GPU',
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
  preparingCpu: 'loading TensorFlow.js (CPU backend)…',
  projecting: 'projecting Q, K, V for the heads shown…',
};
