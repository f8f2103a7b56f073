/**
 * "Skip to the heatmaps": the page's first focusable element, visible when focused (look.css).
 * Activating it moves focus to the first heatmap of the view (skipTarget), which highlights its
 * first cell, so arrow keys work at once, and scrolls it into view: smoothly, or at once when the
 * user prefers reduced motion. The link does not change the URL fragment (the
 * fragment holds the scenario, docs/url-format.md); its href names the page's <main> only so
 * that it is a real in-page link.
 */
import type { MouseEvent } from 'react';
import { useT } from './i18n/useT';
import './look.css';

/** id of the page's <main> (App, PresentView): the link's href, so that it names a real target. */
export const MAIN_ID = 'main-content';

/** Where the link lands, first match wins: the heatmaps of the view on screen, then its main area. */
export const SKIP_TARGETS = [
  '.present-stage .heatmap',
  'section.encdec .heatmap',
  '.stage.current .heatmap',
  '.stage-strip .heatmap',
  'main .heatmap',
  '.present-stage',
  'main',
] as const;

/** The element the skip link focuses in `doc`, or null when the page shows none of SKIP_TARGETS. */
export function skipTarget(doc: Document): HTMLElement | null {
  for (const selector of SKIP_TARGETS) {
    const el = doc.querySelector<HTMLElement>(selector);
    if (el) return el;
  }
  return null;
}

/** 'smooth', or 'auto' (a jump) when the user asks for reduced motion (prefers-reduced-motion: reduce). */
export function scrollBehavior(win: Window): ScrollBehavior {
  return win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

export function SkipLink() {
  const { t } = useT();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const target = skipTarget(document);
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1; // a landmark: focusable by script only
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: scrollBehavior(window) });
  };
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={onClick} data-testid="skip-link">
      {t('look.skip')}
    </a>
  );
}
