/**
 * The open "In your framework" panel's content: the current mask as copyable code, as each
 * framework's mask argument, and what a fully masked row becomes under each convention. A chunk of
 * its own (with engine/codegen), loaded when the panel is first opened: not needed for the first paint.
 */
import { useMemo, useState } from 'react';
import { useT } from './i18n/useT';
import { maskedRowNameKey } from './maskedRowName';
import { frameworkMasks, fullyMaskedRowComparison, maskSnippets, type FrameworkMask } from '../engine/codegen';
import type { StageSet } from '../engine/headStages';
import type { AttentionInputs } from '../engine/types';
import type { SequenceBatch } from '../engine/sequences';
import { formatNumber } from './format';
import { InfoText } from './InfoText';

/** Tables larger than this (total entries) are not written into code snippets. */
export const MAX_INLINE_TABLE_ENTRIES = 20_000;
/** Convention matrices larger than this on a side are shown cut. */
const MAX_SHOWN = 12;

export interface FrameworksProps {
  inputs: AttentionInputs;
  /** The computed heads; the conventions use every head's mask when all are computed, else the shown one. */
  set: StageSet;
  keys: SequenceBatch;
  keyPadding: boolean;
  batch: number;
  head: number;
}

export default function FrameworksBody({ inputs, set, keys, keyPadding, batch, head }: FrameworksProps) {
  const { t } = useT();
  const { shape } = set;
  const shown = set.heads[batch * shape.heads + head] ?? null;
  const tableEntries = Object.values(inputs.mask.tables).reduce((n, table) => n + table.data.length, 0);
  const snippets = useMemo(() => (tableEntries > MAX_INLINE_TABLE_ENTRIES ? null : maskSnippets(inputs.mask, shape)), [inputs.mask, shape, tableEntries]);
  const conventions = useMemo(() => conventionsOf(set, keyPadding ? keys.isReal : null, batch, head), [set, keys, keyPadding, batch, head]);
  const rowLogits = useMemo(() => Array.from(shown?.logits.subarray(0, Math.min(shape.keyLength, 8)) ?? []), [shown, shape.keyLength]);
  return (
    <div className="frameworks-body">
      <h3>{t('frameworks.code')}</h3>
      {snippets ? snippets.map((s) => <Snippet key={s.target} title={t(`labels.snippets.${s.target}`, { defaultValue: s.title })} code={s.code} />) : <p className="hint">{t('frameworks.tooLarge', { count: tableEntries })}</p>}
      <h3>{t('frameworks.conventions')}</h3>
      <div className="conventions">
        {conventions.map((c) => (
          <Convention key={c.id} c={c} head={head} />
        ))}
      </div>
      <h3>{t('frameworks.fullyMasked')}</h3>
      <p className="hint">{t('frameworks.fullyMaskedHint', { count: rowLogits.length })}</p>
      <table className="masked-row-table" data-testid="masked-row-table">
        <tbody>
          {fullyMaskedRowComparison(rowLogits).map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <InfoText text={t(maskedRowNameKey(o))} />
                <small>
                  <InfoText text={t(`conventions.maskedRow.${o.id}.libraries`)} />
                </small>
              </th>
              <td>{o.weights.map((w) => formatNumber(w)).join('  ')}</td>
              <td>Σ = {formatNumber(o.sum)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Snippet({ title, code }: { title: string; code: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <figure className="snippet">
      <figcaption>
        <InfoText text={title} />{' '}
        <button type="button" onClick={() => void copy()}>
          {copied ? t('frameworks.copied') : t('frameworks.copy')}
        </button>
      </figcaption>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}

/** One framework's mask; what its values mean and its caveat are looked up by id (i18n conventions.*). */
function Convention({ c, head }: { c: FrameworkMask; head: number }) {
  const { t } = useT();
  const rows = c.values.slice(0, MAX_SHOWN).map((row) => row.slice(0, MAX_SHOWN));
  const cell = (v: boolean | number) => (typeof v === 'boolean' ? (v ? 'T' : 'F') : v === -Infinity ? '−∞' : String(v));
  return (
    <section className="convention" data-convention={c.id}>
      <h4>
        {t(`conventions.framework.${c.id}`, { defaultValue: c.framework })} <code>{c.argument}</code>
      </h4>
      <p>
        <code>{c.shapeLabel}</code> · <code>{c.dtype}</code> — <InfoText text={t(`conventions.meaning.${c.id}`)} />
      </p>
      {c.noteId && (
        <p className="hint">
          <InfoText text={t(`conventions.note.${c.noteId}`, { head })} />
        </p>
      )}
      <pre className="matrix" aria-label={c.slice}>
        {rows.map((row) => row.map(cell).join(' ')).join('\n')}
      </pre>
    </section>
  );
}

/** frameworkMasks over every head when all are computed; else over the shown head alone (as B = H = 1). */
function conventionsOf(set: StageSet, keyIsReal: boolean[][] | null, batch: number, head: number): FrameworkMask[] {
  const { shape } = set;
  if (set.heads.every((h) => h !== null)) {
    const mask = new Uint8Array(set.heads.reduce((n, h) => n + (h?.mask.length ?? 0), 0));
    set.heads.forEach((h, i) => h && mask.set(h.mask, i * h.mask.length));
    return frameworkMasks({ mask, shape, keyIsReal, b: batch, h: head });
  }
  const shown = set.heads[batch * shape.heads + head];
  if (!shown) return [];
  const keyRow = keyIsReal?.[batch];
  return frameworkMasks({ mask: shown.mask, shape: { ...shape, batch: 1, heads: 1 }, keyIsReal: keyRow ? [keyRow] : null, b: 0, h: 0 });
}
