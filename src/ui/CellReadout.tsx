/** The hover read-out: tokens, indices, the value at every stage, and why a cell is blocked. */
import { useTranslation } from 'react-i18next';
import { blockReason } from '../engine/masks';
import { BlockReason, type AttentionInputs } from '../engine/types';
import type { StageSlice } from './slices';

export interface HoveredCell {
  row: number;
  /** Key index, or the output dimension when `stage` is 'output'. */
  col: number;
  stage: 'cells' | 'output';
}

interface Props {
  cell: HoveredCell | null;
  slice: StageSlice;
  inputs: AttentionInputs;
  queryTokens: string[];
  keyTokens: string[];
}

const fmt = (x: number) => (x === -Infinity ? '−∞' : Number.isFinite(x) ? x.toFixed(4) : String(x));

export function CellReadout({ cell, slice, inputs, queryTokens, keyTokens }: Props) {
  const { t } = useTranslation();
  if (!cell || cell.row >= slice.rows) {
    return (
      <section className="readout" aria-live="polite" data-testid="readout">
        <h2>{t('hover.title')}</h2>
        <p className="hint">{t('hover.empty')}</p>
      </section>
    );
  }
  const { row } = cell;
  const rowNotes = [
    slice.paddedRows[row] ? t('hover.paddedQuery') : null,
    slice.fullyMaskedRows[row] ? t('hover.fullyMasked') : null,
  ].filter(Boolean);
  return (
    <section className="readout" aria-live="polite" data-testid="readout">
      <h2>{t('hover.title')}</h2>
      <dl>
        <dt>{t('hover.query')}</dt>
        <dd>
          <b>{queryTokens[row]}</b> (q = {row})
        </dd>
        {cell.stage === 'output' ? (
          <OutputRows slice={slice} row={row} dim={cell.col} />
        ) : (
          <CellRows slice={slice} inputs={inputs} row={row} col={cell.col} keyToken={keyTokens[cell.col] ?? ''} />
        )}
      </dl>
      {rowNotes.map((note) => (
        <p key={note} className="row-note">
          {note}
        </p>
      ))}
    </section>
  );
}

function CellRows({ slice, inputs, row, col, keyToken }: { slice: StageSlice; inputs: AttentionInputs; row: number; col: number; keyToken: string }) {
  const { t } = useTranslation();
  const i = row * slice.cols + col;
  const reason = blockReason(inputs.mask, inputs.shape, slice.batch, row, col);
  const reasons = [
    reason & BlockReason.causal ? t('hover.causal') : null,
    reason & BlockReason.keyPadding ? t('hover.keyPadding') : null,
  ].filter(Boolean);
  return (
    <>
      <dt>{t('hover.key')}</dt>
      <dd>
        <b>{keyToken}</b> (k = {col})
      </dd>
      <dt>{t('hover.scores')}</dt>
      <dd>{fmt(slice.scores[i] ?? NaN)}</dd>
      <dt>{t('hover.scaled')}</dt>
      <dd>{fmt(slice.scaled[i] ?? NaN)}</dd>
      <dt>{t('hover.masked')}</dt>
      <dd>{fmt(slice.masked[i] ?? NaN)}</dd>
      <dt>{t('hover.weight')}</dt>
      <dd data-testid="readout-weight">{fmt(slice.weights[i] ?? NaN)}</dd>
      <dt>{t('hover.blockedBy')}</dt>
      <dd data-testid="readout-blocked" className={reasons.length ? 'blocked' : undefined}>
        {reasons.length ? reasons.join('; ') : t('hover.allowed')}
      </dd>
    </>
  );
}

function OutputRows({ slice, row, dim }: { slice: StageSlice; row: number; dim: number }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('hover.dimension')}</dt>
      <dd>d = {dim}</dd>
      <dt>{t('hover.output')}</dt>
      <dd>{fmt(slice.output[row * slice.dV + dim] ?? NaN)}</dd>
    </>
  );
}
