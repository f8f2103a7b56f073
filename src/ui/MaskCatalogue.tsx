/**
 * The mask catalogue as a list to browse before adding: every mask with its name, an Add button
 * and a disclosure with what it does, its source and its names in other libraries (MaskInfo).
 * Folded by default; its state is not part of the link.
 */
import { useT } from './i18n/useT';
import { MASK_CATALOGUE, type MaskCatalogueEntry } from '../engine/mask/catalogue';
import { MaskInfoButton, MaskInfoPanel, useDisclosure } from './MaskInfo';

interface Props {
  /** Adds the mask at its default parameters. */
  onAdd(id: string): void;
  canAdd: boolean;
}

export function MaskCatalogue({ onAdd, canAdd }: Props) {
  const { t } = useT();
  return (
    <details className="mask-catalogue" data-testid="mask-catalogue">
      <summary>{t('catalogue.title')}</summary>
      <ul>
        {MASK_CATALOGUE.map((entry) => (
          <CatalogueRow key={entry.id} entry={entry} onAdd={onAdd} canAdd={canAdd} />
        ))}
      </ul>
    </details>
  );
}

function CatalogueRow({ entry, onAdd, canAdd }: { entry: MaskCatalogueEntry; onAdd(id: string): void; canAdd: boolean }) {
  const { t } = useT();
  const disclosure = useDisclosure();
  const name = t(`masks.${entry.id}`, { defaultValue: entry.name });
  return (
    <li data-catalogue={entry.id}>
      <div className="mask-catalogue-row">
        <MaskInfoButton name={name} {...disclosure} />
        <span className="mask-catalogue-name">{name}</span>
        <button type="button" disabled={!canAdd} aria-label={t('catalogue.addName', { name })} onClick={() => onAdd(entry.id)}>
          {t('catalogue.add')}
        </button>
      </div>
      {disclosure.open && <MaskInfoPanel id={entry.id} panelId={disclosure.panelId} />}
    </li>
  );
}
