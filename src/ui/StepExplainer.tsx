/**
 * One pipeline step explained: its name, its formula (KaTeX) and two or three sentences of what
 * changed and why, with the numbers of the head on screen.
 */
import { useTranslation } from 'react-i18next';
import type { PipelineStep } from '../state/scenario';
import { Formula } from './Formula';
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
  const { t } = useTranslation();
  const words = {
    token: t('lesson.words.token'), target: t('lesson.words.target'), source: t('lesson.words.source'),
    notPadding: t('lesson.words.notPadding'), otherMasks: t('lesson.words.otherMasks'),
  };
  return (
    <section className="step-explainer" data-testid="step-explainer" data-step={step} aria-live="polite">
      <h2 className="step-title">
        <span className="step-number">{t('lesson.pipeline.stepOf', { n, total })}</span> {t(`lesson.steps.${step}`)}
      </h2>
      <div className="step-formula">
        <Formula tex={stepFormula(step, { ...formula, words })} display testId="step-formula" />
      </div>
      {sentences.map((s) => (
        <p key={s.key} className="step-text" data-sentence={s.key}>{t(`lesson.explain.${s.key}`, s.values)}</p>
      ))}
    </section>
  );
}
