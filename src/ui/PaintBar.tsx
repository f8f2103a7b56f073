/**
 * Painting the mask: choose Block or Allow, then click or drag on the Mask heatmap (or focus it,
 * move with the arrow keys and press Space). Painted cells override every other mask and are kept
 * in the URL. `usePaintHandlers` turns pointer and key events on the heatmap into painted cells.
 */
import { useEffect, useRef } from 'react';
import { useT } from './i18n/useT';
import { parsePaint } from '../state/paint';
import { Choice } from './Choice';

export type PaintMode = 'off' | 'block' | 'allow';

export function PaintBar({ mode, onMode, paint, onClear }: { mode: PaintMode; onMode(m: PaintMode): void; paint: string; onClear(): void }) {
  const { t } = useT();
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
 * Enter), the cell under it is painted. The heatmap reports its cell through `onCell`, which keeps
 * it in a ref: an event handler must not read a cell from the last render, which can be one
 * pointer move behind (a press right after a move would paint the previous cell).
 */
export function usePaintHandlers(mode: PaintMode, onPaint: (row: number, col: number, allow: boolean) => void) {
  const down = useRef(false);
  const last = useRef('');
  const cell = useRef<{ row: number; col: number } | null>(null);
  useEffect(() => {
    const up = () => {
      down.current = false;
      last.current = '';
    };
    window.addEventListener('pointerup', up);
    return () => window.removeEventListener('pointerup', up);
  }, []);
  const paintCurrent = () => {
    const c = cell.current;
    if (mode === 'off' || !c) return;
    const key = `${c.row}.${c.col}`;
    if (key === last.current) return;
    last.current = key;
    onPaint(c.row, c.col, mode === 'allow');
  };
  return {
    onCell: (next: { row: number; col: number } | null) => {
      cell.current = next;
      if (down.current) paintCurrent();
    },
    handlers: {
      onPointerDown: () => {
        down.current = mode !== 'off';
        last.current = '';
        paintCurrent();
      },
      onKeyDown: (e: React.KeyboardEvent) => {
        if (e.key !== ' ' && e.key !== 'Enter') return;
        e.preventDefault();
        last.current = '';
        paintCurrent();
      },
    },
  };
}
