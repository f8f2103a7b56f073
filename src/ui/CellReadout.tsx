/** The hover read-out: tokens, indices, the value at every stage, and why a cell is blocked. */
import { useT } from './i18n/useT';
import { explainMaskCell, MASK_LABELS, termNames } from '../engine/masks';
import { WhyTree } from './WhyTree';
import type { AttentionInputs } from '../engine/types';
import type { CellExplanation } from '../engine/mask';
import { formatNumber } from './format';
import { changesLogits } from '../engine/scoreMods';
import { maskedAt, type StageSlice } from '../compute/slices';

export interface HoveredCell {
  row: number;
  /** Key index, or the output dimension when `stage` is 'output'. */
  col: number;
  stage: 'cells' | 'output';
}

/** What a read-out shows: a cell of one computed head, with its tokens and the inputs whose mask explains it. */
export interface CellReadoutProps {
  cell: HoveredCell | null;
  slice: StageSlice;
  inputs: AttentionInputs;
  queryTokens: string[];
  keyTokens: string[];
  /** Which attention the cell is of, where several are on screen (the encoder–decoder view's panel title). */
  source?: string;
}

/** True when `cell` lies inside `slice` (a stale hover can point past a smaller new result). */
function isValid(cell: HoveredCell | null, slice: StageSlice): cell is HoveredCell {
  return cell !== null && cell.row < slice.rows && cell.col < (cell.stage === 'output' ? slice.dV : slice.cols);
}

/** The mask at a hovered score cell (null for an output cell). */
function explainHovered(cell: HoveredCell, slice: StageSlice, inputs: AttentionInputs): CellExplanation | null {
  return cell.stage === 'cells' ? explainMaskCell(inputs.mask, inputs.shape, { b: slice.batch, h: slice.head, q: cell.row, k: cell.col }) : null;
}

/** The names of the mask terms that block a cell, in the UI's language (empty when it is allowed). */
function useBlockReasons(explanation: CellExplanation | null): string[] {
  const { t } = useT();
  if (!explanation) return [];
  return termNames(explanation).map((term) =>
    term === MASK_LABELS.causal ? t('hover.causal') : term === MASK_LABELS.keyPadding ? t('hover.keyPadding') : t(`terms.${term}`, { defaultValue: term }),
  );
}

export function CellReadout({ cell, slice, inputs, queryTokens, keyTokens, source }: CellReadoutProps) {
  const { t } = useT();
  const valid = isValid(cell, slice);
  // The mask at the cell, evaluated once per hover for both the values and the why-tree.
  const explanation = valid ? explainHovered(cell, slice, inputs) : null;
  return (
    <section className="readout" aria-live="polite" aria-label={t('hover.title')} data-testid="readout">
      {!valid ? (
        <p className="hint">{t('hover.empty')}</p>
      ) : (
        <>
          {source && <p className="readout-source" data-testid="readout-source">{source}</p>}
          <div className="readout-body">
          <dl>
            <Item label={t('hover.query')}>
              <b>{queryTokens[cell.row]}</b> (q = {cell.row})
            </Item>
            {explanation ? (
              <CellItems slice={slice} explanation={explanation} row={cell.row} col={cell.col} keyToken={keyTokens[cell.col] ?? ''} />
            ) : (
              <OutputItems slice={slice} row={cell.row} dim={cell.col} />
            )}
          </dl>
          {explanation && <WhyPanel explanation={explanation} />}
          </div>
          {slice.paddedRows[cell.row] ? <p className="row-note">{t('hover.paddedQuery')}</p> : null}
          {slice.fullyMaskedRows[cell.row] ? <p className="row-note">{t('hover.fullyMasked')}</p> : null}
        </>
      )}
    </section>
  );
}

function Item({ label, children, testId, className }: { label: string; children: React.ReactNode; testId?: string; className?: string }) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function CellItems({ slice, explanation, row, col, keyToken }: { slice: StageSlice; explanation: CellExplanation; row: number; col: number; keyToken: string }) {
  const { t } = useT();
  const i = row * slice.cols + col;
  const reasons = useBlockReasons(explanation);
  return (
    <>
      <Item label={t('hover.key')}>
        <b>{keyToken}</b> (k = {col})
      </Item>
      <Item label={t('hover.scores')}>{formatNumber(slice.scores[i] ?? NaN)}</Item>
      <Item label={t('hover.scaled')}>{formatNumber(slice.scaled[i] ?? NaN)}</Item>
      <Item label={t('stage.logits')}>{formatNumber(slice.logits[i] ?? NaN)}</Item>
      <Item label={t('hover.masked')}>{formatNumber(i < slice.mask.length ? maskedAt(slice, i) : NaN)}</Item>
      <Item label={t('hover.weight')} testId="readout-weight">
        {formatNumber(slice.weights[i] ?? NaN)}
      </Item>
      <Item label={t(reasons.length ? 'hover.blockedBy' : 'hover.maskLabel')} testId="readout-blocked" className={reasons.length ? 'blocked' : undefined}>
        {reasons.length ? reasons.join('; ') : t('hover.allowed')}
      </Item>
    </>
  );
}

function WhyPanel({ explanation }: { explanation: CellExplanation }) {
  const { t } = useT();
  if (explanation.tree.expr.kind === 'boolean') return null;
  return (
    <div className="why">
      <span className="why-title">{t('hover.why')}</span>
      <WhyTree explanation={explanation} />
    </div>
  );
}

function OutputItems({ slice, row, dim }: { slice: StageSlice; row: number; dim: number }) {
  const { t } = useT();
  return (
    <>
      <Item label={t('hover.dimension')}>d = {dim}</Item>
      <Item label={t('hover.output')}>{formatNumber(slice.output[row * slice.dV + dim] ?? NaN)}</Item>
    </>
  );
}

/**
 * The read-out in one line, stuck to the top of the screen while the full read-out has scrolled
 * away (short screens, max-height 820 px in styles.css, where the view bar is not sticky), so
 * hovering a lower heatmap still shows its values; nothing while no cell is hovered. aria-hidden:
 * the full read-out is the live region.
 */
export function CellReadoutLine({ cell, slice, inputs, queryTokens, keyTokens, source }: CellReadoutProps) {
  const { t } = useT();
  const valid = isValid(cell, slice);
  const explanation = valid ? explainHovered(cell, slice, inputs) : null;
  const reasons = useBlockReasons(explanation);
  const line = (children: React.ReactNode) => (
    <div className="readout-line-anchor">
      <p className="readout-line" aria-hidden="true" data-testid="readout-line">{source && <>{source}: </>}{children}</p>
    </div>
  );
  if (!valid) return null;
  const query = <><b>{queryTokens[cell.row]}</b> (q = {cell.row})</>;
  // as the full read-out's row note: a padded query's row is ignored
  const padded = slice.paddedRows[cell.row] ? ` · ${t('stage.paddedRow')}` : '';
  if (!explanation) {
    return line(<>{query} · d = {cell.col} · {t('hover.output')} {formatNumber(slice.output[cell.row * slice.dV + cell.col] ?? NaN)}{padded}</>);
  }
  const i = cell.row * slice.cols + cell.col;
  // with ALiBi or a soft-cap the logits, not the scaled scores, are what the mask and softmax see
  const logits = changesLogits(inputs.scoreMods);
  return line(<>
    {query} → <b>{keyTokens[cell.col]}</b> (k = {cell.col}) · {logits ? t('stage.logits') : t('hover.scaled')} {formatNumber((logits ? slice.logits : slice.scaled)[i] ?? NaN)} · {t('hover.weight')} {formatNumber(slice.weights[i] ?? NaN)}
    {' · '}
    {reasons.length ? <span className="blocked">{t('hover.blockedBy')} {reasons.join('; ')}</span> : t('hover.allowed')}
    {padded}
  </>);
}
