/**
 * One pipeline step explained: its name, its formula (KaTeX) and two or three sentences of what
 * changed and why, with the numbers of the head on screen.
 */
import { useT } from './i18n/useT';
import type { PipelineStep } from '../state/scenario';
import { Formula } from './Formula';
import { groupDigits } from './groupDigits';
import { stepFormula, type FormulaContext } from './stepFormulas';
import type { Sentence } from './stepExplanation';

interface Props {
  step: PipelineStep;
  /** 1-based position and count of the steps. */
  n: number;
  total: number;
  formula: Omit<FormulaContext, 'words'>;
  sentences: Sentence[];
}

export function StepExplainer({ step, n, total, formula, sentences }: Props) {
  const { t, i18n } = useT();
  // 8,386,560 rather than 8386560 (the count of a 4096 × 4096 mask's blocked cells)
  const grouped = (values: Sentence['values']) => values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' && k !== 'count' && Number.isInteger(v) && Math.abs(v) >= 1000 ? groupDigits(v, i18n.language) : v]));
  const words = {
    token: t('lesson.words.token'), target: t('lesson.words.target'), source: t('lesson.words.source'),
    notPadding: t('lesson.words.notPadding'), otherMasks: t('lesson.words.otherMasks'),
    real: t('lesson.words.real'), realPositions: t('lesson.words.realPositions'),
  };
  return (
    <section className="step-explainer" data-testid="step-explainer" data-step={step} aria-live="polite">
      <h2 className="step-title">
        <span className="step-number">{t('lesson.pipeline.stepOf', { n, total })}</span> {t(`lesson.steps.${step}`)}
      </h2>
      <div className="step-formula">
        <Formula tex={stepFormula(step, { ...formula, words })} display testId="step-formula" />
      </div>
      <div className="step-sentences">
        {sentences.map((s) => (
          <p key={s.key} className="step-text" data-sentence={s.key}>{t(`lesson.explain.${s.key}`, grouped(s.values))}</p>
        ))}
      </div>
    </section>
  );
}
