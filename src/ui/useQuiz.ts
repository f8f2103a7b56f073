/**
 * The state of a quiz (`quiz=1`): the answer painted for the batch item and head on screen,
 * whether it was revealed, and the cell whose why-tree is shown. UI state, not in the URL: a
 * student's answer is theirs. It starts afresh when the matrix on screen changes (another batch
 * item, head or shape). The score is derived (quizScore.ts), from the mask of the slice.
 */
import { useCallback, useMemo, useState } from 'react';
import type { StageSlice } from '../compute/slices';
import { extendAnswer, firstWrongCell, quizKey, scoreQuiz, setAnswerCell, type QuizScore } from './quizScore';

export interface QuizCell {
  row: number;
  col: number;
}

/** Everything the quiz's views need. */
export interface Quiz {
  /** `quiz=1`. */
  open: boolean;
  /** Open and not revealed: the mask, masked, weights and output (and anything else that tells the answer) are hidden. */
  hidden: boolean;
  revealed: boolean;
  /** The painted answer of the slice on screen, [rows × cols], 1 = allowed; null without a slice. */
  answer: Uint8Array | null;
  /** The score once revealed, else null. */
  score: QuizScore | null;
  /** The cell whose why-tree is shown (revealed only): the one pointed at, else the first wrong cell. */
  whyCell: QuizCell | null;
  /** Sets a cell; ignored in padded query rows and once revealed. */
  paint(row: number, col: number, allowed: boolean): void;
  /** Flips a cell and returns its new value (the brush of a drag), or null when it cannot be painted. */
  toggle(row: number, col: number): boolean | null;
  /** Shift + arrow: `to` takes the value of `from`. */
  extend(from: QuizCell, to: QuizCell): void;
  clear(): void;
  reveal(): void;
  /** Hides the answer again and clears the painting. */
  tryAgain(): void;
  /** The cell pointed at on a revealed grid (null: back to the first wrong cell). */
  pointAt(cell: QuizCell | null): void;
}

interface State {
  id: string;
  answer: Uint8Array;
  revealed: boolean;
  pointed: QuizCell | null;
}

const fresh = (id: string, cells: number): State => ({ id, answer: new Uint8Array(cells), revealed: false, pointed: null });

export function useQuiz(open: boolean, slice: StageSlice | null): Quiz {
  const id = slice ? `${slice.batch}.${slice.head}.${slice.rows}.${slice.cols}` : '';
  const cells = slice ? slice.rows * slice.cols : 0;
  const cols = slice?.cols ?? 0;
  const padded = slice?.paddedRows;
  const [stored, setStored] = useState<State>(() => fresh(id, cells));
  const state = stored.id === id ? stored : fresh(id, cells);
  const change = useCallback(
    (f: (s: State) => State) => setStored((prev) => f(prev.id === id ? prev : fresh(id, cells))),
    [id, cells],
  );
  const paintWith = useCallback(
    (f: (answer: Uint8Array) => Uint8Array) => change((s) => (s.revealed || !padded ? s : { ...s, answer: f(s.answer) })),
    [change, padded],
  );
  const paint = useCallback((row: number, col: number, allowed: boolean) => paintWith((a) => setAnswerCell(a, cols, padded ?? [], row, col, allowed)), [paintWith, cols, padded]);
  const { answer, revealed: wasRevealed } = state;
  const toggle = useCallback((row: number, col: number) => {
    if (!padded || wasRevealed || row < 0 || col < 0 || col >= cols || row * cols + col >= answer.length || padded[row]) return null;
    const next = !answer[row * cols + col];
    paint(row, col, next);
    return next;
  }, [padded, wasRevealed, cols, answer, paint]);
  const extend = useCallback((from: QuizCell, to: QuizCell) => paintWith((a) => extendAnswer(a, cols, padded ?? [], from, to)), [paintWith, cols, padded]);
  const clear = useCallback(() => change((s) => (s.revealed ? s : { ...s, answer: new Uint8Array(s.answer.length) })), [change]);
  const reveal = useCallback(() => change((s) => ({ ...s, revealed: true, pointed: null })), [change]);
  const tryAgain = useCallback(() => change((s) => fresh(s.id, s.answer.length)), [change]);
  const pointAt = useCallback((cell: QuizCell | null) => change((s) => (s.revealed ? { ...s, pointed: cell } : s)), [change]);

  const revealed = open && slice !== null && state.revealed;
  const score = useMemo(
    () => (revealed && slice ? scoreQuiz(state.answer, quizKey(slice.mask, slice.rows, slice.cols, slice.paddedRows)) : null),
    [revealed, slice, state.answer],
  );
  const whyCell = score && slice ? (state.pointed ?? firstWrongCell(score, slice.cols) ?? { row: 0, col: 0 }) : null;
  return {
    open, hidden: open && !revealed, revealed, answer: slice ? state.answer : null, score, whyCell,
    paint, toggle, extend, clear, reveal, tryAgain, pointAt,
  };
}
