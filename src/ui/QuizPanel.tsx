/**
 * Predict, then reveal (`quiz=1`): the quiz above the pipeline (QuizPanel), its two halves for
 * presentation mode's Mask step (quizPresent: the grids fill the stage, the words and buttons sit
 * in the side column); useQuizViews builds both for the page.
 */
import type { ReactNode } from 'react';
import { useT } from './i18n/useT';
import type { StageSlice } from '../compute/slices';
import type { AttentionInputs } from '../engine/types';
import type { Scenario } from '../state/scenario';
import { PRESENT_FONT_PX, PRESENT_MAX_CELL_PX, type PresentQuiz } from './PresentView';
import { QuizBoard } from './QuizBoard';
import { QuizControls } from './QuizControls';
import { QUIZ_HIDDEN_STEPS } from './QuizCover';
import { maskSummary } from './stageFigures';
import type { Computation } from './useComputation';
import { useQuiz, type Quiz } from './useQuiz';

interface Props {
  quiz: Quiz;
  slice: StageSlice | null;
  inputs: AttentionInputs;
  queryTokens: string[];
  keyTokens: string[];
  /** The masks asked about, in words ("causal (bottom-right) + key padding"). */
  masks: string;
}

/**
 * The quiz of the page, when the scenario's `quiz` is on (`quiz=1`): `hidden` while the answer must
 * not show, the section for the normal view (`panel`) and the Mask step of presentation mode
 * (`present`); both name the scenario's masks, since presentation mode hides the controls.
 */
export function useQuizViews(scenario: Scenario, c: Computation): { hidden: boolean; panel?: ReactNode; present?: PresentQuiz } {
  const { t } = useT();
  const quiz = useQuiz(scenario.quiz, c.slice);
  if (!scenario.quiz || !c.shown) return { hidden: quiz.hidden };
  const props = { quiz, slice: c.slice, inputs: c.shown.inputs, queryTokens: c.queryTokens, keyTokens: c.keyTokens, masks: maskSummary(scenario, t) };
  return {
    hidden: quiz.hidden,
    panel: <QuizPanel {...props} />,
    present: { ...quizPresent({ ...props, fontSize: PRESENT_FONT_PX, maxCellPx: PRESENT_MAX_CELL_PX }), covered: quiz.hidden ? QUIZ_HIDDEN_STEPS : undefined },
  };
}

/** The quiz as a section of the page, above the pipeline. */
export function QuizPanel({ quiz, slice, inputs, queryTokens, keyTokens, masks }: Props) {
  const { t } = useT();
  return (
    <section className="quiz" aria-labelledby="quiz-title" data-testid="quiz" data-state={quiz.revealed ? 'revealed' : 'painting'}>
      <h2 id="quiz-title" className="quiz-title">{t('quiz.title')}</h2>
      {!slice ? <p className="hint">{t('quiz.pending')}</p> : (
        <>
          <p className="quiz-intro">{t('quiz.intro', { batch: slice.batch, head: slice.head, rows: slice.rows, cols: slice.cols })}</p>
          <p className="quiz-masks" data-testid="quiz-masks">{t('quiz.masks', { masks })}</p>
          <div className="quiz-body">
            <QuizBoard quiz={quiz} slice={slice} queryTokens={queryTokens} keyTokens={keyTokens} />
            <QuizControls quiz={quiz} slice={slice} inputs={inputs} />
          </div>
        </>
      )}
    </section>
  );
}

/** Presentation mode's Mask step as a quiz: `stage(height)` the grids, fitted to that height; `side` the words and buttons. */
export function quizPresent(p: Props & { fontSize: number; maxCellPx: number }): { stage(height: number): ReactNode; side: ReactNode } {
  const { quiz, slice } = p;
  return {
    stage: (height) => slice && (
      <div className="quiz present-quiz" data-testid="quiz" data-state={quiz.revealed ? 'revealed' : 'painting'}>
        <QuizBoard quiz={quiz} slice={slice} queryTokens={p.queryTokens} keyTokens={p.keyTokens} large={{ fontSize: p.fontSize, maxCellPx: p.maxCellPx, maxHeight: Math.max(120, height - 48) }} />
      </div>
    ),
    side: <QuizSide {...p} />,
  };
}

function QuizSide({ quiz, slice, inputs, masks }: Props) {
  const { t } = useT();
  return (
    <div className="quiz-side">
      <h2 className="quiz-title">{t('quiz.title')}</h2>
      {!slice ? <p className="hint">{t('quiz.pending')}</p> : (
        <>
          <p className="quiz-masks" data-testid="quiz-masks">{t('quiz.masks', { masks })}</p>
          {!quiz.revealed && <p className="quiz-intro">{t('quiz.intro', { batch: slice.batch, head: slice.head, rows: slice.rows, cols: slice.cols })}</p>}
          <QuizControls quiz={quiz} slice={slice} inputs={inputs} />
        </>
      )}
    </div>
  );
}
