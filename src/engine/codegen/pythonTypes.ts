/**
 * What translateMask (python.ts) gives a snippet writer: parameters, tables, helpers, statements.
 */
import type { MaskTable } from '../mask/tables';
import type { GridVariable } from './pythonDialects';

/** A parameter as the snippet defines it: `W = 4`. */
export interface PythonParameter {
  name: string;
  value: number;
  /** Its Python literal (`4`, `0.5`). */
  literal: string;
}

/** A table as the snippet defines it. */
export interface PythonTable {
  /** The Maskscope name (`docId`). */
  name: string;
  /** The Python identifier. */
  pyName: string;
  table: MaskTable;
  /** Every value is 0 or 1 and the data is a Uint8Array: written as True/False. */
  bool: boolean;
}

/** The translated mask: what a snippet needs to define, and the statements that compute it. */
export interface PythonMask {
  parameters: PythonParameter[];
  tables: PythonTable[];
  /** Index grids the statements read, in the order b, h, q, k. */
  grids: GridVariable[];
  /** Helper function sources, in a fixed order. */
  helpers: string[];
  /** One assignment per labelled term, inner terms first: `causal = k <= q  # causal`. */
  statements: string[];
  /** The mask as a Python boolean expression (a bool array, or a Python bool when `scalar`). */
  root: string;
  /** The terms of a top-level `and` (for one line per term), or [root]. */
  rootTerms: string[];
  rootOperator: '&' | '|';
  /** True when the mask is a plain Python bool (depends on no index and no table). */
  scalar: boolean;
}
