/**
 * The quiz's words and buttons: how to paint, how many cells are painted, Reveal / Clear, then
 * the score in words ("14 of 16 cells right; 1 you painted allowed is blocked by the mask, …"),
 * the legend of the marks, the why-tree of the cell pointed at, and Try again.
 */
import type { useTranslation } from 'react-i18next';
import { useT } from './i18n/useT';
import type { StageSlice } from '../compute/slices';
import { explainMaskCell } from '../engine/masks';
import type { AttentionInputs } from '../engine/types';
import { QUIZ_ALLOWED, QUIZ_BLOCKED } from './QuizBoard';
import { paintedList, type QuizScore } from './quizScore';
import type { Quiz } from './useQuiz';
import { WhyTree } from './WhyTree';

interface Props {
  quiz: Quiz;
  slice: StageSlice;
  inputs: AttentionInputs;
}

export function QuizControls({ quiz, slice, inputs }: Props) {
  const { t } = useT();
  const paddedCount = slice.paddedRows.reduce((a, b) => a + (b ? 1 : 0), 0);
  const painted = quiz.answer ? paintedList(quiz.answer, slice.cols).length : 0;
  return (
    <div className="quiz-controls">
      {!quiz.score && <p className="quiz-how">{t('quiz.how')}</p>}
      {paddedCount > 0 && <p className="quiz-padded" data-testid="quiz-padded">{t('quiz.padded', { count: paddedCount })}</p>}
      {quiz.score ? (
        <>
          <p className="quiz-score" role="status" data-testid="quiz-score">{scoreText(quiz.score, t)}</p>
          <QuizLegend />
          <button type="button" className="quiz-button" onClick={quiz.tryAgain} data-testid="quiz-try-again">{t('quiz.tryAgain')}</button>
          {quiz.whyCell && <QuizWhy cell={quiz.whyCell} slice={slice} inputs={inputs} />}
        </>
      ) : (
        <>
          <p className="quiz-count" aria-live="polite" data-testid="quiz-count">{t('quiz.painted', { count: painted })}</p>
          <div className="quiz-buttons">
            <button type="button" className="quiz-button primary" onClick={quiz.reveal} data-testid="quiz-reveal">{t('quiz.reveal')}</button>
            <button type="button" className="quiz-button" onClick={quiz.clear} disabled={painted === 0}>{t('quiz.clear')}</button>
          </div>
        </>
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/**
 * "14 of 16 cells right; 1 you painted allowed is blocked by the mask, 1 you left blocked is
 * allowed by the mask": a kind of mistake the student did not make is not named; with none,
 * "16 of 16 cells right. All right!".
 */
export function scoreText(score: QuizScore, t: T): string {
  const right = t('quiz.right', { right: score.right, count: score.scored });
  if (score.wrong === 0) return `${right}${t('quiz.sentenceEnd')}${t('quiz.allRight')}`;
  const wrong = [
    score.falseAllowed > 0 ? t('quiz.falseAllowed', { count: score.falseAllowed }) : null,
    score.falseBlocked > 0 ? t('quiz.falseBlocked', { count: score.falseBlocked }) : null,
  ].filter((part) => part !== null);
  return t('quiz.score', { right, wrong: wrong.join(t('quiz.wrongJoin')) });
}

function QuizLegend() {
  const { t } = useT();
  return (
    <ul className="quiz-legend">
      <li><span className="quiz-swatch" style={{ background: QUIZ_ALLOWED }} aria-hidden="true" /> {t('quiz.legendAllowed')}</li>
      <li><span className="quiz-swatch" style={{ background: QUIZ_BLOCKED }} aria-hidden="true" /> {t('quiz.legendBlocked')}</li>
      <li><span className="quiz-glyph" aria-hidden="true">✓</span> {t('quiz.legendRight')}</li>
      <li><span className="quiz-glyph wrong" aria-hidden="true">✗</span> {t('quiz.legendWrong')}</li>
    </ul>
  );
}

/** The mask's why-tree at one cell of the slice on screen. */
function QuizWhy({ cell, slice, inputs }: { cell: { row: number; col: number }; slice: StageSlice; inputs: AttentionInputs }) {
  const { t } = useT();
  if (cell.row >= slice.rows || cell.col >= slice.cols) return null;
  const explanation = explainMaskCell(inputs.mask, inputs.shape, { b: slice.batch, h: slice.head, q: cell.row, k: cell.col });
  return (
    <div className="quiz-why why" data-testid="quiz-why" data-cell={`${cell.row},${cell.col}`}>
      <span className="why-title">{t(slice.mask[cell.row * slice.cols + cell.col] ? 'quiz.whyAllowed' : 'quiz.whyBlocked', { row: cell.row, col: cell.col })}</span>
      <WhyTree explanation={explanation} />
      <p className="hint">{t('quiz.whyHint')}</p>
    </div>
  );
}
