/**
 * The extra masks as a small tree the user edits: add catalogue masks or AND / OR groups at any
 * level, set parameters, negate any node (NOT), remove it. The top level combines with the
 * Scenario's `maskJoin`. Written back to the Scenario's `masks` (state/maskList.ts).
 */
import { useId } from 'react';
import { useT } from './i18n/useT';
import { defaultMaskParams, MASK_CATALOGUE, maskCatalogueEntry } from '../engine/mask/catalogue';
import { formatMaskList, isGroup, MAX_DEPTH, MAX_MASKS, maskLeaves, parseMaskList, type MaskChoice, type MaskItem } from '../state/maskList';
import type { Scenario } from '../state/scenario';
import type { MaskNote } from '../scenario/catalogueTerms';
import { Choice } from './Choice';
import { NumberField } from './NumberField';
import { MaskCatalogue } from './MaskCatalogue';
import { MaskInfoButton, MaskInfoPanel, useDisclosure } from './MaskInfo';

/** Masks whose point is to allow cells above the diagonal: and-ed with causal, that part is lost. */
export const NOT_CAUSAL_MASKS = new Set(['full', 'window-bidirectional', 'global-local', 'prefix-lm', 'document', 'bigbird']);

interface Props {
  scenario: Scenario;
  update(patch: Partial<Scenario>): void;
  notes: MaskNote[];
}

/** Edits the list of items at one level of the tree. */
interface ListOps {
  change(i: number, next: MaskItem): void;
  remove(i: number): void;
  add(item: MaskItem): void;
  canAdd: boolean;
}

export function MaskListEditor({ scenario: s, update, notes }: Props) {
  const { t } = useT();
  const items = parseMaskList(s.masks).items;
  const write = (next: MaskItem[]) => update({ masks: formatMaskList(next) });
  const canAdd = maskLeaves(items).length < MAX_MASKS;
  const hidesItsPoint = s.causal && maskLeaves(items).some((item) => NOT_CAUSAL_MASKS.has(item.id) && !item.negate);
  return (
    <div className="mask-list" data-testid="mask-list">
      <ItemList items={items} depth={0} ops={listOps(items, write, canAdd)} />
      <MaskCatalogue canAdd={canAdd} onAdd={(id) => addCatalogueMask(id, listOps(items, write, canAdd))} />
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
    </div>
  );
}

function listOps(items: MaskItem[], write: (next: MaskItem[]) => void, canAdd: boolean): ListOps {
  return {
    change: (i, next) => write(items.map((item, j) => (j === i ? next : item))),
    remove: (i) => write(items.filter((_, j) => j !== i)),
    add: (item) => write([...items, item]),
    canAdd,
  };
}

function ItemList({ items, depth, ops }: { items: MaskItem[]; depth: number; ops: ListOps }) {
  return (
    <>
      {items.map((item, i) =>
        isGroup(item) ? (
          <GroupRow key={i} group={item} depth={depth} canAdd={ops.canAdd} onChange={(next) => ops.change(i, next)} onRemove={() => ops.remove(i)} />
        ) : (
          <MaskRow key={`${i}-${item.id}`} item={item} onChange={(next) => ops.change(i, next)} onRemove={() => ops.remove(i)} />
        ),
      )}
      <AddControls depth={depth} ops={ops} />
    </>
  );
}

/** Adds catalogue mask `maskId` at its default parameters (an unknown id adds nothing). */
function addCatalogueMask(maskId: string, ops: ListOps): void {
  const entry = maskCatalogueEntry(maskId);
  if (entry) ops.add({ id: maskId, params: defaultMaskParams(entry) });
}

function AddControls({ depth, ops }: { depth: number; ops: ListOps }) {
  const { t } = useT();
  const id = useId();
  const add = (maskId: string) => addCatalogueMask(maskId, ops);
  return (
    <div className="add-controls">
      <label htmlFor={id}>{depth === 0 ? t('mask.add') : t('mask.addInGroup')}</label>
      <select id={id} value="" disabled={!ops.canAdd} data-testid={depth === 0 ? 'add-mask' : undefined} onChange={(e) => add(e.target.value)}>
        <option value="">{t('mask.addPlaceholder')}</option>
        {MASK_CATALOGUE.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {t(`masks.${entry.id}`, { defaultValue: entry.name })}
          </option>
        ))}
      </select>
      {depth + 1 < MAX_DEPTH && (
        <button type="button" disabled={!ops.canAdd} onClick={() => ops.add({ op: 'or', children: [] })}>
          {t('mask.addGroup')}
        </button>
      )}
    </div>
  );
}

function NotToggle({ checked, name, onChange }: { checked: boolean; name: string; onChange(v: boolean): void }) {
  const { t } = useT();
  return (
    <label className="not-toggle" title={t('mask.notHint')}>
      <input type="checkbox" aria-label={t('mask.notOf', { name })} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {t('mask.not')}
    </label>
  );
}

function GroupRow({ group, depth, canAdd, onChange, onRemove }: { group: { op: 'and' | 'or'; children: MaskItem[]; negate?: boolean }; depth: number; canAdd: boolean; onChange(next: MaskItem): void; onRemove(): void }) {
  const { t } = useT();
  const name = group.op === 'and' ? t('mask.groupAnd') : t('mask.groupOr');
  const setNegate = (negate: boolean) => onChange(negate ? { ...group, negate } : { op: group.op, children: group.children });
  return (
    <div className="mask-row mask-group" data-group={group.op}>
      <div className="mask-row-head">
        <NotToggle checked={group.negate === true} name={name} onChange={setNegate} />
        <select aria-label={t('mask.groupOp')} value={group.op} onChange={(e) => onChange({ ...group, op: e.target.value === 'and' ? 'and' : 'or' })}>
          <option value="and">{t('mask.groupAnd')}</option>
          <option value="or">{t('mask.groupOr')}</option>
        </select>
        <span className="spacer" />
        <button type="button" className="remove" aria-label={t('mask.remove', { name })} onClick={onRemove}>
          ×
        </button>
      </div>
      <div className="group-children">
        <ItemList items={group.children} depth={depth + 1} ops={listOps(group.children, (children) => onChange({ ...group, children }), canAdd)} />
      </div>
    </div>
  );
}

function MaskRow({ item, onChange, onRemove }: { item: MaskChoice; onChange(next: MaskChoice): void; onRemove(): void }) {
  const { t } = useT();
  const entry = maskCatalogueEntry(item.id);
  const name = t(`masks.${item.id}`, { defaultValue: entry?.name ?? item.id });
  const setNegate = (negate: boolean) => onChange(negate ? { ...item, negate } : { id: item.id, params: item.params });
  const info = useDisclosure();
  return (
    <div className="mask-row" data-mask={item.id}>
      <div className="mask-row-head">
        <NotToggle checked={item.negate === true} name={name} onChange={setNegate} />
        <b>{name}</b>
        {entry && <MaskInfoButton name={name} {...info} />}
        <button type="button" className="remove" aria-label={t('mask.remove', { name })} onClick={onRemove}>
          ×
        </button>
      </div>
      {entry && info.open && <MaskInfoPanel id={entry.id} panelId={info.panelId} />}
      {entry && entry.params.length > 0 && (
        <div className="field-grid">
          {entry.params.map((spec) => (
            <NumberField
              key={spec.name}
              label={`${spec.name}: ${t(`maskParams.${item.id}.${spec.name}`, { defaultValue: spec.description })}`}
              value={Math.min(spec.max, Math.max(spec.min, item.params[spec.name] ?? spec.default))}
              min={spec.min}
              max={spec.max}
              onCommit={(value) => onChange({ ...item, params: { ...item.params, [spec.name]: value } })}
            />
          ))}
        </div>
      )}
    </div>
  );
}
