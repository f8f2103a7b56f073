/**
 * What code export works from: a mask (expression and tables, as `buildMaskSpec` or a catalogue
 * entry's `build` gives it) and the grid's sizes.
 */
import type { MaskShape } from '../mask/cell';
import type { MaskExpr } from '../mask/expr';
import type { MaskTables } from '../mask/tables';

export type { MaskShape } from '../mask/cell';

/** A mask to export: `{ expr, tables }` (a MaskSpec or a catalogue MaskBuild fits). */
export interface CodegenMask {
  expr: MaskExpr;
  tables: MaskTables;
}

/** The frameworks code export writes for. */
export type SnippetTarget = 'pytorch' | 'flex-attention' | 'jax' | 'tensorflow';

/** One copyable snippet. */
export interface CodeSnippet {
  target: SnippetTarget;
  /** English title, e.g. 'PyTorch (tensor ops)'; the UI translates by target. */
  title: string;
  language: 'python';
  /** The whole snippet, self-contained, `\n`-separated, ending with a newline. */
  code: string;
}

/** Sizes of the grid a snippet builds: batch B, heads H, queryLength Lq, keyLength Lk. */
export type CodegenShape = MaskShape;
