/**
 * Python identifiers for the names a snippet defines: parameters (`W`), tables (`docId`) and
 * labelled terms (`key_padding`), made valid and unique, never a keyword or a name the snippet
 * itself uses (`torch`, `mask`, `q`, …).
 */

/** Python keywords and soft keywords (docs.python.org/3/reference/lexical_analysis.html#keywords). */
const PYTHON_KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type', '_',
];

/** Builtins, modules and names every snippet may define or call. */
const SNIPPET_NAMES = [
  'abs', 'min', 'max', 'int', 'float', 'bool', 'sum', 'zip', 'tuple', 'len', 'range', 'print',
  'torch', 'jax', 'jnp', 'np', 'tf', 'keras', 'functools',
  'B', 'H', 'Lq', 'Lk', 'b', 'h', 'q', 'k', 'q_idx', 'kv_idx',
  'mask', 'mask_mod', 'block_mask', 'attention_mask', 'attn_mask', 'create_block_mask', 'create_mask', 'flex_attention',
  'lookup', 'safe_div', 'safe_floordiv', 'safe_mod', 'index', 'inside', 'value', 'table', 'zero',
];

const RESERVED = new Set([...PYTHON_KEYWORDS, ...SNIPPET_NAMES]);

/** Hands out unique Python identifiers. */
export class PythonNames {
  private readonly taken = new Set<string>();

  /**
   * A fresh identifier for `wanted`: characters outside [A-Za-z0-9_] become `_`, a leading digit
   * gets a `_` prefix, a keyword or reserved name gets a `_` suffix (`global` → `global_`), and a
   * name already given gets `_2`, `_3`, ….
   * @param lower lower-case the name first (for labels: 'key padding' → `key_padding`).
   */
  allocate(wanted: string, lower = false): string {
    let base = (lower ? wanted.toLowerCase() : wanted).replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (base === '') base = 'term';
    if (/^[0-9]/.test(base)) base = `_${base}`;
    if (RESERVED.has(base)) base = `${base}_`;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}
