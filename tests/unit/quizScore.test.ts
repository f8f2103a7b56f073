/**
 * Predict, then reveal (issue #12 §2): the answer key from the mask the app computes (the
 * float64 reference of a scenario), and the score of painted answers against it.
 */
import { describe, expect, it } from 'vitest';
import { extendAnswer, firstWrongCell, paintedList, QuizMark, quizKey, scoreQuiz, setAnswerCell } from '../../src/ui/quizScore';
import { referenceAttention } from '../../src/engine/reference';
import { sliceHead } from '../../src/compute/slices';
import { splitStages } from '../../src/engine/headStages';
import { deriveInputs } from '../../src/scenario/derive';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';

/** The slice (batch `b`, head 0) of the float64 reference of a scenario, as the page gets it. */
function referenceSlice(patch: Partial<Scenario>, b = 0) {
  const derived = deriveInputs({ ...DEFAULT_SCENARIO, ...patch });
  if (!derived.ok) throw new Error(derived.error);
  const ref = referenceAttention(derived.inputs);
  const f32 = (a: ArrayLike<number>) => Float32Array.from(a);
  const stages = {
    shape: ref.shape,
    scores: f32(ref.scores), scaled: f32(ref.scaled), logits: f32(ref.logits), masked: f32(ref.masked),
    weights: f32(ref.weights), output: f32(ref.output), mask: Uint8Array.from(ref.mask), rowStatus: Uint8Array.from(ref.rowStatus),
  };
  const head = splitStages(stages).heads.find((h) => h?.batch === b && h.head === 0)!;
  return sliceHead(head, ref.shape);
}

/** The key of a scenario's (b, head 0) mask. */
function keyOf(patch: Partial<Scenario>, b = 0) {
  const s = referenceSlice(patch, b);
  return quizKey(s.mask, s.rows, s.cols, s.paddedRows);
}

/** A matrix written as rows of 0/1 digits ("1000 1100 …"), row-major. */
function cells(rows: string): Uint8Array {
  return Uint8Array.from(rows.replace(/\s+/g, ''), Number);
}

describe('quizKey', () => {
  it('causal 4×4 (lengths mode): the key is the lower triangle, every row scored', () => {
    const key = keyOf({ inputMode: 'lengths', queryLength: 4, causal: true });
    expect([key.rows, key.cols]).toEqual([4, 4]);
    expect(Array.from(key.allowed)).toEqual(Array.from(cells('1000 1100 1110 1111')));
    expect(Array.from(key.scoredRows)).toEqual([1, 1, 1, 1]);
  });

  it('throws a RangeError naming the op when the mask is not rows × cols', () => {
    expect(() => quizKey([1, 0, 1], 2, 2, [0, 0])).toThrow(/quizKey: mask has 3 cells, expected 2 × 2 = 4/);
    expect(() => quizKey([1, 0, 1, 1], 2, 2, [0])).toThrow(/paddedRows has 1 entries, expected 2/);
    expect(() => quizKey([], -1, 2, [])).toThrow(RangeError);
  });
});

describe('scoreQuiz', () => {
  const causal4 = () => keyOf({ inputMode: 'lengths', queryLength: 4, causal: true });

  it('causal 4×4, answer with (0,1) painted allowed and (3,3) left blocked: 14 right, 1 false allowed, 1 false blocked', () => {
    const score = scoreQuiz(cells('1100 1100 1110 1110'), causal4());
    expect(score).toMatchObject({ scored: 16, right: 14, wrong: 2, falseAllowed: 1, falseBlocked: 1, unscoredRows: 0 });
    const { rightAllowed: A, rightBlocked: B, falseAllowed: FA, falseBlocked: FB } = QuizMark;
    expect(Array.from(score.marks)).toEqual([
      A, FA, B, B,
      A, A, B, B,
      A, A, A, B,
      A, A, A, FB,
    ]);
    expect(firstWrongCell(score, 4)).toEqual({ row: 0, col: 1 });
  });

  it('causal 4×4, the mask itself as the answer: 16 of 16 right, no wrong cell', () => {
    const key = causal4();
    const score = scoreQuiz(key.allowed, key);
    expect(score).toMatchObject({ scored: 16, right: 16, wrong: 0, falseAllowed: 0, falseBlocked: 0 });
    expect(firstWrongCell(score, 4)).toBeNull();
  });

  it('causal 4×4, nothing painted: the 10 allowed cells are false blocked, the 6 blocked ones right', () => {
    expect(scoreQuiz(new Uint8Array(16), causal4())).toMatchObject({ right: 6, falseAllowed: 0, falseBlocked: 10 });
  });

  it('cross-attention 3×5, causal bottom-right (k ≤ q + 2): a top-left answer (k ≤ q) has the 6 cells k ∈ (q, q+2] false blocked', () => {
    const key = keyOf({ inputMode: 'lengths', attention: 'cross', queryLength: 3, keyLength: 5, causal: true, causalAlignment: 'bottom-right' });
    expect(Array.from(key.allowed)).toEqual(Array.from(cells('11100 11110 11111')));
    const topLeft = cells('10000 11000 11100');
    const score = scoreQuiz(topLeft, key);
    expect(score).toMatchObject({ scored: 15, right: 9, falseAllowed: 0, falseBlocked: 6, unscoredRows: 0 });
    expect(score.marks[1]).toBe(QuizMark.falseBlocked); // (0, 1)
    expect(score.marks[2]).toBe(QuizMark.falseBlocked); // (0, 2)
    expect(score.marks[3]).toBe(QuizMark.rightBlocked); // (0, 3)
    expect(scoreQuiz(key.allowed, key).right).toBe(15);
  });

  it('a padded batch item (self-attention, "a b c" / "d e", item 1, key and query padding): the padded key column is part of the answer, the padded query row is not scored', () => {
    const patch: Partial<Scenario> = { inputMode: 'text', queryText: 'a b c\nd e', keyText: 'a b c\nd e', causal: false, keyPadding: true, queryPadding: true };
    const key = keyOf(patch, 1);
    expect([key.rows, key.cols]).toEqual([3, 3]);
    // key padding blocks key 2 in every row; row 2 is the padded query
    expect(Array.from(key.allowed.subarray(0, 6))).toEqual(Array.from(cells('110 110')));
    expect(Array.from(key.scoredRows)).toEqual([1, 1, 0]);
    // every key painted allowed: the two padded-key cells of the real rows are false allowed;
    // the padded query row counts nowhere, whatever is painted there
    const score = scoreQuiz(cells('111 111 111'), key);
    expect(score).toMatchObject({ scored: 6, right: 4, falseAllowed: 2, falseBlocked: 0, unscoredRows: 1 });
    expect(Array.from(score.marks.subarray(6))).toEqual([QuizMark.unscored, QuizMark.unscored, QuizMark.unscored]);
    expect(scoreQuiz(cells('110 110 000'), key)).toMatchObject({ right: 6, wrong: 0 });
  });

  it('throws a RangeError when the answer is not rows × cols', () => {
    expect(() => scoreQuiz(new Uint8Array(15), causal4())).toThrow(/scoreQuiz: answer has 15 cells, expected 4 × 4 = 16/);
  });
});

describe('painting moves', () => {
  const none = [0, 0, 0];

  it('setAnswerCell: sets one cell (a copy), the same array when nothing changes, outside the grid or in a padded row', () => {
    const empty = new Uint8Array(9);
    const one = setAnswerCell(empty, 3, none, 1, 2, true);
    expect(paintedList(one, 3)).toEqual(['1.2']);
    expect(paintedList(empty, 3)).toEqual([]);
    expect(setAnswerCell(one, 3, none, 1, 2, true)).toBe(one);
    expect(setAnswerCell(one, 3, none, 3, 0, true)).toBe(one);
    expect(setAnswerCell(one, 3, none, 0, -1, true)).toBe(one);
    expect(setAnswerCell(one, 3, [0, 0, 1], 2, 0, true)).toBe(one);
    expect(paintedList(setAnswerCell(one, 3, none, 1, 2, false), 3)).toEqual([]);
  });

  it('extendAnswer (Shift + arrow): the cell moved onto takes the value of the cell moved from', () => {
    let a = setAnswerCell(new Uint8Array(9), 3, none, 0, 0, true);
    a = extendAnswer(a, 3, none, { row: 0, col: 0 }, { row: 0, col: 1 });
    a = extendAnswer(a, 3, none, { row: 0, col: 1 }, { row: 1, col: 1 });
    expect(paintedList(a, 3)).toEqual(['0.0', '0.1', '1.1']);
    // from a blocked cell it erases
    a = extendAnswer(a, 3, none, { row: 2, col: 1 }, { row: 1, col: 1 });
    expect(paintedList(a, 3)).toEqual(['0.0', '0.1']);
  });
});
