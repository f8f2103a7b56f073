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
 * the element with `data-landed` (for tests and styling). Does nothing for ''.
 */
export function useLandOn(target: FocusTarget, ready: boolean): void {
  const landed = useRef<string>('');
  useEffect(() => {
    if (target === '' || !ready || landed.current === target) return;
    // the element may render a few frames later (a panel's body renders once it is open)
    let tries = 0;
    let frame = requestAnimationFrame(function attempt(): void {
      const el = document.querySelector<HTMLElement>(focusSelector(target));
      if (!el) {
        if (++tries < MAX_FRAMES) frame = requestAnimationFrame(attempt);
        return;
      }
      landed.current = target;
      el.setAttribute('data-landed', 'true'); // first: its scroll-margin (styles.css) leaves room for the sticky bar
      el.scrollIntoView({ block: 'start', inline: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [target, ready]);
}
