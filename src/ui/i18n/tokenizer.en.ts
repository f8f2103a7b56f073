/**
 * English strings of the tokenizer choice (issue #12 §5), the `tokenizer.` namespace: the Input
 * panel's choice, its hints, GPT-2's loading and failure messages (TokenizerChoice.tsx) and the
 * captions under GPT-2 byte pieces (TokenPreview.tsx). Merged as `tokenizer: tokenizerEn` into
 * en.ts; keys shared with tokenizer.zh.ts.
 */
export const tokenizerEn = {
  label: 'Tokenizer',
  auto: 'Automatic',
  char: 'Per character',
  word: 'Per word',
  gpt2: 'GPT-2 BPE',
  hintAuto: 'Words and punctuation marks; Chinese and Japanese: one character per token.',
  hintChar: 'Every character is a token; spaces are dropped.',
  hintWord: 'Split on spaces only: type Chinese with spaces (我 爱 你) to choose the words yourself. Punctuation stays with its word.',
  hintGpt2: 'GPT-2’s byte-pair encoding (its 50 257-piece vocabulary, part of this app): common words are one piece, rare words several. ␣ is a space that belongs to the piece (GPT-2’s vocabulary file writes it Ġ).',
  hintBytes: 'GPT-2 works on UTF-8 bytes, so a Chinese character (3 bytes) is often split: <E6 88> are bytes in hex, and the small text under a piece names the character and which of its bytes the piece holds (我 1–2/3: bytes 1 and 2 of 3).',
  loading: 'Loading GPT-2’s vocabulary… The automatic tokens are shown until it is ready.',
  failed: 'GPT-2’s vocabulary could not be loaded, so the automatic tokens are used.',
  retry: 'Try again',
  failedAgain: 'GPT-2’s vocabulary could not be loaded again, so the automatic tokens are used. Some browsers only load it anew after a reload; your settings are kept in the link.',
  reload: 'Reload the page',
  /** Caption under a GPT-2 piece holding part of a character: the character, the bytes held, its byte count. */
  bytesOf: '{{char}} {{bytes}}/{{of}}',
  bytesTitle: 'Bytes {{bytes}} of the {{of}} UTF-8 bytes of “{{char}}”',
};
