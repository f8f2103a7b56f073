/** Which batch item and head the large heatmaps show, and how weights are coloured. */
import { useId } from 'react';
import { useT } from './i18n/useT';
import type { TFunction } from 'i18next';
import type { SequenceBatch } from '../engine/sequences';
import type { Scenario } from '../state/scenario';
import { Choice } from './Choice';
import { Control } from './Control';

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
  query: SequenceBatch;
  /** The key side (cross-attention: another sequence); its padding is counted too. Self-attention: omitted or `query`. */
  keys?: SequenceBatch;
  batch: number;
  head: number;
  heads: number;
}

/** Padding tokens of batch item `b`. */
const padsOf = (side: SequenceBatch, b: number) => side.isReal[b]?.filter((real) => !real).length ?? 0;

/** What a batch tab says of its padding: "(3 pads)", or with another key side "(1 query, 5 key pads)"; '' for none. */
function padNote(t: TFunction, query: SequenceBatch, keys: SequenceBatch | undefined, b: number): string {
  const pads = padsOf(query, b);
  if (keys === undefined || keys === query) return pads > 0 ? t('view.pads', { count: pads }) : '';
  const keyPads = padsOf(keys, b);
  return pads + keyPads > 0 ? t('view.crossPads', { query: pads, count: keyPads }) : '';
}

export function ViewBar({ scenario, update, query, keys, batch, head, heads }: Props) {
  const { t } = useT();
  const headId = useId();
  return (
    <div className="view-bar">
      <Control id="vb">
      <div className="batch-tabs" role="group" aria-label={t('view.batch')}>
        <span className="choice-label">{t('view.batch')}</span>
        {query.tokens.map((tokens, b) => {
          const note = padNote(t, query, keys, b);
          return (
            <button key={b} type="button" aria-pressed={b === batch} className={b === batch ? 'tab selected' : 'tab'} onClick={() => update({ viewBatch: b })}>
              {b}: {preview(tokens, query.isReal[b] ?? [])}
              {note && <small> {note}</small>}
            </button>
          );
        })}
      </div>
      </Control>
      <Control id="vh">
      <div className="field inline">
        <label htmlFor={headId}>{t('view.head')}</label>
        <select id={headId} value={head} onChange={(e) => update({ viewHead: Number(e.target.value) })}>
          {Array.from({ length: heads }, (_, h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </div>
      </Control>
      <Control id="wscale">
      <Choice
        label={t('view.weightScale')}
        value={scenario.weightScale}
        options={[
          ['unit', t('view.scaleUnit')],
          ['row', t('view.scaleRow')],
        ]}
        onChange={(weightScale) => update({ weightScale })}
      />
      </Control>
    </div>
  );
}

/** The real tokens of one sequence, cut to a few words. */
function preview(tokens: string[], isReal: boolean[]): string {
  const real = tokens.filter((_, i) => isReal[i]);
  const text = real.slice(0, 4).join(' ');
  return real.length > 4 ? `${text} …` : text;
}
