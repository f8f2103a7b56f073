/** What this browser's WebGL and tfjs offer, for the report's "Machine and browser" section. */
import { probeDevice } from '../src/worker/probe';
import { choosePath } from '../src/engine/pathChoice';
import { ensureTfBackend } from '../src/worker/tfSession';

/** A lost WebGL context: reported as a page error (listed in BENCHMARKS.md), since every figure after it is suspect. */
export function contextLost(): void {
  throw new Error('the WebGL context was lost during the benchmark');
}

interface WebGLInfo {
  vendor: string;
  renderer: string;
  version: string;
  highpFloat: { rangeMin: number; rangeMax: number; precision: number } | null;
  debugInfoAvailable: boolean;
  timerQuery: boolean;
}

function webglInfo(): WebGLInfo | null {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const p = gl.getShaderPrecisionFormat(gl.FRAGMENT_SHADER, gl.HIGH_FLOAT);
  return {
    vendor: String(gl.getParameter(debug ? debug.UNMASKED_VENDOR_WEBGL : gl.VENDOR)),
    renderer: String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
    version: String(gl.getParameter(gl.VERSION)),
    highpFloat: p ? { rangeMin: p.rangeMin, rangeMax: p.rangeMax, precision: p.precision } : null,
    debugInfoAvailable: debug !== null,
    timerQuery: gl.getExtension('EXT_disjoint_timer_query_webgl2') !== null || gl.getExtension('EXT_disjoint_timer_query') !== null,
  };
}

/** WebGL, the tfjs WebGL backend, the probed device and what auto picks below / above 2^18 cells. */
export async function info() {
  const backend = await ensureTfBackend('webgl', contextLost);
  const device = probeDevice();
  const auto = [1 << 12, 1 << 24].map((cells) => ({ cells, ...choosePath('auto', device, cells) }));
  return { webgl: webglInfo(), backend, device, auto, userAgent: navigator.userAgent, devicePixelRatio: window.devicePixelRatio };
}
