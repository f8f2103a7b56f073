/**
 * A strip of small weight heatmaps, one per head, for the shown batch item; click to show a head.
 * At large sizes a head not computed yet shows a placeholder; clicking it computes it. While the
 * other heads are completed (`pending`, a task after the head on screen), they keep their pictures.
 */
import { useEffect, useId, useRef, memo } from 'react';
import { useT } from './i18n/useT';
import type { WeightScale } from '../state/scenario';
import { sequentialScale } from '../viz/colorScales';
import { weightColorValues } from './weightScale';
import { drawThumbnail } from '../viz/thumbnail';
import { fadeColorOf, useTheme } from './useTheme';
import { sliceHead } from '../compute/slices';
import { headIndex, type HeadStages, type StageSet } from '../engine/headStages';
import { scheduleBackgroundDraw } from './drawQueue';
import { LockBadge, useControlState } from './Control';

interface Props {
  set: StageSet;
  /** The heads missing from `set` are being computed right now: keep their last picture, no placeholder. */
  pending: boolean;
  batch: number;
  head: number;
  weightScale: WeightScale;
  onSelect(head: number): void;
}

/** Memoised: skipped when the page re-renders for another reason (a setting, a hover elsewhere). */
export const HeadStrip = memo(function HeadStrip({ set, pending, batch, head, weightScale, onSelect }: Props) {
  const { t } = useT();
  const { heads, queryLength, keyLength } = set.shape;
  // a teacher's link that locks (or hides) the head choice: the thumbnails still show every head, but pick none
  const fixed = useControlState('vh') !== 'visible';
  const lockId = useId();
  return (
    <section className="head-strip" aria-label={t('view.headStrip')} data-testid="head-strip">
      <h2>{t('view.headStrip')}{fixed && <> <LockBadge noteId={lockId} /></>}</h2>
      <div className="thumbs">
        {Array.from({ length: heads }, (_, h) => {
          const stages = set.heads[headIndex(set.shape, batch, h)] ?? null;
          const ready = stages !== null;
          return (
            <button
              key={h}
              type="button"
              className={h === head ? 'thumb selected' : 'thumb'}
              aria-pressed={h === head}
              title={fixed ? t('share.lockedNote') : ready || pending ? t('view.headButton', { head: h }) : `${t('view.headButton', { head: h })} — ${t('engine.notComputed')}`}
              disabled={fixed}
              onClick={() => onSelect(h)}
            >
              {ready || pending ? <Thumb stages={stages} rows={queryLength} cols={keyLength} weightScale={weightScale} /> : <span className="thumb-pending" aria-hidden="true" />}
              <span>{t('view.headLabel', { head: h })}</span>
            </button>
          );
        })}
      </div>
    </section>
  );
});

/** One colour scale for every thumbnail, so its colour table is built once (cellColors.ts). */
const THUMB_SCALE = sequentialScale();

/** One head's thumbnail; without `stages` (being computed) the canvas keeps what it shows. */
function Thumb({ stages, rows, cols, weightScale }: { stages: HeadStages | null; rows: number; cols: number; weightScale: WeightScale }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const fadeColor = fadeColorOf(useTheme().theme);
  useEffect(() => {
    const node = canvas.current;
    if (!node || !stages) return;
    // after the stage heatmaps reach the screen, in tasks of their own (many large heads never block the
    // page at once); the slice too, as deriving its blocked flags walks every cell
    return scheduleBackgroundDraw(node, () => {
      const slice = sliceHead(stages, { queryLength: rows, keyLength: cols, dV: 0 });
      const values = weightColorValues(weightScale, slice.weights, slice.rows, slice.cols);
      drawThumbnail(node, { values, rows: slice.rows, cols: slice.cols, color: THUMB_SCALE, blocked: slice.blocked, greyRows: slice.paddedRows, fadeColor }, 72);
    });
  }, [stages, rows, cols, weightScale, fadeColor]);
  return <canvas ref={canvas} aria-hidden="true" />;
}
