/** `encdec.` 命名空间的中文字符串：编码器–解码器视图（键与 encdec.en.ts 相同）。 */
import type { encdecEn } from './encdec.en';

export const encdecZh: typeof encdecEn = {
  title: '编码器–解码器：Transformer 的三种注意力',
  option: '编码器–解码器（三者并列）',
  inputHint: '三种注意力并列：源序列上的编码器自注意力、目标序列上的解码器自注意力，以及目标查询对源键的交叉注意力。“因果掩码”选项作用于解码器；下方的各阶段热图显示交叉注意力。',
  intro: '将鼠标悬停、轻触或用键盘聚焦一个词元（或单元格），即可在每个面板中找到它。',
  source: '源序列（编码器）',
  target: '目标序列（解码器）',
  tokenLabel: '{{side}}词元 {{index}}：{{token}}',
  panels: {
    encoder: '编码器自注意力 — 源 × 源',
    decoder: '解码器自注意力 — 目标 × 目标',
    decoderCausal: '解码器自注意力 — 目标 × 目标，因果',
    cross: '交叉注意力 — 目标查询 × 源键',
  },
  notes: {
    encoder: '每个源词元双向读取整个源序列。',
    decoderCausal: '每个目标词元只读取自己和它之前的目标词元，从不读取未来。',
    decoder: '因果掩码已关闭：每个目标词元读取整个目标序列，包括未来（勾选“因果掩码”即可开启）。',
    cross: '每个目标词元读取整个源序列：从不使用因果掩码。',
  },
  allowed: 'allowed(q, k) = {{terms}}',
  terms: {
    causal: 'k ≤ q',
    sourcePadding: '源键 k 不是填充',
    targetPadding: '目标键 k 不是填充',
    none: 'true（所有键）',
  },
  mask: '掩码',
  showStage: '显示',
  weights: '权重',
  axis: {
    sourceQuery: '源（查询）',
    sourceKey: '源（键）',
    targetQuery: '目标（查询）',
    targetKey: '目标（键）',
  },
  heatmapLabel: '{{panel}}：{{stage}}热图，批次样本 {{batch}}，头 {{head}}，{{rows}} 个查询 × {{cols}} 个键。用方向键在单元格间移动。',
  shown: '批次样本 {{batch}}，头 {{head}}',
  ignored: '这三个面板不包含：{{fields}}。它们只显示因果掩码和填充掩码；下方的各阶段热图把额外的掩码应用于交叉注意力。',
  listSeparator: '、',
  fields: {
    masks: '额外的掩码',
    customMask: '自定义公式',
    paint: '手绘的单元格',
    globalTokens: '全局词元',
  },
  tooLarge: '编码器–解码器视图每侧最多计算 {{max}} 个词元；目标序列有 {{target}} 个，源序列有 {{source}} 个。请减小查询长度和键长度（或缩短句子）后查看。',
  unavailable: '在当前设置下无法计算这种注意力。',
};
