/**
 * 填充批次中因果掩码的两种读法（issue #11 §3）的中文文本，`readings.` 命名空间；
 * 键与 readings.en.ts 相同。Merged as `readings: readingsZh` into zh.ts.
 */
import type { readingsEn } from './readings.en';

export const readingsZh: Record<keyof typeof readingsEn, string> = {
  label: '填充批次中，因果掩码使用',
  real: '真实长度：每个样本如同单独计算（{{realCalls}}）',
  padded: '填充形状：稠密内核在填充后的张量上的结果（{{paddedCalls}}）',
  hintWhere: '对于所显示的批次样本，两种读法不同的单元格在掩码热图中以虚线框标出。自注意力和没有填充的批次在两种读法下掩码相同。',
  hintLengths: '长度模式没有填充：两种读法得到相同的掩码。',
  differ_one: '虚线框：{{count}} 个单元格两种读法不同（仅真实长度允许 {{real}} 个，仅填充形状允许 {{padded}} 个）。真实长度：对每个样本单独调用 {{realCalls}}；填充形状：对填充后的批次调用 {{paddedCalls}}。',
  differ_other: '虚线框：{{count}} 个单元格两种读法不同（仅真实长度允许 {{real}} 个，仅填充形状允许 {{padded}} 个）。真实长度：对每个样本单独调用 {{realCalls}}；填充形状：对填充后的批次调用 {{paddedCalls}}。',
};
