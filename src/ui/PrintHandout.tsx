/**
 * The printed handout (issue #12 §3): printing the page (Ctrl+P, or "Print handout…" in the
 * view's Figure menu) prints one page — a title, one line saying what the scenario is, the
 * current step with its formula and explanation, and the mask and weights of the head on
 * screen as vector figures (viz/figureHeatmap.ts → SVG) — and none of the controls, the
 * settings, the status line or the other stages (print.css hides the app). It is rendered only
 * while printing, outside the app's root (a portal into <body>), `data-testid="print-handout"`
 * with `data-ready="true"` once its figures are in.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from './i18n/useT';
import type { Scenario } from '../state/scenario';
import { figureToSvg } from '../viz/figureSvg';
import type { Figure } from '../viz/figureTypes';
import { useStageCards, type StageCardsProps } from './stageCards';
import { cardFigure, scenarioSummary } from './stageFigures';
import { usePrinting } from './usePrinting';
import './print.css';

interface Props {
  scenario: Scenario;
  /** The stage cards' props of the head on screen; null while there is no result. */
  stageProps: StageCardsProps | null;
  /** The current step explained (StepExplainer): its title, formula and sentences. */
  explainer: ReactNode;
}

export function PrintHandout({ scenario, stageProps, explainer }: Props) {
  const printing = usePrinting();
  const { t } = useT();
  if (!printing) return null;
  return createPortal(
    <section className="print-handout" data-testid="print-handout" data-ready={stageProps === null ? 'true' : undefined} aria-label={t('figures.handout.label')}>
      <h1 className="handout-title">{t('app.title')} · {t('app.tagline')}</h1>
      {stageProps && <p className="handout-summary">{scenarioSummary(scenario, stageProps.slice, t)}</p>}
      {explainer}
      {stageProps ? <HandoutFigures props={stageProps} /> : <p>{t('figures.notReady')}</p>}
    </section>,
    document.body,
  );
}

/** The Mask and Weights cards of the head on screen, as SVG figures side by side. */
function HandoutFigures({ props }: { props: StageCardsProps }) {
  const { t } = useT();
  const cards = useStageCards(props);
  const host = useRef<HTMLDivElement>(null);
  const { batch, head } = props.slice;
  useLayoutEffect(() => {
    const node = host.current;
    if (!node) return;
    const figures: Figure[] = cards.filter((c) => c.id === 'mask' || c.id === 'weights').map((c) => cardFigure(c, batch, head, t, document));
    node.replaceChildren(...figures.map((f) => {
      const box = document.createElement('figure');
      box.className = 'handout-figure';
      // widths in proportion to the figures' own: both printed at the same scale
      box.style.flex = `${f.width} 1 0`;
      box.append(figureToSvg(f, document));
      return box;
    }));
    node.closest('.print-handout')?.setAttribute('data-ready', 'true');
  }, [cards, batch, head, t]);
  return <div className="handout-figures" ref={host} data-testid="handout-figures" />;
}
