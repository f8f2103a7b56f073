/**
 * Chinese strings of the tokenizer choice (issue #12 §5), the `tokenizer.` namespace; keys shared
 * with tokenizer.en.ts. Merged as `tokenizer: tokenizerZh` into zh.ts.
 */
export const tokenizerZh = {
  label: '分词方式',
  auto: '自动',
  char: '按字',
  word: '按词（空格）',
  gpt2: 'GPT-2 BPE',
  hintAuto: '英文按单词和标点切分；中文、日文每个字一个词元。',
  hintChar: '每个字符一个词元，空格忽略。',
  hintWord: '只按空格切分：中文用空格隔开（我 爱 你）即可自己决定词语。标点跟随所在的词。',
  hintGpt2: 'GPT-2 的字节对编码（BPE，词表共 50 257 个词片，已内置于本应用）：常见词是一个词片，少见的词拆成几个。␣ 表示属于该词片的空格（GPT-2 词表文件写作 Ġ）。',
  hintBytes: 'GPT-2 按 UTF-8 字节切分，一个汉字（3 个字节）常被拆开：<E6 88> 是十六进制的字节，词片下方的小字给出所属的汉字以及词片含有它的哪几个字节（我 1–2/3：3 个字节中的第 1、2 个）。',
  loading: '正在加载 GPT-2 词表……加载完成前显示自动分词的结果。',
  failed: 'GPT-2 词表无法加载，已改用自动分词。',
  retry: '重试',
  failedAgain: 'GPT-2 词表仍无法加载，已改用自动分词。有些浏览器要重新加载页面后才会再次加载它；你的设置保存在链接中。',
  reload: '重新加载页面',
  bytesOf: '{{char}} {{bytes}}/{{of}}',
  bytesTitle: '“{{char}}”的 {{of}} 个 UTF-8 字节中的第 {{bytes}} 个',
};
