/** Whether a job is split head by head across the engine workers. */
import { choosePath, type DeviceInfo } from '../engine/pathChoice';
import { allHeads, cellCount } from '../engine/headStages';
import type { HeadRef } from '../engine/types';
import { PARALLEL_CELLS } from '../engine/thresholds';
import type { EngineJob } from './engineTypes';

/**
 * The heads to deal to the workers: a plain-JS run of at least PARALLEL_CELLS cells; else null
 * (one worker does it all).
 * @param device as the engine may use it (gpuFault: what would run on WebGL runs on JS).
 */
export function splitHeads(job: EngineJob, device: DeviceInfo): HeadRef[] | null {
  const { shape } = job.inputs;
  const cells = cellCount(shape);
  if (cells < PARALLEL_CELLS || choosePath(job.scenario.engine, device, cells).path !== 'js') return null;
  return job.heads ?? allHeads(shape);
}
