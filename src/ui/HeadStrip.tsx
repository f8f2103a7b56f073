/** A strip of small weight heatmaps, one per head, for the shown batch item; click to show a head. */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionStages } from '../engine/types';
import type { WeightScale } from '../state/scenario';
import { sequentialScale } from '../viz/colorScales';
import { weightColorValues } from './weightScale';
import { drawThumbnail } from '../viz/thumbnail';
import { sliceStages } from './slices';

interface Props {
  stages: AttentionStages;
  batch: number;
  head: number;
  weightScale: WeightScale;
  onSelect(head: number): void;
}

export function HeadStrip({ stages, batch, head, weightScale, onSelect }: Props) {
  const { t } = useTranslation();
  const heads = stages.shape.heads;
  return (
    <section className="head-strip" aria-label={t('view.headStrip')}>
      <h2>{t('view.headStrip')}</h2>
      <div className="thumbs">
        {Array.from({ length: heads }, (_, h) => (
          <button
            key={h}
            type="button"
            className={h === head ? 'thumb selected' : 'thumb'}
            aria-pressed={h === head}
            title={t('view.headButton', { head: h })}
            onClick={() => onSelect(h)}
          >
            <Thumb stages={stages} batch={batch} head={h} weightScale={weightScale} />
            <span>{t('view.headLabel', { head: h })}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

function Thumb({ stages, batch, head, weightScale }: { stages: AttentionStages; batch: number; head: number; weightScale: WeightScale }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const slice = useMemo(() => sliceStages(stages, batch, head), [stages, batch, head]);
  useEffect(() => {
    if (!canvas.current) return;
    drawThumbnail(canvas.current, { values: weightColorValues(weightScale, slice.weights, slice.rows, slice.cols), rows: slice.rows, cols: slice.cols, color: sequentialScale(), blocked: slice.blocked, greyRows: slice.paddedRows }, 72);
  }, [slice, weightScale]);
  return <canvas ref={canvas} aria-hidden="true" />;
}
