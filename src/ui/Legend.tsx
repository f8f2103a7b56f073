/** Colour legend under a heatmap: a d3 colour bar (viz/legend), or allowed/blocked swatches for the mask. */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { drawLegend, type LegendHandle } from '../viz/legend';
import type { ColorScale } from '../viz/types';

interface Props {
  kind: 'mask' | 'scores' | 'weights' | 'output';
  scale: ColorScale;
  /** Whether the heatmap has blocked cells, so the legend shows the blocked swatch. */
  showBlocked: boolean;
  /** Overrides the default title of this kind of legend. */
  title?: string;
}

const TITLE_KEYS = { mask: 'stage.mask', scores: 'hover.scaled', weights: 'stage.weights', output: 'stage.output' } as const;

export function Legend({ kind, scale, showBlocked, title: titleOverride }: Props) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<LegendHandle | null>(null);
  const title = titleOverride ?? t(TITLE_KEYS[kind]);

  // A new scale object with the same look (every result brings one) does not redraw the legend.
  const look = scaleLook(scale);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const shown = useMemo(() => scale, [look]);
  useEffect(() => {
    if (kind === 'mask' || !host.current) return;
    const spec = { color: shown, title, blockedLabel: showBlocked ? t('stage.blocked') : '', width: 180 };
    if (handle.current) handle.current.update(spec);
    else handle.current = drawLegend(host.current, spec);
  }, [kind, shown, title, showBlocked, t]);
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
        <span className="swatch allowed" /> {t('stage.allowed')} <span className="swatch blocked" /> {t('stage.blockedCell')}
      </div>
    );
  }
  return <div ref={host} className="legend" />;
}

/** What a colour scale looks like: its domain and its colours along it (equal looks draw the same legend). */
function scaleLook(scale: ColorScale): string {
  const domain = scale.domain();
  const lo = domain[0] ?? 0;
  const hi = domain[domain.length - 1] ?? 0;
  const samples = Array.from({ length: LOOK_SAMPLES }, (_, i) => scale(lo + ((hi - lo) * i) / (LOOK_SAMPLES - 1)));
  return `${domain.join(',')}|${samples.join(',')}`;
}
const LOOK_SAMPLES = 9;
