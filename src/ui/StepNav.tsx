/**
 * Moving through the pipeline's steps: previous / next buttons and one button per step, in
 * order, with an arrow after each but the last. The current step has aria-current="step". While focus is on
 * a step's button, it follows the current step (a step taken with ← / → in presentation mode):
 * the focus ring never marks a step other than the one shown.
 */
import { useEffect, useRef } from 'react';
import { useT } from './i18n/useT';
import type { PipelineStep } from '../state/scenario';
import { moveStep, shownStep } from './pipelineSteps';

interface Props {
  steps: readonly PipelineStep[];
  step: PipelineStep;
  onStep(step: PipelineStep): void;
  /** Only the current step is named; the others show their number (the name is their label), no arrows between. */
  compact?: boolean;
}

export function StepNav({ steps, step, onStep, compact = false }: Props) {
  const { t } = useT();
  const current = shownStep(step, steps);
  const index = steps.indexOf(current);
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !focused.classList.contains('step-button') || !nav.current?.contains(focused)) return;
    if (focused.dataset.step !== current) nav.current.querySelector<HTMLElement>('[aria-current="step"]')?.focus();
  }, [current]);
  return (
    <nav className="step-nav" aria-label={t('lesson.pipeline.steps')} data-testid="step-nav" ref={nav}>
      <button type="button" className="step-move" onClick={() => onStep(moveStep(current, -1, steps))} disabled={index <= 0} aria-label={t('lesson.pipeline.previous')} title={t('lesson.pipeline.previous')}>
        ←
      </button>
      <ol className="step-list">
        {steps.map((s, i) => (
          <li key={s}>
            <button
              type="button" className={s === current ? 'step-button current' : 'step-button'} aria-current={s === current ? 'step' : undefined} data-step={s} onClick={() => onStep(s)}
              aria-label={compact && s !== current ? `${i + 1} ${t(`lesson.steps.${s}`)}` : undefined} title={t(`lesson.steps.${s}`)}
            >
              {compact && s !== current ? i + 1 : compact ? `${i + 1} ${t(`lesson.steps.${s}`)}` : t(`lesson.steps.${s}`)}
            </button>
            {/* after its step, so that a wrapped list ends its line with "Masked →", never starts one with a lone arrow */}
            {i < steps.length - 1 && !compact && <span className="step-arrow" aria-hidden="true">→</span>}
          </li>
        ))}
      </ol>
      <button type="button" className="step-move" onClick={() => onStep(moveStep(current, 1, steps))} disabled={index >= steps.length - 1} aria-label={t('lesson.pipeline.next')} title={t('lesson.pipeline.next')}>
        →
      </button>
    </nav>
  );
}
