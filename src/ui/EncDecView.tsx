/**
 * The encoder–decoder view (`attn=encdec`, issue #10 §5): encoder self-attention (source
 * padding), decoder self-attention (causal + target padding) and cross-attention (target queries ×
 * source keys, source padding) side by side, each with its mask and weights for the shown batch
 * item and head, computed on the page (useEncDec.ts). Linked: hovering, focusing or tapping a
 * token chip or a heatmap cell highlights that token in every panel (encdecLink.ts). The panels
 * stack on a narrow screen (encdec.css).
 *
 * DOM hooks: section `data-testid="encdec"`; panels `data-testid="attention-encoder|decoder|cross"`
 * (ids `encdec-encoder|decoder|cross`) with `data-linked="row,col"`; heatmaps
 * `data-testid="encdec-<part>-mask|weights"`; chips in `data-testid="encdec-tokens-source|target"`,
 * each a button with `data-index` and `data-highlighted`.
 */
import { memo, useEffect, useMemo } from 'react';
import { useT } from './i18n/useT';
import { PIPELINE_STEPS, type PipelineStep, type Scenario } from '../state/scenario';
import type { EncDecPlan } from '../compute/encdecCompute';
import { ENCDEC_PARTS, ignoredMaskFields, type ExtraMaskField } from '../scenario/encdecInputs';
import type { CellReadoutProps } from './CellReadout';
import { linkHighlights } from './encdecLink';
import { EncDecPanel, panelTitle } from './EncDecPanel';
import { EncDecTokens } from './EncDecTokens';
import { Legend } from './Legend';
import { sequentialScale } from '../viz/colorScales';
import { useEncDec } from './useEncDec';
import { useEncDecLink } from './useEncDecLink';
import { FigureMenu } from './FigureMenu';
import { encdecTarget } from './encdecFigure';
import './encdec.css';

export interface EncDecViewProps {
  scenario: Scenario;
  /** Batch item shown (0-based, already clamped). */
  batch: number;
  /** Head shown (0-based, already clamped). */
  head: number;
  /** Presentation mode: larger, high-contrast, fills the width. */
  present: boolean;
  /** Presentation: sets the pipeline step (`mask` or `weights`) when the Mask | Weights toggle is pressed. */
  onStep?(step: PipelineStep): void;
  /** The cell of a panel pointed at (hover, tap, keys), for the page's read-out; null when none is. */
  onReadout?(readout: CellReadoutProps | null): void;
}

/** Heatmap label size, CSS px: readable from the back of a classroom when presenting. */
const FONT_SIZE = { normal: 15, present: 20 } as const;
const WEIGHT_SCALE = sequentialScale();

/** Memoised: a hover in the stage heatmaps below does not re-render it. */
export const EncDecView = memo(function EncDecView({ scenario, batch, head, present, onStep, onReadout }: EncDecViewProps) {
  const { t } = useT();
  const { plan, panels } = useEncDec(scenario, batch, head);
  const presentStage = stageOfStep(scenario.step);
  const stages = useMemo(() => (present ? [presentStage] : BOTH_STAGES), [present, presentStage]);
  const { link, handlers } = useEncDecLink();
  const lit = useMemo(() => linkHighlights(link), [link]);
  useEffect(() => {
    const data = link?.kind === 'cell' ? panels[link.part] : null;
    const cell = link?.kind === 'cell' ? { row: link.row, col: link.col, stage: 'cells' as const } : null;
    // the read-out names the panel: "dog → barked" is in the decoder and the cross-attention alike
    const source = link?.kind === 'cell' ? panelTitle(link.part, scenario.causal, t) : undefined;
    onReadout?.(data && cell ? { cell, slice: data.slice, inputs: data.inputs, queryTokens: data.queryTokens, keyTokens: data.keyTokens, source } : null);
  }, [link, panels, onReadout, scenario.causal, t]);
  const ignored = ignoredMaskFields(scenario);
  const shownBatch = panels.cross?.slice.batch ?? batch;
  return (
    <section className={present ? 'encdec present' : 'encdec'} data-testid="encdec" aria-labelledby="encdec-heading">
      <div className="encdec-heading-row">
        <h2 id="encdec-heading">{t('encdec.title')}</h2>
        {!present && plan.ok && <FigureMenu target={encdecTarget(panels, scenario.causal, scenario.weightScale, shownBatch, panels.cross?.slice.head ?? head, t)} />}
      </div>
      <p className="hint">
        {t('encdec.shown', { batch: shownBatch, head: panels.cross?.slice.head ?? head })} · {t('encdec.intro')}
      </p>
      {ignored.length > 0 && <IgnoredNote fields={ignored} />}
      {!plan.ok ? (
        <ProblemNote plan={plan} />
      ) : (
        <>
          <div className="encdec-chips">
            <EncDecTokens side="source" tokens={plan.source.tokens[shownBatch] ?? []} isReal={plan.source.isReal[shownBatch] ?? []} highlighted={lit.source} handlers={handlers} />
            <EncDecTokens side="target" tokens={plan.target.tokens[shownBatch] ?? []} isReal={plan.target.isReal[shownBatch] ?? []} highlighted={lit.target} handlers={handlers} />
            {present && onStep && <StageToggle stage={presentStage} onStage={onStep} />}
          </div>
          <div className="encdec-panels">
            {ENCDEC_PARTS.map((part) => (
              <EncDecPanel
                key={part}
                part={part}
                data={panels[part]}
                partScenario={plan.scenarios[part]}
                causal={scenario.causal}
                highlight={lit.panels[part]}
                onCell={handlers.cell}
                weightScale={scenario.weightScale}
                fontSize={present ? FONT_SIZE.present : FONT_SIZE.normal}
                present={present}
                stages={stages}
              />
            ))}
          </div>
          <EncDecLegends scenario={scenario} stages={stages} present={present} fullyMasked={ENCDEC_PARTS.some((part) => panels[part]?.slice.fullyMaskedRows.some((f) => f !== 0))} />
        </>
      )}
    </section>
  );
});

type MapStage = 'mask' | 'weights';
const BOTH_STAGES: readonly MapStage[] = ['mask', 'weights'];

/**
 * Presentation shows one heatmap per panel (two do not fit a 1280 × 720 projector at a readable
 * size): the mask up to the pipeline step `masked`, the weights from `weights` on, so the link's
 * `step=`, ← / → and the toggle (which sets the step) all agree.
 */
function stageOfStep(step: PipelineStep): MapStage {
  return PIPELINE_STEPS.indexOf(step) >= PIPELINE_STEPS.indexOf('weights') ? 'weights' : 'mask';
}

/** Presentation: which heatmap the three panels show, mask or weights (two toggle buttons). */
function StageToggle({ stage, onStage }: { stage: MapStage; onStage(stage: MapStage): void }) {
  const { t } = useT();
  return (
    <div className="encdec-stage-toggle" role="group" aria-label={t('encdec.showStage')} data-testid="encdec-stage-toggle">
      {BOTH_STAGES.map((s) => (
        <button key={s} type="button" aria-pressed={stage === s} onClick={() => onStage(s)}>
          {t(`encdec.${s}`)}
        </button>
      ))}
    </div>
  );
}

/** "Not in these three panels: the extra masks, …", listing the extra-mask fields that are set. */
function IgnoredNote({ fields }: { fields: ExtraMaskField[] }) {
  const { t } = useT();
  const names = fields.map((f) => t(`encdec.fields.${f}`)).join(t('encdec.listSeparator'));
  return <p className="banner note encdec-note" data-testid="encdec-ignored">{t('encdec.ignored', { fields: names })}</p>;
}

/** Why there are no panels: a side without tokens, or a side longer than the view computes. */
function ProblemNote({ plan }: { plan: Extract<EncDecPlan, { ok: false }> }) {
  const { t } = useT();
  const text = plan.error === 'tooLarge' ? t('encdec.tooLarge', { max: plan.max, target: plan.target, source: plan.source }) : t(`errors.${plan.error}`);
  return <p className="banner note encdec-note" role="status" data-testid="encdec-problem" data-error={plan.error}>{text}</p>;
}

/**
 * The legends of the heatmaps shown; presenting, the weights' swatch sits beside its bar (a shorter
 * legend). When a panel flags a fully masked row (∅, e.g. a left-padded query of the causal
 * decoder), the legends say what ∅ means.
 */
function EncDecLegends({ scenario, stages, present, fullyMasked }: { scenario: Scenario; stages: readonly string[]; present: boolean; fullyMasked: boolean }) {
  const { t } = useT();
  return (
    <div className="encdec-legends">
      {stages.includes('mask') && <Legend kind="mask" scale={WEIGHT_SCALE} showBlocked showPadded={scenario.queryPadding && scenario.inputMode === 'text'} large={present} />}
      {stages.includes('weights') && <Legend kind="weights" scale={WEIGHT_SCALE} showBlocked title={scenario.weightScale === 'row' ? t('view.weightsRowLegend') : undefined} large={present} swatchBeside={present} />}
      {fullyMasked && (
        <p className="legend mask-legend flag-legend" data-testid="encdec-legend-fully-masked">
          <span className="ms-flag" aria-hidden="true">∅</span> {t('stage.fullyMaskedLegend')}
        </p>
      )}
    </div>
  );
}
