/**
 * What stands in for a stage whose heatmap would tell a quiz's answer, until Reveal: the heatmap
 * is not in the page at all. The quiz's stylesheet is imported here, by the first quiz file any
 * view loads.
 */
import { useT } from './i18n/useT';
import type { PipelineStep } from '../state/scenario';
import './quiz.css';

/** Steps whose heatmaps show the answer (the mask, and what it makes of the logits): covered until Reveal. */
export const QUIZ_HIDDEN_STEPS: ReadonlySet<PipelineStep> = new Set<PipelineStep>(['mask', 'masked', 'weights', 'output']);

/** The cover of stage `step` (`data-testid="quiz-cover-<step>"`); in presentation mode it says where the quiz is. */
export function QuizCover({ step, present = false }: { step: string; present?: boolean }) {
  const { t } = useT();
  return <p className="quiz-cover" data-testid={`quiz-cover-${step}`}>{t(present ? 'quiz.hiddenPresent' : 'quiz.hidden')}</p>;
}
