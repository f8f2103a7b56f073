/**
 * One grid of the quiz: a heatmap that, when `painting` is given, takes a student's answer.
 * - mouse: a press flips the cell under it and a drag paints what that press made (allowed or
 *   blocked) onto every cell it passes;
 * - touch and pen: the same (a tap flips; a drag paints: the grid takes the gesture, touch-action none);
 * - keyboard (the grid focused): the heatmap's arrow keys move its cell cursor; Space (or Enter)
 *   flips the cell; Shift + arrows move and give the new cell the value of the one left.
 * Cells are found under the pointer from the heatmap's DOM at event time (viz/heatmapHit.ts): a
 * touch reports its cell through `onHover` only when the finger lifts. The wrapper carries
 * `data-keys="grid"`, so presentation mode leaves its ← / → to the grid (usePresentKeys.ts).
 * A screen reader hears the cell under the cursor and the answer there (a polite live region),
 * after every move and flip.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from './i18n/useT';
import { cellAtClientPoint } from '../viz/heatmapHit';
import { moveCell } from '../viz/keyboard';
import type { HeatmapCell, HeatmapSpec } from '../viz/types';
import { Heatmap } from './Heatmap';

/** What painting does to the answer (useQuiz.ts). */
export interface QuizPainting {
  /** Flips a cell; returns its new value, or null when it cannot be painted (a padded query row). */
  toggle(row: number, col: number): boolean | null;
  paint(row: number, col: number, allowed: boolean): void;
  extend(from: HeatmapCell, to: HeatmapCell): void;
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

interface Props {
  spec: HeatmapSpec;
  testId: string;
  /** Absent: read only (a revealed answer, the mask). */
  painting?: QuizPainting;
  /** The cell under the pointer, tapped or under the keyboard cursor (null: none). */
  onCell?(cell: HeatmapCell | null): void;
}

export function QuizGrid({ spec, testId, painting, onCell }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const { t } = useT();
  const cursor = useRef<HeatmapCell | null>(null);
  // the cursor's cell as state too, so that its announcement follows moves and flips
  const [spoken, setSpoken] = useState<HeatmapCell | null>(null);
  const stroke = useRef<{ brush: boolean; last: string } | null>(null);
  useEffect(() => {
    const end = () => {
      stroke.current = null;
    };
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    return () => {
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
    };
  }, []);
  const full: HeatmapSpec = {
    ...spec,
    onHover: (cell) => {
      cursor.current = cell;
      if (painting) setSpoken(cell);
      onCell?.(cell);
    },
  };
  if (!painting) {
    return (
      <div ref={host} className="quiz-grid">
        <Heatmap spec={full} testId={testId} />
      </div>
    );
  }
  const cellWords = ({ row, col }: HeatmapCell) => t('quiz.cellSaid', {
    query: spec.rowLabels[row] ?? '', q: row, key: spec.colLabels[col] ?? '', k: col,
    answer: t(spec.values[row * spec.cols + col] === 1 ? 'quiz.legendAllowed' : 'quiz.legendBlocked'),
  });
  const at = (e: React.PointerEvent) => (host.current ? cellAtClientPoint(host.current, e.clientX, e.clientY) : null);
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    const cell = at(e);
    const brush = cell && painting.toggle(cell.row, cell.col);
    if (cell && brush !== null) stroke.current = { brush, last: `${cell.row}.${cell.col}` };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const s = stroke.current;
    const cell = s && at(e);
    if (!s || !cell || `${cell.row}.${cell.col}` === s.last) return;
    s.last = `${cell.row}.${cell.col}`;
    painting.paint(cell.row, cell.col, s.brush);
  };
  // before the heatmap moves its cursor (capture): the cell left is still the cursor
  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    if (!e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !ARROWS.has(e.key)) return;
    const from = cursor.current;
    const to = from && moveCell(from, e.key, spec.rows, spec.cols);
    if (from && to) painting.extend(from, to);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.key !== ' ' && e.key !== 'Enter') || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const c = cursor.current;
    if (c) painting.toggle(c.row, c.col);
  };
  return (
    <div ref={host} className="quiz-grid painting" data-keys="grid" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown}>
      <Heatmap spec={full} testId={testId} />
      <p className="visually-hidden" aria-live="polite" data-testid={`${testId}-cell`}>{spoken && cellWords(spoken)}</p>
    </div>
  );
}
