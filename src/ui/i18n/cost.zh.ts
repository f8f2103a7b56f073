/**
 * 代价面板（CostPanel.tsx）的简体中文文本，`cost.` 命名空间：以 `cost: costZh` 合并进 zh.ts。
 * 键与 cost.en.ts 相同。
 */
export const costZh = {
  legend: '这个掩码的代价',
  slice: '针对当前显示的批次样本和注意力头。',
  allowed: '允许的单元格：{{allowed}} / {{total}}（{{percent}}%）',
  saved: '相比稠密计算节省的工作量：{{percent}}%',
  savedHint: '跳过被屏蔽单元格的内核只为允许的单元格计算 Q·Kᵀ 分数和 权重·V 的乘加；稠密内核要为全部 {{total}} 个单元格计算。',
  tileSize: '分块大小（查询 × 键），即块稀疏内核看到的掩码',
  off: '关',
  tilesHint: '把矩阵切成 {{size}}×{{size}} 的块，和 FlexAttention 的 BlockMask（BLOCK_SIZE = {{size}}）看到的一样；边缘的块包含的单元格较少。',
  full: '完整块：{{n}}',
  partial: '部分块：{{n}}',
  empty: '空块：{{n}}',
  fullKey: '所有单元格都允许：计算时无需掩码',
  partialKey: '部分单元格被屏蔽：要计算，并在块内应用 mask_mod',
  emptyKey: '没有允许的单元格：跳过',
  computed: '块稀疏内核计算 {{percent}}% 的块（{{total}} 个中的 {{computed}} 个）。',
  tileKey: '掩码热图上的分块轮廓',
};
