import { describe, expect, it } from 'vitest';
import { presentKeyAction } from '../../src/ui/usePresentKeys';
import { focusSelector } from '../../src/ui/useLandOn';
import { isPanelOpen, openPanels, panelPatch, withPanel } from '../../src/ui/FoldPanel';
import { dimLabels } from '../../src/ui/stageCards';
import { FOCUS_TARGETS } from '../../src/state/scenario';

describe('presentation keys', () => {
  it('presentKeyAction: → and PageDown next, ← and PageUp previous, Escape leaves, anything else nothing', () => {
    expect(['ArrowRight', 'PageDown', 'ArrowLeft', 'PageUp', 'Escape', 'Enter', 'ArrowUp', ' '].map(presentKeyAction)).toEqual([1, 1, -1, -1, 'exit', null, null, null]);
  });
});

describe('landing on a focus target', () => {
  it('focusSelector: a step is its stage card, a panel its data-panel, the encoder–decoder panels their test ids', () => {
    expect(focusSelector('weights')).toBe('[data-stage="weights"]');
    expect(focusSelector('qkv')).toBe('[data-stage="qkv"]');
    expect(focusSelector('frameworks')).toBe('[data-panel="frameworks"]');
    expect(focusSelector('fully-masked')).toBe('[data-testid="masked-row-table"]');
    expect(focusSelector('cross')).toBe('[data-testid="attention-cross"]');
  });

  it('focusSelector: every focus target has a selector of its own', () => {
    const targets = FOCUS_TARGETS.filter((t) => t !== '');
    expect(new Set(targets.map((t) => focusSelector(t))).size).toBe(targets.length);
  });
});

describe('folding panels', () => {
  it('withPanel: opens or shuts one panel, keeping the canonical order of PANELS', () => {
    expect(withPanel('input,masks,modifiers,model', 'frameworks', true)).toBe('input,masks,modifiers,model,frameworks');
    expect(withPanel('frameworks', 'input', true)).toBe('input,frameworks');
    expect(withPanel('input,masks', 'masks', false)).toBe('input');
    expect(withPanel('', 'model', false)).toBe('');
    expect([...openPanels('input,frameworks')]).toEqual(['input', 'frameworks']);
  });

  it('isPanelOpen: a link that lands in a panel opens it; panelPatch: shutting it drops that landing', () => {
    expect(isPanelOpen({ open: '', focus: 'fully-masked' }, 'frameworks')).toBe(true);
    expect(isPanelOpen({ open: '', focus: 'masks' }, 'masks')).toBe(true);
    expect(isPanelOpen({ open: '', focus: 'weights' }, 'frameworks')).toBe(false);
    expect(panelPatch({ open: 'input', focus: 'fully-masked' }, 'frameworks', false)).toEqual({ open: 'input', focus: '' });
    expect(panelPatch({ open: 'input', focus: 'weights' }, 'input', false)).toEqual({ open: '' });
  });
});

describe('stage cards', () => {
  it('dimLabels(n): d0 … d(n−1), the same array for the same n (a redraw keeps its axes)', () => {
    expect(dimLabels(3)).toEqual(['d0', 'd1', 'd2']);
    expect(dimLabels(3)).toBe(dimLabels(3));
  });
});
