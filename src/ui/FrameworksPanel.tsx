/**
 * "In your framework": the current mask as copyable code (PyTorch, FlexAttention, JAX,
 * TensorFlow), as each framework's mask argument (shape, dtype, what 1 means), and what a fully
 * masked row becomes under each convention. Built only while the panel is open, from a chunk
 * loaded the first time it is (FrameworksBody.tsx).
 */
import { lazy, memo, Suspense } from 'react';
import { useT } from './i18n/useT';
import type { FrameworksProps } from './FrameworksBody';

const FrameworksBody = lazy(() => import('./FrameworksBody'));

interface PanelProps extends FrameworksProps {
  /** Open (the Scenario's `open` list names `frameworks`). */
  open: boolean;
  onOpenChange(open: boolean): void;
}

/** Memoised: skipped when the page re-renders for another reason (a setting, a hover elsewhere). */
export const FrameworksPanel = memo(function FrameworksPanel({ open, onOpenChange, ...props }: PanelProps) {
  const { t } = useT();
  // The toggle event also fires when `open` is set from the URL: only a change by the user is reported.
  return (
    <details className="frameworks" open={open} onToggle={(e) => e.currentTarget.open !== open && onOpenChange(e.currentTarget.open)} data-testid="frameworks" data-panel="frameworks">
      <summary>{t('frameworks.title')}</summary>
      {open && (
        <Suspense fallback={<p className="hint" role="status">{t('frameworks.loading')}</p>}>
          <FrameworksBody {...props} />
        </Suspense>
      )}
    </details>
  );
});

