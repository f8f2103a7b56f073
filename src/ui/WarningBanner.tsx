/** Link warnings (invalid URL settings that were replaced) and input notes, translated by code. */
import { useT } from './i18n/useT';
import { warningRange, type StateWarning } from '../state/warnings';
import { SHAPE_IDS } from '../state/controls';
import type { InputNote } from '../scenario/derive';

export function WarningBanner({ warnings, onDismiss }: { warnings: StateWarning[]; onDismiss(): void }) {
  const { t } = useT();
  if (warnings.length === 0) return null;
  const limitText = (param: string): string => {
    const r = warningRange(param);
    if (r === undefined) return '';
    return t(r.off === undefined ? 'warnings.range' : 'warnings.rangeOff', { min: r.min, max: r.max, off: r.off });
  };
  return (
    <div className="banner warning" role="alert" data-testid="url-warnings">
      <p>{t('warnings.title')}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{t(warningKey(w), { param: w.param, value: w.value, used: w.used, limit: limitText(w.param), ids: SHAPE_IDS.join(', ') })}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('warnings.dismiss')}
      </button>
    </div>
  );
}

/** The i18n key of a warning: by code, with the dropped-piece variants (`used` empty), a piece of the link with no name (`=x`), an unknown key with the one it probably meant, and a head or batch item past the data. */
export function warningKey(w: StateWarning): string {
  if (w.code === 'unknown-key' && w.param === '') return 'warnings.namelessKey';
  if (w.code === 'unknown-key' && w.used !== '') return 'warnings.unknownKeyMeant';
  if (w.used === '' && w.code === 'bad-value') return 'warnings.dropped';
  if (w.used === '' && w.code === 'out-of-range') return 'warnings.outOfRangeDropped';
  if (w.code === 'beyond-data') return w.param === 'vh' || w.param === 'viewHead' ? 'warnings.beyondHead' : 'warnings.beyondBatch';
  return `warnings.${w.code}`;
}

export function InputNotes({ notes }: { notes: InputNote[] }) {
  const { t } = useT();
  if (notes.length === 0) return null;
  return (
    <ul className="banner note" data-testid="input-notes">
      {notes.map((n, i) => (
        <li key={i}>{t(`notes.${n.code}`, { count: n.count, side: t(`notes.${n.side}`) })}</li>
      ))}
    </ul>
  );
}
