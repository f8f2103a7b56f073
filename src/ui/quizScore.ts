/**
 * Predict, then reveal (`quiz=1`, issue #12 §2): the answer key of a quiz from the mask of the
 * batch item and head on screen, the score of a painted answer against it, and the painting
 * moves (toggle, set, extend). Pure: plain arrays in, plain arrays out; React keeps the painted
 * answer (useQuiz.ts).
 *
 * Cells are row-major [Lq × Lk] (rows are queries, columns keys, as everywhere). A padded query
 * row is not part of the answer: it is shown greyed and neither painted nor scored (DESIGN.md §1,
 * "query padding marks rows as padding"). Padded keys are columns like any other: a key padding
 * mask blocks them, and the student is expected to paint them blocked.
 */

/** What a cell of a revealed quiz shows (`QuizScore.marks`). */
export const QuizMark = {
  /** A padded query row: not scored. */
  unscored: 0,
  /** Painted allowed, and the mask allows it. */
  rightAllowed: 1,
  /** Left blocked, and the mask blocks it. */
  rightBlocked: 2,
  /** Painted allowed, but the mask blocks it. */
  falseAllowed: 3,
  /** Left blocked, but the mask allows it. */
  falseBlocked: 4,
} as const;
export type QuizMark = (typeof QuizMark)[keyof typeof QuizMark];

/** The answer a quiz expects. */
export interface QuizKey {
  rows: number;
  cols: number;
  /** 1 = the query may attend the key, [rows × cols] (the mask stage). */
  allowed: Uint8Array;
  /** 1 = the row is scored, [rows]; 0 = padded query row. */
  scoredRows: Uint8Array;
}

/** How a painted answer compares with a QuizKey. */
export interface QuizScore {
  /** Cells scored: (rows − padded rows) × cols. */
  scored: number;
  right: number;
  /** falseAllowed + falseBlocked. */
  wrong: number;
  /** Painted allowed where the mask blocks. */
  falseAllowed: number;
  /** Left blocked where the mask allows. */
  falseBlocked: number;
  /** Padded query rows, not scored. */
  unscoredRows: number;
  /** A QuizMark per cell, [rows × cols]. */
  marks: Uint8Array;
}

/**
 * The answer key of the mask of one (batch item, head).
 * @param mask [rows × cols], non-zero = allowed (StageSlice.mask)
 * @param paddedRows [rows], non-zero = padded query row (StageSlice.paddedRows)
 * @throws RangeError when rows or cols is not a whole number ≥ 0, or an array is not of its shape
 * @example quizKey([1,0, 1,1], 2, 2, [0,0]) // allowed [1,0,1,1], scoredRows [1,1]
 */
export function quizKey(mask: ArrayLike<number>, rows: number, cols: number, paddedRows: ArrayLike<number>): QuizKey {
  checkShape('quizKey', rows, cols);
  if (mask.length !== rows * cols) throw new RangeError(`quizKey: mask has ${mask.length} cells, expected ${rows} × ${cols} = ${rows * cols}`);
  if (paddedRows.length !== rows) throw new RangeError(`quizKey: paddedRows has ${paddedRows.length} entries, expected ${rows}`);
  const allowed = new Uint8Array(rows * cols);
  for (let i = 0; i < allowed.length; i++) allowed[i] = mask[i] ? 1 : 0;
  const scoredRows = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) scoredRows[r] = paddedRows[r] ? 0 : 1;
  return { rows, cols, allowed, scoredRows };
}

/**
 * Scores a painted answer: each cell of a scored row is right when the painted value equals the
 * mask's, else a false allowed (painted allowed, mask blocks) or a false blocked (left blocked,
 * mask allows). Cells of padded query rows are QuizMark.unscored and count nowhere.
 * @param answer [rows × cols], non-zero = painted allowed
 * @throws RangeError when `answer` is not [key.rows × key.cols]
 * @example causal 2 × 2 (mask [1,0, 1,1]) with answer [1,1, 0,1]:
 *          right 2, falseAllowed 1 (0,1), falseBlocked 1 (1,0)
 */
export function scoreQuiz(answer: ArrayLike<number>, key: QuizKey): QuizScore {
  const { rows, cols, allowed, scoredRows } = key;
  if (answer.length !== rows * cols) throw new RangeError(`scoreQuiz: answer has ${answer.length} cells, expected ${rows} × ${cols} = ${rows * cols}`);
  const marks = new Uint8Array(rows * cols);
  let falseAllowed = 0;
  let falseBlocked = 0;
  let unscoredRows = 0;
  for (let r = 0; r < rows; r++) {
    if (!scoredRows[r]) {
      unscoredRows++;
      continue;
    }
    for (let i = r * cols; i < (r + 1) * cols; i++) {
      const painted = answer[i] ? 1 : 0;
      const truth = allowed[i] as number;
      if (painted === truth) {
        marks[i] = truth ? QuizMark.rightAllowed : QuizMark.rightBlocked;
      } else if (painted) {
        marks[i] = QuizMark.falseAllowed;
        falseAllowed++;
      } else {
        marks[i] = QuizMark.falseBlocked;
        falseBlocked++;
      }
    }
  }
  const scored = (rows - unscoredRows) * cols;
  const wrong = falseAllowed + falseBlocked;
  return { scored, right: scored - wrong, wrong, falseAllowed, falseBlocked, unscoredRows, marks };
}

/** True when the mark is a wrong cell (false allowed or false blocked). */
export function isWrongMark(mark: number): boolean {
  return mark === QuizMark.falseAllowed || mark === QuizMark.falseBlocked;
}

/** The first wrong cell in row-major order, or null when none is wrong. */
export function firstWrongCell(score: QuizScore, cols: number): { row: number; col: number } | null {
  const i = score.marks.findIndex(isWrongMark);
  return i < 0 ? null : { row: Math.floor(i / cols), col: i % cols };
}

/**
 * The answer with cell (row, col) set to `allowed`; the same array when nothing changes or the
 * cell is outside the grid or in a padded query row (`paddedRows[row]` ≠ 0), which is not painted.
 */
export function setAnswerCell(answer: Uint8Array, cols: number, paddedRows: ArrayLike<number>, row: number, col: number, allowed: boolean): Uint8Array {
  const rows = cols > 0 ? answer.length / cols : 0;
  if (row < 0 || col < 0 || row >= rows || col >= cols || paddedRows[row]) return answer;
  const i = row * cols + col;
  if ((answer[i] ? 1 : 0) === (allowed ? 1 : 0)) return answer;
  const next = answer.slice();
  next[i] = allowed ? 1 : 0;
  return next;
}

/**
 * Shift + arrow: the cursor moves from `from` to `to`, and `to` takes the painted value of
 * `from` (a stroke continued by keyboard). The same array when either cell is outside the grid.
 */
export function extendAnswer(answer: Uint8Array, cols: number, paddedRows: ArrayLike<number>, from: { row: number; col: number }, to: { row: number; col: number }): Uint8Array {
  const rows = cols > 0 ? answer.length / cols : 0;
  if (from.row < 0 || from.col < 0 || from.row >= rows || from.col >= cols) return answer;
  return setAnswerCell(answer, cols, paddedRows, to.row, to.col, answer[from.row * cols + from.col] !== 0);
}

/** The painted-allowed cells as sorted "q.k" keys (for the page's data-painted attribute and tests). */
export function paintedList(answer: ArrayLike<number>, cols: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < answer.length; i++) if (answer[i]) out.push(`${Math.floor(i / cols)}.${i % cols}`);
  return out;
}

function checkShape(op: string, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(`${op}: rows and cols must be whole numbers ≥ 0, got ${rows} × ${cols}`);
  }
}
