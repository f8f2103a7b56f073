/**
 * The header's Share button: opens the Share panel (SharePanel.tsx) in a modal `<dialog>`
 * (focus kept inside, Esc closes, the page behind inert), for mouse, touch and keyboard.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from './i18n/useT';
import type { Scenario } from '../state/scenario';
import { SharePanel } from './SharePanel';
import './share.css';

export function ShareButton({ scenario }: { scenario: Scenario }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <>
      <button type="button" className="share-button" onClick={() => setOpen(true)} title={t('share.buttonHint')} data-testid="share-open" aria-haspopup="dialog">
        {t('share.button')}
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={() => setOpen(false)} data-testid="share-dialog">
        {open && <SharePanel scenario={scenario} onClose={() => setOpen(false)} />}
      </dialog>
    </>
  );
}
