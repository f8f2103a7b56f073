/**
 * 面板错误边界（PanelBoundary.tsx）的简体中文文本，`boundary.` 命名空间：以 `boundary: boundaryZh`
 * 合并进 zh.ts。键与 boundary.en.ts 相同。
 */
export const boundaryZh = {
  failed: '{{panel}}出错，已关闭：{{message}}',
  kept: 'Maskscope 的其余部分照常工作，你的设置仍保存在链接中。',
  retry: '重试',
  panels: {
    input: '输入面板',
    masks: '掩码面板',
    modifiers: '分数修正面板',
    model: '模型面板',
    frameworks: '框架面板',
    result: '结果视图',
    encdec: '编码器–解码器视图',
    inspector: '行检查器',
  },
};
