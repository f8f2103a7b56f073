/**
 * What the App hands to its two layouts (MainLayout, PresentLayout): the scenario as linked and
 * as computed, the ways to change it, and the hooks' results.
 */
import type { ReactNode } from 'react';
import type { StateWarning } from '../state/warnings';
import type { Scenario } from '../state/scenario';
import type { HoveredCell } from './CellReadout';
import type { PaintMode } from './PaintBar';
import type { useQuizViews } from './QuizPanel';
import type { Computation } from './useComputation';
import type { useLesson } from './useLesson';

export interface AppParts {
  /** The scenario computed (GPT-2 tokens read as automatic while the vocabulary loads). */
  scenario: Scenario;
  /** The scenario of the link, as typed (the Input panel shows it). */
  linked: Scenario;
  /** Changes (locked fields are ignored: useShapedUpdate). */
  update(patch: Partial<Scenario>): void;
  replace(next: Scenario): void;
  warnings: StateWarning[];
  dismissWarnings(): void;
  c: Computation;
  lesson: ReturnType<typeof useLesson>;
  hovered: HoveredCell | null;
  paint: { mode: PaintMode; text: string; onMode(m: PaintMode): void; onPaint(row: number, col: number, allow: boolean): void; onClear(): void };
  tokenPreview: ReactNode;
  quiz: ReturnType<typeof useQuizViews>;
}
