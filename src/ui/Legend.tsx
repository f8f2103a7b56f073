/** Colour legend under a heatmap: a d3 colour bar (viz/legend), or allowed/blocked swatches for the mask. */
import { useEffect, useRef } from 'react';
import { useT } from './i18n/useT';
import { drawLegend, type LegendHandle } from '../viz/legend';
import type { ColorScale } from '../viz/types';
import { ALLOWED_COLOR } from '../viz/colorScales';
import { FADE_AMOUNT, mixPacked, packCssColor } from '../viz/cellColors';
import { fadeColorOf, useTheme } from './useTheme';

/** `css` faded toward `toward` as the heatmap fades a padded row's cells (cellColors FADE_AMOUNT), as #rrggbb. */
function fadedCss(css: string, toward: string): string {
  const packed = mixPacked(packCssColor(css) ?? 0, packCssColor(toward) ?? 0, FADE_AMOUNT);
  return `#${packed.toString(16).padStart(6, '0')}`;
}

interface Props {
  kind: 'mask' | 'scores' | 'weights' | 'output';
  scale: ColorScale;
  /** Whether the heatmap has blocked cells, so the legend shows the blocked swatch. */
  showBlocked: boolean;
  /** Overrides the default title of this kind of legend. */
  title?: string;
  /** The heatmap fades padded query rows: the mask legend shows that swatch too. */
  showPadded?: boolean;
  /** Larger bar and text, for a projector (presentation mode). */
  large?: boolean;
  /** The blocked swatch beside the bar rather than under it (a shorter legend). */
  swatchBeside?: boolean;
}

export const LEGEND_TITLE_KEYS = { mask: 'stage.mask', scores: 'hover.scaled', weights: 'stage.weights', output: 'stage.output' } as const;

export function Legend({ kind, scale, showBlocked, title: titleOverride, showPadded = false, large = false, swatchBeside = false }: Props) {
  const { t } = useT();
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<LegendHandle | null>(null);
  const title = titleOverride ?? t(LEGEND_TITLE_KEYS[kind]);
  const { theme } = useTheme();
  const paddedSwatch = fadedCss(ALLOWED_COLOR, fadeColorOf(theme));

  useEffect(() => {
    if (kind === 'mask') {
      // React keeps the same <div> when the kind changes: the bar drawn into it goes with the kind
      handle.current?.destroy();
      handle.current = null;
      return;
    }
    if (!host.current) return;
    // a blocked cell is −∞ in the scores, but 0 in the weights
    const blockedLabel = !showBlocked ? '' : kind === 'weights' ? t('lesson.stage.blockedWeight') : t('stage.blocked');
    const spec = { color: scale, title, blockedLabel, width: large ? 220 : 180, fontSize: large ? 20 : undefined, swatchBeside };
    if (handle.current) handle.current.update(spec);
    else handle.current = drawLegend(host.current, spec);
  }, [kind, scale, title, showBlocked, large, swatchBeside, t]);
  useEffect(
    () => () => {
      handle.current?.destroy();
      handle.current = null;
    },
    [],
  );

  if (kind === 'mask') {
    return (
      <div className="legend mask-legend">
        <span className="swatch allowed" style={{ background: ALLOWED_COLOR }} /> {t('stage.allowed')} <span className="swatch blocked" /> {t('stage.blockedCell')}
        {showPadded && <> <span className="swatch padded" style={{ background: paddedSwatch }} /> {t('stage.paddedRow')}</>}
      </div>
    );
  }
  return <div ref={host} className="legend" />;
}
