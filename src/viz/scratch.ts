/**
 * Typed arrays reused from one draw to the next (issue #13). A heatmap draw of about 360 × 360
 * pixels needs some 2.5 MB of per-pixel arrays (the pooled cells, their values, their colours).
 * Fresh, each costs its first writes: the pages are mapped as they are touched, about 3.5 ms per
 * MB in headless Chromium on this project's 2-core machines (against 0.1 ms for an array written
 * before), which alone was a zoom step's 16.7 ms budget. A Scratch hands out the same memory again.
 *
 * What `take` returns is valid until the next `take` of the same name on the same Scratch: for a
 * result that is used and dropped within one synchronous call (heatmapCanvas.ts paintCells), never
 * for one that is kept (a thumbnail, an exported figure). Pure; no DOM.
 */

type TypedArrayOf<T> = T extends Int32Array ? Int32Array : T extends Uint8Array ? Uint8Array : T extends Float64Array ? Float64Array : Uint8ClampedArray<ArrayBuffer>;

/** A typed array constructor Scratch can hand out. */
export type ScratchKind = Int32ArrayConstructor | Uint8ArrayConstructor | Float64ArrayConstructor | Uint8ClampedArrayConstructor;

/**
 * Arrays longer than this are handed out fresh and not kept, so that a Scratch never holds more
 * than about 18 MB (2^20 pixels' pooled cells and colours: a 1024 × 1024 device-pixel canvas).
 */
export const SCRATCH_MAX_LENGTH = 1 << 20;

/** Named, reused typed arrays (see the file's note). */
export class Scratch {
  private readonly arrays = new Map<string, Int32Array | Uint8Array | Float64Array | Uint8ClampedArray<ArrayBuffer>>();

  /**
   * `length` zeros, as `new kind(length)` gives, in memory this Scratch handed out under `name`
   * before when it was large enough (then previous results under that name are overwritten);
   * above SCRATCH_MAX_LENGTH a new array, not kept.
   * @throws RangeError when length is not a non-negative integer (as the typed array constructor)
   */
  take<K extends ScratchKind>(name: string, kind: K, length: number): TypedArrayOf<InstanceType<K>> {
    if (length > SCRATCH_MAX_LENGTH) return new kind(length) as TypedArrayOf<InstanceType<K>>;
    let array = this.arrays.get(name);
    if (array === undefined || array.constructor !== kind || array.length < length) {
      array = new kind(length) as Int32Array | Uint8Array | Float64Array | Uint8ClampedArray<ArrayBuffer>;
      this.arrays.set(name, array);
      return array as TypedArrayOf<InstanceType<K>>;
    }
    const view = array.subarray(0, length);
    view.fill(0);
    return view as TypedArrayOf<InstanceType<K>>;
  }
}

/**
 * `new kind(length)`, or `scratch.take(name, kind, length)` when a scratch is given: the helper
 * the pooling and colouring functions use for their outputs.
 */
export function outputArray<K extends ScratchKind>(scratch: Scratch | undefined, name: string, kind: K, length: number): TypedArrayOf<InstanceType<K>> {
  return scratch === undefined ? (new kind(length) as TypedArrayOf<InstanceType<K>>) : scratch.take(name, kind, length);
}
