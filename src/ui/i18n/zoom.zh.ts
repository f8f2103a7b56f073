/**
 * 缩放栏（ZoomBar.tsx）和阶段热图上缩放提示的简体中文文本，`zoom.` 命名空间：以 `zoom: zoomZh`
 * 合并进 zh.ts。键与 zoom.en.ts 相同。
 */
export const zoomZh = {
  label: '热图缩放',
  range: '行 {{r0}}–{{r1}}（共 {{rows}}）· 键 {{c0}}–{{c1}}（共 {{cols}}）',
  in: '放大',
  out: '缩小',
  reset: '重置缩放',
  hint: '在热图上按住 Ctrl/⌘ 并滚动滚轮即可在该处缩放；或聚焦热图后按 + 或 −，按 0 重置。拖动可平移（绘制时按住 Shift 拖动）。触摸屏上：双指捏合缩放；“放大”以点按的单元格为中心。',
  wheelHint: '按住 Ctrl/⌘ 并滚动滚轮以缩放',
};
