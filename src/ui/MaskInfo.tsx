/**
 * A catalogue mask's info, readable by keyboard, touch and screen reader (not a hover tooltip):
 * a disclosure button (aria-expanded, aria-controls) that shows what the mask does, its source
 * and what other libraries call it, in the reader's language (i18n `catalogue.masks.<id>`).
 */
import { useId, useState, type ReactNode } from 'react';
import { useT } from './i18n/useT';
import { InfoText } from './InfoText';
import './maskInfo.css';

/** The open state of one disclosure and the ids that tie its button to its panel. */
export function useDisclosure(): { open: boolean; toggle(): void; panelId: string } {
  const [open, setOpen] = useState(false);
  return { open, toggle: () => setOpen((o) => !o), panelId: useId() };
}

/** The ⓘ button: `name` is the mask's translated name (its accessible name says "About <name>"). */
export function MaskInfoButton({ name, open, toggle, panelId }: { name: string; open: boolean; toggle(): void; panelId: string }) {
  const { t } = useT();
  const label = t('catalogue.about', { name });
  return (
    <button type="button" className="mask-info-button" aria-expanded={open} aria-controls={panelId} aria-label={label} title={label} onClick={toggle} data-testid="mask-info-button">
      <span aria-hidden="true">ⓘ</span>
    </button>
  );
}

/** The panel: description, source and equivalents of catalogue mask `id`. */
export function MaskInfoPanel({ id, panelId, children }: { id: string; panelId: string; children?: ReactNode }) {
  const { t } = useT();
  const key = `catalogue.masks.${id}`;
  return (
    <div id={panelId} className="mask-info" data-testid="mask-info" data-mask-info={id}>
      <dl>
        <dt>{t('catalogue.description')}</dt>
        <dd>
          <InfoText text={t(`${key}.description`)} />
        </dd>
        <dt>{t('catalogue.source')}</dt>
        <dd>
          <InfoText text={t(`${key}.source`)} />
        </dd>
        <dt>{t('catalogue.equivalents')}</dt>
        <dd>
          <InfoText text={t(`${key}.equivalents`)} />
        </dd>
      </dl>
      {children}
    </div>
  );
}
