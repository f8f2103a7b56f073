/**
 * The encoder–decoder view as one figure (issue #12 §3): its three attentions (encoder, decoder,
 * cross), each a mask and a weights heatmap with their legends — the specs EncDecPanel draws
 * (panelSpecs), so the colours and labels are the screen's.
 */
import type { useTranslation } from 'react-i18next';
import type { EncDecPanelData } from '../compute/encdecCompute';
import { ENCDEC_PARTS, type EncDecPart } from '../scenario/encdecInputs';
import type { WeightScale } from '../state/scenario';
import { composeFigures } from '../viz/figureCompose';
import { heatmapFigure } from '../viz/figureHeatmap';
import { panelSpecs, panelTitle } from './EncDecPanel';
import { sequentialScale } from '../viz/colorScales';
import type { FigureLegend } from '../viz/figureLegend';
import { specMatrix, type FigureTarget } from './stageFigures';

type T = ReturnType<typeof useTranslation>['t'];

/** Label size of the figure's heatmaps, CSS px (the view's). */
const FONT_SIZE = 15;
/** The weights' colour scale (EncDecPanel's). */
const WEIGHT_SCALE = sequentialScale();

/**
 * The Figure menu's target of the encoder–decoder view: the three panels side by side (a panel
 * that could not be computed is left out); its matrices are each panel's mask and weights.
 */
export function encdecTarget(panels: Record<EncDecPart, EncDecPanelData | null>, causal: boolean, weightScale: WeightScale, batch: number, head: number, t: T): FigureTarget {
  const parts = ENCDEC_PARTS.flatMap((part) => {
    const title = panelTitle(part, causal, t);
    const specs = panelSpecs(part, panels[part], title, weightScale, FONT_SIZE, t);
    return specs ? [{ part, title, specs }] : [];
  });
  const figure = () => {
    const panelFigures = parts.map(({ title, specs }) => composeFigures(specs.map(({ stage, spec }) => {
      const legend: FigureLegend = stage === 'mask'
        ? { kind: 'swatches', allowedColor: spec.color(1), items: [{ swatch: 'allowed', label: t('stage.allowed') }, { swatch: 'blocked', label: t('stage.blockedCell') }] }
        : { kind: 'bar', color: WEIGHT_SCALE, title: weightScale === 'row' ? t('view.weightsRowLegend') : t('stage.weights'), blockedLabel: t('lesson.stage.blockedWeight') };
      return heatmapFigure({ ...spec, title: t(`encdec.${stage}`) }, legend, document);
    }), { title, fontSize: 17 }, document));
    return composeFigures(panelFigures, { title: t('figures.encdecTitle'), subtitle: t('encdec.shown', { batch, head }), maxWidth: 2400 }, document);
  };
  const matrices = parts.flatMap(({ part, title, specs }) => specs.map(({ stage, spec }) => ({
    id: `${part}-${stage}`,
    name: `${title} · ${t(`encdec.${stage}`)}`,
    data: specMatrix({ ...spec, valueText: stage === 'weights' ? { format: String, blocked: '0', values: panels[part]!.slice.weights } : undefined }, stage === 'mask' ? 'mask' : 'number'),
  })));
  return { id: 'encdec', name: t('figures.encdecTitle'), batch, head, matrices, figure };
}
