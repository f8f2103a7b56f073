/**
 * What a mask costs, for one (batch item, head): the share of allowed cells, the work a sparse
 * kernel saves against a dense one, and — with a tile size chosen — the full / partial / empty
 * tiles a block-sparse kernel (FlexAttention's BlockMask) sees, with a colour key matching the
 * tile overlay of the mask heatmap (viz/heatmapTiles.ts). Strings: the `cost.` namespace
 * (i18n/cost.en.ts, i18n/cost.zh.ts).
 */
import { useId, useMemo } from 'react';
import { useT } from './i18n/useT';
import { maskCost, TILE_SIZES, tileStates } from '../engine/maskCost';
import { hatchPathData, HATCH_LINE_WIDTH, HATCH_SPACING } from '../viz/blockedPattern';
import { BLOCKED_COLOR, BLOCKED_HATCH_COLOR } from '../viz/colorScales';
import { PARTIAL_DASH, TILE_COLORS, TILE_STROKE_PX } from '../viz/heatmapTiles';
import { Choice } from './Choice';
import { groupDigits } from './groupDigits';

interface Props {
  /** 1 = the query may attend the key, [rows × cols] row-major (a StageSlice's `mask`). */
  mask: Uint8Array;
  /** Lq. */
  rows: number;
  /** Lk. */
  cols: number;
  /** Tile edge in cells (16, 32, 64 or 128), or null for no tiles. */
  tileSize: number | null;
  /** Called with the chosen tile size, or null for "off". */
  onTileSize(size: number | null): void;
}

type TileOption = 'off' | `${(typeof TILE_SIZES)[number]}`;

/**
 * A share in [0, 1] as a percentage with one decimal ("62.5"), never rounded to "0" or "100"
 * unless it is exactly that ("<0.1", ">99.9").
 */
export function formatPercent(share: number): string {
  if (!(share > 0)) return '0';
  if (share >= 1) return '100';
  const p = share * 100;
  if (p < 0.1) return '<0.1';
  if (p > 99.9) return '>99.9';
  return p.toFixed(1);
}

export function CostPanel({ mask, rows, cols, tileSize, onTileSize }: Props) {
  const { t, i18n } = useT();
  const count = (n: number) => groupDigits(n, i18n.language);
  const cost = useMemo(() => maskCost(mask, rows, cols), [mask, rows, cols]);
  const tiles = useMemo(() => (tileSize === null ? null : tileStates(mask, rows, cols, tileSize)), [mask, rows, cols, tileSize]);
  const options: [TileOption, string][] = [['off', t('cost.off')], ...TILE_SIZES.map((s): [TileOption, string] => [`${s}`, String(s)])];
  const value: TileOption = tileSize !== null && (TILE_SIZES as readonly number[]).includes(tileSize) ? (`${tileSize}` as TileOption) : 'off';

  return (
    <fieldset className="panel cost-panel">
      <legend>{t('cost.legend')}</legend>
      <p className="hint">{t('cost.slice')}</p>
      <p className="cost-line" style={LINE} data-testid="cost-allowed">
        {t('cost.allowed', { allowed: count(cost.allowed), total: count(cost.total), percent: formatPercent(cost.allowedShare) })}
      </p>
      <p className="cost-line" style={LINE} data-testid="cost-saved">
        <strong>{t('cost.saved', { percent: formatPercent(cost.savedShare) })}</strong>
      </p>
      <p className="hint">{t('cost.savedHint', { total: count(cost.total) })}</p>
      <Choice<TileOption>
        label={t('cost.tileSize')}
        value={value}
        options={options}
        onChange={(v) => onTileSize(v === 'off' ? null : Number(v))}
      />
      {tiles && (
        <div className="cost-tiles" data-testid="cost-tiles">
          <p className="hint">{t('cost.tilesHint', { size: tiles.size })}</p>
          <ul className="cost-key" aria-label={t('cost.tileKey')} style={{ listStyle: 'none', padding: 0, margin: '0.3rem 0' }}>
            {(['full', 'partial', 'empty'] as const).map((state) => (
              <li key={state} data-state={state} style={{ display: 'flex', alignItems: 'flex-start', gap: '0.4rem', margin: '0.15rem 0' }}>
                <TileSwatch state={state} />
                <span>
                  <strong>{t(`cost.${state}`, { n: count(tiles[state]) })}</strong>{' '}
                  <span className="hint">— {t(`cost.${state}Key`)}</span>
                </span>
              </li>
            ))}
          </ul>
          <p className="cost-line" style={LINE} data-testid="cost-computed">
            {t('cost.computed', {
              percent: formatPercent(tiles.computedShare),
              computed: count(tiles.partial + tiles.full),
              total: count(tiles.total),
            })}
          </p>
        </div>
      )}
    </fieldset>
  );
}

const LINE = { margin: '0.25rem 0' } as const;
const SWATCH_W = 24;
const SWATCH_H = 16;

/** A small picture of a tile as the overlay draws it (same colours, dash and hatch). */
function TileSwatch({ state }: { state: 'full' | 'partial' | 'empty' }) {
  const hatchId = `ms-cost-hatch-${useId().replace(/[^\w-]/g, '')}`;
  const s = TILE_STROKE_PX;
  return (
    <svg width={SWATCH_W} height={SWATCH_H} aria-hidden="true" style={{ flex: 'none', marginTop: '0.15rem' }}>
      {state === 'empty' ? (
        <>
          <defs>
            <pattern id={hatchId} patternUnits="userSpaceOnUse" width={HATCH_SPACING} height={HATCH_SPACING}>
              <rect width={HATCH_SPACING} height={HATCH_SPACING} fill={BLOCKED_COLOR} />
              <path d={hatchPathData()} stroke={BLOCKED_HATCH_COLOR} strokeWidth={HATCH_LINE_WIDTH} strokeLinecap="square" />
            </pattern>
          </defs>
          <rect width={SWATCH_W} height={SWATCH_H} fill={`url(#${hatchId})`} />
          <rect width={SWATCH_W} height={SWATCH_H} fill={TILE_COLORS.emptyWash} stroke="#999" strokeWidth={1} />
        </>
      ) : (
        <>
          <rect width={SWATCH_W} height={SWATCH_H} fill="#f4f4f4" />
          <rect
            x={s / 2}
            y={s / 2}
            width={SWATCH_W - s}
            height={SWATCH_H - s}
            fill="none"
            stroke={state === 'full' ? TILE_COLORS.full : TILE_COLORS.partial}
            strokeWidth={s}
            strokeDasharray={state === 'partial' ? PARTIAL_DASH : undefined}
          />
        </>
      )}
    </svg>
  );
}
