/**
 * Links that land where the lesson is (`focus=`): once the page shows a result, it scrolls to the
 * heatmap or panel the link names, once per target (a later change of the same view does not
 * scroll again; choosing a preset with a target does).
 */
import { useEffect, useRef } from 'react';
import type { FocusTarget } from '../state/scenario';

/** The CSS selector of a focus target's element. */
export function focusSelector(target: Exclude<FocusTarget, ''>): string {
  switch (target) {
    case 'tokens':
      return '[data-testid="tokens"]';
    case 'fully-masked':
      return '[data-testid="masked-row-table"]';
    case 'inspector':
      return '[data-testid="row-inspector"]';
    case 'heads':
      return '[data-testid="head-strip"]';
    case 'encoder':
    case 'decoder':
    case 'cross':
      return `[data-testid="attention-${target}"]`;
    case 'input':
    case 'masks':
    case 'modifiers':
    case 'model':
    case 'frameworks':
      return `[data-panel="${target}"]`;
    default:
      return `[data-stage="${target}"]`;
  }
}

/** Frames to wait for the target's element before giving up (a target the view does not have). */
const MAX_FRAMES = 120;

/**
 * Scrolls `target` into view once `ready` (a result is on screen) and its element exists; marks
 * the element with `data-landed` (for tests and styling). Does nothing for ''. While the page
 * settles (a formula typeset, a heatmap drawn above it) the element is kept in place for up to
 * SETTLE_FRAMES frames, until the user scrolls, presses a key or touches the page.
 */
export function useLandOn(target: FocusTarget, ready: boolean): void {
  const landed = useRef<string>('');
  useEffect(() => {
    if (target === '' || !ready || landed.current === target) return;
    let frame = 0;
    let stop = () => cancelAnimationFrame(frame);
    // the element may render a few frames later (a panel's body renders once it is open)
    let tries = 0;
    frame = requestAnimationFrame(function attempt(): void {
      const el = document.querySelector<HTMLElement>(focusSelector(target));
      if (!el) {
        if (++tries < MAX_FRAMES) frame = requestAnimationFrame(attempt);
        return;
      }
      landed.current = target;
      el.setAttribute('data-landed', 'true'); // first: its scroll-margin (styles.css) leaves room for the sticky bar
      stop = keepInView(el);
    });
    return () => stop();
  }, [target, ready]);
}

/** Frames during which a landed element is scrolled back into view if the page moved it. */
const SETTLE_FRAMES = 90;

/**
 * Scrolls `el` into view and keeps it there while the page settles: whenever its top is off its
 * scroll margin (and the page can scroll that way), it is scrolled again. Returns a function that stops.
 */
function keepInView(el: HTMLElement): () => void {
  const land = () => el.scrollIntoView({ block: 'start', inline: 'nearest' });
  const off = () => {
    const top = el.getBoundingClientRect().top;
    const margin = parseFloat(getComputedStyle(el).scrollMarginTop) || 0;
    const root = document.scrollingElement ?? document.documentElement;
    const atBottom = root.scrollTop + root.clientHeight >= root.scrollHeight - 1;
    return top < margin - 1 || (top > margin + 1 && !atBottom);
  };
  land();
  let frames = 0;
  let frame = 0;
  const events = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
  const stop = () => {
    cancelAnimationFrame(frame);
    events.forEach((e) => window.removeEventListener(e, stop, true));
  };
  events.forEach((e) => window.addEventListener(e, stop, { capture: true, passive: true }));
  frame = requestAnimationFrame(function settle(): void {
    if (off()) land();
    if (++frames < SETTLE_FRAMES) frame = requestAnimationFrame(settle);
    else stop();
  });
  return stop;
}
