/** Status line: backend (WebGL2 or CPU, and why), float precision, time of the last compute. */
import { useTranslation } from 'react-i18next';
import type { AttentionStages, BackendInfo } from '../engine/types';
import { countFullyMasked, type StageSlice } from './slices';

interface Props {
  backend: BackendInfo | null;
  stages: AttentionStages | null;
  slice: StageSlice | null;
  computing: boolean;
  lastMs: number | null;
}

export function StatusLine({ backend, stages, slice, computing, lastMs }: Props) {
  const { t } = useTranslation();
  if (!backend) return <p className="status" role="status">{t('status.starting')}</p>;
  const name = backend.name === 'webgl' ? t('status.webgl', { version: backend.webglVersion }) : t('status.cpu');
  const shape = stages?.shape;
  const total = stages ? countFullyMasked(stages) : 0;
  const inView = slice ? slice.fullyMaskedRows.reduce((a, b) => a + b, 0) : 0;
  return (
    <p className="status" role="status" data-testid="status">
      <span data-testid="status-backend" data-backend={backend.name}>
        {t('status.backend')}: <b>{name}</b>
        {backend.fallbackReason && <span className="fallback"> — {t('status.fallback', { reason: backend.fallbackReason })}</span>}
      </span>
      <span>
        {t('status.precision')}: {backend.float32 ? t('status.float32') : t('status.float16')}
      </span>
      <span>
        {t('status.lastCompute')}: {computing ? t('status.computing') : lastMs === null ? '—' : `${lastMs.toFixed(1)} ms`}
      </span>
      {shape && <span>{t('status.shape', { batch: shape.batch, heads: shape.heads, lq: shape.queryLength, lk: shape.keyLength, dK: shape.dK })}</span>}
      {total > 0 && slice && (
        <span className="warn-text" data-testid="status-fully-masked">
          {t('status.fullyMaskedRows', { count: inView, rows: slice.rows, total })}
        </span>
      )}
    </p>
  );
}
