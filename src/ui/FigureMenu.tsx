/**
 * The "Figure" menu of a stage card or of a whole view (issue #12 §3): PNG 1×, 2×, 4× and SVG of
 * the figure; for each matrix CSV, "Copy as Markdown" and "Copy as text" (the copies only up to
 * 32 × 32: larger, the buttons are disabled and a line says why). A disclosure button opens it;
 * Escape or a press outside closes it; every item is a button (keyboard, touch). What happened
 * ("Copied", "Saved <file>", or why not) is announced politely (aria-live). Files are named by
 * figureFileName, e.g. maskscope-weights-b0-h1@2x.png.
 *
 * DOM hooks: `data-testid="figure-menu-<id>"` on the root, `data-action` on each item
 * ("png-1", "png-2", "png-4", "svg", "csv-<matrix>", "markdown-<matrix>", "text-<matrix>", "print"),
 * `data-testid="figure-status"` on the announcement.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { useTranslation } from 'react-i18next';
import { useT } from './i18n/useT';
import { figurePixelSize, MAX_FIGURE_CANVAS_AREA, MAX_FIGURE_CANVAS_SIDE } from '../viz/figureCanvas';
import { copyText, downloadBlob, figureFileName, pngBlob, PNG_SCALES, svgBlob } from './figureFiles';
import { copyable, MAX_COPY_SIDE, matrixCsv, matrixMarkdown, matrixText } from './matrixFormats';
import type { FigureMatrix, FigureTarget } from './stageFigures';
import './figureMenu.css';

/** How long an announcement stays, ms. */
const STATUS_MS = 8000;

export function FigureMenu({ target, onPrint }: { target: FigureTarget | null; onPrint?: () => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [status, announce] = useAnnouncement();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const listId = useId();
  usePopup(open, setOpen, toggle, list, root);
  /** Closes the menu, keeps the focus on its button, and runs `action` (announcing its outcome). */
  const run = (action: () => Promise<string>) => {
    setOpen(false);
    toggle.current?.focus();
    action().then(announce, (e: unknown) => announce(e instanceof Error ? e.message : String(e)));
  };
  const act = target ? figureActions(target, t) : null;
  const png = (scale: number) => act && run(() => act.png(scale));
  const svg = () => act && run(act.svg);
  const csv = (m: FigureMatrix) => act && run(() => act.csv(m));
  const copy = (text: () => string) => run(async () => ((await copyText(text())) ? t('figures.copied') : t('figures.copyFailed')));
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };
  const several = (target?.matrices.length ?? 0) > 1;
  return (
    <div className="figure-menu" ref={root} onKeyDown={onKeyDown} data-testid={`figure-menu-${target?.id ?? 'none'}`}>
      <button
        type="button" ref={toggle} className="figure-menu-toggle" aria-expanded={open} aria-controls={open ? listId : undefined} disabled={!target}
        aria-label={target ? t('figures.menuOf', { what: target.name }) : t('figures.notReady')} onClick={() => setOpen((o) => !o)}
      >
        {t('figures.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open && target && (
        <div id={listId} ref={list} className="figure-menu-list" role="group" aria-label={t('figures.menuOf', { what: target.name })}>
          <div className="figure-menu-row">
            {PNG_SCALES.map((scale) => (
              <button key={scale} type="button" data-action={`png-${scale}`} onClick={() => png(scale)}>{t('figures.png', { scale })}</button>
            ))}
            <button type="button" data-action="svg" onClick={svg}>{t('figures.svg')}</button>
          </div>
          {target.matrices.map((m) => <MatrixItems key={m.id} m={m} several={several} onCsv={() => csv(m)} onCopy={copy} />)}
          {onPrint && <div className="figure-menu-row"><button type="button" data-action="print" onClick={() => { setOpen(false); onPrint(); }}>{t('figures.print')}</button></div>}
        </div>
      )}
      <span className="figure-status" role="status" aria-live="polite" data-testid="figure-status">{status}</span>
    </div>
  );
}

/** The status line's text and a function that sets it for STATUS_MS. */
function useAnnouncement(): [string, (text: string) => void] {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = (text: string) => {
    setStatus(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };
  return [status, announce];
}

/** While open: the list placed under its button (followed on scroll and resize), and a press outside `root` closes it. */
function usePopup(open: boolean, setOpen: (open: boolean) => void, toggle: RefObject<HTMLElement | null>, list: RefObject<HTMLElement | null>, root: RefObject<HTMLElement | null>): void {
  // The list is fixed to the viewport (a card's scrolling strip would clip it).
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => placeList(toggle.current, list.current);
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open, toggle, list]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, root, setOpen]);
}

/** The menu's downloads; each resolves to the sentence to announce ("Saved …", or why not). */
function figureActions(target: FigureTarget, t: ReturnType<typeof useTranslation>['t']) {
  const save = async (file: string, make: () => Promise<Blob>) => {
    try {
      downloadBlob(await make(), file);
      return t('figures.saved', { file });
    } catch (e) {
      return t('figures.failed', { file, message: e instanceof Error ? e.message : String(e) });
    }
  };
  const name = (id: string, ext: 'png' | 'svg' | 'csv', scale?: number) => figureFileName(id, target.batch, target.head, ext, scale);
  return {
    png: async (scale: number) => {
      const figure = target.figure();
      const size = figurePixelSize(figure, scale);
      if (Math.max(size.width, size.height) > MAX_FIGURE_CANVAS_SIDE || size.width * size.height > MAX_FIGURE_CANVAS_AREA) return t('figures.tooLarge', { scale, ...size });
      return save(name(target.id, 'png', scale), () => pngBlob(figure, scale));
    },
    svg: () => save(name(target.id, 'svg'), async () => svgBlob(target.figure())),
    csv: (m: FigureMatrix) => save(name(m.id, 'csv'), async () => new Blob([matrixCsv(m.data)], { type: 'text/csv' })),
  };
}

/** Puts the list under its button, inside the viewport (8 px from its edges), above it when there is no room below. */
function placeList(button: HTMLElement | null, list: HTMLElement | null): void {
  if (!button || !list) return;
  const b = button.getBoundingClientRect();
  const w = list.offsetWidth;
  const h = list.offsetHeight;
  const left = Math.max(8, Math.min(b.left, window.innerWidth - w - 8));
  const below = b.bottom + 4;
  const top = below + h > window.innerHeight - 8 && b.top - 4 - h >= 8 ? b.top - 4 - h : below;
  list.style.left = `${left}px`;
  list.style.top = `${top}px`;
}

/** CSV and the two copies of one matrix; the copies disabled, with the reason, above MAX_COPY_SIDE. */
function MatrixItems({ m, several, onCsv, onCopy }: { m: FigureMatrix; several: boolean; onCsv(): void; onCopy(text: () => string): void }) {
  const { t } = useT();
  const noteId = useId();
  const small = copyable(m.data);
  const label = (key: string) => (several ? t(`figures.${key}Of`, { matrix: m.name }) : t(`figures.${key}`));
  const copyProps = { disabled: !small, 'aria-describedby': small ? undefined : noteId };
  return (
    <div className="figure-menu-row">
      <button type="button" data-action={`csv-${m.id}`} onClick={onCsv}>{label('csv')}</button>
      <button type="button" data-action={`markdown-${m.id}`} onClick={() => onCopy(() => matrixMarkdown(m.data))} {...copyProps}>{label('markdown')}</button>
      <button type="button" data-action={`text-${m.id}`} onClick={() => onCopy(() => matrixText(m.data))} {...copyProps}>{label('text')}</button>
      {!small && <p id={noteId} className="figure-menu-note">{t('figures.copyTooLarge', { max: MAX_COPY_SIDE, rows: m.data.rows, cols: m.data.cols })}</p>}
    </div>
  );
}
