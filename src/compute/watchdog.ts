/**
 * A watchdog for the run in flight: armed when a request is sent, re-armed by every message about
 * it, disarmed by its result or error; it fires when the run says nothing for `ms`.
 */

/** The clock and timers the client uses (the page's, or fake ones in tests). */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class EngineWatchdog {
  private handle: unknown = null;

  /**
   * @param ms silence in milliseconds after which `onStall` runs (once per arming).
   */
  constructor(private readonly timers: Timers, private readonly ms: number, private readonly onStall: () => void) {}

  /** (Re)starts the countdown. */
  arm(): void {
    this.disarm();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.onStall();
    }, this.ms);
  }

  disarm(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  get armed(): boolean {
    return this.handle !== null;
  }
}
