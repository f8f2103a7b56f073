/**
 * Benchmark page for bench/run.mjs: exposes window.maskscopeBench, whose functions each measure
 * one thing in this browser and return plain JSON. Timings are wall-clock (performance.now).
 */
import { compute, deriveTiming, pairAutoBaseline, warmJit } from './compute';
import { info } from './device';
import { jsStages } from './jsStages';
import { memory } from './memory';
import { prepareRender, render, zoomPan } from './render';
import { tfKernelNames, tfStages } from './tfProfile';
import { transfer } from './transfer';

Object.assign(window, { maskscopeBench: { info, warmJit, compute, pairAutoBaseline, deriveTiming, jsStages, tfStages, tfKernelNames, transfer, prepareRender, render, zoomPan, memory } });
document.body.dataset.ready = 'true';
