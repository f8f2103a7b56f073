/** Presentation mode's choice of the batch item and head shown: two compact selects, hidden or locked by a teacher's link (hide=, lock=). */
import { useId } from 'react';
import { useT } from './i18n/useT';
import type { Scenario } from '../state/scenario';
import { Control } from './Control';

interface Props {
  batch: number;
  head: number;
  /** Batch items and heads there are (B, H). */
  batches: number;
  heads: number;
  update(patch: Partial<Scenario>): void;
}

export function ViewPicker({ batch, head, batches, heads, update }: Props) {
  const { t } = useT();
  const id = useId();
  const options = (n: number) => Array.from({ length: n }, (_, i) => <option key={i} value={i}>{i}</option>);
  return (
    <div className="view-picker" data-testid="view-picker">
      {/* a teacher's link hides or locks them as it does the view bar's (Control.tsx) */}
      {batches > 1 && (
        <Control id="vb">
          <label htmlFor={`${id}-b`}>{t('view.batch')}</label>
          <select id={`${id}-b`} value={batch} onChange={(e) => update({ viewBatch: Number(e.target.value) })}>{options(batches)}</select>
        </Control>
      )}
      {heads > 1 && (
        <Control id="vh">
          <label htmlFor={`${id}-h`}>{t('view.head')}</label>
          <select id={`${id}-h`} value={head} onChange={(e) => update({ viewHead: Number(e.target.value) })}>{options(heads)}</select>
        </Control>
      )}
    </div>
  );
}
