/**
 * Progress of the computation in flight, kept outside React state: the worker reports it many
 * times a second, and only the status line's progress bar should re-render for it, not the app
 * with every heatmap.
 */
export interface Progress {
  /** The job the numbers are about (compared by identity). */
  job: unknown;
  /** Query rows done and in total. */
  done: number;
  total: number;
}

export interface ProgressStore {
  get(): Progress | null;
  set(progress: Progress | null): void;
  subscribe(listener: () => void): () => void;
}

export function createProgressStore(): ProgressStore {
  let value: Progress | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
