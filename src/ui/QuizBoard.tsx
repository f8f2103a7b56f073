/**
 * The grids of the quiz: before Reveal, the answer being painted (1 = allowed, blue; 0 = left
 * blocked, pale; padded query rows greyed and empty); after, the answer scored — the same colours,
 * a ✓ or ✗ in each scored cell and the wrong cells outlined, so colour is never the only cue —
 * beside the mask itself. Pointing at a cell of a revealed grid chooses the why-tree's cell.
 */
import { useMemo } from 'react';
import { useT } from './i18n/useT';
import type { StageSlice } from '../compute/slices';
import type { HeatmapCell, HeatmapSpec } from '../viz/types';
import { paintedList, isWrongMark, QuizMark } from './quizScore';
import { QuizGrid } from './QuizGrid';
import type { Quiz } from './useQuiz';

/** An allowed cell: the Mask heatmap's blue. */
export const QUIZ_ALLOWED = '#5b8bd9';
/** A cell left blocked, or a padded query row: pale grey (padded rows are faded further). */
export const QUIZ_BLOCKED = '#e9ecef';

/** The matrix's longer side on the page (outside presentation mode), CSS px: cells of at most QUIZ_MAX_CELL_PX. */
export const QUIZ_MATRIX_PX = 360;
/** The largest cell outside presentation mode, CSS px (a 4 × 4 quiz: 48 px cells, easy to tap). */
export const QUIZ_MAX_CELL_PX = 48;

/** What a cell of the answer being painted shows: 1 painted allowed, 0 not, 2 a padded query row. */
const PADDED = 2;
const answerColor = (v: number) => (v === 1 ? QUIZ_ALLOWED : QUIZ_BLOCKED);
const ANSWER_TEXT = { format: (v: number) => (v === PADDED ? '' : String(v)), blocked: '' };
const markColor = (m: number) => (m === QuizMark.rightAllowed || m === QuizMark.falseAllowed ? QUIZ_ALLOWED : QUIZ_BLOCKED);
const MARK_TEXT = { format: (m: number) => (m === QuizMark.unscored ? '' : isWrongMark(m) ? '✗' : '✓'), blocked: '' };
const maskColor = () => QUIZ_ALLOWED;
const MASK_TEXT = { format: (v: number) => (v ? '1' : '0'), blocked: '0' };

interface Props {
  quiz: Quiz;
  slice: StageSlice;
  queryTokens: string[];
  keyTokens: string[];
  /** Presentation mode: labels of this size (CSS px), cells up to maxCellPx, no taller than maxHeight. */
  large?: { fontSize: number; maxCellPx: number; maxHeight: number };
}

export function QuizBoard({ quiz, slice, queryTokens, keyTokens, large }: Props) {
  const { t } = useT();
  const { answer, score } = quiz;
  const { rows, cols, paddedRows } = slice;
  const shown = useMemo(() => {
    if (!answer || answer.length !== rows * cols) return null;
    const out = Uint8Array.from(answer);
    for (let r = 0; r < rows; r++) if (paddedRows[r]) out.fill(PADDED, r * cols, (r + 1) * cols);
    return out;
  }, [answer, rows, cols, paddedRows]);
  const wrong = useMemo(() => (score ? Uint8Array.from(score.marks, (m) => (isWrongMark(m) ? 1 : 0)) : undefined), [score]);
  if (!shown || !answer) return null;
  const base = {
    rows, cols, rowLabels: queryTokens, colLabels: keyTokens, greyRows: paddedRows, rowAxisTitle: t('stage.query'), colAxisTitle: t('stage.key'),
    ...(large ?? { cellSize: Math.max(1, Math.min(QUIZ_MAX_CELL_PX, Math.floor(QUIZ_MATRIX_PX / Math.max(rows, cols, 1)))) }),
  };
  const highlight: HeatmapCell | null | undefined = quiz.whyCell ?? undefined;
  const onCell = (cell: HeatmapCell | null) => cell && quiz.pointAt(cell);
  const painted = paintedList(answer, cols).join(',');
  if (!score) {
    const spec: HeatmapSpec = { ...base, values: shown, color: answerColor, valueText: ANSWER_TEXT, ariaLabel: t('quiz.answerLabel', { rows, cols }) };
    return (
      <div className="quiz-board" data-testid="quiz-board" data-painted={painted}>
        <figure className="quiz-figure">
          <figcaption>{t('quiz.answer')}</figcaption>
          <QuizGrid spec={spec} testId="quiz-answer" painting={quiz} />
        </figure>
      </div>
    );
  }
  const scored: HeatmapSpec = {
    ...base, values: score.marks, color: markColor, valueText: MARK_TEXT, outlined: wrong, highlight, ariaLabel: t('quiz.scoredLabel'),
  };
  const mask: HeatmapSpec = {
    ...base, values: slice.mask, blocked: slice.blocked, color: maskColor, poolBlocked: 'any', valueText: MASK_TEXT, flaggedRows: slice.fullyMaskedRows, highlight,
    ariaLabel: t('quiz.maskLabel', { rows, cols }),
  };
  return (
    <div className="quiz-board revealed" data-testid="quiz-board" data-painted={painted} data-marks={Array.from(score.marks).join('')}>
      <figure className="quiz-figure">
        <figcaption>{t('quiz.answer')}</figcaption>
        <QuizGrid spec={scored} testId="quiz-answer" onCell={onCell} />
      </figure>
      <figure className="quiz-figure">
        <figcaption>{t('quiz.mask')}</figcaption>
        <QuizGrid spec={mask} testId="quiz-mask" onCell={onCell} />
      </figure>
    </div>
  );
}
