/** Chinese strings of the page's look and accessibility; keys shared with look.en.ts. */
export const lookZh = {
  theme: '主题',
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  themeHint: '浅色、深色，或跟随系统设置。保存在本设备上。',
  skip: '跳到热力图',
};
