/**
 * The shape of a mask catalogue entry, and the helpers every family shares: resolving named
 * parameters, checking the build context, and the query's position on the key axis
 * (bottom-right alignment).
 */
import type { MaskShape } from '../cell';
import { add, le, param, sub, vars, type MaskExpr, type ParameterNode } from '../expr';
import type { MaskTables } from '../tables';

/**
 * What a catalogue mask is built for: the grid's sizes, the seed, and the scenario's per-token
 * tables.
 */
export interface MaskBuildContext extends MaskShape {
  /** The scenario's seed (integer): BigBird's random blocks are drawn from it. */
  seed: number;
  /**
   * Document id of every key position, [B×Lk] row-major (in self-attention Lq = Lk, so this is
   * also [B×Lq]); query q reads the id at key position q + Lk − Lq (bottom-right). From
   * `documentIdsForBatch` when the scenario has a separator; absent = one document per row.
   */
  documentIds?: Int32Array;
  /**
   * 1 where a key position is a global token (clicked), [B×Lk] row-major; query q is global when
   * its key position q + Lk − Lq is. Absent = the first token only (Longformer's [CLS]).
   */
  globalTokens?: Uint8Array;
}

/** One named parameter of a mask, e.g. the window W of a sliding window. */
export interface MaskParameterSpec {
  /** Its name in formulas and explanations ("W = 4"): a valid formula identifier. */
  name: string;
  default: number;
  /** Inclusive range. */
  min: number;
  max: number;
  /** Every catalogue parameter is a whole number. */
  integer: true;
  /** English; the UI translates by entry id and parameter name. */
  description: string;
}

/** A built mask: the expression and exactly the tables it reads. */
export interface MaskBuild {
  expr: MaskExpr;
  tables: MaskTables;
}

/** One mask of the catalogue. */
export interface MaskCatalogueEntry {
  /** URL-safe id, e.g. 'window'. */
  id: string;
  /** English name; the UI translates by id. */
  name: string;
  params: readonly MaskParameterSpec[];
  /**
   * Builds the mask for one context.
   * @param params values by parameter name; a missing one takes its default.
   * @throws Error when a parameter is unknown, not an integer or outside [min, max], or the
   *   context is malformed (sizes, seed, table lengths).
   */
  build(params: Readonly<Record<string, number>>, context: MaskBuildContext): MaskBuild;
  /** Paper and library API the definition follows. */
  source: string;
  /** How other libraries name and count the same mask. */
  equivalents: string;
}

/** The parameter values of one build, as parameter nodes (so formulas print "W", not "4"). */
export type ParamNodes<P extends string> = Readonly<Record<P, ParameterNode>>;

/** A family's definition of an entry: typed parameter names and a builder. */
export interface EntryDefinition<P extends string> {
  id: string;
  name: string;
  params: readonly (MaskParameterSpec & { name: P })[];
  source: string;
  equivalents: string;
  /** Builds the expression from checked parameters and a checked context. */
  make(params: ParamNodes<P>, context: MaskBuildContext): MaskBuild;
}

/**
 * Turns a family's definition into a catalogue entry whose `build` fills defaults and checks
 * every parameter and the context before building.
 * @throws Error (at definition time) when a parameter's default lies outside its range or the
 *   id is not URL-safe — a programming error.
 */
export function defineMask<P extends string>(definition: EntryDefinition<P>): MaskCatalogueEntry {
  const { id, name, params, source, equivalents, make } = definition;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`mask catalogue: id '${id}' is not URL-safe`);
  for (const spec of params) {
    if (!Number.isInteger(spec.default) || spec.default < spec.min || spec.default > spec.max) {
      throw new Error(`mask catalogue '${id}': default ${spec.name} = ${spec.default} is outside [${spec.min}, ${spec.max}]`);
    }
  }
  return {
    id,
    name,
    params,
    source,
    equivalents,
    build(values, context) {
      assertContext(context, id);
      return make(resolveParams(id, params, values), context);
    },
  };
}

/**
 * Parameter nodes for one build: each given value (or the default) checked against its range.
 * @throws Error naming the mask and the parameter when a value is unknown, not an integer or out
 *   of range.
 */
function resolveParams<P extends string>(
  id: string,
  specs: readonly (MaskParameterSpec & { name: P })[],
  values: Readonly<Record<string, number>>,
): ParamNodes<P> {
  const known = new Set<string>(specs.map((s) => s.name));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      const list = specs.length ? specs.map((s) => s.name).join(', ') : 'none';
      throw new Error(`mask '${id}': unknown parameter '${key}' (parameters: ${list})`);
    }
  }
  const out = {} as Record<P, ParameterNode>;
  for (const spec of specs) {
    const value = values[spec.name] ?? spec.default;
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      throw new Error(`mask '${id}': ${spec.name} must be an integer in [${spec.min}, ${spec.max}], got ${value}`);
    }
    out[spec.name] = param(spec.name, value);
  }
  return out;
}

/**
 * @throws Error when a size is not an integer ≥ 1, the seed is not an integer, or a per-token
 *   table does not hold B×Lk values.
 */
function assertContext(context: MaskBuildContext, id: string): void {
  const { batch, heads, queryLength, keyLength, seed, documentIds, globalTokens } = context;
  const sizes = [batch, heads, queryLength, keyLength];
  if (sizes.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new Error(`mask '${id}': batch, heads, queryLength and keyLength must be integers ≥ 1, got [${sizes.join(',')}]`);
  }
  if (!Number.isInteger(seed)) throw new Error(`mask '${id}': seed must be an integer, got ${seed}`);
  const expected = batch * keyLength;
  for (const [tableName, table] of [['documentIds', documentIds], ['globalTokens', globalTokens]] as const) {
    if (table && table.length !== expected) {
      throw new Error(`mask '${id}': ${tableName} must hold B×Lk = ${batch}×${keyLength} = ${expected} values, got ${table.length}`);
    }
  }
}

/**
 * The query's position on the key axis, bottom-right aligned: q + Lk − Lq (the queries are the
 * last Lq of the Lk positions, as in KV-cache decoding). When the context has Lq = Lk the offset
 * is 0 and the node is plain `q`, so formulas read `k <= q`; rebuild the mask when the lengths
 * change (its tables depend on them too).
 */
export function queryPosition(context: MaskShape): MaskExpr {
  const { q, Lq, Lk } = vars;
  return context.queryLength === context.keyLength ? q : sub(add(q, Lk), Lq);
}

/** The bottom-right causal condition `k <= q + Lk − Lq` (`k <= q` when Lq = Lk), unlabelled. */
export function causalCondition(context: MaskShape): MaskExpr {
  return le(vars.k, queryPosition(context));
}
