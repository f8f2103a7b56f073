/**
 * English strings of the two readings of a causal mask in a padded batch (issue #11 §3), the
 * `readings.` namespace: the mask panel's choice (MaskPanel.tsx) and the Mask heatmap's note
 * (stageCards.ts). Merged as `readings: readingsEn` into en.ts; keys shared with readings.zh.ts.
 */
export const readingsEn = {
  label: 'In a padded batch, causal uses',
  real: 'real lengths: each item as if alone ({{realCalls}})',
  padded: 'padded shape: what a dense kernel computes on the padded tensors ({{paddedCalls}})',
  hintWhere: 'Where the two readings differ for the batch item shown, the Mask heatmap dashes those cells. Self-attention and unpadded batches give the same mask under both.',
  hintLengths: 'Lengths mode has no padding: both readings give the same mask.',
  differ_one: 'Dashed: {{count}} cell where the readings differ ({{real}} allowed with real lengths only, {{padded}} with the padded shape only). Real lengths: {{realCalls}} on each item alone; padded shape: {{paddedCalls}} on the padded batch.',
  differ_other: 'Dashed: {{count}} cells where the readings differ ({{real}} allowed with real lengths only, {{padded}} with the padded shape only). Real lengths: {{realCalls}} on each item alone; padded shape: {{paddedCalls}} on the padded batch.',
};
