/** Status line: backend (WebGL2 or CPU, and why), float precision, time of the last compute. */
import { useTranslation } from 'react-i18next';
import type { AttentionStages, BackendInfo } from '../engine/types';
import { countFullyMasked } from './slices';

interface Props {
  backend: BackendInfo | null;
  stages: AttentionStages | null;
  computing: boolean;
  lastMs: number | null;
}

export function StatusLine({ backend, stages, computing, lastMs }: Props) {
  const { t } = useTranslation();
  if (!backend) return <p className="status" role="status">{t('status.starting')}</p>;
  const name = backend.name === 'webgl' ? t('status.webgl', { version: backend.webglVersion }) : t('status.cpu');
  const shape = stages?.shape;
  const fully = stages ? countFullyMasked(stages) : 0;
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
      {fully > 0 && <span className="warn-text">{t('status.fullyMaskedRows', { count: fully })}</span>}
    </p>
  );
}
