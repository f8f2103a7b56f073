/**
 * The row inspector's numbers as a table (one row per key: index, token, mask, masked logit,
 * weight), inside a <details> so that it costs no room until asked for; screen readers get the
 * values here. Rendered only while open, TABLE_PAGE_KEYS keys at a time with buttons for the
 * previous / next ones: 4096 table rows take seconds to lay out on a slow machine.
 */
import { useState } from 'react';
import { useT } from './i18n/useT';
import { formatNumber } from './format';
import type { RowStats } from './rowStats';

interface Props {
  stats: RowStats;
  /** The query token of the row (for the caption). */
  queryToken: string;
  /** Key tokens, [Lk]; a missing one shows its index. */
  keyTokens: string[];
}

/** Keys shown at a time (as the bar charts: MAX_BARS keys get a bar and a label each). */
export const TABLE_PAGE_KEYS = 256;

export function RowValuesTable({ stats, queryToken, keyTokens }: Props) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [wanted, setStart] = useState(0);
  const n = stats.weights.length;
  const start = Math.min(wanted, Math.max(0, n - 1) - (Math.max(0, n - 1) % TABLE_PAGE_KEYS));
  const end = Math.min(n, start + TABLE_PAGE_KEYS);
  const allowed = t('inspector.cellAllowed');
  const blockedText = t('inspector.cellBlocked');
  return (
    <details className="ri-table" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="row-values">
      <summary>{t('inspector.table', { row: stats.row, count: n })}</summary>
      {open && n > TABLE_PAGE_KEYS && (
        <div className="ri-table-pages">
          <button type="button" aria-disabled={start === 0} onClick={() => setStart(Math.max(0, start - TABLE_PAGE_KEYS))}>
            ‹ {t('inspector.tablePrev', { size: TABLE_PAGE_KEYS })}
          </button>
          <span aria-live="polite" data-testid="row-values-range">{t('inspector.tableRange', { from: start, to: end - 1, count: n })}</span>
          <button type="button" aria-disabled={end >= n} onClick={() => end < n && setStart(start + TABLE_PAGE_KEYS)}>
            {t('inspector.tableNext', { size: TABLE_PAGE_KEYS })} ›
          </button>
        </div>
      )}
      {open && (
        <div className="ri-table-scroll">
          <table>
            <caption>{t('inspector.tableCaption', { row: stats.row, token: queryToken })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inspector.colKey')}</th>
                <th scope="col">{t('inspector.colToken')}</th>
                <th scope="col">{t('inspector.colMask')}</th>
                <th scope="col">{t('inspector.colMasked')}</th>
                <th scope="col">{t('inspector.colWeight')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: end - start }, (_, i) => {
                const k = start + i;
                const blocked = stats.blocked[k] !== 0;
                return (
                  <tr key={k} className={blocked ? 'blocked' : k === stats.argmax ? 'largest' : undefined}>
                    <th scope="row">{k}</th>
                    <td>{keyTokens[k] ?? String(k)}</td>
                    <td>{blocked ? blockedText : allowed}</td>
                    <td>{formatNumber(stats.masked[k] as number)}</td>
                    <td>{formatNumber(stats.weights[k] as number)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
