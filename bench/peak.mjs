/**
 * The machine's measured peak (issue #13): bench/peak.c built with the system's C compiler
 * (gcc or cc, -O3 -march=native) and run on one core and on every core. Node only; null (with
 * the reason) where no compiler is found or the build fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('./peak.c', import.meta.url));

/** @returns {{ oneCore: number, allCores: number, threads: number, compiler: string } | { error: string }} GFLOP/s (float32, a fused multiply-add = 2 FLOPs) */
export function measurePeak() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'maskscope-peak-'));
  const exe = path.join(dir, 'peak');
  try {
    const compiler = ['gcc', 'cc'].find((c) => {
      try {
        execFileSync(c, ['-O3', '-march=native', '-mfma', '-pthread', SOURCE, '-o', exe], { stdio: 'pipe' });
        return true;
      } catch {
        return false;
      }
    });
    if (!compiler) return { error: 'no C compiler (gcc or cc) built bench/peak.c' };
    const threads = os.cpus().length;
    const lines = execFileSync(exe, [String(threads)], { encoding: 'utf8' }).trim().split('\n').map((l) => l.split(' ').map(Number));
    return { oneCore: lines[0][1], allCores: lines[1][1], threads, compiler };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
