/**
 * One attention of the encoder–decoder view: its title, which masks apply (as a formula and a
 * sentence), and its mask and weights heatmaps for the shown batch item and head. The panel
 * carries `data-testid="attention-<part>"` and `data-linked="row,col"` (the highlight its
 * heatmaps show, "" for none; HeatmapSpec.highlight, −1 = a whole row or column).
 */
import { memo, useMemo, useRef } from 'react';
import type { useTranslation } from 'react-i18next';
import { useT } from './i18n/useT';
import type { Scenario, WeightScale } from '../state/scenario';
import { formatCellValue } from '../viz/cellFormat';
import { maskColor, sequentialScale } from '../viz/colorScales';
import type { HeatmapCell, HeatmapSpec } from '../viz/types';
import type { EncDecPanelData } from '../compute/encdecCompute';
import { maskTerms, type EncDecPart } from '../scenario/encdecInputs';
import { highlightAttr } from './encdecLink';
import { Heatmap } from './Heatmap';
import { useBoxSize } from './useBoxSize';
import { weightColorValues } from './weightScale';

const WEIGHT_SCALE = sequentialScale();
/** Numbers in the weights' cells (stable: the heatmap redraws them when this object changes). */
const WEIGHT_TEXT = { format: formatCellValue, blocked: '0' };

/** Axis titles per panel: rows are queries, columns keys, of the source or the target. */
const AXES: Record<EncDecPart, { rows: string; cols: string }> = {
  encoder: { rows: 'encdec.axis.sourceQuery', cols: 'encdec.axis.sourceKey' },
  decoder: { rows: 'encdec.axis.targetQuery', cols: 'encdec.axis.targetKey' },
  cross: { rows: 'encdec.axis.targetQuery', cols: 'encdec.axis.sourceKey' },
};

interface Props {
  part: EncDecPart;
  /** The computed attention, or null when it could not be computed. */
  data: EncDecPanelData | null;
  /** Its Scenario (encdecScenarios), for the terms of its mask (maskTerms). */
  partScenario: Scenario;
  /** The decoder's causal box (titles and notes of the decoder). */
  causal: boolean;
  /** What its heatmaps highlight (linkHighlights). */
  highlight: HeatmapCell | null;
  onCell(part: EncDecPart, cell: HeatmapCell | null): void;
  weightScale: WeightScale;
  /** Label font size of the heatmaps, CSS px. */
  fontSize: number;
  /** Presentation: each heatmap fills its share of the screen's height (encdec.css gives the boxes their size). */
  present: boolean;
  /** The heatmaps shown, in this order (both, or one in presentation). */
  stages: readonly ('mask' | 'weights')[];
}

/** Memoised: a highlight in another panel re-renders only the panels whose highlight changes. */
export const EncDecPanel = memo(function EncDecPanel({ part, data, partScenario, causal, highlight, onCell, weightScale, fontSize, present, stages }: Props) {
  const { t } = useT();
  const title = panelTitle(part, causal, t);
  const note = t(`encdec.notes.${part === 'decoder' && causal ? 'decoderCausal' : part}`);
  const terms = maskTerms(part, partScenario);
  const formula = t('encdec.allowed', { terms: terms.length === 0 ? t('encdec.terms.none') : terms.map((term) => t(`encdec.terms.${term}`)).join(' ∧ ') });
  const specs = usePanelSpecs(part, data, title, weightScale, fontSize);
  const headingId = `encdec-${part}-title`;
  return (
    <section className="encdec-panel" id={`encdec-${part}`} data-testid={`attention-${part}`} data-part={part} data-linked={highlightAttr(highlight)} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="encdec-formula" data-testid={`encdec-${part}-formula`}>{formula}</p>
      {/* presenting, the room goes to the heatmap: the formula says what the note says */}
      {!present && <p className="note">{note}</p>}
      {specs ? (
        <div className="encdec-maps">
          {specs.filter(({ stage }) => stages.includes(stage)).map(({ stage, spec }) => (
            <figure key={stage} className="encdec-map" data-map={stage}>
              <figcaption className={present ? 'visually-hidden' : undefined}>{t(`encdec.${stage}`)}</figcaption>
              <FittedHeatmap spec={{ ...spec, highlight, onHover: (cell) => onCell(part, cell) }} testId={`encdec-${part}-${stage}`} fill={present} />
            </figure>
          ))}
        </div>
      ) : (
        <p className="hint" role="status">{t('encdec.unavailable')}</p>
      )}
    </section>
  );
});

/** Largest cell edge when a heatmap fills its box (presentation), CSS px. */
const MAX_FILL_CELL_PX = 80;

/**
 * A heatmap; with `fill`, inside a box that the layout sizes (flex), its cells the largest with
 * which the drawing fits the box (HeatmapSpec box mode: maxWidth × maxHeight).
 */
function FittedHeatmap({ spec, testId, fill }: { spec: HeatmapSpec; testId: string; fill: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const fitted = fill && size && size.height > 0 && size.width > 0 ? { ...spec, maxWidth: size.width, maxHeight: size.height, maxCellPx: MAX_FILL_CELL_PX } : spec;
  return (
    <div ref={box} className="encdec-map-box">
      <Heatmap spec={fitted} testId={testId} />
    </div>
  );
}

/** The mask and weights specs of a panel (without highlight and onHover), memoised on the data. */
function usePanelSpecs(part: EncDecPart, data: EncDecPanelData | null, title: string, weightScale: WeightScale, fontSize: number) {
  const { t } = useT();
  return useMemo(() => panelSpecs(part, data, title, weightScale, fontSize, t), [part, data, title, weightScale, fontSize, t]);
}

/** The title of a panel of the encoder–decoder view (the decoder's says whether it is causal). */
export function panelTitle(part: EncDecPart, causal: boolean, t: ReturnType<typeof useTranslation>['t']): string {
  return t(`encdec.panels.${part === 'decoder' && causal ? 'decoderCausal' : part}`);
}

/** The mask and weights specs of a panel (without highlight and onHover); null without data. Also the figures' (EncDecView). */
export function panelSpecs(part: EncDecPart, data: EncDecPanelData | null, title: string, weightScale: WeightScale, fontSize: number, t: ReturnType<typeof useTranslation>['t']) {
  if (!data) return null;
  const { slice } = data;
  const label = (stage: string) => t('encdec.heatmapLabel', { panel: title, stage, batch: slice.batch, head: slice.head, rows: slice.rows, cols: slice.cols });
  const base = {
    rows: slice.rows,
    cols: slice.cols,
    rowLabels: data.queryTokens,
    colLabels: data.keyTokens,
    greyRows: slice.paddedRows,
    flaggedRows: slice.fullyMaskedRows,
    blocked: slice.blocked,
    rowAxisTitle: t(AXES[part].rows),
    colAxisTitle: t(AXES[part].cols),
    fontSize,
  };
  const mask: HeatmapSpec = { ...base, values: slice.mask, color: maskColor, poolBlocked: 'any', ariaLabel: label(t('encdec.mask')) };
  const weights: HeatmapSpec = {
    ...base, values: weightColorValues(weightScale, slice.weights, slice.rows, slice.cols), color: WEIGHT_SCALE, ariaLabel: label(t('encdec.weights')),
    // the numbers where they fit, when the colours are the weights themselves (not row-scaled)
    valueText: weightScale === 'unit' ? WEIGHT_TEXT : undefined,
  };
  return [
    { stage: 'mask' as const, spec: mask },
    { stage: 'weights' as const, spec: weights },
  ];
}
