/**
 * The row inspector (issue #10 §4): one query row of the shown batch item and head — its masked
 * logits and its weights as bar charts over the keys (blocked keys hatched and marked −∞ / 0, never
 * a bar), the row sum of the weights written out, the number of allowed keys and the largest
 * weight; the values as a table on demand; previous / next row and close, by button or key.
 */
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { useT } from './i18n/useT';
import { divergingScale, sequentialScale } from '../viz/colorScales';
import { BarChart } from './BarChart';
import { formatNumber } from './format';
import { rowStats, type RowStats } from './rowStats';
import { RowValuesTable } from './RowValuesTable';
import { useRevealInBox } from './useRevealInBox';
import type { StageSlice } from '../compute/slices';
import './rowInspector.css';

export interface RowInspectorProps {
  /** The shown (batch item, head) slice: masked [Lq × Lk], weights [Lq × Lk], blocked, paddedRows, fullyMaskedRows. */
  slice: StageSlice;
  /** The query row shown, 0-based; outside [0, Lq) (e.g. −1 = none) renders nothing. */
  row: number;
  /** Query tokens, [Lq]; a missing one shows its index. */
  queryTokens: string[];
  /** Key tokens, [Lk]; a missing one shows its index. */
  keyTokens: string[];
  /** Close the inspector (Close button, Esc). */
  onClose(): void;
  /** Show another row (Previous / Next buttons, ↑ / ↓): called with row − 1 or row + 1, always in [0, Lq). */
  onRow(row: number): void;
  /** Presentation mode: 20 px text and up, taller charts. Default false. */
  large?: boolean;
}

/** Plot heights of the two charts, CSS px (the key labels are added below). */
const PLOT_HEIGHT = { normal: 150, large: 200 } as const;
/** Chart font sizes, CSS px: 13 as the heatmaps; 20 on a projector (DESIGN.md §5). */
const FONT_SIZE = { normal: 13, large: 20 } as const;

/** Memoised: a hover elsewhere on the page does not redraw the charts. */
export const RowInspector = memo(function RowInspector({ slice, row, queryTokens, keyTokens, onClose, onRow, large = false }: RowInspectorProps) {
  const { t } = useT();
  const valid = Number.isInteger(row) && row >= 0 && row < slice.rows;
  const stats = useMemo(() => (valid ? rowStats(slice, row) : null), [valid, slice, row]);
  const root = useRef<HTMLElement>(null);
  // in presentation mode the side column scrolls to the inspector when it opens (not at ↑ / ↓: the reader may be in its table)
  useRevealInBox(root, '.present-side', large && stats !== null);
  if (stats === null) return null;
  const token = queryTokens[row] ?? String(row);
  const last = slice.rows - 1;
  const go = (next: number) => {
    if (next >= 0 && next <= last && next !== row) onRow(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if ((e.target as HTMLElement).closest('.ri-table-scroll')) return; // arrows scroll the table
    const action = { ArrowUp: () => go(row - 1), ArrowDown: () => go(row + 1), Escape: onClose }[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  return (
    <section
      ref={root}
      className={large ? 'row-inspector large' : 'row-inspector'}
      data-testid="row-inspector"
      data-row={row}
      aria-label={t('inspector.region', { row })}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="ri-header">
        <h2>{t('inspector.heading', { row, token })}</h2>
        <div className="ri-nav">
          <NavButton label={t('inspector.prev')} disabled={row <= 0} onClick={() => go(row - 1)} keys="ArrowUp" symbol="↑" />
          <NavButton label={t('inspector.next')} disabled={row >= last} onClick={() => go(row + 1)} keys="ArrowDown" symbol="↓" />
          <button type="button" className="ri-close" onClick={onClose} aria-label={t('inspector.closeLabel')} aria-keyshortcuts="Escape">
            ✕ {t('inspector.close')}
          </button>
        </div>
      </header>
      <p className="ri-keys">{t('inspector.keys')}</p>
      {stats.padded && <p className="ri-note" data-testid="row-padded">{t('inspector.padded', { row })}</p>}
      <RowSummary stats={stats} keyTokens={keyTokens} />
      <RowCharts stats={stats} slice={slice} keyTokens={keyTokens} large={large} />
      <RowValuesTable stats={stats} queryToken={token} keyTokens={keyTokens} />
    </section>
  );
});

/** A previous / next button: aria-disabled at the ends (so that it keeps the focus), a no-op then. */
function NavButton({ label, disabled, onClick, keys, symbol }: { label: string; disabled: boolean; onClick(): void; keys: string; symbol: string }) {
  return (
    <button type="button" aria-disabled={disabled} aria-keyshortcuts={keys} onClick={disabled ? undefined : onClick}>
      {symbol} {label}
    </button>
  );
}

/** Row sum, allowed keys and the largest weight, read out again when the row changes (aria-live). */
function RowSummary({ stats, keyTokens }: { stats: RowStats; keyTokens: string[] }) {
  const { t } = useT();
  const n = stats.weights.length;
  const top = stats.argmax;
  return (
    <dl className="ri-stats" aria-live="polite" aria-atomic="true">
      <div className={stats.fullyMasked ? 'ri-sum fully-masked' : 'ri-sum'}>
        <dt>{t('inspector.sumLabel')}</dt>
        <dd data-testid="row-sum">{stats.fullyMasked ? t('inspector.sumFullyMasked') : t('inspector.sum', { sum: formatNumber(stats.sum) })}</dd>
      </div>
      <div>
        <dt>{t('inspector.allowedLabel')}</dt>
        <dd data-testid="row-allowed">{t('inspector.allowed', { allowed: stats.allowed, count: n })}</dd>
      </div>
      <div>
        <dt>{t('inspector.largestLabel')}</dt>
        <dd data-testid="row-largest">
          {top < 0
            ? t('inspector.largestNone')
            : t('inspector.largest', { weight: formatNumber(stats.weights[top] as number), key: top, token: keyTokens[top] ?? String(top) })}
        </dd>
      </div>
    </dl>
  );
}

/** The two bar charts, masked logits then weights, keys at the same x when stacked. */
function RowCharts({ stats, slice, keyTokens, large }: { stats: RowStats; slice: StageSlice; keyTokens: string[]; large: boolean }) {
  const { t } = useT();
  const size = large ? 'large' : 'normal';
  const fontSize = FONT_SIZE[size];
  // The heatmaps' colours: the masked stage's diverging scale over the whole slice, weights on [0, 1].
  const logitColor = useMemo(() => divergingScale(slice.logits), [slice.logits]);
  const weightColor = useMemo(() => sequentialScale(), []);
  const labels = useMemo(() => Array.from({ length: slice.cols }, (_, k) => keyTokens[k] ?? String(k)), [keyTokens, slice.cols]);
  const n = stats.weights.length;
  const blockedCount = n - stats.allowed;
  const highlight = stats.argmax >= 0 ? stats.argmax : undefined;
  const common = { labels, blocked: stats.blocked, highlight, height: PLOT_HEIGHT[size], fontSize, minMarginLeft: Math.ceil(3.6 * fontSize), formatValue: formatNumber };
  return (
    <>
    <div className="ri-charts">
      <figure className="ri-chart">
        <figcaption><b>{t('inspector.logits')}</b> <span>{t('inspector.logitsNote')}</span></figcaption>
        <BarChart
          {...common}
          testId="row-logits"
          values={stats.masked}
          blockedMark="−∞"
          color={logitColor}
          ariaLabel={t('inspector.logitsChart', { row: stats.row, count: n, blocked: blockedCount })}
        />
      </figure>
      <figure className="ri-chart">
        <figcaption><b>{t('inspector.weights')}</b> <span>{t('inspector.weightsNote')}</span></figcaption>
        <BarChart
          {...common}
          testId="row-weights"
          values={stats.weights}
          blockedMark="0"
          color={weightColor}
          domain={WEIGHT_DOMAIN}
          ariaLabel={t('inspector.weightsChart', { row: stats.row, count: n, blocked: blockedCount, sum: formatNumber(stats.sum) })}
        />
      </figure>
    </div>
    {highlight !== undefined && <p className="ri-highlight-note">{t('inspector.highlightNote')}</p>}
    {highlight !== undefined && (stats.weights[highlight] as number) < TINY_WEIGHT && (
      <p className="ri-tiny" data-testid="row-tiny">{t('inspector.weightsTiny', { weight: formatNumber(stats.weights[highlight] as number) })}</p>
    )}
    </>
  );
}

/** Below this largest weight the bars on [0, 1] are a few px at most: the panel says so. */
const TINY_WEIGHT = 0.05;

/** Weights are drawn on [0, 1] whatever the row: rows and heads compare. */
const WEIGHT_DOMAIN = [0, 1] as const;

/**
 * In the inspector's place when the row asked for (a link's `row=999`) is past the last query row
 * of the data: says so, with a button that drops it (ignored silently before).
 */
export function RowBeyond({ row, rows, onClose }: { row: number; rows: number; onClose(): void }) {
  const { t } = useT();
  return (
    <p className="banner note" role="status" data-testid="row-beyond">
      {t('inspector.beyond', { row, last: rows - 1 })}{' '}
      <button type="button" onClick={onClose}>{t('inspector.close')}</button>
    </p>
  );
}
