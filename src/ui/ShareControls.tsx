/**
 * The Share panel's table of controls: for each panel and each control (controls.ts), visible,
 * locked or hidden, as three radio buttons (arrow keys move between them). Grouped by where the
 * control sits; a panel's own row covers every control in it.
 */
import { useT } from './i18n/useT';
import { CONTROLS, type ControlPlace, type ControlState } from '../state/controls';
import { PANELS } from '../state/scenario';
import type { ShapeChoice } from './shareLink';

const STATES: readonly ControlState[] = ['visible', 'locked', 'hidden'];
const PLACES: readonly ControlPlace[] = ['header', 'sidebar', ...PANELS, 'view'];
const PANEL_TITLES: Record<string, string> = { input: 'input.legend', masks: 'mask.legend', modifiers: 'score.legend', model: 'model.legend', frameworks: 'frameworks.title' };

interface Props {
  choice: ShapeChoice;
  onChange(next: ShapeChoice): void;
}

export function ShareControls({ choice, onChange }: Props) {
  const { t } = useT();
  const set = (id: string, state: ControlState) => onChange({ ...choice, [id]: state });
  const allVisible = () => onChange(Object.fromEntries(Object.keys(choice).map((id) => [id, 'visible'])));
  return (
    <fieldset className="share-controls">
      <legend>{t('share.controlsHeading')}</legend>
      <p className="hint">{t('share.controlsHint')}</p>
      <button type="button" onClick={allVisible} data-testid="share-all-visible">{t('share.allVisible')}</button>
      <table>
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{t('share.controlsHeading')}</span></th>
            {STATES.map((s) => <th key={s} scope="col">{t(`share.${s}`)}</th>)}
          </tr>
        </thead>
        {PLACES.map((place) => {
          const panel = (PANELS as readonly string[]).includes(place);
          const title = panel ? t(PANEL_TITLES[place] ?? place) : t(`share.places.${place}`);
          return (
            <tbody key={place}>
              {panel ? <Row id={place} label={title} strong state={choice[place] ?? 'visible'} onSet={set} /> : <tr><th colSpan={4} scope="rowgroup">{title}</th></tr>}
              {CONTROLS.filter((c) => c.place === place).map((c) => (
                <Row key={c.id} id={c.id} label={t(`share.controls.${c.id}`)} state={choice[c.id] ?? 'visible'} onSet={set} />
              ))}
            </tbody>
          );
        })}
      </table>
    </fieldset>
  );
}

function Row({ id, label, state, strong, onSet }: { id: string; label: string; state: ControlState; strong?: boolean; onSet(id: string, s: ControlState): void }) {
  const { t } = useT();
  return (
    <tr className={strong ? 'share-panel-row' : undefined} data-share-id={id}>
      <th scope="row">{label} <code>{id}</code></th>
      {STATES.map((s) => (
        <td key={s}>
          <input
            type="radio" name={`share-${id}`} value={s} checked={state === s} onChange={() => onSet(id, s)}
            aria-label={`${label}: ${t(`share.${s}`)}`} data-testid={`share-${id}-${s}`}
          />
        </td>
      ))}
    </tr>
  );
}
