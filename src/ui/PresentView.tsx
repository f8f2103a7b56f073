/**
 * Presentation mode (`present=1`): for a projector. Controls, status line and panels are hidden;
 * a bar at the top walks the pipeline's steps (← / → keys, Esc leaves), and the step fills the
 * screen: its heatmap (Q, K, V side by side; the tokens as large chips) on the left, sized to
 * the space with 20 px labels and the numbers in the cells, and on the right the step's formula,
 * what changed and why, its legend and, when a row is selected, the row inspector.
 */
import { useRef, type ReactNode } from 'react';
import { useT } from './i18n/useT';
import type { PipelineStep } from '../state/scenario';
import type { HeatmapSpec } from '../viz/types';
import { Control, useControlState } from './Control';
import { Heatmap } from './Heatmap';
import { Legend } from './Legend';
import { QuizCover } from './QuizCover';
import { shownStep } from './pipelineSteps';
import { useStageCards, type StageCardsProps } from './stageCards';
import { StepNav } from './StepNav';
import { MAIN_ID } from './SkipLink';
import { useBoxSize } from './useBoxSize';
import './present.css';

/** Label font size on a projector, CSS px (the back row reads it). */
export const PRESENT_FONT_PX = 20;
/** Largest cell edge in presentation mode, CSS px: a 6 × 6 matrix grows to fill the screen. */
export const PRESENT_MAX_CELL_PX = 120;

interface Props {
  steps: readonly PipelineStep[];
  onStep(step: PipelineStep): void;
  onExit(): void;
  /** The stages of the head on screen, or null while there is none yet. */
  stages: StageCardsProps | null;
  /** The step's explanation (StepExplainer), shown beside the heatmap. */
  explainer: ReactNode;
  /** The tokens, shown large for the tokens step. */
  tokens: ReactNode;
  /** Extra content of the side column (the row inspector). */
  aside?: ReactNode;
  /** Shown instead of the stage when there is no result (an error, "computing…"). */
  message?: ReactNode;
  /** The choice of batch item and head (ViewPicker). */
  view: ReactNode;
  /** Replaces the step view (the encoder–decoder view). */
  children?: ReactNode;
  /** Shown under the bar: what was wrong in the link (the warnings banner). */
  notice?: ReactNode;
  /** A quiz (`quiz=1`): the Mask step shows its grids (`stage`, fitted to a height) and words (`side`); `covered` steps show a cover. */
  quiz?: PresentQuiz;
}

export interface PresentQuiz {
  stage(height: number): ReactNode;
  side: ReactNode;
  covered?: ReadonlySet<PipelineStep>;
}

export function PresentView({ steps, onStep, onExit, stages, explainer, tokens, aside, message, view, children, notice, quiz }: Props) {
  const { t } = useT();
  const step = stages ? shownStep(stages.step, steps) : steps[0] ?? 'tokens';
  return (
    <div className="present-view" data-testid="present-view" data-step={step}>
      <header className="present-bar">
        <h1 className="present-title">{t('app.title')}</h1>
        {!children && <StepNav steps={steps} step={step} onStep={onStep} compact />}
        {view}
        <ExitButton onExit={onExit} />
      </header>
      {notice}
      {children !== undefined ? <main className="present-main" id={MAIN_ID}>{children}</main> : stages && !message ? (
        <PresentBody stages={stages} step={step} tokens={tokens} explainer={explainer} aside={aside} quiz={quiz} />
      ) : (
        <main className="present-body" id={MAIN_ID}>
          <div className="present-stage">{message ?? tokens}</div>
          <aside className="present-side">{explainer}</aside>
        </main>
      )}
    </div>
  );
}

/**
 * Exit (Esc). A link with `lock=present` keeps students in presentation mode: the button is then
 * shown disabled with the lock (Control), not as a button that silently does nothing.
 */
function ExitButton({ onExit }: { onExit(): void }) {
  const { t } = useT();
  const button = (
    <button type="button" className="present-exit" onClick={onExit} title={t('lesson.present.exitHint')} data-testid="present-exit">
      {t('lesson.present.exit')}
    </button>
  );
  // hide=present leaves out only the Present button of the page: the way out stays
  return useControlState('present') === 'locked' ? <Control id="present">{button}</Control> : button;
}

/** The step's heatmap(s), fitted to the space left of the side column, and beside it the explanation and legend. */
function PresentBody({ stages, step, tokens, explainer, aside, quiz }: { stages: StageCardsProps; step: PipelineStep; tokens: ReactNode; explainer: ReactNode; aside?: ReactNode; quiz?: PresentQuiz }) {
  const { t } = useT();
  const cards = useStageCards(stages);
  const card = cards.find((c) => c.id === step);
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const quizStage = quiz !== undefined && step === 'mask';
  const exitLocked = useControlState('present') === 'locked';
  const covered = !quizStage && quiz?.covered?.has(step) === true;
  return (
    <main className="present-body" id={MAIN_ID}>
      <div className="present-stage" ref={box}>
        {quizStage ? size && quiz.stage(size.height) : covered ? <QuizCover step={step} present /> : !card ? tokens : (
          <figure className={`present-card${card.id === 'qkv' ? ' qkv-row' : ''}`} data-stage={card.id}>
            {card.missing && <p className="hint">{card.missing}</p>}
            {size && card.heatmaps.map(({ spec, testId }) => (
              <div key={testId} className="present-heatmap">
                <Heatmap spec={projected(spec, card.id === 'qkv' ? size.height / 2 - 10 : size.height)} testId={testId} />
              </div>
            ))}
          </figure>
        )}
      </div>
      <aside className="present-side">
        {quizStage ? quiz.side : !covered && explainer}
        {card?.legend && !quizStage && !covered && <Legend {...card.legend} large />}
        {aside}
        <p className="present-keys">{t(exitLocked ? 'lesson.present.keysLocked' : 'lesson.present.keys')}</p>
      </aside>
    </main>
  );
}

/** A heatmap for the projector: 20 px labels, cells up to 120 px, no taller than `height` (Q, K, V: two rows of two). */
function projected(spec: HeatmapSpec, height: number): HeatmapSpec {
  return { ...spec, fontSize: PRESENT_FONT_PX, maxCellPx: PRESENT_MAX_CELL_PX, maxHeight: Math.max(120, height - 8) };
}
