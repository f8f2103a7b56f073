/**
 * 离线使用（issue #12 §4）的中文字符串，`offline.` 命名空间：新版本已安装时的提示
 * （src/ui/offline/UpdatePrompt.tsx）。键与 offline.en.ts 相同。
 */
import type { offlineEn } from './offline.en';

export const offlineZh: typeof offlineEn = {
  updateReady: 'Maskscope 的新版本已就绪。',
  updateHint: '方便时重新加载即可：设置保存在链接中，不会改变。',
  reload: '重新加载',
  later: '稍后',
};
