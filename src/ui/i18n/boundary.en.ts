/**
 * English strings of the panels' error boundaries (PanelBoundary.tsx), the `boundary.`
 * namespace: merged as `boundary: boundaryEn` into en.ts. Keys are shared with boundary.zh.ts.
 */
export const boundaryEn = {
  failed: 'The {{panel}} failed and was closed: {{message}}',
  kept: 'The rest of Maskscope keeps working, and your settings are kept in the link.',
  retry: 'Try again',
  panels: {
    input: 'input panel',
    masks: 'masks panel',
    modifiers: 'score modifiers panel',
    model: 'model panel',
    frameworks: 'frameworks panel',
    result: 'result view',
    encdec: 'encoder–decoder view',
    inspector: 'row inspector',
  },
};
