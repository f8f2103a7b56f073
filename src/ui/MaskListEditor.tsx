/**
 * The extra masks: add one from the catalogue, set its parameters, negate it (NOT), remove it,
 * and choose whether the list combines with AND or OR. Written back to the Scenario's `masks`.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MASK_CATALOGUE, maskCatalogueEntry, defaultMaskParams } from '../engine/mask/catalogue';
import { formatMaskList, MAX_MASKS, parseMaskList, type MaskChoice } from '../state/maskList';
import type { Scenario } from '../state/scenario';
import { Choice } from './Choice';
import type { MaskNote } from './catalogueTerms';
import { NumberField } from './NumberField';

/** Masks whose point is to allow cells above the diagonal: and-ed with causal, that part is lost. */
export const NOT_CAUSAL_MASKS = new Set(['full', 'window-bidirectional', 'global-local', 'prefix-lm', 'document', 'bigbird']);

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
  notes: MaskNote[];
}

export function MaskListEditor({ scenario: s, update, notes }: Props) {
  const { t } = useTranslation();
  const addId = useId();
  const items = parseMaskList(s.masks).items;
  const write = (next: MaskChoice[]) => update({ masks: formatMaskList(next) });
  const change = (i: number, patch: Partial<MaskChoice>) => write(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  const add = (id: string) => {
    const entry = maskCatalogueEntry(id);
    if (entry && items.length < MAX_MASKS) write([...items, { id, params: defaultMaskParams(entry) }]);
  };
  const hidesItsPoint = s.causal && items.some((item) => NOT_CAUSAL_MASKS.has(item.id) && !item.negate);
  return (
    <div className="mask-list" data-testid="mask-list">
      {items.map((item, i) => (
        <MaskRow key={`${i}-${item.id}`} item={item} onChange={(patch) => change(i, patch)} onRemove={() => write(items.filter((_, j) => j !== i))} />
      ))}
      {items.length > 1 && (
        <Choice label={t('mask.join')} value={s.maskJoin} options={[['and', t('mask.joinAnd')], ['or', t('mask.joinOr')]]} onChange={(maskJoin) => update({ maskJoin })} />
      )}
      {hidesItsPoint && (
        <p className="field-error" role="status">
          {t('mask.causalHides')}{' '}
          <button type="button" onClick={() => update({ causal: false })}>
            {t('mask.turnOffCausal')}
          </button>
        </p>
      )}
      {notes.map((note, i) => (
        <p key={i} className="field-error" role="status">
          {note.code === 'unknownMask' ? t('mask.unknown', { id: note.id }) : t('mask.paramClamped', { ...note })}
        </p>
      ))}
      <div className="field">
        <label htmlFor={addId}>{t('mask.add')}</label>
        <select id={addId} value="" disabled={items.length >= MAX_MASKS} data-testid="add-mask" onChange={(e) => add(e.target.value)}>
          <option value="">{t('mask.addPlaceholder')}</option>
          {MASK_CATALOGUE.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {t(`masks.${entry.id}`, { defaultValue: entry.name })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function MaskRow({ item, onChange, onRemove }: { item: MaskChoice; onChange(patch: Partial<MaskChoice>): void; onRemove(): void }) {
  const { t } = useTranslation();
  const entry = maskCatalogueEntry(item.id);
  const name = t(`masks.${item.id}`, { defaultValue: entry?.name ?? item.id });
  return (
    <div className="mask-row" data-mask={item.id}>
      <div className="mask-row-head">
        <label className="not-toggle" title={t('mask.notHint')}>
          <input type="checkbox" aria-label={t('mask.notOf', { name })} checked={item.negate === true} onChange={(e) => onChange({ negate: e.target.checked || undefined })} />
          {t('mask.not')}
        </label>
        <b title={entry ? `${entry.source}\n${entry.equivalents}` : undefined}>{name}</b>
        <button type="button" className="remove" aria-label={t('mask.remove', { name })} onClick={onRemove}>
          ×
        </button>
      </div>
      {entry && entry.params.length > 0 && (
        <div className="field-grid">
          {entry.params.map((spec) => (
            <NumberField
              key={spec.name}
              label={`${spec.name}: ${t(`maskParams.${item.id}.${spec.name}`, { defaultValue: spec.description })}`}
              value={Math.min(spec.max, Math.max(spec.min, item.params[spec.name] ?? spec.default))}
              min={spec.min}
              max={spec.max}
              onCommit={(value) => onChange({ params: { ...item.params, [spec.name]: value } })}
            />
          ))}
        </div>
      )}
    </div>
  );
}
