/**
 * The Python array frameworks code export writes for, and how each spells what the translation
 * (python.ts) needs: index grids, casts, minimum / maximum, where, and the helper functions that
 * keep Maskscope's rules (x / 0 = 0, floored %, a lookup outside its table reads 0).
 * Sources: PyTorch (torch.where, torch.remainder), jax.numpy, TensorFlow (tf.math.floormod,
 * tf.math.divide_no_nan, tf.gather_nd) API docs.
 */

export type PythonTarget = 'torch' | 'flex' | 'jax' | 'tf';
export type GridVariable = 'b' | 'h' | 'q' | 'k';
export type Helper = 'safe_div' | 'safe_floordiv' | 'safe_mod' | 'lookup';

/** How one framework writes the operations of a translated mask. */
export interface Dialect {
  grid: Readonly<Record<GridVariable, string>>;
  boolToInt(x: string): string;
  /** Int tensor → float32 tensor; null where the framework promotes by itself (torch, jnp). */
  intToFloat: ((x: string) => string) | null;
  /** A Python number → a float32 0-d array. */
  liftFloat(x: string): string;
  floorToInt(x: string): string;
  minimum: string;
  maximum: string;
  /** torch.minimum needs two tensors; this turns a Python number into one (null: not needed). */
  scalarToTensor: ((x: string) => string) | null;
  where: string;
  /** Numpy-style advanced indexing `t[b, q]` (not in TF, which uses gather_nd in `lookup`). */
  plainLookup: boolean;
  /** TF converts a Python int to int32, so float operands of helpers and where need `float(…)`. */
  strictFloatScalars: boolean;
  helpers: Readonly<Record<Helper, string>>;
}

const TORCH_HELPERS: Record<Helper, string> = {
  safe_div: `def safe_div(a, b):
    """a / b, true division in float32; 0 where b == 0 (Maskscope's rule)."""
    a, b = torch.as_tensor(a), torch.as_tensor(b)
    return torch.where(b == 0, 0.0, a / torch.where(b == 0, 1, b))`,
  safe_floordiv: `def safe_floordiv(a, b):
    """floor(a / b) on whole numbers; 0 where b == 0 (Maskscope's rule)."""
    a, b = torch.as_tensor(a), torch.as_tensor(b)
    return torch.where(b == 0, 0, a // torch.where(b == 0, 1, b))`,
  safe_mod: `def safe_mod(a, b):
    """a % b, floored (the sign of b, as Python's %); 0 where b == 0 (Maskscope's rule)."""
    a, b = torch.as_tensor(a), torch.as_tensor(b)
    return torch.where(b == 0, 0, a % torch.where(b == 0, 1, b))`,
  lookup: `def lookup(table, *index):
    """table[i0, i1, ...] on broadcast index tensors; 0 (False) where an index is outside the table."""
    index = torch.broadcast_tensors(*[torch.as_tensor(i) for i in index])
    inside = torch.ones_like(index[0], dtype=torch.bool)
    for i, n in zip(index, table.shape):
        inside = inside & (i >= 0) & (i < n)
    if table.numel() == 0:
        return torch.zeros_like(index[0], dtype=table.dtype)
    value = table[tuple(i.clamp(0, n - 1) for i, n in zip(index, table.shape))]
    return torch.where(inside, value, torch.zeros_like(value))`,
};

const JAX_HELPERS: Record<Helper, string> = {
  safe_div: `def safe_div(a, b):
    """a / b, true division in float32; 0 where b == 0 (Maskscope's rule)."""
    a, b = jnp.asarray(a), jnp.asarray(b)
    return jnp.where(b == 0, 0.0, a / jnp.where(b == 0, 1, b))`,
  safe_floordiv: `def safe_floordiv(a, b):
    """floor(a / b) on whole numbers; 0 where b == 0 (Maskscope's rule)."""
    a, b = jnp.asarray(a), jnp.asarray(b)
    return jnp.where(b == 0, 0, a // jnp.where(b == 0, 1, b))`,
  safe_mod: `def safe_mod(a, b):
    """a % b, floored (the sign of b, as Python's %); 0 where b == 0 (Maskscope's rule)."""
    a, b = jnp.asarray(a), jnp.asarray(b)
    return jnp.where(b == 0, 0, a % jnp.where(b == 0, 1, b))`,
  lookup: `def lookup(table, *index):
    """table[i0, i1, ...] on broadcast index arrays; 0 (False) where an index is outside the table."""
    index = jnp.broadcast_arrays(*[jnp.asarray(i) for i in index])
    inside = jnp.ones(index[0].shape, dtype=bool)
    for i, n in zip(index, table.shape):
        inside = inside & (i >= 0) & (i < n)
    if table.size == 0:
        return jnp.zeros(index[0].shape, dtype=table.dtype)
    value = table[tuple(jnp.clip(i, 0, n - 1) for i, n in zip(index, table.shape))]
    return jnp.where(inside, value, jnp.zeros_like(value))`,
};

const TF_HELPERS: Record<Helper, string> = {
  safe_div: `def safe_div(a, b):
    """a / b, true division in float32; 0 where b == 0 (Maskscope's rule)."""
    return tf.math.divide_no_nan(tf.cast(a, tf.float32), tf.cast(b, tf.float32))`,
  safe_floordiv: `def safe_floordiv(a, b):
    """floor(a / b) on whole numbers; 0 where b == 0 (Maskscope's rule)."""
    a, b = tf.convert_to_tensor(a), tf.convert_to_tensor(b)
    zero = tf.equal(b, 0)
    return tf.where(zero, tf.zeros_like(a + b), a // tf.where(zero, tf.ones_like(b), b))`,
  safe_mod: `def safe_mod(a, b):
    """a % b, floored (tf.math.floormod: the sign of b, as Python's %); 0 where b == 0 (Maskscope's rule)."""
    a, b = tf.convert_to_tensor(a), tf.convert_to_tensor(b)
    zero = tf.equal(b, 0)
    return tf.where(zero, tf.zeros_like(a + b), a % tf.where(zero, tf.ones_like(b), b))`,
  lookup: `def lookup(table, *index):
    """table[i0, i1, ...] on broadcast index tensors (tf.gather_nd); 0 (False) where an index is outside the table."""
    index = [tf.convert_to_tensor(i, tf.int32) for i in index]
    zero = sum(tf.zeros_like(i) for i in index)  # broadcasts the indices to one shape
    index = [i + zero for i in index]
    inside = tf.ones_like(zero, dtype=tf.bool)
    for i, n in zip(index, table.shape):
        inside = inside & (i >= 0) & (i < n)
    if table.shape.num_elements() == 0:
        return tf.zeros_like(zero, dtype=table.dtype)
    clamped = [tf.clip_by_value(i, 0, n - 1) for i, n in zip(index, table.shape)]
    value = tf.gather_nd(table, tf.stack(clamped, axis=-1))
    return tf.where(inside, value, tf.zeros_like(value))`,
};

const TORCH: Dialect = {
  grid: { b: 'b', h: 'h', q: 'q', k: 'k' },
  boolToInt: (x) => `${x}.long()`,
  intToFloat: null,
  liftFloat: (x) => `torch.tensor(${x}, dtype=torch.float32)`,
  floorToInt: (x) => `torch.floor(${x}).long()`,
  minimum: 'torch.minimum',
  maximum: 'torch.maximum',
  scalarToTensor: (x) => `torch.tensor(${x})`,
  where: 'torch.where',
  plainLookup: true,
  strictFloatScalars: false,
  helpers: TORCH_HELPERS,
};

/** The dialect of each target ('flex' is PyTorch inside a FlexAttention mask_mod: q_idx, kv_idx). */
export const DIALECTS: Readonly<Record<PythonTarget, Dialect>> = {
  torch: TORCH,
  flex: { ...TORCH, grid: { b: 'b', h: 'h', q: 'q_idx', k: 'kv_idx' } },
  jax: {
    grid: { b: 'b', h: 'h', q: 'q', k: 'k' },
    boolToInt: (x) => `${x}.astype(jnp.int32)`,
    intToFloat: null,
    liftFloat: (x) => `jnp.float32(${x})`,
    floorToInt: (x) => `jnp.floor(${x}).astype(jnp.int32)`,
    minimum: 'jnp.minimum',
    maximum: 'jnp.maximum',
    scalarToTensor: null,
    where: 'jnp.where',
    plainLookup: true,
    strictFloatScalars: false,
    helpers: JAX_HELPERS,
  },
  tf: {
    grid: { b: 'b', h: 'h', q: 'q', k: 'k' },
    boolToInt: (x) => `tf.cast(${x}, tf.int32)`,
    intToFloat: (x) => `tf.cast(${x}, tf.float32)`,
    liftFloat: (x) => `tf.constant(${x}, tf.float32)`,
    floorToInt: (x) => `tf.cast(tf.floor(${x}), tf.int32)`,
    minimum: 'tf.minimum',
    maximum: 'tf.maximum',
    scalarToTensor: null,
    where: 'tf.where',
    plainLookup: false,
    strictFloatScalars: true,
    helpers: TF_HELPERS,
  },
};
