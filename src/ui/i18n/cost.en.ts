/**
 * English strings of the cost panel (CostPanel.tsx), the `cost.` namespace: merge as
 * `cost: costEn` into en.ts. Keys are shared with cost.zh.ts.
 */
export const costEn = {
  legend: 'What this mask costs',
  slice: 'For the batch item and head shown.',
  allowed: 'Allowed cells: {{allowed}} of {{total}} ({{percent}}%)',
  saved: 'Work saved vs dense: {{percent}}%',
  savedHint: 'A kernel that skips blocked cells computes the Q·Kᵀ scores and the weights·V multiply-adds only for allowed cells; a dense kernel computes them for all {{total}}.',
  tileSize: 'Tile size (queries × keys), as block-sparse kernels see the mask',
  off: 'off',
  tilesHint: 'The matrix cut into {{size}}×{{size}} tiles, as FlexAttention’s BlockMask (BLOCK_SIZE = {{size}}) sees them; tiles on the edges hold fewer cells.',
  full: 'Full tiles: {{n}}',
  partial: 'Partial tiles: {{n}}',
  empty: 'Empty tiles: {{n}}',
  fullKey: 'every cell allowed: computed without the mask',
  partialKey: 'some cells blocked: computed, mask_mod applied inside',
  emptyKey: 'no cell allowed: skipped',
  computed: 'A block-sparse kernel computes {{percent}}% of tiles ({{computed}} of {{total}}).',
  tileKey: 'Tile outlines on the mask heatmap',
};
