/**
 * Painting the mask: choose Block or Allow, then click or drag on the Mask heatmap (or focus it,
 * move with the arrow keys and press Space). Painted cells override every other mask and are kept
 * in the URL. `usePaintHandlers` turns pointer and key events on the heatmap into painted cells.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePaint } from '../state/paint';
import { Choice } from './Choice';

export type PaintMode = 'off' | 'block' | 'allow';

export function PaintBar({ mode, onMode, paint, onClear }: { mode: PaintMode; onMode(m: PaintMode): void; paint: string; onClear(): void }) {
  const { t } = useTranslation();
  const count = parsePaint(paint).cells.size;
  return (
    <div className="paint-bar">
      <Choice label={t('paint.label')} value={mode} options={[['off', t('paint.off')], ['block', t('paint.block')], ['allow', t('paint.allow')]]} onChange={onMode} />
      {/* Always there (disabled when empty), so painting never moves the heatmap under the pointer. */}
      <button type="button" onClick={onClear} disabled={count === 0}>
        {t('paint.clear', { count })}
      </button>
      {mode !== 'off' && <p className="hint">{t('paint.hint')}</p>}
    </div>
  );
}

/**
 * Event handlers for the element around the Mask heatmap: while the pointer is down (or on Space /
 * Enter), the cell under it is painted. `hovered` is the heatmap's current cell.
 */
export function usePaintHandlers(mode: PaintMode, hovered: { row: number; col: number } | null, onPaint: (row: number, col: number, allow: boolean) => void) {
  const down = useRef(false);
  const last = useRef('');
  useEffect(() => {
    const up = () => {
      down.current = false;
      last.current = '';
    };
    window.addEventListener('pointerup', up);
    return () => window.removeEventListener('pointerup', up);
  }, []);
  const paintHovered = () => {
    if (mode === 'off' || !hovered) return;
    const key = `${hovered.row}.${hovered.col}`;
    if (key === last.current) return;
    last.current = key;
    onPaint(hovered.row, hovered.col, mode === 'allow');
  };
  useEffect(() => {
    if (down.current) paintHovered();
  });
  return {
    onPointerDown: () => {
      down.current = mode !== 'off';
      last.current = '';
      paintHovered();
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key !== ' ' && e.key !== 'Enter') return;
      e.preventDefault();
      last.current = '';
      paintHovered();
    },
  };
}
