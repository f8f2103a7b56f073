/**
 * Runs Python snippets with a real PyTorch, all in one process (importing torch takes a second or
 * two), through scripts/pytorch-check.py.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Python with PyTorch: $PYTHON, else Debian's /usr/bin/python3 (the pyenv python3 on PATH may lack torch). */
export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

const RUNNER = fileURLToPath(new URL('../../scripts/pytorch-check.py', import.meta.url));

export type SnippetResult =
  | { shape: number[]; dtype: string; values: number[] }
  | { error: string };

/**
 * The PyTorch version, or throws a clear message when PYTHON cannot import torch.
 * @throws Error naming the Python and saying how to install python3-torch.
 */
export function torchVersion(): string {
  const run = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 120_000 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : run.stderr.trim().split('\n').slice(-1)[0] ?? '';
    throw new Error(
      `The PyTorch check needs PyTorch: '${PYTHON} -c "import torch"' failed (${why}). ` +
      'Install Debian\'s PyTorch with `apt-get install -y python3-torch` (then /usr/bin/python3 has it), ' +
      'or point $PYTHON at a Python that has torch.',
    );
  }
  return run.stdout.trim();
}

/** A fresh temporary directory for one test file's snippets. */
export function snippetDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `maskscope-${prefix}-`));
}

/**
 * A Python with real JAX and TensorFlow, when $FRAMEWORKS_PYTHON names one (e.g. a venv with
 * `pip install "jax[cpu]" tensorflow-cpu`): the JAX and TensorFlow snippets are then run for real
 * too. Unset, the JAX snippets run with NumPy standing in for jax.numpy and TensorFlow is skipped.
 */
export const FRAMEWORKS_PYTHON = process.env.FRAMEWORKS_PYTHON || null;

/**
 * Writes each snippet to `dir/<name>.py` and runs them all with one Python process.
 * @param options.python the interpreter (default PYTHON).
 * @param options.shim a directory put first on sys.path (e.g. a `jax` package that is NumPy).
 * @returns each snippet's mask (shape, dtype, flat 0/1 values) or its Python traceback, by name.
 * @throws Error when the runner itself fails (not when a snippet does).
 */
export function runSnippets(
  dir: string,
  snippets: ReadonlyMap<string, string>,
  options: { python?: string; shim?: string } = {},
): Map<string, SnippetResult> {
  const python = options.python ?? PYTHON;
  const shim = options.shim;
  const manifest = [...snippets].map(([name, code]) => {
    const path = join(dir, `${name.replace(/[^A-Za-z0-9_-]+/g, '_')}.py`);
    writeFileSync(path, code);
    return { name, path };
  });
  const manifestPath = join(dir, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const run = spawnSync(python, [RUNNER, manifestPath, ...(shim ? [shim] : [])], {
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error || run.status !== 0) {
    throw new Error(`${python} ${RUNNER} failed: ${run.error?.message ?? run.stderr}`);
  }
  const parsed = JSON.parse(run.stdout) as { results: Record<string, SnippetResult> };
  return new Map(Object.entries(parsed.results));
}

/**
 * A `jax` package whose `jax.numpy` is NumPy, so the JAX snippets run where JAX is not installed.
 * NumPy computes in int64/float64 where JAX uses int32/float32; for the small masks of the check
 * the values are the same.
 */
export function numpyAsJax(dir: string): string {
  const shim = join(dir, 'numpy-as-jax');
  mkdirSync(join(shim, 'jax'), { recursive: true });
  writeFileSync(join(shim, 'jax', '__init__.py'), '"""Stand-in for JAX in the PyTorch check: jax.numpy is NumPy."""\n');
  writeFileSync(join(shim, 'jax', 'numpy.py'), 'from numpy import *  # noqa: F401,F403\nfrom numpy import bool_, float32, int32  # noqa: F401\n');
  return shim;
}

/** Shortens a Python traceback to its last lines, for a test failure message. */
export function tail(text: string, lines = 8): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
