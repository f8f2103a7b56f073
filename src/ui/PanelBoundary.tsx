/**
 * An error boundary around one panel or view: a render error inside it replaces that panel with
 * a notice (what failed, the error's message, "Try again") while the rest of the page keeps
 * working; the Scenario lives in App and the URL, so no setting is lost. React's error boundary
 * API: getDerivedStateFromError (react.dev, "Catching rendering errors with an error boundary").
 */
import { Component, type ReactNode } from 'react';
import { useT } from './i18n/useT';
import { throwIfTestFault } from './testFault';

export type PanelName = 'input' | 'masks' | 'modifiers' | 'model' | 'frameworks' | 'result' | 'encdec' | 'inspector';

interface Props {
  panel: PanelName;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { panel, children } = this.props;
    if (this.state.error) return <PanelFailed panel={panel} message={this.state.error.message} onRetry={() => this.setState({ error: null })} />;
    return <>
      <FaultProbe panel={panel} />
      {children}
    </>;
  }
}

/** Throws inside the boundary when a test asks for it (testFault.ts); renders nothing. */
function FaultProbe({ panel }: { panel: PanelName }): null {
  throwIfTestFault(panel);
  return null;
}

function PanelFailed({ panel, message, onRetry }: { panel: PanelName; message: string; onRetry(): void }) {
  const { t } = useT();
  return (
    <section className="banner error panel-failed" role="alert" data-testid={`panel-failed-${panel}`}>
      <p>{t('boundary.failed', { panel: t(`boundary.panels.${panel}`), message })}</p>
      <p>{t('boundary.kept')}</p>
      <button type="button" onClick={onRetry}>{t('boundary.retry')}</button>
    </section>
  );
}
