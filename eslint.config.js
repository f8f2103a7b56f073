// Lint, including the layering of DESIGN.md §2 and docs/architecture.md: ui → compute, viz;
// compute → scenario, worker/protocol; scenario → engine, state. Nothing imports ui/; engine and
// state import nothing of the app above them and never touch the DOM; viz never sees tensors or
// React; compute is plain TypeScript (no React).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const DOM_GLOBALS = ['window', 'document', 'location', 'navigator', 'localStorage', 'history'].map((name) => ({
  name,
  message: 'engine/ and state/ are pure: no DOM. Pass what you need in from ui/.',
}));
const noUi = { group: ['**/ui/*', '**/ui'], message: 'Only ui/ may import ui/.' };
const noViz = { group: ['**/viz/*', '**/viz', 'd3', 'd3-*'], message: 'engine/ and state/ do not draw: no viz/ or d3.' };
const noReact = { group: ['react', 'react-dom', 'react-dom/*', 'react-i18next', 'i18next'], message: 'React and i18n live in ui/ only.' };
const noCompute = { group: ['**/compute/*', '**/compute'], message: 'compute/ is the page\'s engine client: only ui/ uses it.' };
const noWorker = { group: ['**/worker/*', '**/worker'], message: 'scenario/ does not know the worker.' };
// The page never loads tfjs itself: the engine worker does, after the first paint.
const noEngineRun = { group: ['**/engine/attention', '**/engine/backend', '**/engine/tfChunks', '**/engine/runner', '**/engine/maskTensor', '**/engine/mask/compile'], message: 'Only the engine worker (src/worker/) runs the engine (and loads tfjs).' };
const noStaticTf = { group: ['**/engine/attention', '**/engine/backend', '**/engine/tfChunks', '**/engine/tfStages', '**/engine/maskTensor', '**/engine/mask/compile'], message: 'The worker loads tfjs with import() only (tfSession.ts), so the plain-JS path never downloads it.' };
const noTfjs = { group: ['@tensorflow/*'], message: 'Tensors never leave engine/.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'BENCHMARKS.md'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Seeded randomness only (src/engine/random.ts).' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi, noViz, noReact, { group: ['**/state/*', '**/state'], message: 'engine/ does not depend on state/.' }] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi, noViz, noReact, noTfjs, { group: ['**/engine/*', '**/engine'], message: 'state/ does not depend on engine/.' }] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/viz/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi, noReact, noTfjs, { group: ['**/state/*', '**/state'], message: 'viz/ receives plain arrays, not the Scenario.' },
        { regex: '(^|/)engine(/(?!(poolPyramid|thresholds)$)[^/]+)?$', message: 'viz/ receives plain arrays: of the engine only the pooled pyramid (poolPyramid.ts) and its threshold.' }] }],
    },
  },
  {
    // Scenario → engine inputs: joins state/ and engine/; pure, no tfjs, no DOM.
    files: ['src/scenario/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi, noViz, noReact, noTfjs, noCompute, noWorker] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((g) => ({ ...g, message: 'scenario/ is pure: no DOM.' }))],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The engine client: workers, on-page compute, merging, progress, faults; plain TypeScript, no React.
    files: ['src/compute/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi, noViz, noReact, noTfjs, noEngineRun] }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The engine worker: derives inputs and runs the engine; no React, no drawing.
    files: ['src/worker/**/*.ts'],
    rules: {
      // tfjs only through import() (tfSession.ts): the worker's own chunk loads without it
      'no-restricted-imports': ['error', { patterns: [noUi, noViz, noReact, noCompute, noTfjs, noStaticTf] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((g) => ({ ...g, message: 'A worker has no DOM.' }))],
    },
  },
  {
    // The page never loads tfjs itself: the engine worker does, after the first paint.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noTfjs, noEngineRun] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
