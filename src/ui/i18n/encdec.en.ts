/**
 * English strings of the encoder–decoder view (EncDecView.tsx) and of its entry in the Attention
 * choice, the `encdec.` namespace: merged as `encdec: encdecEn` into en.ts. Keys are shared with
 * encdec.zh.ts (a test checks).
 */
export const encdecEn = {
  title: 'Encoder–decoder: the three attentions of a Transformer',
  option: 'Encoder–decoder (all three)',
  inputHint: 'Three attentions side by side: encoder self-attention over the source, decoder self-attention over the target, and cross-attention of target queries over source keys. The Causal mask box is the decoder’s; the stage heatmaps below show the cross-attention.',
  intro: 'Hover, tap or focus a token (or a cell) to find it in every panel.',
  source: 'Source (encoder)',
  target: 'Target (decoder)',
  tokenLabel: '{{side}} token {{index}}: {{token}}',
  panels: {
    encoder: 'Encoder self-attention — source × source',
    decoder: 'Decoder self-attention — target × target',
    decoderCausal: 'Decoder self-attention — target × target, causal',
    cross: 'Cross-attention — target queries × source keys',
  },
  notes: {
    encoder: 'Each source token reads the whole source, in both directions.',
    decoderCausal: 'Each target token reads itself and the target tokens before it, never the future.',
    decoder: 'Causal is off: each target token reads the whole target, the future included (the Causal mask box turns it on).',
    cross: 'Each target token reads the whole source: never causal.',
  },
  allowed: 'allowed(q, k) = {{terms}}',
  terms: {
    causal: 'k ≤ q',
    sourcePadding: 'source key k is not padding',
    targetPadding: 'target key k is not padding',
    none: 'true (every key)',
  },
  mask: 'Mask',
  showStage: 'Show',
  weights: 'Weights',
  axis: {
    sourceQuery: 'source (query)',
    sourceKey: 'source (key)',
    targetQuery: 'target (query)',
    targetKey: 'target (key)',
  },
  heatmapLabel: '{{panel}}: {{stage}} heatmap, batch item {{batch}}, head {{head}}, {{rows}} queries × {{cols}} keys. Use the arrow keys to move between cells.',
  shown: 'Batch item {{batch}}, head {{head}}',
  ignored: 'Not in these three panels: {{fields}}. They show causal and padding masks only; the stage heatmaps below apply the extra masks to the cross-attention.',
  listSeparator: ', ',
  fields: {
    masks: 'the extra masks',
    customMask: 'the custom formula',
    paint: 'the painted cells',
    globalTokens: 'the global tokens',
  },
  tooLarge: 'The encoder–decoder view computes up to {{max}} tokens per side; the target has {{target}} and the source {{source}}. Lower the query length and key length (or shorten the sentences) to see it.',
  unavailable: 'This attention could not be computed with these settings.',
};
