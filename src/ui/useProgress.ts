/** React's view of the progress store (compute/progressStore.ts): only its caller re-renders. */
import { useSyncExternalStore } from 'react';
import type { Progress, ProgressStore } from '../compute/progressStore';

export type { Progress, ProgressStore } from '../compute/progressStore';

/** The progress of `job`, or null when the store holds none for it. Re-renders only its caller. */
export function useProgress(store: ProgressStore, job: unknown): Progress | null {
  const progress = useSyncExternalStore(store.subscribe, store.get);
  return progress && progress.job === job ? progress : null;
}
